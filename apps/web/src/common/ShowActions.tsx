import type { ReactNode } from 'react';
import { DeleteButton, EditButton, TopToolbar, useResourceDefinition } from 'react-admin';

/** Edit and (confirmed, pessimistic) delete for a show page. */
export const ShowActions = ({ canDelete = true, children }: { canDelete?: boolean; children?: ReactNode }) => {
  const { hasEdit } = useResourceDefinition();
  return (
    <TopToolbar>
      {children}
      {hasEdit && <EditButton />}
      {canDelete && hasEdit && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};
