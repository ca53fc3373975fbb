import { DeleteButton, SaveButton, Toolbar, useRecordContext } from 'react-admin';
import { useRecordName } from './useSaveNotice';

/** Save, and a delete that asks for confirmation and waits for the server (pessimistic). */
export const FormToolbar = ({ canDelete = true }: { canDelete?: boolean }) => {
  const record = useRecordContext();
  const name = useRecordName();
  return (
    <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
      <SaveButton />
      {canDelete && <DeleteButton mutationMode="pessimistic" successMessage={`${name(record)} deleted`} />}
    </Toolbar>
  );
};
