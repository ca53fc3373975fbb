import { Chip, Stack } from '@mui/material';
import { ROLE_LABELS } from '@rollcall/domain';
import { useRecordContext } from 'react-admin';
import { labelOf } from '../choices';
import { WrappingChip } from '../common/WrappingChip';

export interface UserRole {
  branchId: string;
  role: string;
  branch?: { id: string; name: string } | null;
}

/** "Branch secretary · North Riverside NHS Foundation Trust" */
export function roleText(r: UserRole): string {
  return [labelOf(ROLE_LABELS, r.role), r.branch?.name].filter(Boolean).join(' · ');
}

/** An account's roles as chips, each with its branch; "No role" when it holds none. */
export const RoleChips = (_props: { label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ roles?: UserRole[] }>();
  const roles = record?.roles ?? [];
  if (roles.length === 0) return <Chip size="small" variant="outlined" label="No role" />;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', minWidth: 0 }} aria-label="Roles">
      {roles.map((r) => (
        <WrappingChip key={`${r.branchId}:${r.role}`} label={roleText(r)} />
      ))}
    </Stack>
  );
};

/** "Deactivated" for an account that can no longer sign in; "Active" (or nothing, on phones) otherwise. */
export const ActiveChip = ({ showActive = true }: { label?: string; sortBy?: string; showActive?: boolean }) => {
  const record = useRecordContext<{ active?: boolean }>();
  if (!record) return null;
  if (record.active === false) return <Chip size="small" color="warning" label="Deactivated" />;
  return showActive ? <Chip size="small" color="success" variant="outlined" label="Active" /> : null;
};
