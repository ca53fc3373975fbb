import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EventIcon from '@mui/icons-material/Event';
import { Alert, Box, Button, Card, CardContent, InputAdornment, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { gql } from '@apollo/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { apolloClient, dataOf } from '../apollo';
import { formatDateTime } from '../common/dates';
import { LoadError } from '../common/LoadError';
import { CALENDAR_FEED_DOCUMENTS } from './calendarFeedDocuments';

const FEED = gql(CALENDAR_FEED_DOCUMENTS.calendarFeed);
const REGENERATE = gql(CALENDAR_FEED_DOCUMENTS.regenerateCalendarFeed);
const REVOKE = gql(CALENDAR_FEED_DOCUMENTS.revokeCalendarFeed);
const KEY = ['calendarFeed'];

interface Feed { id: string; createdAt: string }
interface NewLink extends Feed { url: string }

/** The new link, shown this once, with a Copy button (and selected on focus, for a phone without a clipboard). */
const NewLinkField = ({ url }: { url: string }) => {
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify('Link copied', { type: 'success' });
    } catch {
      input.current?.select();
      notify('Select the link and copy it', { type: 'info' });
    }
  };
  return (
    <Box sx={{ mt: 2 }} data-testid="calendar-feed-link">
      <Alert severity="success" sx={{ mb: 1.5 }}>
        Your new link is below. It is shown only now: copy it into your calendar app (add a calendar "from URL" or "by subscription").
      </Alert>
      <TextField
        label="Calendar feed link"
        value={url}
        fullWidth
        slotProps={{
          htmlInput: { readOnly: true, ref: input, onFocus: (e: React.FocusEvent<HTMLInputElement>) => e.target.select(), 'data-testid': 'calendar-feed-url' },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <Button size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
                  Copy
                </Button>
              </InputAdornment>
            ),
          },
        }}
      />
    </Box>
  );
};

/**
 * The signed-in user's calendar feed: what it holds (initials and case type only), whether they have
 * one and since when, a new link (shown once, with a Copy button; replacing a link asks first, since
 * the old one stops working), and stopping it.
 */
export const CalendarFeedCard = () => {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [link, setLink] = useState<NewLink | null>(null);
  const [asking, setAsking] = useState<'regenerate' | 'stop' | null>(null);
  const { data, isPending, error } = useQuery({
    queryKey: KEY,
    queryFn: () => dataOf(() => apolloClient.query<{ calendarFeed: Feed | null }>({ query: FEED, fetchPolicy: 'no-cache' })).then((d) => d.calendarFeed),
  });
  const regenerate = useMutation({
    mutationFn: () => dataOf(() => apolloClient.mutate<{ regenerateCalendarFeed: NewLink }>({ mutation: REGENERATE, fetchPolicy: 'no-cache' })),
    onSuccess: ({ regenerateCalendarFeed: made }) => {
      setLink(made);
      queryClient.setQueryData(KEY, { id: made.id, createdAt: made.createdAt });
    },
    onError: (e) => notify(`Could not make a link: ${e.message}`, { type: 'error' }),
  });
  const stop = useMutation({
    mutationFn: () => dataOf(() => apolloClient.mutate<{ revokeCalendarFeed: boolean }>({ mutation: REVOKE, fetchPolicy: 'no-cache' })),
    onSuccess: () => {
      setLink(null);
      queryClient.setQueryData(KEY, null);
      notify('Calendar feed stopped: its link no longer works', { type: 'info' });
    },
    onError: (e) => notify(`Could not stop the feed: ${e.message}`, { type: 'error' }),
  });
  const busy = regenerate.isPending || stop.isPending;

  return (
    <Card variant="outlined" data-testid="calendar-feed-card">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <EventIcon color="action" />
          <Typography variant="h6" component="h2">
            Calendar feed
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ mb: 1 }}>
          See the meetings and deadlines of your open cases in your phone's or computer's calendar, from a month back to a year ahead.
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Each entry says only what it is, the case type and the member's initials (for example "Grievance hearing — Grievance, J.S."):
          never names, places, panels, notes or outcomes. Anyone who has the link can read it, so keep it to yourself, and make a new one
          if it may have got out. Every use of the link is recorded in the audit log.
        </Typography>
        {isPending ? (
          <Skeleton variant="rounded" height={40} aria-label="Loading your calendar feed…" />
        ) : error ? (
          <LoadError what="your calendar feed" error={error} sx={{ my: 0 }} />
        ) : (
          <>
            <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="calendar-feed-status">
              {data ? `You have a feed link, made ${formatDateTime(data.createdAt)}.` : 'You have no feed link.'}
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
              <Button
                variant="contained"
                disabled={busy}
                onClick={() => (data ? setAsking('regenerate') : regenerate.mutate())}
              >
                {data ? 'Regenerate link' : 'Create feed link'}
              </Button>
              {data && (
                <Button variant="outlined" color="warning" disabled={busy} onClick={() => setAsking('stop')}>
                  Stop feed
                </Button>
              )}
            </Stack>
            {link && <NewLinkField url={link.url} />}
          </>
        )}
      </CardContent>
      <Confirm
        isOpen={asking === 'regenerate'}
        title="Make a new feed link?"
        content="Your current link stops working at once: calendars subscribed to it stop updating until you give them the new one."
        confirm="Make new link"
        confirmColor="warning"
        onConfirm={() => {
          setAsking(null);
          regenerate.mutate();
        }}
        onClose={() => setAsking(null)}
      />
      <Confirm
        isOpen={asking === 'stop'}
        title="Stop your calendar feed?"
        content="Its link stops working at once. You can make a new link later."
        confirm="Stop feed"
        confirmColor="warning"
        onConfirm={() => {
          setAsking(null);
          stop.mutate();
        }}
        onClose={() => setAsking(null)}
      />
    </Card>
  );
};
