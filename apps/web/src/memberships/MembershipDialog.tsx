import { Button, Dialog, DialogActions, DialogContent, DialogTitle, useMediaQuery, type Theme } from '@mui/material';
import { MembershipSource, MembershipStatus } from '@rollcall/domain';
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
import { MembershipInputs } from './MembershipInputs';

interface MembershipDialogProps {
  contactId: string;
  /** An existing membership to edit; absent to add one. */
  membership?: RaRecord | null;
  open: boolean;
  onClose: () => void;
}

const NEW_MEMBERSHIP = { status: MembershipStatus.MEMBER, source: MembershipSource.SELF_REPORTED };

/**
 * Adds (or edits) a contact's membership without leaving the contact page. Field errors from the
 * server are returned to the form so they show on the matching input.
 */
export const MembershipDialog = ({ contactId, membership, open, onClose }: MembershipDialogProps) => {
  const [create] = useCreate();
  const [update] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const editing = !!membership;
  const title = editing ? 'Edit membership' : 'Add a membership';

  const save = async (values: Record<string, unknown>) => {
    try {
      if (membership) {
        await update(
          'Memberships',
          { id: membership.id, data: values, previousData: membership },
          { mutationMode: 'pessimistic', returnPromise: true },
        );
        notify('Membership updated', { type: 'success' });
      } else {
        await create('Memberships', { data: { ...values, contactId } }, { returnPromise: true });
        notify('Membership added', { type: 'success' });
      }
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(
        errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : 'Could not save the membership',
        { type: 'error' },
      );
      return errors;
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="xs" aria-labelledby="membership-dialog-title">
      <DialogTitle id="membership-dialog-title">{title}</DialogTitle>
      <ResourceContextProvider value="Memberships">
        <Form
          record={membership ?? NEW_MEMBERSHIP}
          onSubmit={save}
          id="membership-form"
          noValidate
        >
          <DialogContent sx={{ pt: 0 }}>
            <MembershipInputs />
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={onClose}>Cancel</Button>
            <SaveButton label={editing ? 'Save membership' : 'Add membership'} alwaysEnable={!editing} />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
