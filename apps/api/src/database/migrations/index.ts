import { Initial1795426930173 } from './1795426930173-initial.js';
import { AuditLog1795432302522 } from './1795432302522-audit-log.js';
import { SessionRevocation1795432398801 } from './1795432398801-session-revocation.js';
import { RepPatch1795433096935 } from './1795433096935-rep-patch.js';
import { Branches1795434891706 } from './1795434891706-branches.js';
import { RowLevelSecurity1795435000000 } from './1795435000000-row-level-security.js';
import { AuditBranch1795435784375 } from './1795435784375-audit-branch.js';
import { ContactBranchIndex1795436500000 } from './1795436500000-contact-branch-index.js';
import { ContactPolicyArray1795436600000 } from './1795436600000-contact-policy-array.js';
import { Organising1795437353066 } from './1795437353066-organising.js';
import { LoginThrottle1795438100000 } from './1795438100000-login-throttle.js';
import { DefaultIssueTags1795438200000 } from './1795438200000-default-issue-tags.js';
import { StructureOwned1795439000000 } from './1795439000000-structure-owned.js';
import { LoginThrottleHashed1795439200000 } from './1795439200000-login-throttle-hashed.js';
import { CreatedBy1795439300000 } from './1795439300000-created-by.js';
import { AuditExport1795439500000 } from './1795439500000-audit-export.js';
import { PolicyIdentityOnce1796050000000 } from './1796050000000-policy-identity-once.js';
import { Casework1796100000000 } from './1796100000000-casework.js';
import { CaseDocuments1796200000000 } from './1796200000000-case-documents.js';
import { CalendarFeed1796300000000 } from './1796300000000-calendar-feed.js';
import { Campaigns1796500000000 } from './1796500000000-campaigns.js';
import { Ballots1796600000000 } from './1796600000000-ballots.js';
import { RecruitedBy1796700000000 } from './1796700000000-recruited-by.js';
import { DensitySnapshots1796800000000 } from './1796800000000-density-snapshots.js';
import { DensityRollup1796900000000 } from './1796900000000-density-rollup.js';
import { CoalitionPublished1797000000000 } from './1797000000000-coalition-published.js';
import { Imports1797100000000 } from './1797100000000-Imports.js';
import { ContactMerges1797200000000 } from './1797200000000-ContactMerges.js';
import { ImportScope1797300000000 } from './1797300000000-ImportScope.js';
import { ImportParticipation1797400000000 } from './1797400000000-ImportParticipation.js';
import { PersonEmployer1797500000000 } from './1797500000000-PersonEmployer.js';

/** Every migration, oldest first. Add new ones here (generate with database/generate-migration.ts). */
export const MIGRATIONS = [Initial1795426930173, AuditLog1795432302522, SessionRevocation1795432398801, RepPatch1795433096935,
  Branches1795434891706, RowLevelSecurity1795435000000, AuditBranch1795435784375,
  ContactBranchIndex1795436500000, ContactPolicyArray1795436600000,
  Organising1795437353066, LoginThrottle1795438100000, DefaultIssueTags1795438200000,
  StructureOwned1795439000000, LoginThrottleHashed1795439200000, CreatedBy1795439300000, AuditExport1795439500000,
  PolicyIdentityOnce1796050000000, Casework1796100000000,
  CaseDocuments1796200000000, CalendarFeed1796300000000, Campaigns1796500000000, Ballots1796600000000,
  RecruitedBy1796700000000, DensitySnapshots1796800000000, DensityRollup1796900000000, CoalitionPublished1797000000000,
  Imports1797100000000,
  ContactMerges1797200000000, ImportScope1797300000000, ImportParticipation1797400000000,
  PersonEmployer1797500000000];
