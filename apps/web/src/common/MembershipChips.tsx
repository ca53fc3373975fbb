import { Chip, Stack } from '@mui/material';
import { MEMBERSHIP_STATUS_LABELS, MembershipStatus } from '@rollcall/domain';
import { useRecordContext, type Identifier } from 'react-admin';
import { labelOf } from '../choices';

interface MembershipSummary {
  id: Identifier;
  status: MembershipStatus;
  union?: { id: string; shortName: string } | null;
}

const COLOURS: Record<MembershipStatus, 'success' | 'warning' | 'default' | 'info'> = {
  [MembershipStatus.MEMBER]: 'success',
  [MembershipStatus.PENDING]: 'info',
  [MembershipStatus.LAPSED]: 'warning',
  [MembershipStatus.NON_MEMBER]: 'default',
};

export const MembershipChip = ({ membership }: { membership: MembershipSummary }) => {
  const label = `${membership.union?.shortName ?? 'Union'}: ${labelOf(MEMBERSHIP_STATUS_LABELS, membership.status)}`;
  return (
    <Chip
      size="small"
      label={label}
      color={COLOURS[membership.status] ?? 'default'}
      variant={membership.status === MembershipStatus.MEMBER ? 'filled' : 'outlined'}
      data-testid="membership-chip"
    />
  );
};

/** A contact's memberships as "UNISON: Member" chips; "No membership" when there are none. */
export const MembershipChips = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ memberships?: MembershipSummary[] }>();
  const memberships = record?.memberships ?? [];
  if (memberships.length === 0) {
    return <Chip size="small" variant="outlined" label="No membership" data-testid="membership-chip" />;
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="Memberships">
      {memberships.map((m) => (
        <MembershipChip key={m.id} membership={m} />
      ))}
    </Stack>
  );
};
