import {
  Alert, Box, Button, Card, CardContent, Chip, FormControl, InputLabel, MenuItem, Select, Stack, Switch, FormControlLabel, Table, TableBody, TableCell,
  TableHead, TableRow, TextField as MuiTextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BALLOT_QUESTION_LABELS, BallotMemberState, type BallotQuestion } from '@rollcall/domain';
import { useState, type ReactNode } from 'react';
import { EditButton, Title, useDataProvider, useGetOne, useNotify, usePermissions } from 'react-admin';
import { useParams } from 'react-router-dom';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay } from '../common/formatDay';
import { LoadError } from '../common/LoadError';
import { LoadingRows } from '../common/Loading';
import { useIsSmall } from '../common/useIsSmall';
import type { BallotProjectionData, BallotReportData, BallotsDataProvider } from '../dataProvider';
import { can, Permission } from '../permissions';
import { CHASE_STATES, pct, PROBLEM_LABELS, SHORT_STATE } from './choices';

interface BallotRecord {
  id: string; name: string; questions: BallotQuestion[]; cutOffDate: string; openingDate: string; closingDate: string; importantPublicService: boolean;
  importantPublicServiceApplies: boolean;
  ruleSet: { id: string; name: string; legislation: string; minTurnoutPercent: number | null; importantPublicServiceYesPercent: number | null; mandateMonths: number; mandateMaxMonthsByAgreement: number | null };
  eligibleGroup?: { description: string };
  resultEntitled: number | null; resultVotesCast: number | null; resultYes: number | null; resultNo: number | null; resultSpoilt: number | null;
  evaluation: { valid: boolean; turnout: number; yesShareOfEntitled: number; yesShareOfVotes: number | null; failures: string[]; reasons: string[]; mandateExpires: string | null } | null;
}

/** Chips whose words wrap on a phone instead of widening the page. */
const WRAP = { height: 'auto', py: 0.5, '& .MuiChip-label': { whiteSpace: 'normal' } } as const;

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card variant="outlined" component="section" sx={{ mb: 2 }} data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{title}</Typography>
      {children}
    </CardContent>
  </Card>
);

/** The rule set for the opening date, with its thresholds. */
const RuleSet = ({ b }: { b: BallotRecord }) => (
  <Section title={`Rule set: ${b.ruleSet.name}`} testId="ballot-rule-set">
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{b.ruleSet.legislation}</Typography>
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {b.ruleSet.minTurnoutPercent !== null && <Chip sx={WRAP} label={`Turnout at least ${b.ruleSet.minTurnoutPercent}% of those entitled`} />}
      <Chip sx={WRAP} label="A majority of those voting say Yes" />
      {b.ruleSet.importantPublicServiceYesPercent !== null ? (
        <Chip sx={WRAP} color={b.importantPublicService ? 'warning' : 'default'}
          label={b.importantPublicService
            ? `Important public services: Yes from at least ${b.ruleSet.importantPublicServiceYesPercent}% of everyone entitled`
            : `40 % rule: not an important public service ballot`} />
      ) : (
        <Chip sx={WRAP} label="No 40 % rule (repealed for ballots opened from 18 Feb 2026)" />
      )}
      <Chip sx={WRAP} label={`Mandate ${b.ruleSet.mandateMonths} months${b.ruleSet.mandateMaxMonthsByAgreement ? ` (up to ${b.ruleSet.mandateMaxMonthsByAgreement} by agreement)` : ''}`} />
    </Stack>
  </Section>
);

const Readiness = ({ r }: { r: BallotReportData['readiness'] }) => (
  <Section title="Readiness" testId="ballot-readiness">
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Chip sx={WRAP} color="primary" label={`${r.entitled} entitled`} />
      <Chip sx={WRAP} label={`${r.ready} ready`} />
      <Chip sx={WRAP} color={r.noPostalAddress ? 'error' : 'default'} label={`${r.noPostalAddress} no postal address`} />
      <Chip sx={WRAP} color={r.addressNotConfirmed ? 'warning' : 'default'} label={`${r.addressNotConfirmed} address not confirmed in 6 months`} />
      <Chip sx={WRAP} color={r.noCurrentWorkplace ? 'warning' : 'default'} label={`${r.noCurrentWorkplace} no current workplace`} />
      <Chip sx={WRAP} variant="outlined" label={`${r.joinedAfterCutOff} joined after the cut-off (cannot vote)`} />
    </Stack>
  </Section>
);

const ProjectionTable = ({ rows, first }: { rows: BallotProjectionData[]; first: string }) => {
  const small = useIsSmall();
  return (
    // The layout grows to its content's width: the table scrolls within the screen instead.
    <Box sx={{ overflowX: 'auto', maxWidth: 'calc(100vw - 64px)' }} tabIndex={0} role="region" aria-label={`Projection by ${first.toLowerCase()}`}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{first}</TableCell>
            <TableCell align="right">Entitled</TableCell>
            <TableCell align="right">Voted</TableCell>
            {!small && <TableCell align="right">Pledged</TableCell>}
            <TableCell align="right">Projected</TableCell>
            <TableCell>Margin</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((p) => (
            <TableRow key={p.wardId ?? p.repUserId ?? p.label}>
              <TableCell>{p.label}</TableCell>
              <TableCell align="right">{p.entitled}</TableCell>
              <TableCell align="right">{p.voted}</TableCell>
              {!small && <TableCell align="right">{p.pledged}</TableCell>}
              <TableCell align="right">{pct(p.projectedTurnout)}</TableCell>
              <TableCell sx={{ color: p.onTrack ? 'success.main' : 'error.main' }}>{p.margin}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const Projection = ({ report, b }: { report: BallotReportData; b: BallotRecord }) => {
  const o = report.overall;
  return (
    <Section title={`Projection (${report.scope.toLowerCase()})`} testId="ballot-projection">
      <Typography variant="h5" component="p" sx={{ color: o.onTrack ? 'success.main' : 'error.main' }} data-testid="ballot-margin">{o.margin}</Typography>
      <Typography variant="body2" sx={{ mb: 2 }} data-testid="ballot-projected">
        Projected turnout {pct(o.projectedTurnout)} ({o.projectedVotes} of {o.entitled}: {o.voted} voted, {o.pledged} pledged)
        {o.requiredVotes !== null && ` against ${b.ruleSet.minTurnoutPercent}% (${o.requiredVotes} votes)`}
        {o.projectedYesShare !== null && `; projected Yes ${pct(o.projectedYesShare)} of known pledges`}
        {o.requiredYes !== null && `; 40 % rule needs ${o.requiredYes} Yes`}.
      </Typography>
      <Typography variant="subtitle2" component="h3">By ward</Typography>
      <ProjectionTable rows={report.byWard} first="Ward" />
      {report.byPatch.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>By rep patch</Typography>
          <ProjectionTable rows={report.byPatch} first="Rep" />
        </>
      )}
    </Section>
  );
};

/** Reported turnout day by day, as a line against the votes needed, with a table of the same figures. */
const TurnoutChart = ({ report }: { report: BallotReportData }) => {
  const small = useIsSmall();
  const days = report.turnoutByDay;
  const needed = report.overall.requiredVotes;
  return (
    <Section title="Reported turnout" testId="ballot-turnout">
      {days.length === 0 ? (
        <Typography variant="body2" color="text.secondary">Nobody has been reported as voted yet.</Typography>
      ) : (
        <Stack direction={small ? 'column' : 'row'} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <div role="img" aria-label="Line chart of reported turnout by day: the table has the same figures">
            <LineChart width={small ? 300 : 480} height={220} data={days} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              {needed !== null && <ReferenceLine y={needed} stroke="red" label="needed" />}
              <Line type="monotone" dataKey="cumulative" name="Voted so far" stroke="#1976d2" isAnimationActive={false} />
            </LineChart>
          </div>
          <Table size="small" sx={{ maxWidth: 320 }}>
            <TableHead><TableRow><TableCell>Day</TableCell><TableCell align="right">Voted</TableCell><TableCell align="right">So far</TableCell></TableRow></TableHead>
            <TableBody>
              {days.map((d) => (
                <TableRow key={d.date}><TableCell>{formatDay(d.date)}</TableCell><TableCell align="right">{d.voted}</TableCell><TableCell align="right">{d.cumulative}</TableCell></TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      )}
    </Section>
  );
};

interface MemberRow { id: string; fullName: string; wardName: string | null; problems: string[]; state: BallotMemberState; assessment: number | null; joinDate: string | null }

/** A ward's chase list: every entitled member with their state, changed in one tap. */
const ChaseList = ({ ballotId, wards, mayChange }: { ballotId: string; wards: BallotProjectionData[]; mayChange: boolean }) => {
  const dp = useDataProvider<BallotsDataProvider>();
  const qc = useQueryClient();
  const notify = useNotify();
  const small = useIsSmall();
  const [wardId, setWardId] = useState<string>('');
  const [next, setNext] = useState(false);
  const [problem, setProblem] = useState<string>('');
  const filter = { ...(wardId ? { wardId } : {}), ...(next ? { next: true } : {}), ...(problem ? { problem } : {}) };
  const members = useQuery({ queryKey: ['ballotMembers', ballotId, filter], queryFn: () => dp.ballotMembers(ballotId, filter, 0, 200) });
  const change = useMutation({
    mutationFn: ({ contactId, state }: { contactId: string; state: string }) => dp.setBallotMemberState(ballotId, contactId, state),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['ballotMembers', ballotId] });
      void qc.invalidateQueries({ queryKey: ['ballotReport', ballotId] });
    },
    onError: (e: Error) => notify(e.message || 'The state could not be saved', { type: 'error' }),
  });
  return (
    <Section title="Chase list" testId="ballot-chase">
      <Stack direction={small ? 'column' : 'row'} spacing={2} sx={{ mb: 2 }}>
        <FormControl size="small" sx={{ minWidth: 200 }}>
          <InputLabel id="chase-ward" shrink>Ward</InputLabel>
          <Select labelId="chase-ward" label="Ward" displayEmpty value={wardId} onChange={(e) => setWardId(e.target.value)} data-testid="chase-ward">
            <MenuItem value="">All wards</MenuItem>
            {wards.filter((w) => w.wardId).map((w) => <MenuItem key={w.wardId} value={w.wardId!}>{w.label}</MenuItem>)}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ minWidth: 200 }}>
          <InputLabel id="chase-problem" shrink>Problem</InputLabel>
          <Select labelId="chase-problem" label="Problem" displayEmpty value={problem} onChange={(e) => setProblem(e.target.value)}>
            <MenuItem value="">Any</MenuItem>
            {Object.entries(PROBLEM_LABELS).map(([id, name]) => <MenuItem key={id} value={id}>{name}</MenuItem>)}
          </Select>
        </FormControl>
        <FormControlLabel sx={{ whiteSpace: 'nowrap' }} control={<Switch checked={next} onChange={(e) => setNext(e.target.checked)} />} label="Who to talk to next" />
      </Stack>
      {members.isPending ? <LoadingRows what="members" /> : members.error ? <LoadError what="members" error={members.error} /> : members.data.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">Nobody here.</Typography>
      ) : (
        <Stack spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {(members.data.data as unknown as MemberRow[]).map((m) => (
            <Box component="li" key={m.id} data-testid="chase-row" sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}>
              <Stack direction={small ? 'column' : 'row'} spacing={1} sx={{ alignItems: small ? 'stretch' : 'center', justifyContent: 'space-between' }}>
                <Box>
                  <Typography variant="body1">{m.fullName}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {[m.wardName, m.assessment ? `assessed ${m.assessment}` : null, ...m.problems.map((p) => PROBLEM_LABELS[p])].filter(Boolean).join(' · ')}
                  </Typography>
                </Box>
                <ToggleButtonGroup size="small" exclusive value={m.state} aria-label={`Chase state of ${m.fullName}`} disabled={!mayChange || change.isPending}
                  onChange={(_, state: string | null) => state && state !== m.state && change.mutate({ contactId: m.id, state })}
                  sx={{ flexWrap: 'wrap' }}>
                  {CHASE_STATES.map((s) => (
                    <ToggleButton key={s} value={s} data-testid={`state-${s}`}>{SHORT_STATE[s]}</ToggleButton>
                  ))}
                </ToggleButtonGroup>
              </Stack>
            </Box>
          ))}
        </Stack>
      )}
      {members.data && members.data.total > members.data.data.length && (
        <Typography variant="caption" color="text.secondary">The first {members.data.data.length} of {members.data.total}: pick a ward to see the rest.</Typography>
      )}
    </Section>
  );
};

/** The official result: entered by those who manage ballots, judged by the rule set. */
const Result = ({ b, mayEnter }: { b: BallotRecord; mayEnter: boolean }) => {
  const dp = useDataProvider<BallotsDataProvider>();
  const qc = useQueryClient();
  const [values, setValues] = useState({ entitled: b.resultEntitled ?? '', votesCast: b.resultVotesCast ?? '', yes: b.resultYes ?? '', no: b.resultNo ?? '', spoilt: b.resultSpoilt ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => dp.setBallotResult(b.id, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]))),
    onSuccess: () => { setErrors({}); void qc.invalidateQueries(); },
    onError: (e: Error & { body?: { errors?: Record<string, string> } }) => setErrors(e.body?.errors ?? { root: e.message }),
  });
  const e = b.evaluation;
  return (
    <Section title="Official result" testId="ballot-result">
      {e && (
        <Alert severity={e.valid ? 'success' : 'error'} sx={{ mb: 2 }} data-testid="ballot-evaluation">
          {e.valid ? `Valid: turnout ${pct(e.turnout)}, Yes ${pct(e.yesShareOfVotes)} of votes. The mandate lasts until ${formatDay(e.mandateExpires)}.` : 'Failed: '}
          {!e.valid && e.reasons.join(' ')}
        </Alert>
      )}
      {mayEnter ? (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} component="form" onSubmit={(ev: { preventDefault(): void }) => { ev.preventDefault(); save.mutate(); }}>
          {(['entitled', 'votesCast', 'yes', 'no', 'spoilt'] as const).map((k) => (
            <MuiTextField key={k} size="small" type="number" label={{ entitled: 'Entitled', votesCast: 'Votes cast', yes: 'Yes', no: 'No', spoilt: 'Spoilt' }[k]}
              value={values[k]} onChange={(ev) => setValues({ ...values, [k]: ev.target.value })} error={!!errors[k]} helperText={errors[k]}
              slotProps={{ htmlInput: { min: 0 } }} sx={{ width: 130 }} />
          ))}
          <Button type="submit" variant="contained" disabled={save.isPending}>Save result</Button>
          {errors.root && <Typography color="error">{errors.root}</Typography>}
        </Stack>
      ) : !e && <Typography variant="body2" color="text.secondary">No result yet.</Typography>}
    </Section>
  );
};

export const BallotShow = () => {
  const { id } = useParams<{ id: string }>();
  const dp = useDataProvider<BallotsDataProvider>();
  const { permissions } = usePermissions();
  const { data: b, isPending, error } = useGetOne<BallotRecord & { id: string }>('Ballots', { id: id! });
  const report = useQuery({ queryKey: ['ballotReport', id], queryFn: () => dp.ballotReport(id!), enabled: !!id });
  if (isPending) return <LoadingRows what="the ballot" />;
  if (error || !b) return <LoadError what="the ballot" error={error} />;
  const manages = can(permissions, Permission.BALLOTS_MANAGE);
  return (
    <Box sx={{ my: 2, minWidth: 0 }}>
      <Title title={b.name} />
      <Stack direction="row" sx={{ mb: 2, justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h5" component="h1">{b.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {b.questions.map((q) => BALLOT_QUESTION_LABELS[q]).join(' and ')} · members on {formatDay(b.cutOffDate)} · opens {formatDay(b.openingDate)}, closes {formatDay(b.closingDate)}
            {b.eligibleGroup ? ` · ${b.eligibleGroup.description}` : ''}
          </Typography>
        </Box>
        {manages && <EditButton record={b} />}
      </Stack>
      <RuleSet b={b} />
      {report.isPending ? <LoadingRows what="the projection" /> : report.error ? <LoadError what="the projection" error={report.error} /> : (
        <>
          <Readiness r={report.data.readiness} />
          <Projection report={report.data} b={b} />
          <TurnoutChart report={report.data} />
          <ChaseList ballotId={b.id} wards={report.data.byWard} mayChange={can(permissions, Permission.PEOPLE_WRITE)} />
        </>
      )}
      <Result b={b} mayEnter={manages} />
    </Box>
  );
};
