import { useQuery } from '@tanstack/react-query';
import { Menu, useDataProvider } from 'react-admin';
import type { OrganisingDataProvider } from '../dataProvider';
import { BadgedLabel } from './MenuBadge';

/** "Cases", with a red count of the deadlines past on the user's own open cases (a count: no case is named, nothing read is audited). */
export const CasesMenuItem = () => {
  const dataProvider = useDataProvider<OrganisingDataProvider>();
  const { data } = useQuery({ queryKey: ['Cases', 'overdueDeadlineCount'], queryFn: () => dataProvider.overdueCaseDeadlineCount() });
  return (
    <Menu.ResourceItem
      name="Cases"
      primaryText={<BadgedLabel label="Cases" count={data ?? 0} what="overdue deadlines" testId="case-deadlines-badge" />}
    />
  );
};
