import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's light theme in NHS blues. Warning and info are darker than Material's (#ed6c02,
 * #0288d1): their text and chips ("Lapsed", "Never spoken to", "Pending") must read at 4.5:1 on
 * white and on the pale amber of a never-spoken-to row (WCAG 2.2 AA).
 */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#005eb8' },
    secondary: { main: '#003087' },
    warning: { main: '#a84f00', contrastText: '#ffffff' },
    info: { main: '#0166a3', contrastText: '#ffffff' },
  },
};
