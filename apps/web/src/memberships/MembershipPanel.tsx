import AddIcon from '@mui/icons-material/Add';
import {
  Box,
  Button,
  List,
  Stack,
  Typography,
} from '@mui/material';
import { MEMBERSHIP_SOURCE_LABELS, type MembershipStatus } from '@rollcall/domain';
import { useState } from 'react';
import { EmptyNote, ItemRow } from '../common/ItemRow';
import {
  ReferenceManyField,
  useListContext,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { labelOf } from '../choices';
import { formatDay } from '../common/dates';
import { MembershipChip } from '../common/MembershipChips';
import { MembershipDialog } from './MembershipDialog';
import { Permission, useCan } from '../permissions';
import { LoadingRows } from '../common/Loading';

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

const MembershipItems = ({ onEdit, readOnly }: { onEdit: (m: MembershipRecord) => void; readOnly: boolean }) => {
  const { data, isPending } = useListContext<MembershipRecord>();
  if (isPending) return <LoadingRows what="memberships" rows={2} />;
  if (!data || data.length === 0) {
    return <EmptyNote>No membership recorded yet.</EmptyNote>;
  }
  return (
    <List dense disablePadding aria-label="Memberships">
      {data.map((m) => (
        <ItemRow
          key={m.id}
          record={m}
          resource="Memberships"
          name={`${m.union?.shortName ?? ''} membership`}
          confirmContent="The membership record is removed from this contact."
          onEdit={onEdit}
          readOnly={readOnly}
          primary={<MembershipChip membership={m} />}
          secondary={details(m)}
        />
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
  const canEdit = useCan(Permission.PEOPLE_WRITE);
  if (!contact) return null;
  return (
    <Box component="section" aria-label="Memberships">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          Memberships
        </Typography>
        {canEdit && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<AddIcon />}
            onClick={() => setDialog({ open: true, membership: null })}
            aria-label="Add membership"
          >
            Add membership
          </Button>
        )}
      </Stack>
      <ReferenceManyField reference="Memberships" target="contactId" sort={{ field: 'createdAt', order: 'ASC' }} perPage={50}>
        <MembershipItems readOnly={!canEdit} onEdit={(m) => setDialog({ open: true, membership: m })} />
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
