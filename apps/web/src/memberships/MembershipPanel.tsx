import { MEMBERSHIP_SOURCE_LABELS, type MembershipStatus } from '@rollcall/domain';
import { useState } from 'react';
import { ItemList, ItemPanel } from '../common/ItemPanel';
import { ItemRow } from '../common/ItemRow';
import { ReferenceManyField, useRecordContext, type RaRecord } from 'react-admin';
import { labelOf } from '../choices';
import { formatDay } from '../common/dates';
import { MembershipChip } from '../common/MembershipChips';
import { MembershipDialog } from './MembershipDialog';
import { Permission, useCan } from '../permissions';

interface MembershipRecord extends RaRecord {
  status: MembershipStatus;
  union?: { id: string; name: string; shortName: string } | null;
  joinDate?: string | null;
  leaveDate?: string | null;
  membershipNumber?: string | null;
  source: string;
  recruitedByName?: string | null;
}

function details(m: MembershipRecord): string {
  return [
    m.union?.name,
    m.joinDate ? `joined ${formatDay(m.joinDate)}` : null,
    m.leaveDate ? `left ${formatDay(m.leaveDate)}` : null,
    m.membershipNumber ? `no. ${m.membershipNumber}` : null,
    labelOf(MEMBERSHIP_SOURCE_LABELS, m.source),
    m.recruitedByName ? `recruited by ${m.recruitedByName}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

const MembershipItems = ({ onEdit, readOnly }: { onEdit: (m: MembershipRecord) => void; readOnly: boolean }) => (
  <ItemList<MembershipRecord> label="Memberships" empty="No membership recorded yet.">
    {(m) => (
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
    )}
  </ItemList>
);

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
    <ItemPanel
      title="Memberships"
      addLabel="Add membership"
      onAdd={canEdit ? () => setDialog({ open: true, membership: null }) : undefined}
    >
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
    </ItemPanel>
  );
};
