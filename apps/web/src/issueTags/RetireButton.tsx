import ArchiveIcon from '@mui/icons-material/Archive';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { Button, useNotify, useRecordContext, useUpdate } from 'react-admin';

/** Retires a tag (no longer offered for new conversations) or brings it back, in one tap. */
export const RetireButton = (_props: { label?: string }) => {
  const record = useRecordContext<{ id: string; name: string; active: boolean }>();
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  if (!record) return null;
  const retire = record.active;
  return (
    <Button
      label={retire ? 'Retire' : 'Restore'}
      aria-label={`${retire ? 'Retire' : 'Restore'} ${record.name}`}
      disabled={isPending}
      onClick={(event) => {
        event.stopPropagation();
        update(
          'IssueTags',
          { id: record.id, data: { active: !retire }, previousData: record },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => notify(retire ? `${record.name} retired: no longer offered` : `${record.name} offered again`, { type: 'success' }),
            onError: (error) => notify(error instanceof Error ? error.message : 'Could not change the tag', { type: 'error' }),
          },
        );
      }}
    >
      {retire ? <ArchiveIcon /> : <UnarchiveIcon />}
    </Button>
  );
};
