import { Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase, useCreatePath, useGetList } from 'react-admin';

interface CountCardProps {
  resource: string;
  label: string;
  icon: ReactNode;
  filter?: Record<string, unknown>;
}

/** One number from a list's total (a one-row page), linking to that list. */
export const CountCard = ({ resource, label, icon, filter = {} }: CountCardProps) => {
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
  const query = Object.keys(filter).length ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={LinkBase} to={createPath({ resource, type: 'list' }) + query} sx={{ height: '100%' }} aria-label={label}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography component="span" color="primary" sx={{ display: 'flex', '& svg': { fontSize: 40 } }}>
            {icon}
          </Typography>
          <div>
            <Typography variant="h4" component="p" data-testid={`count-${label.toLowerCase().replace(/\s+/g, '-')}`}>
              {isPending ? <Skeleton width={48} /> : error ? '—' : (total ?? 0).toLocaleString('en-GB')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {label}
            </Typography>
          </div>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
