import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's light theme in NHS blues. */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#005eb8' },
    secondary: { main: '#003087' },
  },
};
