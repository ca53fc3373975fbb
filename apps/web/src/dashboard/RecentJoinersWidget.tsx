import { Box, Chip, Typography } from '@mui/material';
import { useCreatePath, useGetList } from 'react-admin';
import { formatDay } from '../common/formatDay';
import { Widget, WidgetRowName, WidgetRows, WidgetTotal } from './Widget';

/** How far back "recent" reaches. */
export const RECENT_DAYS = 30;
const LAST_MONTH = { days: RECENT_DAYS };
const NEWEST = { page: 1, perPage: 6 };

interface Joiner {
  id: string;
  joinDate: string;
  union?: { id: string; shortName: string } | null;
  contact?: { id: string; fullName: string; ward?: { id: string; name: string; site?: { id: string; name: string } | null } | null } | null;
}

/** Who joined a union in the last 30 days, newest first: to welcome them, and to ask them to bring a colleague. */
export const RecentJoinersWidget = ({ wholeBranch }: { wholeBranch: boolean }) => {
  const createPath = useCreatePath();
  const { data, total, isPending, error } = useGetList<Joiner>('RecentJoiners', { filter: LAST_MONTH, pagination: NEWEST });
  const rows = data ?? [];
  return (
    <Widget
      title={wholeBranch ? 'Recent joiners' : 'Recent joiners on your patch'}
      subtitle={
        total ? (
          <>
            <WidgetTotal testId="joiners-total">
              {total}
            </WidgetTotal>{' '}
            joined in the last {RECENT_DAYS} days{total > rows.length ? ` · the newest ${rows.length}` : ''}
          </>
        ) : (
          `Members who joined in the last ${RECENT_DAYS} days`
        )
      }
      isPending={isPending}
      error={error}
      isEmpty={rows.length === 0}
      empty={`Nobody has joined in the last ${RECENT_DAYS} days.`}
      what="recent joiners"
      testId="widget-joiners"
      more={{ to: '/Memberships', label: 'All memberships' }}
    >
      <WidgetRows rows={rows} testId="joiner">
        {(m) => (
          <>
            <WidgetRowName
              to={m.contact ? createPath({ resource: 'Contacts', type: 'show', id: m.contact.id }) : undefined}
              name={m.contact?.fullName ?? 'Someone'}
              detail={[m.contact?.ward?.name, m.contact?.ward?.site?.name].filter(Boolean).join(' · ')}
            />
            <Box sx={{ textAlign: 'right', flexShrink: 0 }}>
              {m.union && <Chip size="small" variant="outlined" label={m.union.shortName} />}
              <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                {formatDay(m.joinDate)}
              </Typography>
            </Box>
          </>
        )}
      </WidgetRows>
    </Widget>
  );
};
