import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, TitlePortal } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { QuickLogAppBarButton } from '../quickLog/QuickLogAppBarButton';
import { QuickLogProvider } from '../quickLog/QuickLogProvider';
import { AccountMenu } from './AccountMenu';
import { AppMenu } from './AppMenu';
import { ConnectionBanner } from './ConnectionBanner';

/** The refresh button gives way to the page title on a phone (lists refresh as you use them). */
const AppBarToolbar = () => (
  <Box sx={{ display: { xs: 'none', sm: 'flex' } }}>
    <LoadingIndicator />
  </Box>
);

/** Always shown (not hidden on scroll): "Log a conversation" must be one tap away on every page. */
const RollcallAppBar = () => (
  <AppBar userMenu={<AccountMenu />} toolbar={<AppBarToolbar />} alwaysOn>
    <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, display: { xs: 'none', sm: 'block' } }}>
      Rollcall
    </Typography>
    <TitlePortal sx={{ minWidth: 0, fontSize: { xs: '1.05rem', sm: '1.25rem' } }} />
    <Box sx={{ flex: 1 }} />
    <QuickLogAppBarButton />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <QuickLogProvider>
    <RaLayout appBar={RollcallAppBar} menu={AppMenu}>
      <ConnectionBanner />
      {children}
    </RaLayout>
  </QuickLogProvider>
);
