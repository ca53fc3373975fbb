import { Box, Chip } from '@mui/material';
import { REP_ROLE_KIND_LABELS } from '@rollcall/domain';
import { useState } from 'react';
import { ItemList, ItemPanel } from '../common/ItemPanel';
import { ItemRow } from '../common/ItemRow';
import { ReferenceManyField, useRecordContext, type RaRecord } from 'react-admin';
import { labelOf } from '../choices';
import { formatDay } from '../common/dates';
import { RepRoleDialog } from './RepRoleDialog';
import { Permission, useCan } from '../permissions';

interface RepRoleRecord extends RaRecord {
  kind: string;
  startDate?: string | null;
  endDate?: string | null;
  wards?: { id: string; name: string }[];
}

function period(r: RepRoleRecord): string {
  if (r.startDate && r.endDate) return `${formatDay(r.startDate)} to ${formatDay(r.endDate)}`;
  if (r.startDate) return `since ${formatDay(r.startDate)}`;
  if (r.endDate) return `until ${formatDay(r.endDate)}`;
  return '';
}

const RepRoleItems = ({ onEdit, readOnly }: { onEdit: (r: RepRoleRecord) => void; readOnly: boolean }) => (
  <ItemList<RepRoleRecord> label="Rep roles" empty="Not a rep.">
    {(r) => (
      <ItemRow
        key={r.id}
        record={r}
        resource="RepRoles"
        name={`${labelOf(REP_ROLE_KIND_LABELS, r.kind)} role`}
        confirmContent="The role and the wards it covers are removed from this contact."
        onEdit={onEdit}
        readOnly={readOnly}
        primary={labelOf(REP_ROLE_KIND_LABELS, r.kind) + (r.endDate ? ' (ended)' : '')}
        secondary={
          <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center', mt: 0.5 }}>
            {(r.wards ?? []).map((w) => (
              <Chip key={w.id} size="small" label={w.name} component="span" />
            ))}
            <Box component="span">{period(r)}</Box>
          </Box>
        }
      />
    )}
  </ItemList>
);

/** A contact's rep roles, inline on the contact page, with an "Add rep role" dialog. */
export const RepRolePanel = () => {
  const contact = useRecordContext<{ id: string; wardId?: string | null }>();
  const [dialog, setDialog] = useState<{ open: boolean; repRole: RepRoleRecord | null }>({ open: false, repRole: null });
  const canEdit = useCan(Permission.PEOPLE_WRITE);
  if (!contact) return null;
  return (
    <ItemPanel title="Rep roles" addLabel="Add rep role" onAdd={canEdit ? () => setDialog({ open: true, repRole: null }) : undefined}>
      <ReferenceManyField reference="RepRoles" target="contactId" perPage={50}>
        <RepRoleItems readOnly={!canEdit} onEdit={(r) => setDialog({ open: true, repRole: r })} />
      </ReferenceManyField>
      {dialog.open && (
        <RepRoleDialog
          contactId={contact.id}
          wardId={contact.wardId}
          repRole={dialog.repRole}
          open={dialog.open}
          onClose={() => setDialog({ open: false, repRole: null })}
        />
      )}
    </ItemPanel>
  );
};
