import { Box, Card, CardContent, Chip, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanField,
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
} from 'react-admin';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';
import { ContactCasesPanel } from '../cases/ContactCasesPanel';
import { CONTRACT_TYPE_CHOICES, GRADE_CHOICES, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES } from '../choices';
import { DayField } from '../common/DayField';
import { CARDLESS_SHOW_SX, DetailsCard, TitleRow } from '../common/DetailsCard';
import type { LabelledValue } from '../common/LabelledField';
import { ShowActions } from '../common/ShowActions';
import { MembershipPanel } from '../memberships/MembershipPanel';
import { AssessmentChip } from '../organising/AssessmentChip';
import { LeaderBadge } from '../organising/LeaderBadge';
import { LastSpoken } from '../organising/LastSpokenField';
import { LogConversationButton } from '../quickLog/LogConversationButton';
import { RepRolePanel } from '../repRoles/RepRolePanel';
import { AssessmentPanel } from './AssessmentPanel';
import { ContactTitle } from './ContactTitle';
import { LeaderPanel } from './LeaderPanel';
import { PostingHistory } from './PostingHistory';
import { TimelinePanel } from './TimelinePanel';
import { PanelColumns, PanelSlot } from '../common/PanelColumns';
import { RecordLoading } from '../common/Loading';
import { Permission, useCan } from '../permissions';

/** Two to a row, three on wide screens. */
const FIELD_SIZE = { xs: 6, sm: 6, md: 4 };

const CONTACT_FIELDS: readonly LabelledValue[] = [
  ['Ward', <ReferenceField source="wardId" reference="Wards" link="show" emptyText="—" />],
  ['Site', <ReferenceField source="ward.siteId" reference="Sites" link="show" emptyText="—" />],
  ['Employer', <ReferenceField source="employerId" reference="Employers" link="show" emptyText="—" />],
  ['Job title', <TextField source="jobTitle" emptyText="—" />],
  ['Preferred name', <TextField source="preferredName" emptyText="—" />],
  ['Staff group', <SelectField source="staffGroup" choices={STAFF_GROUP_CHOICES} />],
  ['Grade', <SelectField source="grade" choices={GRADE_CHOICES} emptyText="—" />],
  ['Shift pattern', <SelectField source="shiftPattern" choices={SHIFT_PATTERN_CHOICES} />],
  ['Contract', <SelectField source="contractType" choices={CONTRACT_TYPE_CHOICES} />],
  ['Employee number (ESR)', <TextField source="employeeNumber" emptyText="—" />],
  ['Start date', <DayField source="startDate" />],
  ['Leave date', <DayField source="leaveDate" />],
  ['Work email', <EmailField source="workEmail" emptyText="—" />],
  ['Work phone', <TextField source="workPhone" emptyText="—" />],
  ['Personal email', <EmailField source="personalEmail" emptyText="—" />],
  ['Personal phone', <TextField source="personalPhone" emptyText="—" />],
  ['Postal address', <TextField source="postalAddressLines" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />],
  ['Town', <TextField source="postalTown" emptyText="—" />],
  ['Postcode', <TextField source="postalPostcode" emptyText="—" />],
  ['Address confirmed on', <DayField source="addressConfirmedOn" />],
  ['Consents to personal email', <BooleanField source="consentPersonalEmail" />],
  ['Consents to personal phone', <BooleanField source="consentPersonalPhone" />],
];

interface ContactHeading {
  id: string;
  fullName: string;
  isMember?: boolean;
  leaveDate?: string | null;
  assessment?: number | null;
  leader?: boolean;
  leaderReason?: string | null;
  lastConversationAt?: string | null;
  ward?: { name: string } | null;
  /** Existence only, for those with casework (null for everyone else). */
  hasOpenCase?: boolean | null;
}

const Heading = () => {
  const record = useRecordContext<ContactHeading>();
  if (!record) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <TitleRow title={<ContactTitle />}>
        {record.isMember ? (
          <Chip size="small" color="success" label="Member" />
        ) : (
          <Chip size="small" variant="outlined" label="Not a member" />
        )}
        <AssessmentChip value={record.assessment ?? null} />
        {record.leader && <LeaderBadge reason={record.leaderReason} />}
        {record.leaveDate && <Chip size="small" color="warning" label="Has left" />}
        {record.hasOpenCase && <Chip size="small" color="info" label="Has an open case" />}
      </TitleRow>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
        <LastSpoken at={record.lastConversationAt} />
        {!record.leaveDate && (
          <LogConversationButton person={{ id: record.id, fullName: record.fullName, wardName: record.ward?.name }} variant="contained" />
        )}
      </Stack>
    </Box>
  );
};

const panel = (content: ReactNode) => (
  <Card variant="outlined">
    <CardContent>{content}</CardContent>
  </Card>
);

/** Where each panel goes when the page is one column (a phone, a narrow window). */
const NARROW_ORDER = { details: 1, cases: 2, assessment: 3, leader: 4, timeline: 5, memberships: 6, repRoles: 7, postings: 8 } as const;


/** The member's cases, for those with casework (no empty card for everyone else). */
const CasesSlot = () => {
  const readsCases = useCan(Permission.CASES_READ);
  return readsCases ? <PanelSlot order={NARROW_ORDER.cases}>{panel(<ContactCasesPanel />)}</PanelSlot> : null;
};

/**
 * Details and the timeline on the left, the organising picture and the records beside them on the
 * right; on narrower screens one column, where they stand (assessment, leadership) before the
 * timeline.
 *
 * One tree of panels whatever the width: the columns are CSS (on one column the two column boxes
 * step aside with `display: contents` and the panels are put in order), so a change of width — a
 * phone turned, a window resized — rearranges them without remounting any, and an open dialog (a
 * membership being added) and what was typed in it stay.
 */
const ContactPanels = () => (
  <PanelColumns
    left={
      <>
        <PanelSlot order={NARROW_ORDER.details}>
          <DetailsCard heading={<Heading />} fields={CONTACT_FIELDS} size={FIELD_SIZE} />
        </PanelSlot>
        <PanelSlot order={NARROW_ORDER.timeline}>{panel(<TimelinePanel />)}</PanelSlot>
      </>
    }
    right={
      <>
        <CasesSlot />
        <PanelSlot order={NARROW_ORDER.assessment}>{panel(<AssessmentPanel />)}</PanelSlot>
        <PanelSlot order={NARROW_ORDER.leader}>{panel(<LeaderPanel />)}</PanelSlot>
        <PanelSlot order={NARROW_ORDER.memberships}>{panel(<MembershipPanel />)}</PanelSlot>
        <PanelSlot order={NARROW_ORDER.repRoles}>{panel(<RepRolePanel />)}</PanelSlot>
        <PanelSlot order={NARROW_ORDER.postings}>{panel(<PostingHistory />)}</PanelSlot>
      </>
    }
  />
);

export const ContactShow = () => (
  <Show loading={<RecordLoading what="contact" />} actions={<ShowActions><AuditHistoryButton /></ShowActions>} title={<ContactTitle />} sx={CARDLESS_SHOW_SX}>
    <ContactPanels />
  </Show>
);
