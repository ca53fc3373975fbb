import { DeleteButton, EditButton, TopToolbar, useResourceDefinition } from 'react-admin';

/** Edit and (confirmed, pessimistic) delete for a show page. */
export const ShowActions = ({ canDelete = true }: { canDelete?: boolean }) => {
  const { hasEdit } = useResourceDefinition();
  return (
    <TopToolbar>
      {hasEdit && <EditButton />}
      {canDelete && hasEdit && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};
