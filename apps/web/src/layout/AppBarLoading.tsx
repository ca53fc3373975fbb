import { Box, CircularProgress } from '@mui/material';
import { RefreshIconButton, useLoading } from 'react-admin';

/**
 * The app bar's sign that data is on its way (react-admin's LoadingIndicator, with a name for
 * screen readers, and on phones too): a spinner while anything loads; on wider screens a refresh
 * button otherwise.
 */
export const AppBarLoading = () => {
  const loading = useLoading();
  if (loading) {
    return (
      <Box sx={{ width: 40, display: 'flex', justifyContent: 'center', flexShrink: 0 }}>
        <CircularProgress color="inherit" size={20} thickness={5} aria-label="Loading" data-testid="app-loading" />
      </Box>
    );
  }
  return (
    <Box sx={{ display: { xs: 'none', sm: 'flex' } }}>
      <RefreshIconButton />
    </Box>
  );
};
