import { MEMBERSHIP_STATUS_LABELS } from '@rollcall/domain';
import {
  Datagrid,
  NumberField,
  Pagination,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleList,
  SimpleShowLayout,
  TextField,
  type RaRecord,
} from 'react-admin';
import { labelOf, MEMBERSHIP_SOURCE_CHOICES, MEMBERSHIP_STATUS_CHOICES } from '../choices';
import { DayField } from '../common/DayField';
import { formatDay } from '../common/dates';
import { ShowActions } from '../common/ShowActions';
import { TitledSection } from '../common/TitledSection';
import { useIsSmall } from '../common/useIsSmall';
import { Permission, useCan } from '../permissions';
import { RecordLoading } from '../common/Loading';

const contactPage = (record: RaRecord) => `/Contacts/${record.contactId}/show`;

/** The named members: not for coalition partners, who see aggregates only. */
const UnionMemberships = (_props: { label?: false }) => {
  const seesPeople = useCan(Permission.PEOPLE_READ);
  const isSmall = useIsSmall();
  if (!seesPeople) return null;
  return (
    <TitledSection title="Memberships recorded" sx={{ mt: 2 }}>
      <ReferenceManyField
        reference="Memberships"
        target="unionId"
        sort={{ field: 'status', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination />}
        empty="No memberships recorded for this union yet."
      >
        {isSmall ? (
          <SimpleList
            primaryText={(r) => r.contact?.fullName ?? 'Contact'}
            secondaryText={(r) =>
              [labelOf(MEMBERSHIP_STATUS_LABELS, r.status), r.joinDate ? `joined ${formatDay(r.joinDate)}` : null, r.membershipNumber]
                .filter(Boolean)
                .join(' · ')
            }
            rowClick={(_id, _resource, record) => contactPage(record)}
          />
        ) : (
          <Datagrid bulkActionButtons={false} rowClick={(_id, _resource, record) => contactPage(record)}>
            <TextField source="contact.fullName" label="Name" sortable={false} />
            <SelectField source="status" choices={MEMBERSHIP_STATUS_CHOICES} />
            <DayField source="joinDate" label="Joined" />
            <TextField source="membershipNumber" label="Number" emptyText="—" />
            <SelectField source="source" choices={MEMBERSHIP_SOURCE_CHOICES} />
          </Datagrid>
        )}
      </ReferenceManyField>
    </TitledSection>
  );
};

export const UnionShow = () => (
  <Show loading={<RecordLoading what="union" />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="shortName" label="Short name" />
      <NumberField source="memberCount" label="Members" />
      <UnionMemberships label={false} />
    </SimpleShowLayout>
  </Show>
);
