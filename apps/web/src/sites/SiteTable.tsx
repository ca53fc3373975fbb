import { Datagrid, NumberField, SelectField, SimpleList, TextField, useListContext } from 'react-admin';
import { SITE_KIND_CHOICES } from '../choices';
import { DensityField, DensityLine } from '../common/DensityField';
import { LoadingRows } from '../common/Loading';
import { SortMenu, type SortKind } from '../common/SortMenu';
import { useIsSmall } from '../common/useIsSmall';

/** What a phone's list sorts by (the table's column headers do it on a desktop): density lowest first is one tap. */
const PHONE_SORTS: Record<string, SortKind> = { name: 'text', density: 'number', headcount: 'number', memberCount: 'number' };

/** Sites with their headcount, members and density: a table on desktop, a list on phones. */
export const SiteTable = ({ showEmployer = false }: { showEmployer?: boolean }) => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  if (isPending) return <LoadingRows what="sites" tall={isSmall} />;
  if (isSmall) {
    return (
      <>
        <SortMenu fields={PHONE_SORTS} />
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
      <NumberField source="headcount" />
      <NumberField source="memberCount" label="Members" />
      <DensityField label="Density" sortBy="density" />
    </Datagrid>
  );
};
