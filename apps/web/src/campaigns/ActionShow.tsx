import { Box, Chip, Stack, Typography } from '@mui/material';
import { ACTION_KIND_LABELS, type ActionKind } from '@rollcall/domain';
import { EditButton, LinkBase, Show, TopToolbar, useRecordContext, useResourceDefinition } from 'react-admin';
import { RecordLoading } from '../common/Loading';
import { Permission, useCan } from '../permissions';
import type { ActionRecord } from './campaignTypes';
import { ParticipationPanel } from './ParticipationPanel';
import { StructureTestPanel } from './StructureTestPanel';

const Body = () => {
  const a = useRecordContext<ActionRecord>();
  const seesPeople = useCan(Permission.PEOPLE_READ);
  if (!a) return null;
  const place = a.online ? 'Online' : a.ward ? a.ward.name : a.site ? `At ${a.site.name}` : null;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: "center" }}>
        <Typography variant="h5" component="h1">{a.title}</Typography>
        {a.isStructureTest && <Chip size="small" color="primary" label="Structure test" />}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {ACTION_KIND_LABELS[a.kind as ActionKind]} · {a.date}{place ? ` · ${place}` : ''}
        {a.campaign ? <> · <LinkBase to={`/Campaigns/${a.campaign.id}/show`}>{a.campaign.name}</LinkBase></> : null}
      </Typography>
      {a.notes && <Typography sx={{ mt: 1 }}>{a.notes}</Typography>}
      {a.isStructureTest && <StructureTestPanel actionId={a.id} branchId={a.campaign?.branchId} />}
      {seesPeople && <ParticipationPanel actionId={a.id} defaultWardId={a.wardId} siteId={a.siteId} />}
    </Box>
  );
};

const ShowToolbar = () => {
  const { hasEdit } = useResourceDefinition();
  return <TopToolbar>{hasEdit && <EditButton />}</TopToolbar>;
};

/** An action's page: what and where, its structure test by ward (if it is one), and who came, a ward at a time. */
export const ActionShow = () => (
  <Show actions={<ShowToolbar />} loading={<RecordLoading what="action" />}>
    <Body />
  </Show>
);
