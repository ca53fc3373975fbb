import { Autocomplete, Box, ListSubheader, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { InputHelperText, useGetList, type Identifier, type RaRecord } from 'react-admin';
import { useDebounced } from '../common/useDebounced';

/** A person as pickers show them: name, and their ward beside it. */
export interface PersonOption {
  id: Identifier;
  fullName: string;
  wardName?: string | null;
}

interface ContactRow extends RaRecord {
  fullName: string;
  ward?: { name: string } | null;
}

interface ConversationRow extends RaRecord {
  contactId: Identifier;
  contact?: ContactRow | null;
}

const RECENT_LIMIT = 8;
const MINE = { mine: true };
const NEWEST = { field: 'occurredAt', order: 'DESC' as const };

const toOption = (c: ContactRow): PersonOption => ({ id: c.id, fullName: c.fullName, wardName: c.ward?.name ?? null });

/** The people the user spoke to most recently, newest first, each once. */
function recentPeople(conversations: ConversationRow[] | undefined, exclude: readonly Identifier[]): PersonOption[] {
  const seen = new Set<string>(exclude.map(String));
  const out: PersonOption[] = [];
  for (const c of conversations ?? []) {
    if (!c.contact || seen.has(String(c.contactId))) continue;
    seen.add(String(c.contactId));
    out.push(toOption(c.contact));
    if (out.length === RECENT_LIMIT) break;
  }
  return out;
}

interface ContactAutocompleteProps {
  value: PersonOption | null;
  onChange: (person: PersonOption | null) => void;
  label: string;
  helperText?: string;
  error?: string;
  /** People not to offer (e.g. the contact whose page this is). */
  exclude?: readonly Identifier[];
  autoFocus?: boolean;
  onBlur?: () => void;
  id?: string;
}

/**
 * Picks a person: before typing, the people the user spoke to most recently; then a search of
 * everyone they may see (a rep: their patch), each with their ward beside the name.
 */
export const ContactAutocomplete = ({ value, onChange, label, helperText, error, exclude = [], autoFocus, onBlur, id }: ContactAutocompleteProps) => {
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim(), 200);
  const recent = useGetList<ConversationRow>('Conversations', { filter: MINE, sort: NEWEST, pagination: { page: 1, perPage: 50 } });
  const found = useGetList<ContactRow>(
    'Contacts',
    { filter: { q: search, isCurrent: true }, sort: { field: 'lastName', order: 'ASC' }, pagination: { page: 1, perPage: 20 } },
    { enabled: search.length > 0 },
  );
  const excluded = exclude.map(String).join(',');
  const recentOptions = useMemo(() => recentPeople(recent.data, excluded ? excluded.split(',') : []), [recent.data, excluded]);
  const searching = typed.trim().length > 0;
  const settled = search === typed.trim();
  const options = searching
    ? settled
      ? (found.data ?? []).map(toOption).filter((p) => !exclude.map(String).includes(String(p.id)))
      : []
    : recentOptions;
  const loading = searching ? !settled || found.isPending : recent.isPending;

  return (
    <Autocomplete<PersonOption>
      id={id}
      // Focused as the form opens, it waits for a name (or a tap, or the down arrow) before listing people.
      openOnFocus={!autoFocus}
      autoHighlight
      options={options}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(p) => p.fullName}
      isOptionEqualToValue={(a, b) => String(a.id) === String(b.id)}
      groupBy={searching ? undefined : () => 'Recently spoken to'}
      // A group the way ARIA has it (listbox > group > option), not Material's list inside a list.
      renderGroup={(params) => (
        <li key={params.key} role="presentation">
          <div role="group" aria-labelledby={`${id ?? 'person'}-group-${params.key}`}>
            <ListSubheader component="div" id={`${id ?? 'person'}-group-${params.key}`} sx={{ top: -8, lineHeight: '40px' }}>
              {params.group}
            </ListSubheader>
            <Box component="ul" role="presentation" sx={{ p: 0, m: 0 }}>
              {params.children}
            </Box>
          </div>
        </li>
      )}
      loading={loading}
      loadingText="Looking…"
      noOptionsText={searching ? 'Nobody by that name among the people you can see' : 'Type a name'}
      onInputChange={(_event, text, reason) => setTyped(reason === 'input' ? text : '')}
      onChange={(_event, person) => onChange(person)}
      onBlur={onBlur}
      renderOption={({ key, ...props }, p) => (
        <Box component="li" key={key} {...props} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, alignItems: 'baseline' }}>
          <Typography component="span">{p.fullName}</Typography>
          {p.wardName && (
            <Typography component="span" variant="body2" color="text.secondary">
              {p.wardName}
            </Typography>
          )}
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          placeholder="Type a name"
          autoFocus={autoFocus}
          error={!!error}
          // A validator's message comes encoded for translation: InputHelperText shows it as words.
          helperText={<InputHelperText error={error} helperText={helperText} />}
        />
      )}
    />
  );
};
