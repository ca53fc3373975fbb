import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, Button, Card, CardActions, CardContent, Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase } from 'react-admin';
import { densityText } from '../common/DensityField';
import { formatDay } from '../common/dates';
import { patchWardPath, type PatchWard } from './patchTypes';

/** Read by screen readers, not shown. */
const visuallyHidden = {
  position: 'absolute', width: 1, height: 1, p: 0, m: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
} as const;

const Stat = ({ label, value, tone }: { label: string; value: ReactNode; tone?: 'warning' | 'error' | 'success' }) => (
  <Box sx={{ minWidth: 0 }}>
    <Typography
      component="p"
      variant="h6"
      sx={{ lineHeight: 1.2, color: tone ? `${tone}.main` : 'text.primary', fontWeight: tone ? 700 : 500 }}
    >
      {value}
    </Typography>
    <Typography component="p" variant="caption" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

/**
 * One ward of the patch: its numbers at a glance, a tap anywhere on the card to its people. The link
 * is the ward's name (what it says is what a screen reader or voice control calls it, WCAG 2.5.3),
 * stretched over the whole card.
 */
export const PatchWardCard = ({ row }: { row: PatchWard }) => {
  const titleId = `patch-ward-${row.id}`;
  return (
    <Card
      variant="outlined"
      component="article"
      aria-labelledby={titleId}
      sx={{
        position: 'relative', height: '100%', display: 'flex', flexDirection: 'column',
        '&:hover': { borderColor: 'primary.main', bgcolor: 'action.hover' },
        '&:has(a:focus-visible)': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <CardContent sx={{ flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 1.5 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 700, lineHeight: 1.3 }}>
              <Link
                component={LinkBase}
                to={patchWardPath(row.id)}
                color="inherit"
                underline="hover"
                sx={{ '&::after': { content: '""', position: 'absolute', inset: 0 }, '&:focus-visible': { outline: 'none' } }}
              >
                {row.ward.name}
              </Link>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {row.ward.site?.name}
              {row.lastConversationAt ? ` · last spoken to ${formatDay(row.lastConversationAt)}` : ' · nobody spoken to yet'}
            </Typography>
          </Box>
          <ChevronRightIcon color="action" aria-hidden />
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1.5 }}>
          <Stat label="Staff" value={row.headcount} />
          <Stat label={`Members ${densityText(row.members, row.headcount)}`} value={row.members} />
          <Stat label="Assessed" value={row.assessed} />
          <Stat label="Supportive" value={row.supportive} tone={row.supportive > 0 ? 'success' : undefined} />
          <Stat label="Leaders" value={row.leaders} />
          <Stat label="Never spoken to" value={row.neverSpokenTo} tone={row.neverSpokenTo > 0 ? 'warning' : undefined} />
          <Stat label="Follow-ups" value={row.openFollowUps} />
          <Stat label="Overdue" value={row.overdueFollowUps} tone={row.overdueFollowUps > 0 ? 'error' : undefined} />
        </Box>
      </CardContent>
      {row.neverSpokenTo > 0 && (
        <CardActions sx={{ pt: 0, position: 'relative', zIndex: 1 }}>
          <Button size="small" component={LinkBase} to={patchWardPath(row.id, { spokenTo: false })}>
            Who nobody has spoken to ({row.neverSpokenTo})
            <Box component="span" sx={visuallyHidden}>
              {' '}
              on {row.ward.name}
            </Box>
          </Button>
        </CardActions>
      )}
    </Card>
  );
};
