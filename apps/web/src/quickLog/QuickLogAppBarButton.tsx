import AddCommentIcon from '@mui/icons-material/AddComment';
import { Box, Button } from '@mui/material';
import { useQuickLog } from './QuickLogContext';

/** "Log a conversation", always in the app bar (short "Log" on a phone) for those who may log. */
export const QuickLogAppBarButton = () => {
  const quickLog = useQuickLog();
  if (!quickLog.enabled) return null;
  return (
    <Button
      variant="contained"
      disableElevation
      onClick={() => quickLog.open()}
      aria-label="Log a conversation"
      startIcon={<AddCommentIcon />}
      sx={{
        bgcolor: '#ffffff', color: 'primary.main', mx: { xs: 0.5, sm: 1 }, px: { xs: 1.25, sm: 2 }, flexShrink: 0, whiteSpace: 'nowrap',
        '& .MuiButton-startIcon': { mr: { xs: 0.5, sm: 1 } },
        '&:hover': { bgcolor: '#e8edee' },
      }}
    >
      <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
        Log a conversation
      </Box>
      <Box component="span" sx={{ display: { xs: 'inline', sm: 'none' } }}>
        Log
      </Box>
    </Button>
  );
};
