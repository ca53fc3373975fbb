import { Box, Button, Checkbox, FormControlLabel, List, ListItem, MenuItem, TextField, Typography } from '@mui/material';
import { ParticipationState } from '@rollcall/domain';
import { useEffect, useMemo, useState } from 'react';
import { useDataProvider, useGetList, useNotify, useRefresh } from 'react-admin';
import { LoadError } from '../common/LoadError';
import { LoadingRows } from '../common/Loading';
import type { CampaignsDataProvider } from '../dataProvider';

interface Person { id: string; fullName: string }
interface Row { id: string; contactId: string; state: ParticipationState }

/**
 * Who came, a ward at a time, made for a phone: pick the ward (of the action's site, when it was held
 * at one), tap each person who came (one tap each), then save once. Everything is saved together or not at all; the server names anyone it
 * refused. Unticking someone who was ticked clears what was recorded for them.
 */
export const ParticipationPanel = ({ actionId, defaultWardId, siteId }: { actionId: string; defaultWardId?: string | null; siteId?: string | null }) => {
  const dataProvider = useDataProvider<CampaignsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [wardId, setWardId] = useState<string>(defaultWardId ?? '');
  const wards = useGetList<{ id: string; name: string }>('Wards', { filter: siteId ? { myBranches: true, siteId } : { myBranches: true }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 500 } });
  const people = useGetList<Person>('Contacts', { filter: { wardId, isCurrent: true }, sort: { field: 'lastName', order: 'ASC' }, pagination: { page: 1, perPage: 500 } }, { enabled: !!wardId });
  const recorded = useGetList<Row>('Participations', { filter: { actionId, wardId }, pagination: { page: 1, perPage: 500 } }, { enabled: !!wardId });
  const came = useMemo(() => new Set((recorded.data ?? []).filter((r) => r.state === ParticipationState.ATTENDED_OR_SIGNED).map((r) => r.contactId)), [recorded.data]);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  useEffect(() => setTicked(new Set(came)), [came]);
  useEffect(() => {
    if (!wardId && wards.data?.length) setWardId(wards.data[0].id);
  }, [wardId, wards.data]);

  const loading = !!wardId && (people.isPending || recorded.isPending);
  const changes = (people.data ?? []).filter((p) => ticked.has(p.id) !== came.has(p.id));
  const toggle = (id: string) => setTicked((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const save = async () => {
    setSaving(true);
    try {
      await dataProvider.recordParticipation(actionId, changes.map((p) => ({ contactId: p.id, state: ticked.has(p.id) ? ParticipationState.ATTENDED_OR_SIGNED : null })));
      notify(`Saved: ${changes.length} ${changes.length === 1 ? 'person' : 'people'}`, { type: 'success' });
      await recorded.refetch();
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Could not save', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="h6" component="h2">Who came</Typography>
      <TextField
        select label="Ward" value={wardId} onChange={(e) => setWardId(e.target.value)} size="small" sx={{ minWidth: 240, my: 1 }}
        helperText={siteId ? "The site's wards" : undefined}
      >
        {(wards.data ?? []).map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
      </TextField>
      {people.error ? <LoadError what="the ward's people" error={people.error} /> : null}
      {/* The people show once what was recorded for them has come too: a tick made before would be undone when it came. */}
      {loading ? <LoadingRows what="the ward's people" /> : null}
      {!loading && people.data && people.data.length === 0 ? <Typography color="text.secondary">Nobody you organise is posted on this ward.</Typography> : null}
      <List dense aria-label="People on this ward">
        {(loading ? [] : people.data ?? []).map((p) => (
          <ListItem key={p.id} disablePadding divider>
            {/* the whole row is the label: one tap anywhere on it ticks the person */}
            <FormControlLabel
              sx={{ width: '100%', minHeight: 48, m: 0, px: 1 }}
              control={<Checkbox checked={ticked.has(p.id)} onChange={() => toggle(p.id)} slotProps={{ input: { 'aria-label': `${p.fullName} came` } }} />}
              label={p.fullName}
            />
          </ListItem>
        ))}
      </List>
      <Box sx={{ position: 'sticky', bottom: 0, bgcolor: 'background.paper', py: 1 }}>
        <Button variant="contained" onClick={save} disabled={!changes.length || saving} fullWidth>
          {changes.length ? `Save ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}` : 'Nothing to save'}
        </Button>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{ticked.size} ticked on this ward</Typography>
      </Box>
    </Box>
  );
};
