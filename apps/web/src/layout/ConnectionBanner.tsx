import { useEffect, useRef } from 'react';
import { useRefresh } from 'react-admin';
import { Alert } from '@mui/material';
import { setServerReachable, useServerReachable } from '../serverStatus';

const FIRST_PROBE_MS = 1000;
const MAX_PROBE_MS = 8000;

/**
 * While the server (or its database) cannot be reached: a notice at the top of the page that does
 * not stop the rep from reading what is on screen, and a probe of /healthz with a growing delay.
 * When the server answers again the notice goes and the page's data is loaded again. The session
 * is left alone throughout: only a real 401 ends it.
 */
export const ConnectionBanner = () => {
  const reachable = useServerReachable();
  const refresh = useRefresh();
  const wasDown = useRef(false);

  useEffect(() => {
    if (reachable) {
      if (wasDown.current) refresh();
      wasDown.current = false;
      return;
    }
    wasDown.current = true;
    let delay = FIRST_PROBE_MS;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const probe = async () => {
      try {
        const response = await fetch('/healthz', { cache: 'no-store' });
        if (response.ok) return setServerReachable(true);
      } catch {
        // still unreachable
      }
      if (stopped) return;
      delay = Math.min(delay * 2, MAX_PROBE_MS);
      timer = setTimeout(probe, delay);
    };
    timer = setTimeout(probe, delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [reachable, refresh]);

  if (reachable) return null;
  return (
    <Alert
      severity="warning"
      role="status"
      aria-live="polite"
      sx={{ position: 'sticky', top: { xs: 56, sm: 64 }, zIndex: (theme) => theme.zIndex.appBar - 1, mb: 1 }}
    >
      Can't reach the server — retrying…
    </Alert>
  );
};
