import type { ReactNode } from 'react';
import { DeleteButton, EditButton, TopToolbar, useRecordContext, useResourceDefinition } from 'react-admin';
import { useRecordName } from './useSaveNotice';

/** Edit and (confirmed, pessimistic) delete for a show page. */
export const ShowActions = ({ canDelete = true, children }: { canDelete?: boolean; children?: ReactNode }) => {
  const { hasEdit } = useResourceDefinition();
  const record = useRecordContext();
  const name = useRecordName();
  return (
    <TopToolbar>
      {children}
      {hasEdit && <EditButton />}
      {canDelete && hasEdit && <DeleteButton mutationMode="pessimistic" successMessage={`${name(record)} deleted`} />}
    </TopToolbar>
  );
};
