import CloseIcon from '@mui/icons-material/Close';
import { Box, Dialog, DialogContent, IconButton, Typography } from '@mui/material';
import { ConversationChannel, ConversationType } from '@rollcall/domain';
import { useRef } from 'react';
import { Form, HttpError, ResourceContextProvider, SaveButton, useCreate, useNotify, useRefresh } from 'react-admin';
import { ConversationInputs } from '../conversations/ConversationInputs';
import { useIsSmall } from '../common/useIsSmall';
import { PersonPicker } from './PersonPicker';
import type { QuickLogPerson } from './QuickLogContext';

const TITLE_ID = 'quick-log-title';
const FORM_ID = 'quick-log-form';

/** Blank text is "not given": the API stores null rather than an empty string. */
function toInput(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/**
 * Logs a conversation on one screen, full-screen on a phone: the person (recent people first), then
 * issues, AEIOU steps, assessment, the ask and answer, next step and follow-up, and Save at the top
 * where a thumb reaches it. The server's field errors show on the inputs; on success a notice names
 * the person and the page underneath refreshes (a follow-up just done drops off the list).
 */
export const QuickLogDialog = ({ person, onClose }: { person?: QuickLogPerson; onClose: () => void }) => {
  const fullScreen = useIsSmall();
  const [create] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const picked = useRef<QuickLogPerson | null>(person ?? null);

  const save = async (values: Record<string, unknown>) => {
    try {
      await create('Conversations', { data: toInput(values) }, { returnPromise: true });
      notify(`Conversation with ${picked.current?.fullName ?? 'them'} logged`, { type: 'success' });
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : 'Could not log the conversation', {
        type: 'error',
      });
      // The form marks the fields once this returns: then bring the first one into view.
      if (errors) setTimeout(() => document.querySelector(`#${FORM_ID} .Mui-error`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 100);
      return errors;
    }
  };

  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby={TITLE_ID}>
      <ResourceContextProvider value="Conversations">
        <Form
          onSubmit={save}
          noValidate
          id={FORM_ID}
          defaultValues={{
            contactId: person?.id ?? null,
            channel: ConversationChannel.IN_PERSON,
            type: ConversationType.ONE_TO_ONE,
            issueTagIds: [],
            aeiouSteps: [],
          }}
        >
          <Box
            component="header"
            sx={{
              position: 'sticky', top: 0, zIndex: 2, display: 'flex', alignItems: 'center', gap: 1,
              px: { xs: 1, sm: 2 }, py: 1, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider',
            }}
          >
            <IconButton onClick={onClose} aria-label="Close" edge="start">
              <CloseIcon />
            </IconButton>
            <Typography id={TITLE_ID} variant="h6" component="h2" sx={{ flex: 1, minWidth: 0 }} noWrap>
              Log a conversation
            </Typography>
            <SaveButton label="Save" alwaysEnable icon={<></>} />
          </Box>
          <DialogContent sx={{ pt: 2, px: { xs: 2, sm: 3 }, pb: 8 }}>
            <PersonPicker initial={person} onPicked={(p) => (picked.current = p)} />
            <ConversationInputs quick />
          </DialogContent>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
