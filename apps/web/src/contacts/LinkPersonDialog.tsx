import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { OrganisingDataProvider } from '../dataProvider';
import { ContactAutocomplete, type PersonOption } from '../organising/ContactAutocomplete';

interface LinkPersonDialogProps {
  contact: { id: Identifier; fullName: string };
  /** "leader": pick whom the contact looks to; "follower": pick who looks to the contact. */
  pick: 'leader' | 'follower';
  exclude: readonly Identifier[];
  onClose: () => void;
}

/** Records who looks to whom, picking the other person. */
export const LinkPersonDialog = ({ contact, pick, exclude, onClose }: LinkPersonDialogProps) => {
  const dataProvider = useDataProvider<OrganisingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = pick === 'leader' ? `Whom does ${contact.fullName} look to?` : `Who looks to ${contact.fullName}?`;
  const save = async () => {
    if (!person) {
      setError('Pick a person');
      return;
    }
    setSaving(true);
    try {
      if (pick === 'leader') await dataProvider.linkContacts(person.id, contact.id);
      else await dataProvider.linkContacts(contact.id, person.id);
      notify(pick === 'leader' ? `${contact.fullName} looks to ${person.fullName}` : `${person.fullName} looks to ${contact.fullName}`, { type: 'success' });
      refresh();
      onClose();
    } catch (e) {
      const fields = e instanceof HttpError ? (e.body as { errors?: Record<string, string> })?.errors : undefined;
      setError(fields ? Object.values(fields).join('; ') : e instanceof Error ? e.message : 'Could not save');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="link-title">
      <DialogTitle id="link-title">{title}</DialogTitle>
      <DialogContent sx={{ overflow: 'visible' }}>
        <DialogContentText sx={{ mb: 2 }}>
          {pick === 'leader' ? 'The person they trust and follow at work.' : 'Someone who trusts and follows them at work.'}
        </DialogContentText>
        <ContactAutocomplete
          label="Person"
          value={person}
          onChange={(p) => {
            setPerson(p);
            setError(null);
          }}
          exclude={[contact.id, ...exclude]}
          error={error ?? undefined}
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={saving}>
          Add
        </Button>
      </DialogActions>
    </Dialog>
  );
};
