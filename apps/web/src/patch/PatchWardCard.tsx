import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Box, Button, Card, CardActionArea, CardActions, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase } from 'react-admin';
import { densityText } from '../common/DensityField';
import { formatInstantDay } from '../organising/formatTime';
import { patchWardPath, type PatchWard } from './patchTypes';

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

/** One ward of the patch: its numbers at a glance, a tap to its people. */
export const PatchWardCard = ({ row }: { row: PatchWard }) => {
  const titleId = `patch-ward-${row.id}`;
  return (
    <Card variant="outlined" component="article" aria-labelledby={titleId} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardActionArea component={LinkBase} to={patchWardPath(row.id)} aria-label={`${row.ward.name}: people`} sx={{ flex: 1 }}>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 1.5 }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 700, lineHeight: 1.3 }}>
                {row.ward.name}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {row.ward.site?.name}
                {row.lastConversationAt ? ` · last spoken to ${formatInstantDay(row.lastConversationAt)}` : ' · nobody spoken to yet'}
              </Typography>
            </Box>
            <ChevronRightIcon color="action" />
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
      </CardActionArea>
      {row.neverSpokenTo > 0 && (
        <CardActions sx={{ pt: 0 }}>
          <Button
            size="small"
            component={LinkBase}
            to={patchWardPath(row.id, { spokenTo: false })}
            aria-label={`${row.ward.name}: ${row.neverSpokenTo} never spoken to`}
          >
            Who nobody has spoken to ({row.neverSpokenTo})
          </Button>
        </CardActions>
      )}
    </Card>
  );
};
