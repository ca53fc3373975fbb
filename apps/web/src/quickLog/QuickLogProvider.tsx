import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { newId } from '../common/newId';
import { Permission, useCan } from '../permissions';
import { QuickLogContext, type QuickLog, type QuickLogDraft, type QuickLogPerson } from './QuickLogContext';
import { QuickLogDialog } from './QuickLogDialog';

interface Opening {
  /** A new key per opening: the form starts afresh (or from the draft) every time. */
  key: number;
  /** Whom it was opened for. */
  person?: QuickLogPerson;
  /** The conversation's client-made id: sent with every attempt to save this form. */
  clientId: string;
  /** An unsaved conversation brought back. */
  draft?: QuickLogDraft;
}

/**
 * Holds the quick log for the whole app: any page opens it (with a person, or without), and it
 * comes back to that page when saved. Only for users who may log conversations (PEOPLE_WRITE).
 *
 * A save that has not been answered is never lost. Closing the form while one is pending, or after
 * the server could not be reached, keeps it as a draft (in memory only: it is about a person, so it
 * is not written to the browser's storage and goes with a reload or sign-out), and the next opening
 * brings it back with the same id, so saving it again cannot make a second conversation. Whenever a
 * save reaches the server, even after its form was closed, a notification says so once.
 */
export const QuickLogProvider = ({ children }: { children: ReactNode }) => {
  const enabled = useCan(Permission.PEOPLE_WRITE);
  const notify = useNotify();
  const refresh = useRefresh();
  const [opening, setOpening] = useState<Opening | null>(null);
  const current = useRef<Opening | null>(null);
  useEffect(() => {
    current.current = opening;
  }, [opening]);
  const draft = useRef<QuickLogDraft | null>(null);
  const reported = useRef(new Set<string>());

  const value = useMemo<QuickLog>(
    () => ({
      enabled,
      open: (person) => {
        if (!enabled) return;
        const kept = draft.current ?? undefined;
        setOpening((s) => ({ key: (s?.key ?? 0) + 1, person, clientId: kept?.clientId ?? newId(), draft: kept }));
      },
    }),
    [enabled],
  );

  const close = useCallback((keep: QuickLogDraft | null) => {
    draft.current = keep;
    setOpening(null);
  }, []);

  /** Drops the kept conversation and starts afresh, for whom the form was opened. */
  const discard = useCallback(() => {
    draft.current = null;
    setOpening((s) => s && { key: s.key + 1, person: s.person, clientId: newId() });
  }, []);

  const saved = useCallback(
    (clientId: string, name: string) => {
      if (reported.current.has(clientId)) return;
      reported.current.add(clientId);
      if (draft.current?.clientId === clientId) draft.current = null;
      const open = current.current?.clientId === clientId;
      notify(open ? `Conversation with ${name} logged` : `Conversation with ${name} logged: it reached the server after the form was closed`, {
        type: 'success',
      });
      if (open) setOpening(null);
      refresh();
    },
    [notify, refresh],
  );

  return (
    <QuickLogContext.Provider value={value}>
      {children}
      {enabled && opening && (
        <QuickLogDialog
          key={opening.key}
          person={opening.draft ? (opening.draft.person ?? undefined) : opening.person}
          clientId={opening.clientId}
          draft={opening.draft}
          onClose={close}
          onDiscard={discard}
          onSaved={saved}
        />
      )}
    </QuickLogContext.Provider>
  );
};
