import type { ReactNode } from 'react';
import { addDays, ukToday } from '@rollcall/domain';
import { useCreatePath, useGetList } from 'react-admin';
import { formatDay } from '../common/dates';
import { count } from '../common/words';
import { CaseStatusChip, DaysLeftChip, UnverifiedChip } from '../cases/CaseChips';
import { caseName, caseTypeText, meetingKindText, type CaseMeetingRecord, type CaseRecord } from '../cases/caseText';
import { Widget, WidgetRowName, WidgetRows, WidgetTotal } from './Widget';

/** Monday to Sunday of this week (UK). */
function thisWeek(): { from: string; to: string } {
  const today = ukToday();
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(today, -weekday);
  return { from, to: addDays(from, 6) };
}

/** The meetings of the user's own cases this week, by date. */
export const MeetingsThisWeekWidget = () => {
  const createPath = useCreatePath();
  const week = thisWeek();
  const { data, total, isPending, error } = useGetList<CaseMeetingRecord>('CaseMeetings', {
    filter: { mine: true, ...week },
    sort: { field: 'date', order: 'ASC' },
    pagination: { page: 1, perPage: 20 },
  });
  const rows = data ?? [];
  return (
    <Widget
      title="Meetings this week"
      subtitle={total ? <><WidgetTotal testId="meetings-total">{total}</WidgetTotal> {total === 1 ? 'meeting' : 'meetings'} of your cases, {formatDay(week.from)} to {formatDay(week.to)}</> : `Your cases' meetings, ${formatDay(week.from)} to ${formatDay(week.to)}`}
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty="No meetings this week."
      what="this week's meetings"
      testId="widget-case-meetings"
    >
      <WidgetRows rows={rows} testId="case-meeting-row">
        {(m) => (
          <WidgetRowName
            to={createPath({ resource: 'Cases', type: 'show', id: m.caseId ?? m.case?.id ?? '' })}
            name={`${meetingKindText(m.kind)}, ${formatDay(m.date)}${m.time ? ` at ${m.time}` : ''}`}
            detail={[m.case ? caseName(m.case) : null, m.place].filter(Boolean).join(' · ')}
          />
        )}
      </WidgetRows>
    </Widget>
  );
};

interface DeadlineRow {
  id: string;
  caseId: string;
  label: string;
  due: string;
  daysLeft: number;
  verified: boolean;
  case: { id: string; type: string; contact?: { id: string; fullName: string } | null };
}

/** The deadlines of the user's open cases in the next 14 days, overdue ones first. */
export const CaseDeadlinesWidget = () => {
  const createPath = useCreatePath();
  const { data, total, isPending, error } = useGetList<DeadlineRow>('MyCaseDeadlines', { filter: { days: 14 }, pagination: { page: 1, perPage: 20 } });
  const rows = data ?? [];
  const overdue = rows.filter((d) => d.daysLeft < 0).length;
  return (
    <Widget
      title="Deadlines in the next 14 days"
      subtitle={
        total ? (
          <>
            <WidgetTotal testId="deadlines-total">{total}</WidgetTotal> on your open cases{overdue ? `, ${count(overdue, 'overdue', 'overdue')}` : ''}
          </>
        ) : (
          'Deadlines on your open cases, overdue first'
        )
      }
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty="Nothing due in the next 14 days."
      what="your deadlines"
      testId="widget-case-deadlines"
    >
      <WidgetRows rows={rows} testId="case-deadline-row">
        {(d) => (
          <>
            <WidgetRowName
              to={createPath({ resource: 'Cases', type: 'show', id: d.caseId })}
              name={d.label}
              detail={`${caseName(d.case)} · due ${formatDay(d.due)}`}
            />
            <span>
              <DaysLeftChip daysLeft={d.daysLeft} />
              {!d.verified && <UnverifiedChip />}
            </span>
          </>
        )}
      </WidgetRows>
    </Widget>
  );
};

interface CasesWidgetProps {
  title: string;
  filter: Record<string, unknown>;
  /** The subtitle: with the total when there are any, and without. */
  counted: (total: number) => ReactNode;
  uncounted: string;
  empty: string;
  what: string;
  more: string;
  testId: string;
  totalTestId: string;
  rowTestId: string;
}

/** A few of the user's cases that `filter` picks, the longest open first: the member, the type, when opened and the status. */
const CasesWidget = ({ title, filter, counted, uncounted, empty, what, more, testId, totalTestId, rowTestId }: CasesWidgetProps) => {
  const createPath = useCreatePath();
  const { data, total, isPending, error } = useGetList<CaseRecord>('Cases', { filter, sort: { field: 'openedOn', order: 'ASC' }, pagination: { page: 1, perPage: 8 } });
  const rows = data ?? [];
  return (
    <Widget
      title={title}
      subtitle={total ? <><WidgetTotal testId={totalTestId}>{total}</WidgetTotal> {counted(total)}</> : uncounted}
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty={empty}
      what={what}
      testId={testId}
      more={{ to: `/Cases?filter=${encodeURIComponent(JSON.stringify(filter))}`, label: more }}
    >
      <WidgetRows rows={rows} testId={rowTestId}>
        {(c) => (
          <>
            <WidgetRowName
              to={createPath({ resource: 'Cases', type: 'show', id: c.id })}
              name={c.contact?.fullName ?? 'A member'}
              detail={`${caseTypeText(c.type)} · opened ${formatDay(c.openedOn)}`}
            />
            <CaseStatusChip status={c.status} />
          </>
        )}
      </WidgetRows>
    </Widget>
  );
};

/** The user's open cases with nothing booked and nothing due: no meeting from today on, no deadline still to come. */
export const NoNextStepWidget = () => (
  <CasesWidget
    title="Cases with no next step"
    filter={{ mine: true, noNextStep: true }}
    counted={(total) => `open ${total === 1 ? 'case has' : 'cases have'} no meeting booked and nothing due`}
    uncounted="Open cases with no meeting booked and nothing due"
    empty="Every open case of yours has a meeting or a deadline ahead."
    what="your cases with no next step"
    more="All of them"
    testId="widget-no-next-step"
    totalTestId="no-next-step-total"
    rowTestId="no-next-step-row"
  />
);

/** The user's open cases, the longest open first. */
export const MyOpenCasesWidget = () => (
  <CasesWidget
    title="My open cases"
    filter={{ mine: true, open: true }}
    counted={(total) => `${total === 1 ? 'case' : 'cases'} on your list`}
    uncounted="Cases whose team you are on"
    empty="No open cases."
    what="your cases"
    more="All my cases"
    testId="widget-my-cases"
    totalTestId="open-cases-total"
    rowTestId="my-case-row"
  />
);
