import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, IconButton, Link, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, LinkBase, useCreatePath, useDataProvider, useNotify, useRecordContext, useRefresh, type Identifier } from 'react-admin';
import { EmptyNote } from '../common/ItemRow';
import { TitledSection } from '../common/TitledSection';
import type { OrganisingDataProvider } from '../dataProvider';
import { formatDay } from '../common/dates';
import { LeaderBadge } from '../organising/LeaderBadge';
import { Permission, useCan } from '../permissions';
import { LeaderDialog } from './LeaderDialog';
import { LinkPersonDialog } from './LinkPersonDialog';

interface Person {
  id: Identifier;
  fullName: string;
  ward?: { name: string } | null;
}

interface ContactWithLeaders {
  id: Identifier;
  fullName: string;
  leader?: boolean;
  leaderReason?: string | null;
  leaderMarkedAt?: string | null;
  leaders?: Person[];
  followers?: Person[];
}

/** "Looks to" or "Followed by": the people, each removable, and an add button. */
const LinkedPeople = ({ contact, kind, canEdit }: { contact: ContactWithLeaders; kind: 'leader' | 'follower'; canEdit: boolean }) => {
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<OrganisingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Person | null>(null);
  const people = (kind === 'leader' ? contact.leaders : contact.followers) ?? [];
  const heading = kind === 'leader' ? 'Looks to' : 'Followed by';
  const headingId = `${kind}-heading`;
  const remove = async (p: Person) => {
    try {
      if (kind === 'leader') await dataProvider.unlinkContacts(p.id, contact.id);
      else await dataProvider.unlinkContacts(contact.id, p.id);
      notify(`Removed ${p.fullName}`, { type: 'success' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Could not remove', { type: 'error' });
    }
    setRemoving(null);
  };
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {heading}
        </Typography>
        {canEdit && (
          <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)} aria-label={kind === 'leader' ? 'Add whom they look to' : 'Add who looks to them'}>
            Add
          </Button>
        )}
      </Stack>
      {people.length === 0 ? (
        <EmptyNote>{kind === 'leader' ? 'Nobody recorded yet.' : 'Nobody recorded as following them.'}</EmptyNote>
      ) : (
        <List dense disablePadding aria-label={heading}>
          {people.map((p) => (
            <ListItem
              key={p.id}
              disableGutters
              divider
              secondaryAction={
                canEdit ? (
                  <IconButton size="small" aria-label={`Remove ${p.fullName}`} onClick={() => setRemoving(p)}>
                    <CloseIcon fontSize="small" />
                  </IconButton>
                ) : undefined
              }
            >
              <ListItemText
                primary={
                  <Link component={LinkBase} to={createPath({ resource: 'Contacts', type: 'show', id: p.id })}>
                    {p.fullName}
                  </Link>
                }
                secondary={p.ward?.name}
              />
            </ListItem>
          ))}
        </List>
      )}
      {adding && (
        <LinkPersonDialog contact={contact} pick={kind} exclude={people.map((p) => p.id)} onClose={() => setAdding(false)} />
      )}
      <Confirm
        isOpen={!!removing}
        title={`Remove ${removing?.fullName ?? ''}?`}
        content={kind === 'leader' ? `${contact.fullName} no longer looks to them.` : `They no longer look to ${contact.fullName}.`}
        confirm="Remove"
        onConfirm={() => removing && remove(removing)}
        onClose={() => setRemoving(null)}
      />
    </Box>
  );
};

/**
 * Leadership: whether the contact is an organic leader (and why, since when), whom they look to
 * and who looks to them. Marking asks why; everything is on the timeline.
 */
export const LeaderPanel = () => {
  const contact = useRecordContext<ContactWithLeaders>();
  const canEdit = useCan(Permission.PEOPLE_WRITE);
  const [dialog, setDialog] = useState<null | 'mark' | 'unmark'>(null);
  if (!contact) return null;
  return (
    <TitledSection
      title="Leadership"
      actions={
        canEdit &&
        (contact.leader ? (
          <Button size="small" variant="outlined" onClick={() => setDialog('unmark')}>
            Unmark leader
          </Button>
        ) : (
          <Button size="small" variant="outlined" onClick={() => setDialog('mark')}>
            Mark as leader
          </Button>
        ))
      }
    >
      {contact.leader ? (
        <Box data-testid="leader-flag">
          <LeaderBadge reason={contact.leaderReason} />
          <Typography variant="body2" sx={{ mt: 1 }}>
            {contact.leaderReason}
          </Typography>
          {contact.leaderMarkedAt && (
            <Typography variant="caption" color="text.secondary">
              Marked {formatDay(contact.leaderMarkedAt)}
            </Typography>
          )}
        </Box>
      ) : (
        <EmptyNote>Not marked as an organic leader.</EmptyNote>
      )}
      <LinkedPeople contact={contact} kind="leader" canEdit={canEdit} />
      <LinkedPeople contact={contact} kind="follower" canEdit={canEdit} />
      {dialog && (
        <LeaderDialog contactId={contact.id} name={contact.fullName} marking={dialog === 'mark'} onClose={() => setDialog(null)} />
      )}
    </TitledSection>
  );
};
