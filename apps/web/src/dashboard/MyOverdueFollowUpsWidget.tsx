import { Box, Link, List, Typography } from '@mui/material';
import { FollowUpState } from '@rollcall/domain';
import { LinkBase, useCreatePath, useGetList } from 'react-admin';
import type { ConversationRecord } from '../conversations/conversationText';
import { FollowUpChip } from '../organising/FollowUpChip';
import { Widget, WidgetRow, WidgetTotal } from './Widget';

const OVERDUE = { state: FollowUpState.OVERDUE };
const OLDEST_FIRST = { field: 'followUpDate', order: 'ASC' } as const;
const FIRST_FIVE = { page: 1, perPage: 5 };

/** A rep's own overdue follow-ups, the longest overdue first. */
export const MyOverdueFollowUpsWidget = () => {
  const createPath = useCreatePath();
  const { data, total, isPending, error } = useGetList<ConversationRecord>('FollowUps', { filter: OVERDUE, sort: OLDEST_FIRST, pagination: FIRST_FIVE });
  const rows = data ?? [];
  return (
    <Widget
      title="My overdue follow-ups"
      subtitle={
        total ? (
          <>
            <WidgetTotal testId="overdue-total">
              {total}
            </WidgetTotal>{' '}
            {total === 1 ? 'person is' : 'people are'} waiting to hear from you
          </>
        ) : (
          'People you said you would speak to again'
        )
      }
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty="Nothing overdue: you are up to date."
      what="your follow-ups"
      testId="widget-overdue"
      more={{ to: `/FollowUps?filter=${encodeURIComponent(JSON.stringify(OVERDUE))}`, label: 'All my follow-ups' }}
    >
      <List dense disablePadding>
        {rows.map((f) => (
          <WidgetRow key={f.id} testId="overdue-person">
            <Box sx={{ minWidth: 0 }}>
              <Link component={LinkBase} to={createPath({ resource: 'Contacts', type: 'show', id: f.contactId })} sx={{ fontWeight: 600 }}>
                {f.contact?.fullName ?? 'Someone'}
              </Link>
              <Typography variant="body2" color="text.secondary">
                {f.contact?.ward?.name}
              </Typography>
            </Box>
            <FollowUpChip followUp={f} />
          </WidgetRow>
        ))}
      </List>
    </Widget>
  );
};
