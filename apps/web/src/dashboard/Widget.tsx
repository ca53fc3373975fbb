import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Button, Card, CardContent, Link, List, ListItem, Skeleton, Stack, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { LinkBase, type Identifier } from 'react-admin';
import { LoadError } from '../common/LoadError';

export interface WidgetProps {
  /** The heading (a level-two heading: the page's own is "Welcome"). */
  title: string;
  /** One line under the title: what is counted, and whose. */
  subtitle?: ReactNode;
  /** Where the whole list lives ("All rep coverage"). */
  more?: { to: string; label: string };
  isPending: boolean;
  error: unknown;
  /** Nothing to show: says so in `empty`. */
  isEmpty: boolean;
  empty: string;
  /** Rough height of what is loading, so the page does not jump when it arrives. */
  skeletonLines?: number;
  /** What the error says could not be loaded ("overdue follow-ups"). */
  what: string;
  testId: string;
  children?: ReactNode;
}

/**
 * One dashboard widget: a titled section that shows its loading skeleton, its error (with "Try
 * again"), its empty message, or its content, and a link to the whole list.
 */
export const Widget = ({
  title, subtitle, more, isPending, error, isEmpty, empty, skeletonLines = 4, what, testId, children,
}: WidgetProps) => {
  const headingId = useId();
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} data-testid={testId} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flex: 1, '&:last-child': { pb: 2 } }}>
        <Typography id={headingId} variant="h6" component="h2" sx={{ lineHeight: 1.3 }}>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {subtitle}
          </Typography>
        )}
        {isPending ? (
          <Stack spacing={1} role="status" aria-label={`Loading ${what}`} data-testid="widget-loading" sx={{ mt: 1 }}>
            {Array.from({ length: skeletonLines }, (_, i) => (
              <Skeleton key={i} variant="rounded" height={28} />
            ))}
          </Stack>
        ) : error ? (
          <LoadError what={what} error={error} sx={[]} data-testid="widget-error" />
        ) : isEmpty ? (
          <Typography variant="body2" color="text.secondary" role="status" data-testid="widget-empty" sx={{ py: 2 }}>
            {empty}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
      {more && (
        <Box sx={{ px: 1, pb: 1 }}>
          <Button component={LinkBase} to={more.to} size="small" endIcon={<ArrowForwardIcon />}>
            {more.label}
          </Button>
        </Box>
      )}
    </Card>
  );
};

/** The headline figure in a widget's subtitle, in bold (tests read it by `testId`). */
export const WidgetTotal = ({ testId, children }: { testId: string; children: ReactNode }) => (
  <Box component="strong" data-testid={testId}>
    {children}
  </Box>
);

/** A widget's list, a row per record (tests find the rows by `testId`): who or what on the left, its figures on the right. */
export function WidgetRows<T extends { id: Identifier }>({ rows, testId, children }: { rows: T[]; testId: string; children: (row: T) => ReactNode }) {
  return (
    <List dense disablePadding>
      {rows.map((row) => (
        <ListItem key={row.id} disableGutters divider data-testid={testId} sx={{ display: 'flex', gap: 1, justifyContent: 'space-between', py: 0.75 }}>
          {children(row)}
        </ListItem>
      ))}
    </List>
  );
}

/** The left of a widget's row: a name in bold, a link to its page when there is one, and a line about it. */
export const WidgetRowName = ({ to, name, detail }: { to?: string; name: ReactNode; detail: ReactNode }) => (
  <Box sx={{ minWidth: 0 }}>
    {to ? (
      <Link component={LinkBase} to={to} sx={{ fontWeight: 600 }}>
        {name}
      </Link>
    ) : (
      <Typography component="span">{name}</Typography>
    )}
    <Typography variant="body2" color="text.secondary">
      {detail}
    </Typography>
  </Box>
);
