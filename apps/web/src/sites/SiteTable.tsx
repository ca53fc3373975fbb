import { Datagrid, SelectField, SimpleList, TextField, useListContext } from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { CountField, DensityField, DensityLine } from '../common/DensityField';
import { LoadingRows } from '../common/Loading';
import { SortMenu, type SortKind } from '../common/SortMenu';
import { useIsSmall } from '../common/useIsSmall';
import { Permission, useCan } from '../permissions';

/** What a phone's list sorts by (the table's column headers do it on a desktop): density lowest first is one tap. */
const PHONE_SORTS: Record<string, SortKind> = { name: 'text', density: 'number', headcount: 'number', memberCount: 'number' };

/** Sites with their headcount, members and density: a table on desktop, a list on phones. */
export const SiteTable = ({ showEmployer = false }: { showEmployer?: boolean }) => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  // Exact counts come only where the caller sees the people (a coalition viewer gets "withheld"): no sorting by them without.
  const counts = useCan(Permission.PEOPLE_READ);
  if (isPending) return <LoadingRows what="sites" tall={isSmall} />;
  if (isSmall) {
    return (
      <>
        <SortMenu fields={counts ? PHONE_SORTS : { name: 'text' }} />
        <SimpleList
          resource="Sites"
          primaryText={(r) => r.name}
          secondaryText={(r) => [showEmployer ? r.employer?.name : null, SITE_KIND_CHOICES.find((c) => c.id === r.kind)?.name].filter(Boolean).join(' · ')}
          tertiaryText={<DensityLine />}
          rowClick="show"
        />
      </>
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} resource="Sites">
      <TextField source="name" />
      <SelectField source="kind" choices={SITE_KIND_CHOICES} />
      {showEmployer && <TextField source="employer.name" label="Employer" sortable={false} />}
      <TextField source="postcode" emptyText="—" />
      <CountField source="headcount" label="Headcount" sortable={counts} />
      <CountField source="memberCount" label="Members" sortable={counts} />
      <DensityField label="Density" sortBy="density" sortable={counts} />
    </Datagrid>
  );
};
