import AddIcon from '@mui/icons-material/Add';
import { Button, List } from '@mui/material';
import type { ReactNode } from 'react';
import { useListContext, type RaRecord } from 'react-admin';
import { EmptyNote } from './ItemRow';
import { LoadingRows } from './Loading';
import { TitledSection } from './TitledSection';

interface ItemPanelProps {
  /** The heading, also the section's name ("Memberships"). */
  title: string;
  /** The add button's text ("Add membership"). */
  addLabel: string;
  /** Opens the add dialog; without it (the user may not write) there is no add button. */
  onAdd?: () => void;
  children: ReactNode;
}

/** An inline list on a contact's page: a heading, an "Add …" button for those who may, and the list. */
export const ItemPanel = ({ title, addLabel, onAdd, children }: ItemPanelProps) => (
  <TitledSection
    title={title}
    actions={
      onAdd && (
        <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={onAdd} aria-label={addLabel}>
          {addLabel}
        </Button>
      )
    }
  >
    {children}
  </TitledSection>
);

interface ItemListProps<T extends RaRecord> {
  /** The list's name ("Rep roles"); in lower case it says what is loading. */
  label: string;
  /** What it says when there is nothing ("Not a rep."). */
  empty: string;
  children: (record: T) => ReactNode;
}

/** The rows of the surrounding list context (a ReferenceManyField's), one `children(record)` each. */
export function ItemList<T extends RaRecord>({ label, empty, children }: ItemListProps<T>) {
  const { data, isPending } = useListContext<T>();
  if (isPending) return <LoadingRows what={label.toLowerCase()} rows={2} />;
  if (!data || data.length === 0) return <EmptyNote>{empty}</EmptyNote>;
  return (
    <List dense disablePadding aria-label={label}>
      {data.map(children)}
    </List>
  );
}
