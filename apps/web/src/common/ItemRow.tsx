import EditIcon from '@mui/icons-material/Edit';
import { IconButton, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DeleteButton, RecordContextProvider, type RaRecord } from 'react-admin';

/** A muted line for an inline list with nothing in it ("No membership recorded yet."). */
export const EmptyNote = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
    {children}
  </Typography>
);

interface ItemRowProps<T extends RaRecord> {
  record: T;
  /** The react-admin resource the delete goes to. */
  resource: string;
  /** How the item is named in button labels and the confirmation, e.g. "UNISON membership". */
  name: string;
  confirmContent: string;
  onEdit: (record: T) => void;
  primary: ReactNode;
  secondary: ReactNode;
  /** No edit or delete buttons (the user may read but not change it). */
  readOnly?: boolean;
}

/** One record in an inline list on a show page, with edit and confirm-before-delete buttons. */
export function ItemRow<T extends RaRecord>({ record, resource, name, confirmContent, onEdit, primary, secondary, readOnly = false }: ItemRowProps<T>) {
  const actions = readOnly ? undefined : (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <IconButton size="small" aria-label={`Edit ${name}`} onClick={() => onEdit(record)}>
        <EditIcon fontSize="small" />
      </IconButton>
      <DeleteButton
        resource={resource}
        record={record}
        mutationMode="pessimistic"
        redirect={false}
        label=""
        aria-label={`Delete ${name}`}
        confirmTitle={`Delete the ${name}?`}
        confirmContent={confirmContent}
      />
    </Stack>
  );
  return (
    <RecordContextProvider value={record}>
      <ListItem disableGutters divider sx={{ pr: readOnly ? 0 : 11 }} secondaryAction={actions}>
        <ListItemText primary={primary} secondary={secondary} slotProps={{ primary: { component: 'div' }, secondary: { component: 'div' } }} />
      </ListItem>
    </RecordContextProvider>
  );
}
