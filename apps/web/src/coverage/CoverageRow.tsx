import { Box, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import { SHIFT_PATTERN_LABELS, type CoverageStatus } from '@rollcall/domain';
import { LinkBase, useCreatePath } from 'react-admin';
import { labelOf } from '../choices';
import { COVERAGE_COLOURS, COVERAGE_LABELS, perRep } from './coverageStatus';

export interface WardCoverage {
  id: string;
  ward: { id: string; name: string; siteId: string; site?: { id: string; name: string } | null };
  headcount: number;
  members: number;
  repCount: number;
  membersPerRep: number | null;
  staffPerRep: number | null;
  status: CoverageStatus;
  shiftsWithoutRep: string[];
  reps: { id: string; fullName: string; shiftPattern: string }[];
}

export const StatusChip = ({ status }: { status: CoverageStatus }) => (
  <Chip size="small" color={COVERAGE_COLOURS[status]} label={COVERAGE_LABELS[status]} data-testid="coverage-status" />
);

export const RepNames = ({ row }: { row: WardCoverage }) => {
  const createPath = useCreatePath();
  if (row.reps.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        None
      </Typography>
    );
  }
  return (
    <Stack component="span" spacing={0.25}>
      {row.reps.map((rep) => (
        <Typography key={rep.id} component="span" variant="body2">
          <Link component={LinkBase} to={createPath({ resource: 'Contacts', type: 'show', id: rep.id })}>
            {rep.fullName}
          </Link>{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            ({labelOf(SHIFT_PATTERN_LABELS, rep.shiftPattern).toLowerCase()})
          </Typography>
        </Typography>
      ))}
    </Stack>
  );
};

export const UncoveredShifts = ({ shifts }: { shifts: string[] }) =>
  shifts.length === 0 ? (
    <Typography component="span" variant="body2" color="text.secondary">
      Every shift reached
    </Typography>
  ) : (
    <Stack component="span" direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }} aria-label="Shifts without a rep">
      {shifts.map((s) => (
        <Chip key={s} size="small" color="error" variant="outlined" label={labelOf(SHIFT_PATTERN_LABELS, s)} />
      ))}
    </Stack>
  );

/** One ward's coverage on a phone: status, reps, ratios and the shifts no rep reaches. */
export const CoverageCard = ({ row }: { row: WardCoverage }) => {
  const createPath = useCreatePath();
  return (
    <Card variant="outlined" component="article" aria-label={row.ward.name} data-testid="coverage-ward">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Box sx={{ minWidth: 0 }}>
            <Link component={LinkBase} to={createPath({ resource: 'Wards', type: 'show', id: row.ward.id })} variant="subtitle1" sx={{ fontWeight: 700 }}>
              {row.ward.name}
            </Link>
            <Typography variant="body2" color="text.secondary">
              {row.ward.site?.name}
            </Typography>
          </Box>
          <StatusChip status={row.status} />
        </Box>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {row.headcount} staff · {row.members} members
          {row.repCount > 0 ? ` · staff per rep ${perRep(row.staffPerRep)} · members per rep ${perRep(row.membersPerRep)}` : ''}
        </Typography>
        <Box sx={{ mt: 1 }}>
          <Typography variant="caption" color="text.secondary" component="p">
            Reps
          </Typography>
          <RepNames row={row} />
        </Box>
        <Box sx={{ mt: 1 }}>
          <Typography variant="caption" color="text.secondary" component="p">
            Shifts without a rep
          </Typography>
          <UncoveredShifts shifts={row.shiftsWithoutRep} />
        </Box>
      </CardContent>
    </Card>
  );
};
