import { RepRoleKind } from '@rollcall/domain';
import type { RaRecord } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
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
export const RepRoleDialog = ({ contactId, wardId, repRole, open, onClose }: RepRoleDialogProps) => (
  <FormDialog
    noun="rep role"
    resource="RepRoles"
    record={repRole}
    defaults={{ kind: RepRoleKind.WORKPLACE_REP, wardIds: wardId ? [wardId] : [] }}
    createData={{ contactId }}
    open={open}
    onClose={onClose}
  >
    <RepRoleInputs />
  </FormDialog>
);
