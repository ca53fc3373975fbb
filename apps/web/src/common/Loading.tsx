import { Box, Card, CardContent, Skeleton, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useListContext } from 'react-admin';

interface LoadingRowsProps {
  /** What is loading, for screen readers ("people", "wards"). */
  what: string;
  rows?: number;
  /** Taller rows (a phone's two- or three-line items). */
  tall?: boolean;
}

/**
 * Where a list is about to be: grey rows at once (react-admin's own wait a second first, and show
 * nothing on a phone until then), announced as "Loading people…".
 */
export const LoadingRows = ({ what, rows = 5, tall = false }: LoadingRowsProps) => (
  <Box role="status" aria-label={`Loading ${what}…`} aria-busy data-testid="loading" sx={{ p: { xs: 1, sm: 2 } }}>
    <Stack spacing={1}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={tall ? 64 : 40} animation="wave" />
      ))}
    </Stack>
  </Box>
);

/**
 * A list body that shows `LoadingRows` until its first page has come (a refetch keeps the rows on
 * screen), then `children`.
 */
export const ListLoading = ({ what, tall, children }: { what: string; tall?: boolean; children: ReactNode }) => {
  const { isPending } = useListContext();
  return isPending ? <LoadingRows what={what} tall={tall} /> : <>{children}</>;
};

/** A record's page while it loads (a Show's or Edit's `loading`): its title and grey panels. */
export const RecordLoading = ({ what = 'record' }: { what?: string }) => (
  <Box role="status" aria-label={`Loading ${what}…`} aria-busy data-testid="loading" sx={{ mt: 2 }}>
    <Title title="Loading…" />
    <Card variant="outlined">
      <CardContent>
        <Skeleton variant="text" width="40%" height={40} animation="wave" />
        <Stack spacing={1} sx={{ mt: 1 }}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} variant="rounded" height={32} animation="wave" />
          ))}
        </Stack>
      </CardContent>
    </Card>
  </Box>
);
