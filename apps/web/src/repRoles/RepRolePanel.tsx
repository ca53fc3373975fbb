import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Chip, List, Stack, Typography } from '@mui/material';
import { REP_ROLE_KIND_LABELS } from '@rollcall/domain';
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
import { RepRoleDialog } from './RepRoleDialog';
import { Permission, useCan } from '../permissions';
import { LoadingRows } from '../common/Loading';

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

const RepRoleItems = ({ onEdit, readOnly }: { onEdit: (r: RepRoleRecord) => void; readOnly: boolean }) => {
  const { data, isPending } = useListContext<RepRoleRecord>();
  if (isPending) return <LoadingRows what="rep roles" rows={2} />;
  if (!data || data.length === 0) {
    return <EmptyNote>Not a rep.</EmptyNote>;
  }
  return (
    <List dense disablePadding aria-label="Rep roles">
      {data.map((r) => (
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
      ))}
    </List>
  );
};

/** A contact's rep roles, inline on the contact page, with an "Add rep role" dialog. */
export const RepRolePanel = () => {
  const contact = useRecordContext<{ id: string; wardId?: string | null }>();
  const [dialog, setDialog] = useState<{ open: boolean; repRole: RepRoleRecord | null }>({ open: false, repRole: null });
  const canEdit = useCan(Permission.PEOPLE_WRITE);
  if (!contact) return null;
  return (
    <Box component="section" aria-label="Rep roles">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          Rep roles
        </Typography>
        {canEdit && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<AddIcon />}
            onClick={() => setDialog({ open: true, repRole: null })}
            aria-label="Add rep role"
          >
            Add rep role
          </Button>
        )}
      </Stack>
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
    </Box>
  );
};
