import { Box } from '@mui/material';
import type { ReactNode } from 'react';

const visuallyHidden = {
  position: 'absolute', width: 1, height: 1, p: 0, m: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
} as const;

/** A menu entry's label with a red count beside it (none when the count is 0); `what` is read out after the number. */
export const BadgedLabel = ({ label, count, what, testId }: { label: ReactNode; count: number; what: string; testId: string }) => (
  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
    {label}
    {count > 0 && (
      <Box
        component="span"
        data-testid={testId}
        sx={{
          bgcolor: 'error.main', color: 'error.contrastText', borderRadius: 10, px: 0.75, minWidth: 20,
          fontSize: '0.75rem', lineHeight: '20px', textAlign: 'center', fontWeight: 700,
        }}
      >
        {count}
        <Box component="span" sx={visuallyHidden}> {what}</Box>
      </Box>
    )}
  </Box>
);
