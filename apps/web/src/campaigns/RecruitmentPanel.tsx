import {
  Box, Card, CardContent, LinearProgress, List, ListItem, ListItemText, MenuItem, Pagination, Stack, Table, TableBody, TableCell, TableHead, TableRow,
  TextField, Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LinkBase, useDataProvider } from 'react-admin';
import { formatDay } from '../common/dates';
import { LoadError } from '../common/LoadError';
import { LoadingRows } from '../common/Loading';
import { useIsSmall } from '../common/useIsSmall';
import type { CampaignsDataProvider } from '../dataProvider';
import { AssessmentChip } from '../organising/AssessmentChip';
import { Permission, useCan } from '../permissions';
import { LogConversationButton } from '../quickLog/LogConversationButton';
import { type CampaignRecruitment, joinByCountdown, percent } from './campaignTypes';

const PER_PAGE = 10;
const shown = (n: number | null) => (n === null ? 'withheld' : String(n));

/** The countdown, and joiners since the start against the target. */
const Headline = ({ r }: { r: CampaignRecruitment }) => {
  const countdown = joinByCountdown(r.daysToJoinBy, r.joinByDate);
  const share = r.shareOfTarget === null ? null : Math.min(1, r.shareOfTarget);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ mb: 2 }}>
      {countdown && (
        <Box>
          <Typography variant="overline">Join-by countdown</Typography>
          <Typography variant="h6" component="p" data-testid="recruitment-countdown"
            color={r.daysToJoinBy !== null && r.daysToJoinBy <= 7 ? 'error' : 'text.primary'}>{countdown}</Typography>
        </Box>
      )}
      <Box sx={{ minWidth: 200 }}>
        <Typography variant="overline">Joined since the start</Typography>
        <Typography variant="h4" component="p" aria-label="Joiners since the start" data-testid="recruitment-joiners">
          {shown(r.joinersSinceStart)}
          {r.recruitmentTarget ? <Typography component="span" color="text.secondary"> of {r.recruitmentTarget}</Typography> : null}
        </Typography>
        {share !== null && (
          <>
            <LinearProgress variant="determinate" value={share * 100} aria-label="Progress towards the recruitment target" />
            <Typography variant="body2" color="text.secondary">{percent(r.shareOfTarget)} of the target</Typography>
          </>
        )}
      </Box>
      <Box>
        <Typography variant="overline">Not yet members</Typography>
        <Typography variant="h4" component="p">{shown(r.nonMembers)}</Typography>
      </Box>
    </Stack>
  );
};

/** A small table (or, on a phone, a list) of rows with a name and two counts. */
const Figures = ({ title, empty, rows, testId }: {
  title: string; empty: string; testId: string;
  rows: { key: string; name: string; detail?: string; joiners: number | null; nonMembers: number | null }[];
}) => {
  const small = useIsSmall();
  return (
    <Box sx={{ mb: 2 }} data-testid={testId}>
      <Typography variant="subtitle1" component="h3">{title}</Typography>
      {!rows.length ? <Typography color="text.secondary">{empty}</Typography> : small ? (
        <List dense disablePadding>
          {rows.map((r) => (
            <ListItem key={r.key} disableGutters divider>
              <ListItemText primary={r.name} secondary={`${r.detail ? `${r.detail} · ` : ''}${shown(r.joiners)} joined · ${shown(r.nonMembers)} to ask`} />
            </ListItem>
          ))}
        </List>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow><TableCell>{title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</TableCell><TableCell align="right">Joined</TableCell><TableCell align="right">Not members</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell>{r.name}{r.detail ? <Typography component="span" variant="body2" color="text.secondary"> · {r.detail}</Typography> : null}</TableCell>
                <TableCell align="right">{shown(r.joiners)}</TableCell>
                <TableCell align="right">{shown(r.nonMembers)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

const Leaderboard = ({ r }: { r: CampaignRecruitment }) => (
  <Box sx={{ mb: 2 }} data-testid="recruitment-leaderboard">
    <Typography variant="subtitle1" component="h3">Recruiters</Typography>
    {!r.leaderboard.length ? (
      <Typography color="text.secondary">
        {r.suppressed ? 'Recruiters with fewer than 5 recruits are withheld.' : 'No recruiter recorded yet: record who recruited a new member on their membership.'}
      </Typography>
    ) : (
      <List dense disablePadding>
        {r.leaderboard.map((l, i) => (
          <ListItem key={`${l.kind}:${l.id ?? i}`} disableGutters divider>
            <ListItemText
              primary={`${i + 1}. ${l.name ?? (l.kind === 'USER' ? 'A rep' : 'A colleague')}`}
              secondary={`${l.recruits === null ? 'withheld' : `${l.recruits} recruited`} · ${l.kind === 'USER' ? 'rep' : 'colleague'}`}
            />
          </ListItem>
        ))}
      </List>
    )}
  </Box>
);

/** The people to ask now, per rep's patch, a page at a time, each with one tap to log a conversation. */
const PeopleToAskList = ({ campaignId, reps }: { campaignId: string; reps: CampaignRecruitment['byRepPatch'] }) => {
  const dataProvider = useDataProvider<CampaignsDataProvider>();
  const [repId, setRepId] = useState('');
  const [page, setPage] = useState(0);
  const { data, error, isPending } = useQuery({
    queryKey: ['campaignPeopleToAsk', campaignId, repId, page],
    queryFn: () => dataProvider.campaignPeopleToAsk(campaignId, repId || null, page, PER_PAGE),
  });
  return (
    <Box data-testid="people-to-ask">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}>
        <Typography variant="subtitle1" component="h3">People to ask now{data ? ` (${data.total})` : ''}</Typography>
        {reps.length > 1 && (
          <TextField select size="small" label="Rep's patch" value={repId} sx={{ minWidth: 200 }}
            onChange={(e) => { setRepId(e.target.value); setPage(0); }}>
            <MenuItem value="">Everyone you organise</MenuItem>
            {reps.map((r) => <MenuItem key={r.repUserId} value={r.repUserId}>{r.repName}</MenuItem>)}
          </TextField>
        )}
      </Stack>
      {isPending ? <LoadingRows what="the people to ask" /> : error ? <LoadError what="the people to ask" error={error} /> : !data.people.length ? (
        <Typography color="text.secondary">Nobody left to ask here: everyone in the target group is a member.</Typography>
      ) : (
        <>
          <List dense disablePadding>
            {data.people.map((p) => (
              <ListItem key={p.id} disableGutters divider secondaryAction={<LogConversationButton person={p} iconOnly />}>
                <ListItemText
                  primary={<Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <AssessmentChip value={p.assessment} />
                    <LinkBase to={`/Contacts/${p.id}/show`}>{p.fullName}</LinkBase>
                  </Stack>}
                  secondary={`${p.wardName ?? 'No current ward'} · ${p.lastConversationAt ? `last spoken to ${formatDay(p.lastConversationAt)}` : 'not spoken to yet'}`}
                  sx={{ pr: 6 }}
                />
              </ListItem>
            ))}
          </List>
          {data.total > PER_PAGE && (
            <Pagination count={Math.ceil(data.total / PER_PAGE)} page={page + 1} onChange={(_e, p) => setPage(p - 1)} size="small" sx={{ mt: 1 }} />
          )}
        </>
      )}
    </Box>
  );
};

/**
 * A campaign's recruitment drive: the countdown to its join-by date, joiners since its start against
 * its target, by ward and by rep's patch, who recruited them, and (for those who see named people) the
 * people to ask now. A coalition partner sees the counts only, small ones withheld.
 */
export const RecruitmentPanel = ({ campaignId }: { campaignId: string }) => {
  const dataProvider = useDataProvider<CampaignsDataProvider>();
  const seesPeople = useCan(Permission.PEOPLE_READ);
  const { data: r, error, isPending } = useQuery({
    queryKey: ['campaignRecruitment', campaignId],
    queryFn: () => dataProvider.campaignRecruitment(campaignId),
  });
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="recruitment-panel">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>Recruitment</Typography>
        {isPending ? <LoadingRows what="the recruitment figures" /> : error ? <LoadError what="the recruitment figures" error={error} /> : (
          <>
            <Headline r={r} />
            {r.suppressed && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>Small figures are withheld: you see this branch's campaigns as aggregates only.</Typography>}
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
              <Box sx={{ flex: 1 }}>
                <Figures title="By ward" testId="recruitment-by-ward" empty="Nobody in the target group has a current ward."
                  rows={r.byWard.map((w) => ({ key: w.wardId, name: w.wardName, detail: w.siteName, joiners: w.joiners, nonMembers: w.nonMembers }))} />
              </Box>
              <Box sx={{ flex: 1 }}>
                {seesPeople && (
                  <Figures title="By rep's patch" testId="recruitment-by-patch" empty="No rep's patch covers the target group."
                    rows={r.byRepPatch.map((p) => ({ key: p.repUserId, name: p.repName, joiners: p.joiners, nonMembers: p.nonMembers }))} />
                )}
                <Leaderboard r={r} />
              </Box>
            </Stack>
            {seesPeople && <PeopleToAskList campaignId={campaignId} reps={r.byRepPatch} />}
          </>
        )}
      </CardContent>
    </Card>
  );
};
