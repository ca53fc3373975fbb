import { Typography } from '@mui/material';
import { FollowUpState } from '@rollcall/domain';
import { useGetList } from 'react-admin';
import { formatDay } from '../common/formatDay';
import { Widget, WidgetRowName, WidgetRows, WidgetTotal } from './Widget';

interface RepOverdue {
  id: string;
  repName: string;
  overdue: number;
  oldestDate: string;
}

/** The follow-up list, showing one rep's overdue ones. */
const followUpsOf = (repUserId: string) =>
  `/FollowUps?filter=${encodeURIComponent(JSON.stringify({ repUserId, state: FollowUpState.OVERDUE }))}`;

/** Overdue follow-ups across the branch, per rep who set them, most first: who needs a hand. */
export const BranchOverdueFollowUpsWidget = () => {
  const { data, isPending, error } = useGetList<RepOverdue>('OverdueFollowUpsByRep');
  const rows = data ?? [];
  const total = rows.reduce((n, r) => n + r.overdue, 0);
  return (
    <Widget
      title="Overdue follow-ups across the branch"
      subtitle={
        rows.length ? (
          <>
            <WidgetTotal testId="overdue-total">
              {total}
            </WidgetTotal>{' '}
            overdue, with {rows.length} rep{rows.length === 1 ? '' : 's'}
          </>
        ) : (
          'People a rep promised to speak to again, and has not yet'
        )
      }
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty="No follow-up is overdue: every rep is up to date."
      what="overdue follow-ups"
      testId="widget-overdue"
      more={{ to: '/FollowUps', label: 'Follow-ups' }}
    >
      <WidgetRows rows={rows} testId="overdue-rep">
        {(r) => (
          <>
            <WidgetRowName to={followUpsOf(r.id)} name={r.repName} detail={`Oldest due ${formatDay(r.oldestDate)}`} />
            <Typography component="span" sx={{ fontWeight: 700, color: 'error.dark', whiteSpace: 'nowrap' }}>
              {r.overdue} overdue
            </Typography>
          </>
        )}
      </WidgetRows>
    </Widget>
  );
};
