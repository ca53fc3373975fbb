import { useWatch } from 'react-hook-form';
import { AutocompleteArrayInput, ReferenceArrayInput, useGetMany, type RaRecord } from 'react-admin';
import type { UserRole } from './RoleChips';

const siteName = (site: RaRecord) => site.name;
/** With sites of several employers on offer, each says whose it is. */
const siteAndEmployer = (site: RaRecord) => (site.employer?.name ? `${site.name} · ${site.employer.name}` : site.name);

/**
 * A rep's patch: sites of the employers of the branches they are a rep in. Offered only once the
 * form holds a rep role, and narrowed to that branch's employer when it has one.
 */
export const PatchSitesInput = () => {
  const roles = useWatch({ name: 'roles' }) as Partial<UserRole>[] | undefined;
  const repBranchIds = [...new Set((roles ?? []).filter((r) => r?.role === 'REP' && r.branchId).map((r) => r.branchId!))];
  const { data: branches } = useGetMany('Branches', { ids: repBranchIds }, { enabled: repBranchIds.length > 0 });
  const employerIds = [...new Set((branches ?? []).flatMap((b) => (b.employerIds as string[] | undefined) ?? []))];
  const oneEmployer = employerIds.length === 1;
  const filter = oneEmployer ? { employerId: employerIds[0] } : {};
  const isRep = repBranchIds.length > 0;
  return (
    <ReferenceArrayInput source="patchSiteIds" reference="Sites" filter={filter} sort={{ field: 'name', order: 'ASC' }} perPage={200}>
      <AutocompleteArrayInput
        label="Patch sites"
        optionText={oneEmployer ? siteName : siteAndEmployer}
        helperText={isRep ? 'Only for reps: the sites whose people they see' : 'Only for reps: give a workplace rep role first'}
        disabled={!isRep}
        fullWidth
        sx={{ maxWidth: 480 }}
      />
    </ReferenceArrayInput>
  );
};
