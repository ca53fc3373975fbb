import CloseIcon from '@mui/icons-material/Close';
import { Alert, Box, Button, Dialog, DialogContent, IconButton, Typography } from '@mui/material';
import { ConversationChannel, ConversationType } from '@rollcall/domain';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Form, HttpError, ResourceContextProvider, SaveButton, useDataProvider, useNotify } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { ConversationInputs } from '../conversations/ConversationInputs';
import { useIsSmall } from '../common/useIsSmall';
import { PersonPicker } from './PersonPicker';
import { QuickLogBallots } from './QuickLogBallots';
import type { QuickLogDraft, QuickLogPerson } from './QuickLogContext';

const TITLE_ID = 'quick-log-title';
const FORM_ID = 'quick-log-form';

/** How long a save may go unanswered before the form says so (the request itself is left to land). */
const SAVE_TIMEOUT_MS = 15_000;
const UNREACHABLE = "Couldn't reach the server. Your conversation is kept — tap Retry";
const SERVER_FAILED = 'The server could not save it. Your conversation is kept — tap Retry';

class SaveTimeout extends Error {}

/**
 * Why a save got no usable answer, or null when the server answered it (a refusal): no connection,
 * a gateway with no API behind it, no answer in time, or the server failing.
 */
function unanswered(error: unknown): string | null {
  if (!(error instanceof HttpError)) return UNREACHABLE;
  if (error.status === 0 || error.status === 408 || (error.status >= 502 && error.status <= 504)) return UNREACHABLE;
  return error.status >= 500 ? SERVER_FAILED : null;
}

/** Blank text is "not given": the API stores null rather than an empty string. */
function toInput(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** Lends the dialog the form's current values (to keep as a draft when it closes). */
const ValuesReader = ({ into }: { into: RefObject<(() => Record<string, unknown>) | null> }) => {
  const { getValues } = useFormContext();
  useEffect(() => {
    into.current = getValues;
  }, [getValues, into]);
  return null;
};

interface QuickLogDialogProps {
  person?: QuickLogPerson;
  /** The conversation's client-made id, sent with every attempt: however many arrive, one conversation. */
  clientId: string;
  /** An unsaved conversation brought back (its values and person). */
  draft?: QuickLogDraft;
  /** Closes the form; with a draft when what was typed has not been saved and must be kept. */
  onClose: (keep: QuickLogDraft | null) => void;
  /** Drops the draft and starts afresh. */
  onDiscard: () => void;
  /** The save reached the server (called once it does, even after the form has closed). */
  onSaved: (clientId: string, name: string) => void;
}

/**
 * Logs a conversation on one screen, full-screen on a phone: the person (recent people first), then
 * issues, AEIOU steps, assessment, the ask and answer, next step and follow-up, and Save at the top
 * where a thumb reaches it. The server's field errors show on the inputs; on success a notice names
 * the person and the page underneath refreshes (a follow-up just done drops off the list).
 *
 * On a bad signal: every attempt carries the same id (a retry cannot make a second conversation); a
 * save unanswered after 15 s, or with no connection at all, says so with a Retry, keeping what was
 * typed; closing the form then keeps it as a draft for the next opening (see QuickLogProvider).
 */
export const QuickLogDialog = ({ person, clientId, draft, onClose, onDiscard, onSaved }: QuickLogDialogProps) => {
  const fullScreen = useIsSmall();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const picked = useRef<QuickLogPerson | null>(person ?? null);
  const values = useRef<(() => Record<string, unknown>) | null>(null);
  /** Closing now would lose a conversation the user tried to save (unanswered, or a kept draft). */
  const unsaved = useRef(!!draft);
  /** When Save was first tapped: the conversation's time, should it be kept and saved later. */
  const firstTry = useRef<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (form: Record<string, unknown>) => {
    const name = picked.current?.fullName ?? 'them';
    firstTry.current ??= new Date().toISOString();
    unsaved.current = true;
    setProblem(null);
    const attempt = dataProvider.create('Conversations', { data: { ...toInput(form), id: clientId } });
    // Whenever it lands (in time, late, or after the form was closed), the quick log says so once.
    attempt.then(() => onSaved(clientId, name), () => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        attempt,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new SaveTimeout()), SAVE_TIMEOUT_MS);
        }),
      ]);
      unsaved.current = false;
      return undefined;
    } catch (error) {
      const why = error instanceof SaveTimeout ? UNREACHABLE : unanswered(error);
      if (why) {
        setProblem(why);
        return undefined;
      }
      // The server answered no: nothing was saved, and the answer is on the form.
      unsaved.current = !!draft;
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : 'Could not log the conversation', {
        type: 'error',
      });
      // The form marks the fields once this returns: then bring the first one into view.
      if (errors) setTimeout(() => document.querySelector(`#${FORM_ID} .Mui-error`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 100);
      return errors;
    } finally {
      clearTimeout(timer);
    }
  };

  const close = () => {
    if (!unsaved.current) {
      onClose(null);
      return;
    }
    const typed = values.current?.() ?? {};
    onClose({ clientId, person: picked.current, values: { ...typed, occurredAt: typed.occurredAt || firstTry.current || undefined } });
  };

  return (
    <Dialog open onClose={close} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby={TITLE_ID}>
      <ResourceContextProvider value="Conversations">
        <Form
          onSubmit={save}
          noValidate
          id={FORM_ID}
          defaultValues={
            draft?.values ?? {
              contactId: person?.id ?? null,
              channel: ConversationChannel.IN_PERSON,
              type: ConversationType.ONE_TO_ONE,
              issueTagIds: [],
              aeiouSteps: [],
            }
          }
        >
          <ValuesReader into={values} />
          <Box
            component="header"
            sx={{ position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}
          >
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: { xs: 1, sm: 2 }, py: 1 }}>
              <IconButton onClick={close} aria-label="Close" edge="start">
                <CloseIcon />
              </IconButton>
              <Typography id={TITLE_ID} variant="h6" component="h2" sx={{ flex: 1, minWidth: 0 }} noWrap>
                Log a conversation
              </Typography>
              <SaveButton label="Save" alwaysEnable icon={<></>} />
            </Box>
            {problem ? (
              <Alert
                severity="warning"
                sx={{ borderRadius: 0 }}
                action={
                  <Button type="submit" color="inherit" size="small" variant="outlined">
                    Retry
                  </Button>
                }
              >
                {problem}
              </Alert>
            ) : draft ? (
              <Alert
                severity="info"
                role="status"
                sx={{ borderRadius: 0 }}
                action={
                  <Button color="inherit" size="small" onClick={onDiscard}>
                    Discard
                  </Button>
                }
              >
                Your unsaved conversation{draft.person ? ` with ${draft.person.fullName}` : ''} is back. Save it, or discard it.
              </Alert>
            ) : null}
          </Box>
          <DialogContent sx={{ pt: 2, px: { xs: 2, sm: 3 }, pb: 8 }}>
            {/* The first thing to fill takes the focus: the person, or when they are chosen already, the issues. */}
            <PersonPicker initial={person} autoFocus={!person} onPicked={(p) => (picked.current = p)} />
            <QuickLogBallots />
            <ConversationInputs quick focusIssues={!!person} />
          </DialogContent>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
