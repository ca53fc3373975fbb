import { createContext, useContext } from 'react';
import type { Identifier } from 'react-admin';

/** Someone to log a conversation with, as a list or a page already knows them. */
export interface QuickLogPerson {
  id: Identifier;
  fullName: string;
  /** Shown beside the name ("Ward 7B"). */
  wardName?: string | null;
}

/** A conversation whose save was not answered when its form was closed: brought back on the next opening. */
export interface QuickLogDraft {
  /** Its client-made id, kept so that saving it again cannot make a second conversation. */
  clientId: string;
  /** What was typed. */
  values: Record<string, unknown>;
  person: QuickLogPerson | null;
}

export interface QuickLog {
  /** Opens the quick log, with the person already chosen when given. */
  open: (person?: QuickLogPerson) => void;
  /** False for users who may not log conversations (no PEOPLE_WRITE). */
  enabled: boolean;
}

export const QuickLogContext = createContext<QuickLog>({ open: () => undefined, enabled: false });

/** The quick log from anywhere in the app (see QuickLogProvider in the layout). */
export const useQuickLog = (): QuickLog => useContext(QuickLogContext);
