import { Box, Stack, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';

interface PanelSectionProps {
  /** The heading, which also names the section ("Assessment"). */
  title: string;
  /** Buttons beside the heading, for those who may use them. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A panel on a contact's page: a level-two heading with its buttons beside it, then the content. */
export const PanelSection = ({ title, actions, children }: PanelSectionProps) => {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1 }}>
        <Typography id={headingId} variant="h6" component="h2">
          {title}
        </Typography>
        {actions}
      </Stack>
      {children}
    </Box>
  );
};
