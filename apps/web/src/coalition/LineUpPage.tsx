import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { gql } from '@apollo/client';
import {
  Alert, Box, Button, Card, CardContent, Chip, FormControlLabel, Skeleton, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead,
  TableRow, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { apolloClient, dataOf } from '../apollo';
import { densityText } from '../common/DensityField';
import { formatDateTime } from '../common/dates';
import { EmptyState } from '../common/EmptyState';
import { LoadError } from '../common/LoadError';
import { useIsSmall } from '../common/useIsSmall';
import { Permission, useCan } from '../permissions';
import { COALITION_DOCUMENTS } from './coalitionDocuments';

export type Level = 'EMPLOYER' | 'SITE';
export interface LineUpCell {
  organisation: string; own: boolean; name: string; headcount: number | null; members: number | null; density: number | null;
  suppressed: boolean; suppression: 'SMALL_CELL' | 'COMPLEMENTARY' | null; publishedAt: string | null;
}
export interface LineUp { level: Level; sharing: boolean; organisations: string[]; minCell: number; rows: { odsCode: string; name: string; cells: LineUpCell[] }[] }
interface Sharing { sharing: boolean; published: number; publishedAt: string | null }

const LINE_UP = gql(COALITION_DOCUMENTS.coalitionLineUp);
const SHARING = gql(COALITION_DOCUMENTS.coalitionSharing);
const SET_SHARING = gql(COALITION_DOCUMENTS.setCoalitionSharing);
const PUBLISH = gql(COALITION_DOCUMENTS.publishCoalitionAggregates);

const WHY = { SMALL_CELL: 'too few members or non-members to publish', COMPLEMENTARY: 'withheld so that a small group cannot be worked out' };

/** One organisation's figures for a trust or site: density and "members of headcount", or "withheld" and why. */
export const Figures = ({ cell }: { cell: LineUpCell | undefined }) => {
  if (!cell) return <Typography variant="body2" color="text.secondary">—</Typography>;
  if (cell.suppressed) {
    return <Chip size="small" variant="outlined" label="withheld" title={cell.suppression ? WHY[cell.suppression] : undefined} />;
  }
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      <strong>{densityText(cell.members, cell.headcount)}</strong>{' '}
      <Typography component="span" variant="body2" color="text.secondary">{cell.members} of {cell.headcount}</Typography>
    </Typography>
  );
};

/** When each other organisation published: one line under the table. */
function publishedLine(data: LineUp): string {
  const when = new Map<string, string>();
  for (const r of data.rows) for (const c of r.cells) if (!c.own && c.publishedAt && !when.has(c.organisation)) when.set(c.organisation, c.publishedAt);
  return [...when].map(([org, at]) => `${org} published ${formatDateTime(at)}.`).join(' ');
}

/** Sharing on or off, and publishing now: for admins (SETTINGS_MANAGE). */
const SharingCard = () => {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { data } = useQuery({
    queryKey: ['coalitionSharing'],
    queryFn: () => dataOf(() => apolloClient.query<{ coalitionSharing: Sharing }>({ query: SHARING, fetchPolicy: 'no-cache' })).then((d) => d.coalitionSharing),
  });
  const refresh = (s: Sharing) => {
    queryClient.setQueryData(['coalitionSharing'], s);
    void queryClient.invalidateQueries({ queryKey: ['coalitionLineUp'] });
  };
  const publish = useMutation({
    mutationFn: () => dataOf(() => apolloClient.mutate<{ publishCoalitionAggregates: Sharing }>({ mutation: PUBLISH, fetchPolicy: 'no-cache' })),
    onSuccess: ({ publishCoalitionAggregates: s }) => { refresh(s); notify(`Published ${s.published} trusts and sites`, { type: 'success' }); },
    onError: (e) => notify(`Could not publish: ${e.message}`, { type: 'error' }),
  });
  const set = useMutation({
    mutationFn: (share: boolean) => dataOf(() => apolloClient.mutate<{ setCoalitionSharing: Sharing }>({ mutation: SET_SHARING, variables: { share }, fetchPolicy: 'no-cache' })),
    onSuccess: ({ setCoalitionSharing: s }) => {
      refresh(s);
      if (s.sharing) publish.mutate();
      else notify('Sharing is off: what your organisation published has been removed', { type: 'info' });
    },
    onError: (e) => notify(`Could not change sharing: ${e.message}`, { type: 'error' }),
  });
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
          <FormControlLabel
            control={<Switch checked={!!data?.sharing} disabled={!data || set.isPending} onChange={(e) => set.mutate(e.target.checked)} />}
            label="Share our coalition aggregates with the other organisations here"
          />
          <Button variant="outlined" disabled={!data?.sharing || publish.isPending} onClick={() => publish.mutate()}>Publish now</Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Only already-suppressed figures by ODS code cross to other organisations: headcount, members and density per trust and site,
          small groups withheld; never a person. {data?.publishedAt ? `Last published ${formatDateTime(data.publishedAt)} (${data.published} trusts and sites); republished daily.` : 'Nothing published yet.'}
        </Typography>
      </CardContent>
    </Card>
  );
};

/**
 * The coalition line-up: trusts or sites by ODS code, with a column per organisation that shares
 * (the caller's own first, as they see their figures; the others as they published them).
 */
export const LineUpPage = () => {
  const [level, setLevel] = useState<Level>('EMPLOYER');
  const isSmall = useIsSmall();
  const admin = useCan(Permission.SETTINGS_MANAGE);
  const { data, isPending, error } = useQuery({
    queryKey: ['coalitionLineUp', level],
    queryFn: () => dataOf(() => apolloClient.query<{ coalitionLineUp: LineUp }>({ query: LINE_UP, variables: { level }, fetchPolicy: 'no-cache' })).then((d) => d.coalitionLineUp),
  });
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1200 }}>
      <Title title="Line-up" />
      <Typography component="h1" variant="h5" sx={{ mb: 1 }}>Line-up across organisations</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Membership density of every organisation that shares its coalition figures, lined up by NHS ODS code. Other organisations' figures
        are as they published them: groups with fewer than {data?.minCell ?? 5} members or non-members are withheld, and so are enough others
        that none can be worked out.
      </Typography>
      {admin && <SharingCard />}
      <ToggleButtonGroup exclusive size="small" value={level} onChange={(_, v: Level | null) => v && setLevel(v)} aria-label="Line up by" sx={{ mb: 2 }}>
        <ToggleButton value="EMPLOYER">Trusts</ToggleButton>
        <ToggleButton value="SITE">Sites</ToggleButton>
      </ToggleButtonGroup>
      {error ? (
        <LoadError what="the line-up" error={error} />
      ) : isPending ? (
        <Skeleton variant="rectangular" height={200} />
      ) : !data.sharing ? (
        <EmptyState
          icon={<CompareArrowsIcon />}
          title="Sharing is off"
          explanation={'Your organisation does not share its coalition figures, so it sees no one else\'s either. '
            + (admin ? 'Turn sharing on above to publish yours and see theirs.' : 'An admin of your organisation can turn it on.')}
          canCreate={false}
        />
      ) : data.rows.length === 0 ? (
        <EmptyState icon={<CompareArrowsIcon />} title="Nothing to line up yet" explanation="No trust or site with an ODS code has figures yet." canCreate={false} />
      ) : isSmall ? (
        <Stack spacing={1} data-testid="lineup-cards">
          {data.rows.map((r) => (
            <Card key={r.odsCode} variant="outlined">
              <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
                <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>{r.name}</Typography>
                <Typography variant="caption" color="text.secondary">{r.odsCode}</Typography>
                {data.organisations.map((org) => (
                  <Stack key={org} direction="row" spacing={1} sx={{ justifyContent: 'space-between', mt: 0.5 }}>
                    <Typography variant="body2">{org}</Typography>
                    <Figures cell={r.cells.find((c) => c.organisation === org)} />
                  </Stack>
                ))}
              </CardContent>
            </Card>
          ))}
        </Stack>
      ) : (
        <TableContainer component={Card} variant="outlined">
          <Table size="small" aria-label={`Line-up by ${level === 'EMPLOYER' ? 'trust' : 'site'}`}>
            <TableHead>
              <TableRow>
                <TableCell>ODS code</TableCell>
                <TableCell>{level === 'EMPLOYER' ? 'Trust' : 'Site'}</TableCell>
                {data.organisations.map((org, i) => <TableCell key={org}>{org}{i === 0 ? ' (yours)' : ''}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((r) => (
                <TableRow key={r.odsCode}>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.odsCode}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  {data.organisations.map((org) => <TableCell key={org}><Figures cell={r.cells.find((c) => c.organisation === org)} /></TableCell>)}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {data?.sharing && data.rows.length > 0 && (
        <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>
          {publishedLine(data) || 'No other organisation has published yet.'} Your own column is counted now, as your density pages show it.
        </Alert>
      )}
    </Box>
  );
};
