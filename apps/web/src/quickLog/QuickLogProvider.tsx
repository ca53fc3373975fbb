import { useMemo, useState, type ReactNode } from 'react';
import { Permission, useCan } from '../permissions';
import { QuickLogContext, type QuickLog, type QuickLogPerson } from './QuickLogContext';
import { QuickLogDialog } from './QuickLogDialog';

/**
 * Holds the quick log for the whole app: any page opens it (with a person, or without), and it
 * comes back to that page when saved. Only for users who may log conversations (PEOPLE_WRITE).
 */
export const QuickLogProvider = ({ children }: { children: ReactNode }) => {
  const enabled = useCan(Permission.PEOPLE_WRITE);
  // A new key per opening: the form starts empty (or with the new person) every time.
  const [state, setState] = useState<{ key: number; person?: QuickLogPerson } | null>(null);
  const value = useMemo<QuickLog>(
    () => ({ enabled, open: (person) => enabled && setState((s) => ({ key: (s?.key ?? 0) + 1, person })) }),
    [enabled],
  );
  return (
    <QuickLogContext.Provider value={value}>
      {children}
      {enabled && state && <QuickLogDialog key={state.key} person={state.person} onClose={() => setState(null)} />}
    </QuickLogContext.Provider>
  );
};
