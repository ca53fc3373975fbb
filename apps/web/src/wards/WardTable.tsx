import { Datagrid, SelectField, SimpleList, TextField, useListContext } from 'react-admin';
import { WARD_TYPE_CHOICES } from '../choices';
import { CountField, DensityField, DensityLine } from '../common/DensityField';
import { LoadingRows } from '../common/Loading';
import { SortMenu, type SortKind } from '../common/SortMenu';
import { useIsSmall } from '../common/useIsSmall';
import { Permission, useCan } from '../permissions';
import { CoverageField } from './CoverageField';

/** What a phone's list sorts by (the table's column headers do it on a desktop): density lowest first is one tap. */
const PHONE_SORTS: Record<string, SortKind> = { name: 'text', density: 'number', headcount: 'number', memberCount: 'number' };

/** Wards with headcount, members, density and rep coverage: a table on desktop, a list on phones. */
export const WardTable = ({ showSite = false }: { showSite?: boolean }) => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  // Exact counts come only where the caller sees the people (a coalition viewer gets "withheld"): no sorting by them without.
  const counts = useCan(Permission.PEOPLE_READ);
  if (isPending) return <LoadingRows what="wards" tall={isSmall} />;
  if (isSmall) {
    return (
      <>
        <SortMenu fields={counts ? PHONE_SORTS : { name: 'text' }} />
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
      <CountField source="headcount" label="Headcount" sortable={counts} />
      <CountField source="memberCount" label="Members" sortable={counts} />
      <DensityField label="Density" sortBy="density" sortable={counts} />
      <CountField source="repCount" label="Reps" sortable={false} />
      <CoverageField label="Rep coverage" sortable={false} />
    </Datagrid>
  );
};
