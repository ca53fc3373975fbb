import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton, useResourceDefinition } from 'react-admin';

interface EmptyStateProps {
  title: string;
  explanation: string;
  icon?: ReactNode;
  /** Hide the create button (e.g. read-only roles). */
  canCreate?: boolean;
}

/** What a list shows when there is nothing in it yet, with a way to add the first one. */
export const EmptyState = ({ title, explanation, icon, canCreate = true }: EmptyStateProps) => {
  const { hasCreate } = useResourceDefinition();
  return (
    <Box
      role="status"
      aria-label={title}
      sx={{ textAlign: 'center', mt: 6, mx: 'auto', px: 2, maxWidth: 480, color: 'text.secondary' }}
    >
      {icon && <Box sx={{ '& svg': { fontSize: 64, opacity: 0.5 } }}>{icon}</Box>}
      <Typography variant="h6" component="p" gutterBottom>
        {title}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {explanation}
      </Typography>
      {canCreate && hasCreate && <CreateButton variant="contained" />}
    </Box>
  );
};
