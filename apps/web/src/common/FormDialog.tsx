import { Button, Dialog, DialogActions, DialogContent, DialogTitle, useMediaQuery, type Breakpoint, type Theme } from '@mui/material';
import { useState, type ReactNode } from 'react';
import {
  Form,
  HttpError,
  ResourceContextProvider,
  SaveButton,
  useCreate,
  useNotify,
  useRefresh,
  useUpdate,
  type RaRecord,
} from 'react-admin';
import { newId } from './newId';

interface FormDialogProps {
  /** What the dialog saves, in lower case ("membership", "rep role"): used for its title, button and messages. */
  noun: string;
  /** The react-admin resource the form creates in or updates. */
  resource: string;
  /** An existing record to edit; absent to add one. */
  record?: RaRecord | null;
  /** The starting values of a new record. */
  defaults: Record<string, unknown>;
  /** Fields added to a new record when it is saved (e.g. the contact it belongs to). */
  createData?: Record<string, unknown>;
  open: boolean;
  onClose: () => void;
  maxWidth?: Breakpoint;
  /** The inputs. */
  children: ReactNode;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Adds (or edits) a related record in a dialog, without leaving the page. Field errors from the
 * server are returned to the form so they show on the matching input. A new record gets its id when
 * the dialog opens and keeps it through every save attempt, so a save retried after a lost answer
 * adds one record, not two.
 */
export const FormDialog = ({
  noun,
  resource,
  record,
  defaults,
  createData,
  open,
  onClose,
  maxWidth = 'sm',
  children,
}: FormDialogProps) => {
  const [create] = useCreate();
  const [update] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const editing = !!record;
  // A new id each time the dialog opens (set while rendering, as React advises for a changed prop).
  const [opening, setOpening] = useState(() => ({ open, id: newId() }));
  if (opening.open !== open) setOpening({ open, id: newId() });
  const slug = noun.replace(/\s+/g, '-');
  const titleId = `${slug}-dialog-title`;

  const save = async (values: Record<string, unknown>) => {
    try {
      if (record) {
        await update(
          resource,
          { id: record.id, data: values, previousData: record },
          { mutationMode: 'pessimistic', returnPromise: true },
        );
        notify(`${capitalise(noun)} updated`, { type: 'success' });
      } else {
        await create(resource, { data: { ...values, ...createData, id: opening.id } }, { returnPromise: true });
        notify(`${capitalise(noun)} added`, { type: 'success' });
      }
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(
        errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : `Could not save the ${noun}`,
        { type: 'error' },
      );
      return errors;
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{editing ? `Edit ${noun}` : `Add a ${noun}`}</DialogTitle>
      <ResourceContextProvider value={resource}>
        <Form record={record ?? defaults} onSubmit={save} id={`${slug}-form`} noValidate>
          <DialogContent sx={{ pt: 0 }}>{children}</DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={onClose}>Cancel</Button>
            <SaveButton label={editing ? `Save ${noun}` : `Add ${noun}`} alwaysEnable={!editing} />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
