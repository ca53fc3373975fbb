import { Box, Card, Link, List, ListItem, Stack, Typography } from '@mui/material';
import { FollowUpState } from '@rollcall/domain';
import { LinkBase, RecordContextProvider, useCreatePath, useListContext } from 'react-admin';
import type { ConversationRecord } from '../conversations/conversationText';
import { formatDay } from '../common/dates';
import { FollowUpChip } from '../organising/FollowUpChip';
import { LogConversationButton } from '../quickLog/LogConversationButton';
import { LoadingRows } from '../common/Loading';

const SECTIONS: { state: string; title: string }[] = [
  { state: FollowUpState.OVERDUE, title: 'Overdue' },
  { state: FollowUpState.DUE_TODAY, title: 'Due today' },
  { state: FollowUpState.DUE_SOON, title: 'Due this week' },
  { state: FollowUpState.LATER, title: 'Later' },
  { state: FollowUpState.DONE, title: 'Done' },
];

const FollowUpRow = ({ followUp }: { followUp: ConversationRecord }) => {
  const createPath = useCreatePath();
  const person = followUp.contact;
  const name = person?.fullName ?? 'Someone';
  const done = followUp.followUpState === FollowUpState.DONE;
  return (
    <RecordContextProvider value={followUp}>
      <ListItem
        divider
        data-testid="follow-up"
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, px: 2, py: 1.5 }}
      >
        <Box sx={{ flex: '1 1 220px', minWidth: 0 }}>
          <Stack direction="row" useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
            <Link
              component={LinkBase}
              to={createPath({ resource: 'Contacts', type: 'show', id: followUp.contactId })}
              variant="subtitle1"
              sx={{ fontWeight: 600 }}
            >
              {name}
            </Link>
            <FollowUpChip followUp={followUp} />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {[person?.ward?.name, `follow up ${formatDay(followUp.followUpDate)}`].filter(Boolean).join(' · ')}
          </Typography>
          {followUp.nextStep && (
            <Typography variant="body2" sx={{ mt: 0.25 }}>
              Next step: {followUp.nextStep}
            </Typography>
          )}
        </Box>
        {!done && person && (
          <LogConversationButton
            person={{ id: followUp.contactId, fullName: person.fullName, wardName: person.ward?.name }}
            label="Log follow-up"
            variant="contained"
          />
        )}
      </ListItem>
    </RecordContextProvider>
  );
};

/** The follow-ups on this page, in sections (overdue first, as the API sorts them). */
export const FollowUpItems = () => {
  const { data, isPending } = useListContext<ConversationRecord>();
  if (isPending) return <LoadingRows what="follow-ups" tall />;
  if (!data || data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" role="status" sx={{ p: 2 }}>
        No follow-ups match.
      </Typography>
    );
  }
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      {SECTIONS.map(({ state, title }) => {
        const items = data.filter((f) => f.followUpState === state);
        if (items.length === 0) return null;
        const id = `follow-ups-${state.toLowerCase()}`;
        return (
          <Card key={state} variant="outlined" component="section" aria-labelledby={id}>
            <Typography
              id={id}
              variant="subtitle1"
              component="h2"
              sx={{ px: 2, pt: 1.5, fontWeight: 700, color: state === FollowUpState.OVERDUE ? 'error.main' : 'text.primary' }}
            >
              {title} ({items.length})
            </Typography>
            <List disablePadding>
              {items.map((f) => (
                <FollowUpRow key={f.id} followUp={f} />
              ))}
            </List>
          </Card>
        );
      })}
    </Stack>
  );
};
