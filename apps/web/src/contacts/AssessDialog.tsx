import { Button, Dialog, DialogActions, DialogContent, DialogTitle, FormHelperText, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { ASSESSMENT_LABELS, ASSESSMENTS, assessmentDescription, type Assessment } from '@rollcall/domain';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { OrganisingDataProvider } from '../dataProvider';

/** Records where someone stands without logging a conversation (a word in the corridor). */
export const AssessDialog = ({ contactId, name, current, onClose }: { contactId: Identifier; name: string; current: number | null; onClose: () => void }) => {
  const dataProvider = useDataProvider<OrganisingDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [value, setValue] = useState<Assessment | null>((current as Assessment | null) ?? null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!value) return;
    setSaving(true);
    try {
      await dataProvider.assessContact(contactId, value);
      notify(`${name} assessed ${value} · ${ASSESSMENT_LABELS[value]}`, { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Could not record the assessment', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="assess-title">
      <DialogTitle id="assess-title">Assess {name}</DialogTitle>
      <DialogContent>
        <ToggleButtonGroup
          exclusive
          fullWidth
          orientation="vertical"
          color="primary"
          value={value}
          onChange={(_e, next: Assessment | null) => next && setValue(next)}
          aria-label="Assessment"
        >
          {ASSESSMENTS.map((a) => (
            <ToggleButton key={a} value={a} sx={{ justifyContent: 'flex-start', textTransform: 'none' }}>
              {a} · {ASSESSMENT_LABELS[a]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <FormHelperText sx={{ mx: 0, mt: 1 }}>{value ? assessmentDescription(value) : 'Where they stand now'}</FormHelperText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={!value || saving}>
          Save assessment
        </Button>
      </DialogActions>
    </Dialog>
  );
};
