import { Button, Dialog, DialogActions, DialogContent, DialogTitle, useMediaQuery, type Theme } from '@mui/material';
import { RepRoleKind } from '@rollcall/domain';
import {
  Form,
  HttpError,
  ResourceContextProvider,
  SaveButton,
  useCreate,
  useNotify,
  useRefresh,
  useUpdate,
  type RaRecord,
} from 'react-admin';
import { RepRoleInputs } from './RepRoleInputs';

interface RepRoleDialogProps {
  contactId: string;
  /** The contact's current ward: the default ward for a new role. */
  wardId?: string | null;
  repRole?: RaRecord | null;
  open: boolean;
  onClose: () => void;
}

/** Adds (or edits) a rep role without leaving the contact page. */
export const RepRoleDialog = ({ contactId, wardId, repRole, open, onClose }: RepRoleDialogProps) => {
  const [create] = useCreate();
  const [update] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const editing = !!repRole;

  const save = async (values: Record<string, unknown>) => {
    try {
      if (repRole) {
        await update(
          'RepRoles',
          { id: repRole.id, data: values, previousData: repRole },
          { mutationMode: 'pessimistic', returnPromise: true },
        );
        notify('Rep role updated', { type: 'success' });
      } else {
        await create('RepRoles', { data: { ...values, contactId } }, { returnPromise: true });
        notify('Rep role added', { type: 'success' });
      }
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(
        errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : 'Could not save the rep role',
        { type: 'error' },
      );
      return errors;
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby="rep-role-dialog-title">
      <DialogTitle id="rep-role-dialog-title">{editing ? 'Edit rep role' : 'Add a rep role'}</DialogTitle>
      <ResourceContextProvider value="RepRoles">
        <Form
          record={repRole ?? { kind: RepRoleKind.WORKPLACE_REP, wardIds: wardId ? [wardId] : [] }}
          onSubmit={save}
          noValidate
        >
          <DialogContent sx={{ pt: 0 }}>
            <RepRoleInputs />
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={onClose}>Cancel</Button>
            <SaveButton label={editing ? 'Save rep role' : 'Add rep role'} alwaysEnable={!editing} />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
