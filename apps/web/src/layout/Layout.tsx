import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { QuickLogAppBarButton } from '../quickLog/QuickLogAppBarButton';
import { QuickLogProvider } from '../quickLog/QuickLogProvider';
import { AccountMenu } from './AccountMenu';
import { AppBarLoading } from './AppBarLoading';
import { AppMenu } from './AppMenu';
import { ConnectionBanner } from './ConnectionBanner';
import { DocumentTitle } from './DocumentTitle';

/**
 * Always shown (not hidden on scroll): "Log a conversation" must be one tap away on every page. The
 * page's title is its level-one heading, and wraps rather than being cut off on a phone (a ward's
 * whole name, never "Emergency De…"); the bar grows to fit it.
 */
const RollcallAppBar = () => (
  <AppBar
    userMenu={<AccountMenu />}
    toolbar={<AppBarLoading />}
    alwaysOn
    sx={{ '& .RaAppBar-toolbar': { minHeight: { xs: 56, sm: 64 }, height: 'auto', py: { xs: 0.5, sm: 0 } } }}
  >
    <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, display: { xs: 'none', sm: 'block' } }}>
      Rollcall
    </Typography>
    <TitlePortal
      component="h1"
      sx={{
        minWidth: 0, m: 0, fontSize: { xs: '1rem', sm: '1.25rem' }, lineHeight: 1.25,
        whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', overflowWrap: 'anywhere',
      }}
    />
    <Box sx={{ flex: 1 }} />
    <QuickLogAppBarButton />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <QuickLogProvider>
    <RaLayout appBar={RollcallAppBar} menu={AppMenu}>
      <DocumentTitle />
      <ConnectionBanner />
      {children}
    </RaLayout>
  </QuickLogProvider>
);
