import { FollowUpState } from '@rollcall/domain';
import { useCreatePath, useGetList } from 'react-admin';
import type { ConversationRecord } from '../conversations/conversationText';
import { FollowUpChip } from '../organising/FollowUpChip';
import { Widget, WidgetRowName, WidgetRows, WidgetTotal } from './Widget';

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
      <WidgetRows rows={rows} testId="overdue-person">
        {(f) => (
          <>
            <WidgetRowName
              to={createPath({ resource: 'Contacts', type: 'show', id: f.contactId })}
              name={f.contact?.fullName ?? 'Someone'}
              detail={f.contact?.ward?.name}
            />
            <FollowUpChip followUp={f} />
          </>
        )}
      </WidgetRows>
    </Widget>
  );
};
