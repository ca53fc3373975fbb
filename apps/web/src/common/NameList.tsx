import type { ReactElement, ReactNode } from 'react';
import { BooleanInput, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { EmptyState } from './EmptyState';
import { ListActions } from './ListActions';

/** Wide enough for the longest label ("Membership status"). */
export const FILTER_SX = { minWidth: 190 };

/** By default only the employers of the user's branches: other trusts' sites and wards hold none of our people. */
const MY_BRANCHES = { myBranches: true };

/** The search box a list keeps on screen, named for screen readers ("Search sites"). */
export const searchFilter = (what: string) => (
  <SearchInput key="q" source="q" alwaysOn slotProps={{ htmlInput: { 'aria-label': `Search ${what}` } }} />
);

/** The "My branches only" switch; a NameList with `myBranches` starts with it on. */
export const myBranchesFilter = (
  <BooleanInput key="myBranches" source="myBranches" label="My branches only" alwaysOn sx={{ mb: 0.5 }} />
);

/** A filter choosing one row of another resource by name ("Employer" from Employers). */
export const referenceFilter = (source: string, reference: string, label: string) => (
  <ReferenceInput key={source} source={source} reference={reference} sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label={label} optionText="name" sx={FILTER_SX} />
  </ReferenceInput>
);

interface NameListProps {
  filters: ReactElement[];
  /** Start with "My branches only" on (the filters must include `myBranchesFilter`). */
  myBranches?: boolean;
  /** What the list says when there is nothing in it yet. */
  empty: { icon: ReactNode; title: string; explanation: string };
  children: ReactNode;
}

/** A list of named things (employers, unions, sites, wards): by name, 25 a page, with the usual toolbar. */
export const NameList = ({ filters, myBranches = false, empty, children }: NameListProps) => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    filterDefaultValues={myBranches ? MY_BRANCHES : undefined}
    perPage={25}
    empty={<EmptyState {...empty} />}
  >
    {children}
  </List>
);
