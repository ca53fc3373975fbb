import DownloadIcon from '@mui/icons-material/GetApp';
import { CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useListContext, useLogoutIfAccessDenied, useNotify, useResourceContext } from 'react-admin';
import { exportCsv } from '../exportCsv';

/**
 * Exports the whole list as it is filtered and sorted now (every row, not only this page) to a CSV
 * file, from the server's streamed export. Shows that it is working, and says plainly if it failed.
 */
export const ExportCsvButton = () => {
  const { filterValues, sort, total, isPending } = useListContext();
  const resource = useResourceContext();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!resource || busy) return;
    setBusy(true);
    try {
      const file = await exportCsv(resource, { filter: filterValues, sort });
      notify(`Exported ${total ?? 'every'} ${total === 1 ? 'row' : 'rows'} to ${file}`, { type: 'success' });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 0;
      // A session that has ended sends the user to sign in again, as any list would.
      if (status === 401 && (await logoutIfAccessDenied(error))) return;
      notify(error instanceof Error ? error.message : 'The export failed', { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      label={busy ? 'Exporting…' : 'Export'}
      onClick={run}
      disabled={busy || isPending || total === 0}
      aria-busy={busy}
    >
      {busy ? <CircularProgress size={18} thickness={5} aria-hidden /> : <DownloadIcon />}
    </Button>
  );
};
