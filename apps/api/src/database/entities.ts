import { AuditEvent } from '../audit/audit-event.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { Posting } from '../contacts/posting.entity.js';
import { Employer } from '../employers/employer.entity.js';
import { Membership } from '../memberships/membership.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { RepRole } from '../rep-roles/rep-role.entity.js';
import { Site } from '../sites/site.entity.js';
import { Union } from '../unions/union.entity.js';
import { User } from '../users/user.entity.js';
import { UserBranchRole } from '../users/user-branch-role.entity.js';
import { Branch } from '../branches/branch.entity.js';
import { AssessmentEntry } from '../assessments/assessment-entry.entity.js';
import { ContactLink } from '../assessments/contact-link.entity.js';
import { Conversation } from '../conversations/conversation.entity.js';
import { IssueTag } from '../issue-tags/issue-tag.entity.js';
import { Ward } from '../wards/ward.entity.js';
import { CaseFile } from '../casework/cases/case-file.entity.js';
import { CaseLink } from '../casework/cases/case-link.entity.js';
import { CaseTeamMember } from '../casework/cases/case-team-member.entity.js';
import { CaseCustomDeadline } from '../casework/deadlines/case-custom-deadline.entity.js';
import { CaseMeeting } from '../casework/meetings/case-meeting.entity.js';
import { CaseNote } from '../casework/notes/case-note.entity.js';
import { Ballot } from '../ballots/ballot.entity.js';
import { BallotMemberStateChange } from '../ballots/ballot-member-state.entity.js';
import { CalendarFeed } from '../calendar/calendar-feed.entity.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { CampaignAction } from '../campaigns/campaign-action.entity.js';
import { Participation } from '../campaigns/participation.entity.js';
import { CaseDocument } from '../casework/documents/case-document.entity.js';

export const ENTITIES = [Organisation, Branch, User, UserBranchRole, Employer, Site, Ward, Union, Contact, Posting, Membership, RepRole, AuditEvent,
  IssueTag, Conversation, AssessmentEntry, ContactLink, CaseFile, CaseTeamMember, CaseLink, CaseMeeting, CaseCustomDeadline, CaseNote,
  CaseDocument, CalendarFeed, Campaign, CampaignAction, Participation, Ballot, BallotMemberStateChange];
