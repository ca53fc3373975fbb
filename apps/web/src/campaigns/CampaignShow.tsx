import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import {
  Datagrid, DateField, EditButton, FunctionField, LinkBase, ReferenceManyField, Show, SimpleList, TextField, TopToolbar, useRecordContext,
  useResourceDefinition,
} from 'react-admin';
import { ACTION_KIND_LABELS, type ActionKind } from '@rollcall/domain';
import { RecordLoading } from '../common/Loading';
import { useIsSmall } from '../common/useIsSmall';
import { type ActionRecord, type CampaignRecord, countdown, percent } from './campaignTypes';
import { RecruitmentPanel } from './RecruitmentPanel';

/** Its numbers against its goal: people who took part, pledged, and the actions so far. */
const Numbers = () => {
  const c = useRecordContext<CampaignRecord>();
  if (!c?.numbers) return null;
  const n = c.numbers;
  const share = n.shareOfGoal === null ? null : Math.min(1, n.shareOfGoal);
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
          <Box>
            <Typography variant="overline">Took part</Typography>
            <Typography variant="h4" component="p" aria-label="People who took part">
              {n.participants ?? 'withheld'}
              {n.targetParticipants ? <Typography component="span" color="text.secondary"> of {n.targetParticipants}</Typography> : null}
            </Typography>
          </Box>
          <Box>
            <Typography variant="overline">Pledged</Typography>
            <Typography variant="h4" component="p">{n.pledged ?? 'withheld'}</Typography>
          </Box>
          <Box>
            <Typography variant="overline">Actions</Typography>
            <Typography variant="h4" component="p">{n.actions}</Typography>
          </Box>
          {c.joinByDate ? (
            <Box>
              <Typography variant="overline">Join by {c.joinByDate}</Typography>
              <Typography variant="h6" component="p" color={c.daysToJoinBy !== null && c.daysToJoinBy !== undefined && c.daysToJoinBy <= 7 ? 'error' : 'text.primary'}>
                {countdown(c.daysToJoinBy)}
              </Typography>
              {c.recruitmentTarget ? <Typography variant="body2">Recruitment target: {c.recruitmentTarget}</Typography> : null}
            </Box>
          ) : null}
        </Stack>
        {share !== null && (
          <Box sx={{ mt: 2 }}>
            <LinearProgress variant="determinate" value={share * 100} aria-label="Progress towards the goal" />
            <Typography variant="body2" color="text.secondary">{percent(n.shareOfGoal)} of the goal</Typography>
          </Box>
        )}
        {n.suppressed && <Typography variant="body2" color="text.secondary">Small figures are withheld: you see this branch's campaigns as aggregates only.</Typography>}
      </CardContent>
    </Card>
  );
};

const About = () => {
  const c = useRecordContext<CampaignRecord>();
  if (!c) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: "center" }}>
        <Typography variant="h5" component="h1">{c.name}</Typography>
        {c.active ? <Chip size="small" color="success" label="Running" /> : <Chip size="small" label="Not running" />}
      </Stack>
      {c.goal && <Typography sx={{ mb: 1 }}>{c.goal}</Typography>}
      <Typography variant="body2" color="text.secondary">
        {c.startDate}{c.endDate ? ` to ${c.endDate}` : ' onwards'} · Targets: {c.targetGroup?.description ?? 'Everyone'}
      </Typography>
    </Box>
  );
};

const AddAction = () => {
  const c = useRecordContext<CampaignRecord>();
  const { hasEdit } = useResourceDefinition();
  if (!c || !hasEdit) return null;
  return (
    <Button component={LinkBase} to="/CampaignActions/create" state={{ record: { campaignId: c.id } }} startIcon={<AddIcon />} size="small">
      Add an action
    </Button>
  );
};

const Actions = () => {
  const small = useIsSmall();
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: "space-between", alignItems: "center" }}>
        <Typography variant="h6" component="h2">Actions</Typography>
        <AddAction />
      </Stack>
      <ReferenceManyField reference="CampaignActions" target="campaignId" sort={{ field: 'date', order: 'DESC' }} perPage={100}
        empty={<Typography color="text.secondary" sx={{ my: 2 }}>No actions yet: add a meeting, a petition or a badge day.</Typography>}>
        {small ? (
          <SimpleList<ActionRecord> primaryText={(a) => a.title} secondaryText={(a) => `${a.date} · ${ACTION_KIND_LABELS[a.kind as ActionKind]}`}
            tertiaryText={(a) => (a.isStructureTest ? 'Structure test' : '')} linkType="show" resource="CampaignActions" />
        ) : (
          <Datagrid rowClick="show" bulkActionButtons={false} resource="CampaignActions">
            <DateField source="date" />
            <TextField source="title" />
            <FunctionField<ActionRecord> label="Kind" render={(a) => ACTION_KIND_LABELS[a.kind as ActionKind]} />
            <FunctionField<ActionRecord> label="Where" render={(a) => (a.online ? 'Online' : a.ward?.name ?? (a.site ? `At ${a.site.name}` : '—'))} />
            <FunctionField<ActionRecord> label="Structure test" render={(a) => (a.isStructureTest ? 'Yes' : '')} />
          </Datagrid>
        )}
      </ReferenceManyField>
    </Box>
  );
};

const Recruitment = () => {
  const c = useRecordContext<CampaignRecord>();
  return c ? <RecruitmentPanel campaignId={c.id} /> : null;
};

const ShowToolbar = () => {
  const { hasEdit } = useResourceDefinition();
  return <TopToolbar>{hasEdit && <EditButton />}</TopToolbar>;
};

/** A campaign's page: its numbers against its goal, the countdown to its join-by date, its recruitment drive, and its actions. */
export const CampaignShow = () => (
  <Show actions={<ShowToolbar />} loading={<RecordLoading what="campaign" />}>
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <About />
      <Numbers />
      <Recruitment />
      <Actions />
    </Box>
  </Show>
);
