import { Box } from '@mui/material';
import { Datagrid, SelectField, SimpleList, TextField, type Identifier, useListContext } from 'react-admin';
import { GRADE_CHOICES, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES } from '../choices';
import { MembershipChips } from '../common/MembershipChips';
import { LoadingRows } from '../common/Loading';
import { SortMenu, type SortKind } from '../common/SortMenu';
import { useIsSmall } from '../common/useIsSmall';

interface ContactRow {
  id: Identifier;
  fullName?: string;
  firstName: string;
  lastName: string;
  jobTitle?: string | null;
  ward?: { name: string; site?: { name: string } | null } | null;
  shiftPattern?: string;
}


/** What a phone's list sorts by (the table's column headers do it on a desktop). */
const PHONE_SORTS: Record<string, SortKind> = { lastName: 'text', firstName: 'text', jobTitle: 'text', lastConversationAt: 'date', assessment: 'number' };

/** People with their job, ward and membership status: a table on desktop, a list on phones. */
export const ContactTable = ({ showWard = true }: { showWard?: boolean }) => {
  const isSmall = useIsSmall();
  const { isPending } = useListContext();
  if (isPending) return <LoadingRows what="people" tall={isSmall} />;
  if (isSmall) {
    return (
      <>
        <SortMenu fields={PHONE_SORTS} />
        <SimpleList<ContactRow>
          resource="Contacts"
          primaryText={(r) => r.fullName ?? `${r.firstName} ${r.lastName}`}
          secondaryText={(r) =>
            [r.jobTitle, showWard ? r.ward?.name : null, SHIFT_PATTERN_CHOICES.find((c) => c.id === r.shiftPattern)?.name]
              .filter(Boolean)
              .join(' · ')
          }
          tertiaryText={
            <Box sx={{ mt: 0.5 }}>
              <MembershipChips />
            </Box>
          }
          rowClick="show"
        />
      </>
    );
  }
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} resource="Contacts">
      <TextField source="fullName" label="Name" sortBy="lastName" />
      <TextField source="jobTitle" emptyText="—" />
      {showWard && <TextField source="ward.name" label="Ward" sortable={false} />}
      {showWard && <TextField source="ward.site.name" label="Site" sortable={false} />}
      <SelectField source="staffGroup" choices={STAFF_GROUP_CHOICES} />
      <SelectField source="grade" choices={GRADE_CHOICES} emptyText="—" />
      <SelectField source="shiftPattern" label="Shift" choices={SHIFT_PATTERN_CHOICES} />
      <MembershipChips label="Membership" sortable={false} />
    </Datagrid>
  );
};
