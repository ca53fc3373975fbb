import { DeleteButton, SaveButton, Toolbar } from 'react-admin';

/** Save, and a delete that asks for confirmation and waits for the server (pessimistic). */
export const FormToolbar = ({ canDelete = true }: { canDelete?: boolean }) => (
  <Toolbar sx={{ justifyContent: 'space-between', gap: 1 }}>
    <SaveButton />
    {canDelete && <DeleteButton mutationMode="pessimistic" />}
  </Toolbar>
);
