import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import {
  Box,
  Button,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { MEMBERSHIP_SOURCE_LABELS, type MembershipStatus } from '@rollcall/domain';
import { useState } from 'react';
import {
  DeleteButton,
  RecordContextProvider,
  ReferenceManyField,
  useListContext,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { labelOf } from '../choices';
import { formatDay } from '../common/formatDay';
import { MembershipChip } from '../common/MembershipChips';
import { MembershipDialog } from './MembershipDialog';

interface MembershipRecord extends RaRecord {
  status: MembershipStatus;
  union?: { id: string; name: string; shortName: string } | null;
  joinDate?: string | null;
  leaveDate?: string | null;
  membershipNumber?: string | null;
  source: string;
}

function details(m: MembershipRecord): string {
  return [
    m.union?.name,
    m.joinDate ? `joined ${formatDay(m.joinDate)}` : null,
    m.leaveDate ? `left ${formatDay(m.leaveDate)}` : null,
    m.membershipNumber ? `no. ${m.membershipNumber}` : null,
    labelOf(MEMBERSHIP_SOURCE_LABELS, m.source),
  ]
    .filter(Boolean)
    .join(' · ');
}

const MembershipItems = ({ onEdit }: { onEdit: (m: MembershipRecord) => void }) => {
  const { data, isPending } = useListContext<MembershipRecord>();
  if (isPending) return null;
  if (!data || data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        No membership recorded yet.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Memberships">
      {data.map((m) => (
        <RecordContextProvider key={m.id} value={m}>
          <ListItem
            disableGutters
            divider
            secondaryAction={
              <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                <IconButton
                  size="small"
                  aria-label={`Edit ${m.union?.shortName ?? ''} membership`}
                  onClick={() => onEdit(m)}
                >
                  <EditIcon fontSize="small" />
                </IconButton>
                <DeleteButton
                  resource="Memberships"
                  record={m}
                  mutationMode="pessimistic"
                  redirect={false}
                  label=""
                  aria-label={`Delete ${m.union?.shortName ?? ''} membership`}
                  confirmTitle={`Delete the ${m.union?.shortName ?? ''} membership?`}
                  confirmContent="The membership record is removed from this contact."
                />
              </Stack>
            }
            sx={{ pr: 11 }}
          >
            <ListItemText
              primary={<MembershipChip membership={m} />}
              secondary={details(m)}
              slotProps={{ primary: { component: 'div' } }}
            />
          </ListItem>
        </RecordContextProvider>
      ))}
    </List>
  );
};

/** A contact's memberships, inline on the contact page, with an "Add membership" dialog. */
export const MembershipPanel = () => {
  const contact = useRecordContext<{ id: string }>();
  const [dialog, setDialog] = useState<{ open: boolean; membership: MembershipRecord | null }>({
    open: false,
    membership: null,
  });
  if (!contact) return null;
  return (
    <Box component="section" aria-label="Memberships">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          Memberships
        </Typography>
        <Button
          size="small"
          variant="outlined"
          startIcon={<AddIcon />}
          onClick={() => setDialog({ open: true, membership: null })}
          aria-label="Add membership"
        >
          Add membership
        </Button>
      </Stack>
      <ReferenceManyField reference="Memberships" target="contactId" sort={{ field: 'createdAt', order: 'ASC' }} perPage={50}>
        <MembershipItems onEdit={(m) => setDialog({ open: true, membership: m })} />
      </ReferenceManyField>
      {dialog.open && (
        <MembershipDialog
          contactId={contact.id}
          membership={dialog.membership}
          open={dialog.open}
          onClose={() => setDialog({ open: false, membership: null })}
        />
      )}
    </Box>
  );
};
