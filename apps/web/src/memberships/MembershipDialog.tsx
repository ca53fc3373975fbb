import { MembershipSource, MembershipStatus } from '@rollcall/domain';
import type { RaRecord } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { MembershipInputs } from './MembershipInputs';

interface MembershipDialogProps {
  contactId: string;
  /** An existing membership to edit; absent to add one. */
  membership?: RaRecord | null;
  open: boolean;
  onClose: () => void;
}

const NEW_MEMBERSHIP = { status: MembershipStatus.MEMBER, source: MembershipSource.SELF_REPORTED };

/** Adds (or edits) a contact's membership without leaving the contact page. */
export const MembershipDialog = ({ contactId, membership, open, onClose }: MembershipDialogProps) => (
  <FormDialog
    noun="membership"
    resource="Memberships"
    record={membership}
    defaults={NEW_MEMBERSHIP}
    createData={{ contactId }}
    open={open}
    onClose={onClose}
    maxWidth="sm"
  >
    <MembershipInputs />
  </FormDialog>
);
