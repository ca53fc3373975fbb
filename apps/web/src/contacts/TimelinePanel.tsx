import BadgeIcon from '@mui/icons-material/Badge';
import ForumIcon from '@mui/icons-material/Forum';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import InsightsIcon from '@mui/icons-material/Insights';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import { Avatar, Box, Link, List, ListItem, ListItemAvatar, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { MEMBERSHIP_STATUS_LABELS, MembershipStatus } from '@rollcall/domain';
import type { ReactElement } from 'react';
import { LinkBase, useCreatePath, useGetList, useRecordContext } from 'react-admin';
import { labelOf } from '../choices';
import { EmptyNote } from '../common/ItemRow';
import { LoadError } from '../common/LoadError';
import { AssessmentChip } from '../organising/AssessmentChip';
import { assessmentText } from '../organising/assessmentStyle';
import { formatDateTime, formatDay } from '../common/dates';

interface TimelineEvent {
  id: string;
  kind: string;
  at: string;
  title: string;
  detail?: string | null;
  actorName?: string | null;
  conversationId?: string | null;
  assessment?: number | null;
}

const ICONS: Record<string, { icon: ReactElement; colour: string }> = {
  CONVERSATION: { icon: <ForumIcon fontSize="small" />, colour: '#005eb8' },
  ASSESSMENT: { icon: <InsightsIcon fontSize="small" />, colour: '#425563' },
  LEADER_MARKED: { icon: <StarIcon fontSize="small" />, colour: '#d18b00' },
  LEADER_UNMARKED: { icon: <StarBorderIcon fontSize="small" />, colour: '#768692' },
  MEMBERSHIP_JOINED: { icon: <HowToRegIcon fontSize="small" />, colour: '#007f3b' },
  MEMBERSHIP_LEFT: { icon: <PersonOffIcon fontSize="small" />, colour: '#8a1538' },
  REP_ROLE_STARTED: { icon: <BadgeIcon fontSize="small" />, colour: '#330072' },
  REP_ROLE_ENDED: { icon: <BadgeIcon fontSize="small" />, colour: '#768692' },
};

/** Events of a calendar day (a membership's join date, a rep role's start): no time to show. */
const DAY_ONLY = new Set(['MEMBERSHIP_JOINED', 'MEMBERSHIP_LEFT', 'REP_ROLE_STARTED', 'REP_ROLE_ENDED']);

/** "27 Nov 2026, 14:05" for a conversation; "27 Nov 2026" for a day that had no time. */
const whenText = (e: TimelineEvent) => (DAY_ONLY.has(e.kind) ? formatDay(e.at) : formatDateTime(e.at));

/** A membership status in a detail ("LAPSED") reads as its label ("Lapsed"). */
function detailText(e: TimelineEvent): string | null {
  if (!e.detail) return null;
  if (e.kind.startsWith('MEMBERSHIP_') && e.detail in MEMBERSHIP_STATUS_LABELS) return labelOf(MEMBERSHIP_STATUS_LABELS, e.detail as MembershipStatus);
  return e.detail;
}

/**
 * An assessment made in a conversation shows on that conversation (one line, not two); one made
 * on its own stays a line of its own.
 */
function merged(events: TimelineEvent[]): TimelineEvent[] {
  const conversations = new Set(events.filter((e) => e.kind === 'CONVERSATION').map((e) => e.conversationId));
  return events.filter((e) => !(e.kind === 'ASSESSMENT' && e.conversationId && conversations.has(e.conversationId)));
}

const Event = ({ event }: { event: TimelineEvent }) => {
  const createPath = useCreatePath();
  const style = ICONS[event.kind] ?? ICONS.CONVERSATION;
  const title =
    event.kind === 'ASSESSMENT' ? `Assessed ${assessmentText(event.assessment ?? null)}` : event.title;
  return (
    <ListItem alignItems="flex-start" disableGutters divider data-testid="timeline-event" data-kind={event.kind}>
      <ListItemAvatar sx={{ minWidth: 44 }}>
        <Avatar sx={{ width: 32, height: 32, bgcolor: style.colour }} aria-hidden>
          {style.icon}
        </Avatar>
      </ListItemAvatar>
      <ListItemText
        slotProps={{ primary: { component: 'div' }, secondary: { component: 'div' } }}
        primary={
          <Stack direction="row" useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
            {event.kind === 'CONVERSATION' && event.conversationId ? (
              <Link component={LinkBase} to={createPath({ resource: 'Conversations', type: 'show', id: event.conversationId })}>
                {title}
              </Link>
            ) : (
              <span>{title}</span>
            )}
            {event.kind === 'CONVERSATION' && event.assessment ? <AssessmentChip value={event.assessment} /> : null}
          </Stack>
        }
        secondary={
          <>
            {detailText(event) && (
              <Typography variant="body2" color="text.primary" component="p" sx={{ overflowWrap: 'anywhere' }}>
                {detailText(event)}
              </Typography>
            )}
            <Typography variant="caption" color="text.secondary" component="p">
              {[whenText(event), event.actorName].filter(Boolean).join(' · ')}
            </Typography>
          </>
        }
      />
    </ListItem>
  );
};

/** Everything that happened with the contact, newest first: conversations, assessments, leader marks, memberships, rep roles. */
export const TimelinePanel = () => {
  const record = useRecordContext<{ id: string }>();
  const { data, isPending, error } = useGetList<TimelineEvent>(
    'ContactTimeline',
    { filter: { contactId: record?.id }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!record },
  );
  const events = merged(data ?? []);
  return (
    <Box component="section" aria-labelledby="timeline-heading">
      <Typography id="timeline-heading" variant="h6" component="h2" gutterBottom>
        Timeline
      </Typography>
      {isPending ? (
        <Stack spacing={1}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} variant="rounded" height={48} />
          ))}
        </Stack>
      ) : error ? (
        <LoadError what="the timeline" error={error} />
      ) : events.length === 0 ? (
        <EmptyNote>Nothing yet: log a conversation to start their story.</EmptyNote>
      ) : (
        <List dense disablePadding aria-label="Timeline">
          {events.map((e) => (
            <Event key={e.id} event={e} />
          ))}
        </List>
      )}
    </Box>
  );
};
