import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';
import { ExportCsvButton } from './ExportCsvButton';

/** A list's toolbar: add a filter, create (where the user may), and export the whole filtered list as CSV. */
export const ListActions = ({ children }: { children?: ReactNode }) => {
  const filters = useFilterContext();
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {hasCreate && <CreateButton />}
      {children}
      <ExportCsvButton />
    </TopToolbar>
  );
};
