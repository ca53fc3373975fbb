import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Button, Typography } from '@mui/material';
import {
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
  useCreatePath,
  useResourceDefinition,
  LinkBase,
} from 'react-admin';
import { CountField } from '../common/DensityField';
import { WARD_TYPE_CHOICES } from '../choices';
import { DetailItem } from '../common/DetailItem';
import { DensityDetails, DetailsGrid, DetailsSection, NameTitle } from '../common/RecordDetails';
import { ShowActions } from '../common/ShowActions';
import { WallChartButton } from '../wallchart/WallChartButton';
import { ContactTable } from '../contacts/ContactTable';
import { Permission, useCan } from '../permissions';
import { CoverageField } from './CoverageField';
import { RecordLoading } from '../common/Loading';

/** Opens the contact form with this ward already chosen. */
const AddPersonButton = () => {
  const ward = useRecordContext<{ id: string }>();
  const createPath = useCreatePath();
  const { hasCreate } = useResourceDefinition({ resource: 'Contacts' });
  if (!ward || !hasCreate) return null;
  return (
    <Button
      component={LinkBase}
      to={createPath({ resource: 'Contacts', type: 'create' })}
      state={{ record: { wardId: ward.id } }}
      size="small"
      variant="outlined"
      startIcon={<PersonAddIcon />}
      aria-label="Add a person to this ward"
    >
      Add person
    </Button>
  );
};

/** Staff who have not left: the same people the ward's headcount counts. */
const CURRENT_STAFF = { isCurrent: true };

/** Everyone posted here now, with their membership status. Hidden from coalition partners (aggregates only). */
const PeopleOnWard = () => {
  const seesPeople = useCan(Permission.PEOPLE_READ);
  if (!seesPeople) return null;
  return (
    <DetailsSection title="People on this ward" actions={<AddPersonButton />}>
      <ReferenceManyField
        reference="Contacts"
        target="wardId"
        filter={CURRENT_STAFF}
        sort={{ field: 'lastName', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        empty={<Typography variant="body2">Nobody is posted to this ward yet.</Typography>}
      >
        <ContactTable showWard={false} />
      </ReferenceManyField>
    </DetailsSection>
  );
};

export const WardShow = () => (
  <Show loading={<RecordLoading what="ward" />} actions={<ShowActions><WallChartButton place="ward" /></ShowActions>} title={<NameTitle fallback="Ward" />}>
    <DetailsGrid>
      <DetailItem label="Name" wide>
        <TextField source="name" variant="h6" />
      </DetailItem>
      <DetailItem label="Site" wide>
        <ReferenceField source="siteId" reference="Sites" link="show" />
      </DetailItem>
      <DetailItem label="Type">
        <SelectField source="type" choices={WARD_TYPE_CHOICES} />
      </DetailItem>
      <DetailItem label="Speciality">
        <TextField source="speciality" emptyText="—" />
      </DetailItem>
      <DensityDetails />
      <DetailItem label="Reps">
        <CountField source="repCount" />
      </DetailItem>
      <DetailItem label="Rep coverage">
        <CoverageField />
      </DetailItem>
    </DetailsGrid>
    <PeopleOnWard />
  </Show>
);
