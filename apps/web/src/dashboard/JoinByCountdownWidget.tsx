import { List, ListItem, ListItemText } from '@mui/material';
import { useQueries } from '@tanstack/react-query';
import { LinkBase, useDataProvider, useGetList } from 'react-admin';
import { type CampaignRecord, joinByCountdown } from '../campaigns/campaignTypes';
import type { CampaignsDataProvider } from '../dataProvider';
import { Widget } from './Widget';

/** Running campaigns whose join-by date is today or later, soonest first: days left, and joiners against the target. */
export const JoinByCountdownWidget = () => {
  const dp = useDataProvider<CampaignsDataProvider>();
  const campaigns = useGetList<CampaignRecord>('Campaigns', { pagination: { page: 1, perPage: 50 }, sort: { field: 'joinByDate', order: 'ASC' }, filter: { active: true } });
  const coming = (campaigns.data ?? []).filter((c) => c.joinByDate && (c.daysToJoinBy ?? -1) >= 0);
  const figures = useQueries({
    queries: coming.map((c) => ({ queryKey: ['campaignRecruitment', c.id], queryFn: () => dp.campaignRecruitment(c.id) })),
  });
  return (
    <Widget
      title="Join-by countdown"
      subtitle="Running campaigns with a membership cut-off to come"
      more={{ to: '/Campaigns', label: 'All campaigns' }}
      isPending={campaigns.isPending || figures.some((f) => f.isPending)}
      error={campaigns.error ?? figures.find((f) => f.error)?.error ?? null}
      isEmpty={!coming.length}
      empty="No running campaign has a join-by date to come."
      what="the join-by countdown"
      testId="join-by-widget"
      skeletonLines={2}
    >
      <List dense disablePadding>
        {coming.map((c, i) => {
          const r = figures[i]?.data;
          const joined = r ? `${r.joinersSinceStart ?? 'withheld'}${r.recruitmentTarget ? ` of ${r.recruitmentTarget}` : ''} joined` : '';
          return (
            <ListItem key={c.id} disableGutters divider>
              <ListItemText
                primary={<LinkBase to={`/Campaigns/${c.id}/show`}>{c.name}</LinkBase>}
                secondary={<span data-testid="join-by-countdown">{[joinByCountdown(c.daysToJoinBy, c.joinByDate), joined].filter(Boolean).join(' · ')}</span>}
              />
            </ListItem>
          );
        })}
      </List>
    </Widget>
  );
};
