import { Datagrid, NumberField, SelectField, SimpleList, TextField, useListContext } from 'react-admin';
import { WARD_TYPE_CHOICES } from '../choices';
import { DensityField, DensityLine } from '../common/DensityField';
import { LoadingRows } from '../common/Loading';
import { SortMenu, type SortKind } from '../common/SortMenu';
import { useIsSmall } from '../common/useIsSmall';
import { CoverageField } from './CoverageField';

/** What a phone's list sorts by (the table's column headers do it on a desktop): density lowest first is one tap. */
const PHONE_SORTS: Record<string, SortKind> = { name: 'text', density: 'number', headcount: 'number', memberCount: 'number' };

/** Wards with headcount, members, density and rep coverage: a table on desktop, a list on phones. */
export const WardTable = ({ showSite = false }: { showSite?: boolean }) => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  if (isPending) return <LoadingRows what="wards" tall={isSmall} />;
  if (isSmall) {
    return (
      <>
        <SortMenu fields={PHONE_SORTS} />
        <SimpleList
          resource="Wards"
          primaryText={(r) => r.name}
          secondaryText={(r) =>
            [showSite ? r.site?.name : null, WARD_TYPE_CHOICES.find((c) => c.id === r.type)?.name, r.speciality]
              .filter(Boolean)
              .join(' · ')
          }
          tertiaryText={<DensityLine />}
          rowClick="show"
        />
      </>
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} resource="Wards">
      <TextField source="name" />
      <SelectField source="type" choices={WARD_TYPE_CHOICES} />
      {showSite && <TextField source="site.name" label="Site" sortable={false} />}
      <TextField source="speciality" emptyText="—" />
      <NumberField source="headcount" />
      <NumberField source="memberCount" label="Members" />
      <DensityField label="Density" sortBy="density" />
      <NumberField source="repCount" label="Reps" sortable={false} />
      <CoverageField label="Rep coverage" sortable={false} />
    </Datagrid>
  );
};
