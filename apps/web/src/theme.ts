import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * Someone who asked their phone for less motion gets none: dialogs, drawers, menus, tooltips and
 * skeletons appear and go at once (WCAG 2.3.3). MUI's transitions are CSS, so one media query
 * covers them all.
 */
const REDUCED_MOTION = {
  '@media (prefers-reduced-motion: reduce)': {
    '*, *::before, *::after': {
      animationDuration: '0.01ms !important',
      animationIterationCount: '1 !important',
      transitionDuration: '0.01ms !important',
      scrollBehavior: 'auto !important',
    },
  },
};

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
  components: {
    ...defaultLightTheme.components,
    MuiCssBaseline: { styleOverrides: REDUCED_MOTION },
    // Every progress bar and spinner has a name for screen readers, react-admin's own included (a reference
    // field's bar appears after a delay, wherever a linked record is slow): "Loading", unless one is given.
    MuiLinearProgress: { ...defaultLightTheme.components?.MuiLinearProgress, defaultProps: { 'aria-label': 'Loading' } },
    MuiCircularProgress: { ...defaultLightTheme.components?.MuiCircularProgress, defaultProps: { 'aria-label': 'Loading' } },
    // Every form keeps what the user typed when a newer reading of its record lands: the fields they changed keep
    // their value, the others show the new one. react-admin's default resets every field, so a reading that lands
    // after typing began (an edit page opens at once from a list's or the show page's copy and reads the record
    // again; someone else changed it meanwhile) wiped what was typed. (One object: the form resets whenever it changes.)
    RaSimpleForm: { defaultProps: { resetOptions: { keepDirtyValues: true } } },
  },
};
