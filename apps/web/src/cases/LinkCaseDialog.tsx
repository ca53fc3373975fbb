import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import {
  AutocompleteInput,
  Form,
  FormDataConsumer,
  HttpError,
  RadioButtonGroupInput,
  ResourceContextProvider,
  SaveButton,
  required,
  useDataProvider,
  useGetList,
  useNotify,
  useRefresh,
  type Identifier,
} from 'react-admin';
import { formatDay } from '../common/dates';
import { useIsSmall } from '../common/useIsSmall';
import type { CaseworkDataProvider } from '../dataProvider';
import { caseStatusText, caseTypeText, isFollowOn, type CaseRecord } from './caseText';

/** "Appeal, opened 3 March 2026 (Open)": one of the member's cases, as the picker lists it. */
const caseOption = (c: CaseRecord) => `${caseTypeText(c.type)}, opened ${formatDay(c.openedOn)} (${caseStatusText(c.status)})`;

const DIRECTIONS = [
  { id: 'follows', name: 'This case follows it' },
  { id: 'followedBy', name: 'It follows this case' },
];

/**
 * "Link a case": another case of the same member that the user reads. An appeal or a tribunal claim links to the case it
 * follows; on any other case, the appeals and claims are offered, which then follow it. Between two of them (a claim
 * after an appeal) the user says which follows which. The API's refusals show on the picker.
 */
export const LinkCaseDialog = ({ kase, linked, onClose }: { kase: CaseRecord; linked: readonly Identifier[]; onClose: () => void }) => {
  const dataProvider = useDataProvider<CaseworkDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const fullScreen = useIsSmall();
  const { data, isPending } = useGetList<CaseRecord>('Cases', {
    filter: { contactId: kase.contactId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'openedOn', order: 'DESC' },
  });
  const followOn = isFollowOn(kase.type);
  const choices = (data ?? []).filter((c) => c.id !== kase.id && !linked.includes(c.id) && (followOn || isFollowOn(c.type)));

  const save = async (values: Record<string, unknown>) => {
    const other = choices.find((c) => c.id === values.otherCaseId);
    if (!other) return { otherCaseId: 'Pick a case' };
    // The one that follows is the appeal or claim: this one, unless only the other is, or the user said the other follows this.
    const thisFollows = followOn && (!isFollowOn(other.type) || values.direction !== 'followedBy');
    try {
      if (thisFollows) await dataProvider.linkCases(kase.id, other.id);
      else await dataProvider.linkCases(other.id, kase.id);
      notify('Cases linked', { type: 'success' });
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      notify(errors ? 'Please correct the highlighted fields' : error instanceof Error ? error.message : 'Could not link the cases', { type: 'error' });
      return errors ? { otherCaseId: Object.values(errors).join('; ') } : undefined;
    }
  };

  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" aria-labelledby="link-case-dialog-title">
      <DialogTitle id="link-case-dialog-title">Link a case</DialogTitle>
      <ResourceContextProvider value="Cases">
        <Form record={{ otherCaseId: null, direction: 'follows' }} onSubmit={save} id="link-case-form" noValidate>
          <DialogContent sx={{ pt: 0 }}>
            <DialogContentText sx={{ mb: 2 }}>
              {followOn
                ? `The case of ${kase.contact?.fullName ?? 'this member'} that this ${caseTypeText(kase.type).toLowerCase()} follows.`
                : `An appeal or tribunal claim of ${kase.contact?.fullName ?? 'this member'} that follows this case.`}
            </DialogContentText>
            <AutocompleteInput
              source="otherCaseId"
              label="Case"
              choices={choices}
              optionText={caseOption}
              isPending={isPending}
              validate={required()}
              noOptionsText={followOn ? 'No other case of this member to link' : 'No appeal or tribunal claim of this member to link'}
              helperText={false}
              autoFocus
              fullWidth
            />
            <FormDataConsumer<{ otherCaseId?: Identifier | null }>>
              {({ formData }) => {
                const other = choices.find((c) => c.id === formData.otherCaseId);
                return followOn && other && isFollowOn(other.type) ? (
                  <RadioButtonGroupInput source="direction" label="Which follows which?" choices={DIRECTIONS} row={!fullScreen} />
                ) : null;
              }}
            </FormDataConsumer>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={onClose}>Cancel</Button>
            <SaveButton label="Link" alwaysEnable />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
