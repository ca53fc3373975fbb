import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { MAX_LENGTH } from '@rollcall/domain';
import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { OrganisingDataProvider } from '../dataProvider';

/**
 * Marks someone an organic leader, asking why (the API requires a reason: who follows them, what
 * they did), or unmarks them after a confirmation. The server's refusal shows on the reason.
 */
export const LeaderDialog = ({ contactId, name, marking, onClose }: { contactId: Identifier; name: string; marking: boolean; onClose: () => void }) => {
  const dataProvider = useDataProvider<OrganisingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (marking && !reason.trim()) {
      setError('Say why: who follows them, what they did');
      return;
    }
    setSaving(true);
    try {
      await dataProvider.setLeader(contactId, marking, reason.trim());
      notify(marking ? `${name} marked as a leader` : `${name} is no longer marked as a leader`, { type: 'success' });
      refresh();
      onClose();
    } catch (e) {
      const fields = e instanceof HttpError ? (e.body as { errors?: Record<string, string> })?.errors : undefined;
      if (fields?.reason) setError(fields.reason);
      else notify(e instanceof Error ? e.message : 'Could not save', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="leader-title">
      <DialogTitle id="leader-title">{marking ? `Mark ${name} as a leader` : `Unmark ${name}?`}</DialogTitle>
      <DialogContent>
        {marking ? (
          <>
            <DialogContentText sx={{ mb: 2 }}>
              An organic leader is someone co-workers trust and follow, often not a rep. Why are they one?
            </DialogContentText>
            <TextField
              label="Why"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
              multiline
              minRows={2}
              fullWidth
              autoFocus
              required
              error={!!error}
              helperText={error ?? 'e.g. the ward asks her first; got 10 signatures on the petition'}
              slotProps={{ htmlInput: { maxLength: MAX_LENGTH.SHORT_TEXT } }}
            />
          </>
        ) : (
          <DialogContentText>They stay on record as marked before, on the timeline.</DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={saving}>
          {marking ? 'Mark as leader' : 'Unmark'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
