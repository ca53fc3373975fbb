import { Box, Stack, Typography, type SxProps, type Theme } from '@mui/material';
import { useId, type ReactNode } from 'react';

export interface TitledSectionProps {
  /** The heading, which also names the section ("Assessment"). */
  title: string;
  /** Buttons beside the heading, for those who may use them. */
  actions?: ReactNode;
  sx?: SxProps<Theme>;
  children: ReactNode;
}

/** A section of a record's page: a level-two heading with its buttons beside it, then the content. */
export const TitledSection = ({ title, actions, sx, children }: TitledSectionProps) => {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={sx}>
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
