import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { AccountMenu } from './AccountMenu';

const RollcallAppBar = () => (
  <AppBar userMenu={<AccountMenu />}>
    <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, display: { xs: 'none', sm: 'block' } }}>
      Rollcall
    </Typography>
    <TitlePortal />
    <Box sx={{ flex: 1 }} />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={RollcallAppBar}>{children}</RaLayout>;
