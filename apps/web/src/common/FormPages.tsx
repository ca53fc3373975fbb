import type { ReactNode } from 'react';
import { Create, Edit, SimpleForm, type TransformData } from 'react-admin';
import { FormToolbar } from './FormToolbar';
import { RecordLoading } from './Loading';
import { useSaveNotice } from './useSaveNotice';

/** A plain create page: the form `children` (a resource's inputs), and a notice naming what was added. */
export const CreatePage = ({ children, transform }: { children: ReactNode; transform?: TransformData }) => {
  const saveNotice = useSaveNotice('added');
  return (
    <Create mutationOptions={saveNotice} transform={transform}>
      <SimpleForm>{children}</SimpleForm>
    </Create>
  );
};

/**
 * A plain edit page for a `what` ("site"): the form `children`, saved and deleted only once the server
 * has answered (pessimistic), with a notice naming what was saved.
 */
export const EditPage = ({ what, children, transform }: { what: string; children: ReactNode; transform?: TransformData }) => {
  const saveNotice = useSaveNotice('saved');
  return (
    <Edit loading={<RecordLoading what={what} />} mutationMode="pessimistic" mutationOptions={saveNotice} transform={transform}>
      <SimpleForm toolbar={<FormToolbar />}>{children}</SimpleForm>
    </Edit>
  );
};
