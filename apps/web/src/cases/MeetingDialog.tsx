import { MeetingKind } from '@rollcall/domain';
import { BooleanInput, DateInput, FormDataConsumer, SelectInput, TextInput, required, type RaRecord } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { MEETING_KIND_CHOICES } from './caseText';

const NEW_MEETING = { kind: MeetingKind.DISCIPLINARY_HEARING, accompanied: true };

/** Adds (or edits) a meeting of a case on its page; the case's deadlines follow (a hearing's s.10 date). */
export const MeetingDialog = ({ caseId, meeting, open, onClose }: { caseId: string; meeting: RaRecord | null; open: boolean; onClose: () => void }) => (
  <FormDialog noun="meeting" resource="CaseMeetings" record={meeting} defaults={NEW_MEETING} createData={{ caseId }} open={open} onClose={onClose}>
    <SelectInput source="kind" label="Kind" choices={MEETING_KIND_CHOICES} validate={required()} fullWidth />
    <DateInput source="date" label="Date" validate={required()} fullWidth />
    <TextInput source="time" label="Time (UK)" type="time" fullWidth slotProps={{ inputLabel: { shrink: true } }} />
    <TextInput source="place" label="Place" fullWidth />
    <TextInput source="panel" label="Panel" fullWidth />
    <BooleanInput source="accompanied" label="The member is accompanied" />
    <FormDataConsumer<{ accompanied?: boolean }>>
      {({ formData }) => (formData.accompanied ? <TextInput source="accompaniedBy" label="Accompanied by" fullWidth /> : null)}
    </FormDataConsumer>
    <TextInput source="outcome" label="Outcome" fullWidth />
    <TextInput source="notes" label="Notes" multiline minRows={2} fullWidth />
  </FormDialog>
);
