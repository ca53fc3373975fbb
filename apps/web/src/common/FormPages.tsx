import type { ReactNode } from 'react';
import { Create, Edit, SimpleForm } from 'react-admin';
import { FormToolbar } from './FormToolbar';
import { RecordLoading } from './Loading';
import { useSaveNotice } from './useSaveNotice';

/** A plain create page: the form `children` (a resource's inputs), and a notice naming what was added. */
export const CreatePage = ({ children }: { children: ReactNode }) => {
  const saveNotice = useSaveNotice('added');
  return (
    <Create mutationOptions={saveNotice}>
      <SimpleForm>{children}</SimpleForm>
    </Create>
  );
};

/**
 * A plain edit page for a `what` ("site"): the form `children`, saved and deleted only once the server
 * has answered (pessimistic), with a notice naming what was saved.
 */
export const EditPage = ({ what, children }: { what: string; children: ReactNode }) => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what={what} />} mutationMode="pessimistic" mutationOptions={saveNotice}>
      <SimpleForm toolbar={<FormToolbar />}>{children}</SimpleForm>
    </Edit>
  );
};
