/**
 * The fixed vocabulary of the demo data: unions, the demo trust and its sites and wards, what kind
 * of staff work where, job titles with the grades that fit them, and the parts of made-up place
 * names for the extra trusts of `--scale N`. Everything here is fictional.
 */
import {
  ContractType, Grade, OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, WardType,
} from '@rollcall/domain';

export const DEMO_PASSWORD = 'rollcall-demo';

export const UNISON_ORG_NAME = 'UNISON North Riverside Health Branch';
export const BMA_ORG_NAME = 'BMA North Riverside Resident Doctors';

export type OrgKey = 'unison' | 'bma';

export interface OrganisationSpec {
  key: OrgKey;
  name: string;
  kind: OrganisationKind;
  /** The union whose branch this is: its memberships are the ones verified from the list. */
  union: UnionKey;
}

export const ORGANISATIONS: readonly OrganisationSpec[] = [
  { key: 'unison', name: UNISON_ORG_NAME, kind: OrganisationKind.UNION_BRANCH, union: 'UNISON' },
  { key: 'bma', name: BMA_ORG_NAME, kind: OrganisationKind.UNION_BRANCH, union: 'BMA' },
];

export type UnionKey = 'UNISON' | 'RCN' | 'BMA' | 'Unite' | 'GMB';

export interface UnionSpec {
  key: UnionKey;
  name: string;
  shortName: string;
  /** First membership number handed out, and the largest gap between consecutive numbers. */
  numberStart: number;
  numberGap: number;
  numberPrefix: string;
}

export const UNIONS: readonly UnionSpec[] = [
  { key: 'UNISON', name: 'UNISON', shortName: 'UNISON', numberStart: 10_400_000, numberGap: 60, numberPrefix: '' },
  { key: 'RCN', name: 'Royal College of Nursing', shortName: 'RCN', numberStart: 20_100_000, numberGap: 90, numberPrefix: '' },
  { key: 'BMA', name: 'British Medical Association', shortName: 'BMA', numberStart: 6_100_000, numberGap: 12, numberPrefix: '' },
  { key: 'Unite', name: 'Unite the Union', shortName: 'Unite', numberStart: 300_000, numberGap: 40, numberPrefix: 'U' },
  { key: 'GMB', name: 'GMB', shortName: 'GMB', numberStart: 500_000, numberGap: 40, numberPrefix: 'G' },
];

export interface DemoLogin {
  email: string;
  role: Role;
  organisation: string;
  displayName: string;
  /** Which trust's branch the role is held in (1: the demo trust). Default 1. */
  branch?: number;
}

/** Demo accounts; all share DEMO_PASSWORD. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: 'admin@unison.example', role: Role.ADMIN, organisation: UNISON_ORG_NAME, displayName: 'Dee Harper (branch admin)' },
  { email: 'secretary@unison.example', role: Role.BRANCH_SECRETARY, organisation: UNISON_ORG_NAME, displayName: 'Sam Okafor (branch secretary)' },
  { email: 'caseworker@unison.example', role: Role.CASEWORKER, organisation: UNISON_ORG_NAME, displayName: 'Priya Nair (caseworker)' },
  { email: 'rep@unison.example', role: Role.REP, organisation: UNISON_ORG_NAME, displayName: 'Jo Whitehead (workplace rep)' },
  { email: 'coalition@unison.example', role: Role.COALITION_VIEWER, organisation: UNISON_ORG_NAME, displayName: 'Health Campaigns coalition (read-only)' },
  { email: 'secretary2@unison.example', role: Role.BRANCH_SECRETARY, organisation: UNISON_ORG_NAME, displayName: 'Alex Byrne (secretary, second trust)', branch: 2 },
  { email: 'secretary@bma.example', role: Role.BRANCH_SECRETARY, organisation: BMA_ORG_NAME, displayName: 'Dr Tom Mensah (BMA secretary)' },
];

// ---------------------------------------------------------------------------------------------
// Workplaces

/** What sort of work happens on a ward: decides its staff mix, job titles and shift patterns. */
export type WardKind =
  | 'inpatient' | 'paeds' | 'maternity' | 'ed' | 'critical' | 'theatres' | 'outpatients' | 'imaging'
  | 'lab' | 'pharmacy' | 'therapies' | 'sterile' | 'porters' | 'domestic' | 'catering' | 'estates'
  | 'records' | 'community_nursing' | 'health_visiting' | 'community_therapy';

export interface WardTemplate {
  /** Index into the trust's sites: 0 acute hospital, 1 community hospital, 2 community base. */
  site: 0 | 1 | 2;
  name: string;
  type: WardType;
  speciality: string | null;
  kind: WardKind;
  /** Relative headcount of the UNISON branch's staff here. */
  staff: number;
  /** Relative headcount of doctors here (BMA group). */
  doctors: number;
  /** Base membership density the UNISON branch records here (before staff-group multipliers). */
  density: number;
  /** Part of the small test data set. */
  small?: boolean;
  /** How the ward is renamed at generated trusts: a number or a tree name, plus `label`. */
  rename?: 'numbered' | 'tree';
  label?: string;
  /** May be missing at a generated trust. */
  optional?: boolean;
}

const I = WardType.INPATIENT_WARD;
const D = WardType.DEPARTMENT;
const S = WardType.SERVICE;
const C = WardType.COMMUNITY_TEAM;

export const WARD_TEMPLATES: readonly WardTemplate[] = [
  // Riverside General Hospital (acute)
  { site: 0, name: 'Ward 5 — Acute Medical Unit', type: I, speciality: 'Acute medicine', kind: 'inpatient', staff: 75, doctors: 34, density: 0.45, rename: 'numbered', label: 'Acute Medical Unit' },
  { site: 0, name: 'Ward 6A — Gastroenterology', type: I, speciality: 'Gastroenterology', kind: 'inpatient', staff: 50, doctors: 13, density: 0.38, rename: 'numbered', label: 'Gastroenterology', optional: true },
  { site: 0, name: 'Ward 7A — Cardiology', type: I, speciality: 'Cardiology', kind: 'inpatient', staff: 52, doctors: 15, density: 0.3, rename: 'numbered', label: 'Cardiology' },
  { site: 0, name: 'Ward 7B — Respiratory', type: I, speciality: 'Respiratory medicine', kind: 'inpatient', staff: 55, doctors: 15, density: 0.68, small: true, rename: 'numbered', label: 'Respiratory' },
  { site: 0, name: 'Ward 8 — Care of the Elderly', type: I, speciality: 'Geriatric medicine', kind: 'inpatient', staff: 62, doctors: 13, density: 0.58, rename: 'numbered', label: 'Care of the Elderly' },
  { site: 0, name: 'Ward 9 — Stroke Unit', type: I, speciality: 'Stroke medicine', kind: 'inpatient', staff: 50, doctors: 10, density: 0.41, rename: 'numbered', label: 'Stroke Unit', optional: true },
  { site: 0, name: 'Ward 10 — General Surgery', type: I, speciality: 'General surgery', kind: 'inpatient', staff: 52, doctors: 20, density: 0.27, rename: 'numbered', label: 'General Surgery' },
  { site: 0, name: 'Ward 11 — Trauma & Orthopaedics', type: I, speciality: 'Trauma and orthopaedics', kind: 'inpatient', staff: 52, doctors: 17, density: 0.52, rename: 'numbered', label: 'Trauma & Orthopaedics' },
  { site: 0, name: 'Ward 12 — Oncology & Haematology', type: I, speciality: 'Clinical oncology', kind: 'inpatient', staff: 45, doctors: 11, density: 0.2, rename: 'numbered', label: 'Oncology & Haematology', optional: true },
  { site: 0, name: 'Ward 14 — Renal', type: I, speciality: 'Nephrology', kind: 'inpatient', staff: 40, doctors: 9, density: 0.35, rename: 'numbered', label: 'Renal', optional: true },
  { site: 0, name: "Rainbow Ward — Children's", type: I, speciality: 'Paediatrics', kind: 'paeds', staff: 48, doctors: 17, density: 0.16, small: true, rename: 'tree', label: "Children's" },
  { site: 0, name: 'Neonatal Unit', type: D, speciality: 'Neonatology', kind: 'critical', staff: 45, doctors: 10, density: 0.24 },
  { site: 0, name: 'Maternity — Labour Ward', type: D, speciality: 'Obstetrics and midwifery', kind: 'maternity', staff: 70, doctors: 19, density: 0.22, small: true },
  { site: 0, name: 'Maternity — Antenatal & Postnatal Ward', type: I, speciality: 'Obstetrics', kind: 'maternity', staff: 45, doctors: 6, density: 0.31 },
  { site: 0, name: 'Emergency Department (A&E)', type: D, speciality: 'Emergency medicine', kind: 'ed', staff: 110, doctors: 48, density: 0.34, small: true },
  { site: 0, name: 'Intensive Care Unit', type: D, speciality: 'Critical care', kind: 'critical', staff: 90, doctors: 24, density: 0.47 },
  { site: 0, name: 'Main Theatres', type: D, speciality: 'Anaesthetics and surgery', kind: 'theatres', staff: 100, doctors: 42, density: 0.19 },
  { site: 0, name: 'Day Surgery Unit', type: D, speciality: 'Day surgery', kind: 'theatres', staff: 35, doctors: 6, density: 0.12, optional: true },
  { site: 0, name: 'Outpatients Department', type: D, speciality: 'Outpatients', kind: 'outpatients', staff: 40, doctors: 9, density: 0.44 },
  { site: 0, name: 'Radiology', type: D, speciality: 'Diagnostic imaging', kind: 'imaging', staff: 60, doctors: 10, density: 0.36 },
  { site: 0, name: 'Pathology Laboratory', type: S, speciality: 'Pathology', kind: 'lab', staff: 70, doctors: 4, density: 0.79, small: true },
  { site: 0, name: 'Pharmacy', type: S, speciality: 'Pharmacy', kind: 'pharmacy', staff: 45, doctors: 0, density: 0.53 },
  { site: 0, name: 'Therapies — Physiotherapy & OT', type: S, speciality: 'Physiotherapy and occupational therapy', kind: 'therapies', staff: 50, doctors: 0, density: 0.29 },
  { site: 0, name: 'Sterile Services (HSDU)', type: S, speciality: 'Decontamination', kind: 'sterile', staff: 30, doctors: 0, density: 0.72, optional: true },
  { site: 0, name: 'Portering', type: S, speciality: 'Facilities', kind: 'porters', staff: 55, doctors: 0, density: 0.84, small: true },
  { site: 0, name: 'Domestic Services', type: S, speciality: 'Facilities', kind: 'domestic', staff: 80, doctors: 0, density: 0.76, small: true },
  { site: 0, name: 'Catering', type: S, speciality: 'Facilities', kind: 'catering', staff: 40, doctors: 0, density: 0.61 },
  { site: 0, name: 'Estates & Maintenance', type: S, speciality: 'Estates', kind: 'estates', staff: 35, doctors: 0, density: 0.68 },
  { site: 0, name: 'Health Records', type: S, speciality: 'Administration', kind: 'records', staff: 45, doctors: 0, density: 0.55 },
  { site: 0, name: 'Patient Access & Switchboard', type: S, speciality: 'Administration', kind: 'records', staff: 35, doctors: 0, density: 0.31, optional: true },
  // St Aidan's Community Hospital
  { site: 1, name: 'Beech Ward — Rehabilitation', type: I, speciality: 'Rehabilitation', kind: 'inpatient', staff: 40, doctors: 3, density: 0.62, rename: 'tree', label: 'Rehabilitation' },
  { site: 1, name: 'Willow Ward — Intermediate Care', type: I, speciality: 'Intermediate care', kind: 'inpatient', staff: 38, doctors: 2, density: 0.14, rename: 'tree', label: 'Intermediate Care' },
  { site: 1, name: 'Minor Injuries Unit', type: D, speciality: 'Urgent care', kind: 'ed', staff: 25, doctors: 2, density: 0.4 },
  { site: 1, name: 'Renal Dialysis Unit', type: D, speciality: 'Nephrology', kind: 'inpatient', staff: 22, doctors: 1, density: 0.5, optional: true },
  { site: 1, name: 'Outpatients & Phlebotomy', type: D, speciality: 'Outpatients', kind: 'outpatients', staff: 22, doctors: 1, density: 0.33 },
  { site: 1, name: "Facilities — St Aidan's", type: S, speciality: 'Facilities', kind: 'domestic', staff: 28, doctors: 0, density: 0.7 },
  // Wharfside Health Centre (community base)
  { site: 2, name: 'District Nursing — North Team', type: C, speciality: 'Community nursing', kind: 'community_nursing', staff: 35, doctors: 0, density: 0.57, small: true },
  { site: 2, name: 'District Nursing — South Team', type: C, speciality: 'Community nursing', kind: 'community_nursing', staff: 33, doctors: 0, density: 0.23 },
  { site: 2, name: 'Health Visiting Team', type: C, speciality: 'Public health nursing', kind: 'health_visiting', staff: 28, doctors: 0, density: 0.48 },
  { site: 2, name: 'School Nursing Team', type: C, speciality: 'School nursing', kind: 'health_visiting', staff: 16, doctors: 0, density: 0.37, optional: true },
  { site: 2, name: 'Community Therapy Team', type: C, speciality: 'Community rehabilitation', kind: 'community_therapy', staff: 25, doctors: 0, density: 0.26 },
  { site: 2, name: 'Podiatry Service', type: S, speciality: 'Podiatry', kind: 'community_therapy', staff: 15, doctors: 0, density: 0.45, optional: true },
  { site: 2, name: 'Sexual Health Clinic', type: S, speciality: 'Sexual health', kind: 'outpatients', staff: 18, doctors: 2, density: 0.39 },
];

export interface SiteSpec {
  name: string;
  kind: SiteKind;
  address: string;
  postcode: string;
}

export interface TrustSpec {
  name: string;
  odsCode: string;
  region: string;
  /** Work e-mail domain. */
  emailDomain: string;
  sites: [SiteSpec, SiteSpec, SiteSpec];
}

export const DEMO_TRUST: TrustSpec = {
  name: 'North Riverside NHS Foundation Trust',
  odsCode: 'RNR',
  region: 'North West',
  emailDomain: 'nrft.nhs.example',
  sites: [
    { name: 'Riverside General Hospital', kind: SiteKind.ACUTE_HOSPITAL, address: 'Infirmary Road, North Riverside', postcode: 'RV1 4QH' },
    { name: "St Aidan's Community Hospital", kind: SiteKind.COMMUNITY_HOSPITAL, address: 'Mill Lane, Eastholme, North Riverside', postcode: 'RV6 2JD' },
    { name: 'Wharfside Health Centre', kind: SiteKind.COMMUNITY_BASE, address: '12 Canal Street, Wharfside, North Riverside', postcode: 'RV3 8LN' },
  ],
};

/** Sites of the small test data set: the acute hospital and the community base. */
export const SMALL_SITES: readonly (0 | 1 | 2)[] = [0, 2];

// Parts of made-up place names for generated trusts.
export const PLACE_PREFIXES = [
  'Ash', 'Bel', 'Bram', 'Brook', 'Burn', 'Cald', 'Castle', 'Clay', 'Cold', 'Cran', 'Dun', 'East', 'Elm',
  'Fair', 'Fern', 'Glen', 'Green', 'Hart', 'Hazel', 'High', 'Holm', 'Kings', 'Lang', 'Lark', 'Long',
  'Mar', 'Mill', 'North', 'Oak', 'Pen', 'Red', 'Rother', 'Salt', 'South', 'Stan', 'Stone', 'Thorn',
  'Wal', 'West', 'Whit', 'Wick', 'Wind', 'Wood', 'Alder', 'Briar', 'Heron', 'Kestrel', 'Marsh', 'Rook', 'Swan',
];
export const PLACE_SUFFIXES = [
  'bridge', 'brook', 'bury', 'combe', 'dale', 'field', 'ford', 'gate', 'ham', 'haven', 'hurst', 'ington',
  'ley', 'mere', 'minster', 'moor', 'mouth', 'stead', 'ton', 'wick', 'worth', 'holme', 'cliffe', 'thwaite',
];
/** Combinations that are real towns, so not used. */
export const REAL_PLACES = new Set([
  'Ashford', 'Ashton', 'Ashley', 'Ashbury', 'Bramley', 'Bramhall', 'Brookfield', 'Burnley', 'Burnham', 'Castleford',
  'Claygate', 'Coldstream', 'Cranbrook', 'Cranleigh', 'Eastbury', 'Eastham', 'Eastleigh', 'Elmbridge', 'Fairford',
  'Fairfield', 'Greenford', 'Greenwich', 'Greenham', 'Hartley', 'Hartford', 'Highbury', 'Highgate', 'Holmfirth',
  'Kingsbury', 'Kingston', 'Kingsbridge', 'Kingsley', 'Kingswood', 'Langley', 'Longford', 'Longton', 'Marston',
  'Marsham', 'Millbrook', 'Milton', 'Northfield', 'Northwick', 'Northam', 'Northwich', 'Oakham', 'Oakley',
  'Pendleton', 'Penworth', 'Redbridge', 'Redhill', 'Redditch', 'Rotherham', 'Saltash', 'Saltburn', 'Southam',
  'Southwick', 'Southport', 'Stanford', 'Stanley', 'Stonehaven', 'Stoneham', 'Thornbury', 'Thornton', 'Walton',
  'Westbury', 'Westminster', 'Westfield', 'Westham', 'Whitby', 'Whitley', 'Whitworth', 'Wickham', 'Windsor',
  'Woodbridge', 'Woodford', 'Woodley', 'Woodham', 'Woodstock', 'Woodton', 'Dunstable', 'Stanwick', 'Alderley',
  'Hazelwood', 'Walworth', 'Castleton', 'Wickford', 'Marshfield', 'Swanley', 'Heronsgate', 'Fernhurst',
  'Stonebridge', 'Greenhithe', 'Walsham', 'Stanhope', 'Millom', 'Glenfield', 'Burnmouth', 'Oakworth',
  'Saltley', 'Longley', 'Eastwood', 'Elmley', 'Fairley', 'Cranford', 'Redmoor',
]);
export const TRUST_NAME_PATTERNS: readonly ((p: string, q: string) => string)[] = [
  (p) => `${p} NHS Trust`,
  (p) => `${p} Hospitals NHS Foundation Trust`,
  (p, q) => `${p} and ${q} NHS Foundation Trust`,
  (p) => `${p} Teaching Hospitals NHS Trust`,
  (p) => `University Hospitals of ${p} NHS Trust`,
  (p) => `${p} Healthcare NHS Foundation Trust`,
];
export const ACUTE_SITE_PATTERNS: readonly ((p: string) => string)[] = [
  (p) => `${p} General Hospital`,
  (p) => `${p} Royal Infirmary`,
  (p) => `${p} District Hospital`,
  (p) => `Royal ${p} Hospital`,
];
export const COMMUNITY_HOSPITAL_PATTERNS: readonly ((p: string) => string)[] = [
  (p) => `${p} Community Hospital`,
  (p) => `${p} Memorial Hospital`,
  (p) => `${p} Cottage Hospital`,
];
export const COMMUNITY_BASE_PATTERNS: readonly ((p: string) => string)[] = [
  (p) => `${p} Health Centre`,
  (p) => `${p} Community Base`,
  (p) => `${p} Primary Care Centre`,
];
export const STREETS = [
  'Hospital Road', 'Infirmary Street', 'Station Road', 'Church Lane', 'High Street', 'Mill Road', 'Park Avenue',
  'Victoria Road', 'London Road', 'Chapel Street', 'Queens Drive', 'Market Street', 'Bridge Street', 'Green Lane',
];
export const TREES = ['Ash', 'Beech', 'Birch', 'Cedar', 'Elm', 'Hazel', 'Holly', 'Juniper', 'Larch', 'Maple', 'Oak', 'Rowan', 'Sycamore', 'Willow', 'Yew', 'Alder'];
export const REGIONS = ['North West', 'North East and Yorkshire', 'Midlands', 'East of England', 'London', 'South East', 'South West'];
/** First letters of made-up postcode areas that the Royal Mail does not use (Q, V, X). */
export const POSTCODE_AREA_LETTERS = ['Q', 'V', 'X'];

// ---------------------------------------------------------------------------------------------
// People

/** Staff-group mix by ward kind (relative weights). Doctors are generated separately. */
const G = StaffGroup;
export const STAFF_MIX: Readonly<Record<WardKind, readonly (readonly [StaffGroup, number])[]>> = {
  inpatient: [[G.NURSING_MIDWIFERY_REGISTERED, 44], [G.ADDITIONAL_CLINICAL_SERVICES, 36], [G.ALLIED_HEALTH_PROFESSIONALS, 4], [G.ADMINISTRATIVE_CLERICAL, 5], [G.ESTATES_ANCILLARY, 6], [G.STUDENTS, 4], [G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL, 1]],
  paeds: [[G.NURSING_MIDWIFERY_REGISTERED, 55], [G.ADDITIONAL_CLINICAL_SERVICES, 22], [G.ADMINISTRATIVE_CLERICAL, 6], [G.ESTATES_ANCILLARY, 5], [G.STUDENTS, 6], [G.ALLIED_HEALTH_PROFESSIONALS, 3]],
  maternity: [[G.NURSING_MIDWIFERY_REGISTERED, 55], [G.ADDITIONAL_CLINICAL_SERVICES, 28], [G.ADMINISTRATIVE_CLERICAL, 7], [G.ESTATES_ANCILLARY, 4], [G.STUDENTS, 6]],
  ed: [[G.NURSING_MIDWIFERY_REGISTERED, 48], [G.ADDITIONAL_CLINICAL_SERVICES, 25], [G.ADMINISTRATIVE_CLERICAL, 12], [G.ESTATES_ANCILLARY, 5], [G.ALLIED_HEALTH_PROFESSIONALS, 5], [G.STUDENTS, 3], [G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL, 2]],
  critical: [[G.NURSING_MIDWIFERY_REGISTERED, 68], [G.ADDITIONAL_CLINICAL_SERVICES, 16], [G.ADMINISTRATIVE_CLERICAL, 4], [G.ESTATES_ANCILLARY, 4], [G.ALLIED_HEALTH_PROFESSIONALS, 4], [G.HEALTHCARE_SCIENTISTS, 2], [G.STUDENTS, 2]],
  theatres: [[G.NURSING_MIDWIFERY_REGISTERED, 35], [G.ALLIED_HEALTH_PROFESSIONALS, 25], [G.ADDITIONAL_CLINICAL_SERVICES, 28], [G.ADMINISTRATIVE_CLERICAL, 6], [G.ESTATES_ANCILLARY, 6]],
  outpatients: [[G.NURSING_MIDWIFERY_REGISTERED, 30], [G.ADDITIONAL_CLINICAL_SERVICES, 30], [G.ADMINISTRATIVE_CLERICAL, 35], [G.ESTATES_ANCILLARY, 5]],
  imaging: [[G.ALLIED_HEALTH_PROFESSIONALS, 60], [G.ADDITIONAL_CLINICAL_SERVICES, 18], [G.ADMINISTRATIVE_CLERICAL, 18], [G.NURSING_MIDWIFERY_REGISTERED, 4]],
  lab: [[G.HEALTHCARE_SCIENTISTS, 55], [G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL, 25], [G.ADMINISTRATIVE_CLERICAL, 15], [G.ESTATES_ANCILLARY, 5]],
  pharmacy: [[G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL, 70], [G.ADDITIONAL_CLINICAL_SERVICES, 15], [G.ADMINISTRATIVE_CLERICAL, 15]],
  therapies: [[G.ALLIED_HEALTH_PROFESSIONALS, 75], [G.ADDITIONAL_CLINICAL_SERVICES, 15], [G.ADMINISTRATIVE_CLERICAL, 10]],
  sterile: [[G.ESTATES_ANCILLARY, 70], [G.ADDITIONAL_CLINICAL_SERVICES, 20], [G.ADMINISTRATIVE_CLERICAL, 10]],
  porters: [[G.ESTATES_ANCILLARY, 100]],
  domestic: [[G.ESTATES_ANCILLARY, 100]],
  catering: [[G.ESTATES_ANCILLARY, 100]],
  estates: [[G.ESTATES_ANCILLARY, 90], [G.ADMINISTRATIVE_CLERICAL, 10]],
  records: [[G.ADMINISTRATIVE_CLERICAL, 100]],
  community_nursing: [[G.NURSING_MIDWIFERY_REGISTERED, 65], [G.ADDITIONAL_CLINICAL_SERVICES, 25], [G.ADMINISTRATIVE_CLERICAL, 10]],
  health_visiting: [[G.NURSING_MIDWIFERY_REGISTERED, 70], [G.ADDITIONAL_CLINICAL_SERVICES, 15], [G.ADMINISTRATIVE_CLERICAL, 15]],
  community_therapy: [[G.ALLIED_HEALTH_PROFESSIONALS, 70], [G.ADDITIONAL_CLINICAL_SERVICES, 20], [G.ADMINISTRATIVE_CLERICAL, 10]],
};

/** [job title, grade, weight]. Grade null: unbanded (students). */
export type TitleSpec = readonly [string, Grade | null, number];
type TitleSet = { default: readonly TitleSpec[] } & Partial<Record<WardKind, readonly TitleSpec[]>>;

const A = Grade;
export const JOB_TITLES: Readonly<Record<Exclude<StaffGroup, StaffGroup.MEDICAL_DENTAL>, TitleSet>> = {
  [G.NURSING_MIDWIFERY_REGISTERED]: {
    default: [['Staff Nurse', A.AFC_5, 50], ['Senior Staff Nurse', A.AFC_6, 16], ['Deputy Ward Sister', A.AFC_6, 8], ['Ward Sister', A.AFC_7, 5], ['Charge Nurse', A.AFC_7, 3], ['Clinical Nurse Specialist', A.AFC_7, 4], ['Advanced Nurse Practitioner', A.AFC_8A, 2], ['Matron', A.AFC_8A, 1]],
    paeds: [["Children's Nurse", A.AFC_5, 55], ["Senior Children's Nurse", A.AFC_6, 20], ['Ward Sister', A.AFC_7, 6], ['Paediatric Nurse Specialist', A.AFC_7, 4], ['Matron', A.AFC_8A, 1]],
    maternity: [['Midwife', A.AFC_6, 55], ['Newly Qualified Midwife', A.AFC_5, 15], ['Senior Midwife', A.AFC_7, 14], ['Labour Ward Coordinator', A.AFC_7, 5], ['Midwifery Matron', A.AFC_8A, 1], ['Consultant Midwife', A.AFC_8B, 0.5]],
    ed: [['Emergency Staff Nurse', A.AFC_5, 50], ['Senior Staff Nurse', A.AFC_6, 22], ['Emergency Nurse Practitioner', A.AFC_7, 8], ['Nurse in Charge', A.AFC_7, 6], ['Advanced Clinical Practitioner', A.AFC_8A, 3], ['Matron', A.AFC_8A, 1]],
    critical: [['Critical Care Staff Nurse', A.AFC_5, 50], ['Senior Critical Care Nurse', A.AFC_6, 25], ['Critical Care Sister', A.AFC_7, 8], ['Critical Care Outreach Nurse', A.AFC_7, 4], ['Matron', A.AFC_8A, 1]],
    theatres: [['Theatre Staff Nurse', A.AFC_5, 45], ['Scrub Practitioner', A.AFC_5, 20], ['Theatre Team Leader', A.AFC_6, 15], ['Theatre Manager', A.AFC_7, 3], ['Anaesthetic Nurse', A.AFC_6, 8]],
    outpatients: [['Outpatient Staff Nurse', A.AFC_5, 50], ['Clinic Sister', A.AFC_6, 20], ['Clinical Nurse Specialist', A.AFC_7, 10], ['Sexual Health Nurse', A.AFC_6, 5]],
    imaging: [['Radiology Nurse', A.AFC_5, 70], ['Senior Radiology Nurse', A.AFC_6, 30]],
    community_nursing: [['Community Staff Nurse', A.AFC_5, 45], ['District Nurse', A.AFC_6, 30], ['District Nursing Sister', A.AFC_7, 10], ['Community Matron', A.AFC_8A, 3], ['Community Nurse Specialist', A.AFC_7, 5]],
    health_visiting: [['Health Visitor', A.AFC_6, 55], ['School Nurse', A.AFC_6, 20], ['Community Staff Nurse', A.AFC_5, 15], ['Health Visiting Team Leader', A.AFC_7, 6]],
  },
  [G.ADDITIONAL_CLINICAL_SERVICES]: {
    default: [['Healthcare Assistant', A.AFC_2, 35], ['Senior Healthcare Assistant', A.AFC_3, 40], ['Nursing Associate', A.AFC_4, 10], ['Assistant Practitioner', A.AFC_4, 6], ['Healthcare Assistant', A.AFC_1, 1], ['Phlebotomist', A.AFC_2, 3]],
    maternity: [['Maternity Support Worker', A.AFC_3, 60], ['Maternity Care Assistant', A.AFC_2, 30], ['Nursery Nurse', A.AFC_3, 10]],
    theatres: [['Theatre Support Worker', A.AFC_3, 60], ['Theatre Healthcare Assistant', A.AFC_2, 30], ['Anaesthetic Assistant', A.AFC_4, 10]],
    imaging: [['Imaging Assistant', A.AFC_3, 60], ['Assistant Practitioner (Radiography)', A.AFC_4, 25], ['Imaging Support Worker', A.AFC_2, 15]],
    pharmacy: [['Pharmacy Assistant', A.AFC_2, 55], ['Senior Pharmacy Assistant', A.AFC_3, 45]],
    therapies: [['Therapy Assistant', A.AFC_3, 55], ['Rehabilitation Assistant', A.AFC_3, 25], ['Assistant Practitioner (Therapies)', A.AFC_4, 20]],
    community_therapy: [['Therapy Assistant', A.AFC_3, 55], ['Podiatry Assistant', A.AFC_3, 20], ['Assistant Practitioner (Therapies)', A.AFC_4, 25]],
    sterile: [['Sterile Services Technician', A.AFC_2, 70], ['Senior Sterile Services Technician', A.AFC_3, 30]],
    outpatients: [['Outpatient Healthcare Assistant', A.AFC_2, 50], ['Phlebotomist', A.AFC_2, 30], ['Senior Phlebotomist', A.AFC_3, 20]],
    community_nursing: [['Community Healthcare Assistant', A.AFC_3, 60], ['Community Nursing Associate', A.AFC_4, 30], ['Assistant Practitioner', A.AFC_4, 10]],
    health_visiting: [['Community Nursery Nurse', A.AFC_4, 70], ['Healthy Child Programme Assistant', A.AFC_3, 30]],
    paeds: [["Children's Healthcare Assistant", A.AFC_3, 70], ['Hospital Play Specialist', A.AFC_4, 30]],
  },
  [G.ALLIED_HEALTH_PROFESSIONALS]: {
    default: [['Physiotherapist', A.AFC_5, 30], ['Senior Physiotherapist', A.AFC_6, 25], ['Occupational Therapist', A.AFC_5, 20], ['Speech and Language Therapist', A.AFC_6, 10], ['Dietitian', A.AFC_6, 10], ['Clinical Lead Physiotherapist', A.AFC_7, 5]],
    imaging: [['Diagnostic Radiographer', A.AFC_5, 45], ['Senior Radiographer', A.AFC_6, 25], ['Advanced Practitioner Radiographer', A.AFC_7, 10], ['Sonographer', A.AFC_7, 12], ['Radiology Services Manager', A.AFC_8A, 2]],
    theatres: [['Operating Department Practitioner', A.AFC_5, 65], ['Senior Operating Department Practitioner', A.AFC_6, 30], ['Theatre Practice Educator', A.AFC_7, 5]],
    ed: [['Emergency Physiotherapist', A.AFC_6, 40], ['Paramedic Practitioner', A.AFC_6, 40], ['Advanced Practitioner (Paramedic)', A.AFC_7, 20]],
    therapies: [['Physiotherapist', A.AFC_5, 25], ['Senior Physiotherapist', A.AFC_6, 20], ['Occupational Therapist', A.AFC_5, 18], ['Senior Occupational Therapist', A.AFC_6, 14], ['Speech and Language Therapist', A.AFC_6, 8], ['Dietitian', A.AFC_6, 8], ['Therapy Services Manager', A.AFC_8A, 2], ['Clinical Specialist Physiotherapist', A.AFC_7, 5]],
    community_therapy: [['Community Physiotherapist', A.AFC_6, 35], ['Community Occupational Therapist', A.AFC_6, 30], ['Podiatrist', A.AFC_5, 20], ['Specialist Podiatrist', A.AFC_6, 10], ['Team Lead', A.AFC_7, 5]],
  },
  [G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL]: {
    default: [['Ward Pharmacy Technician', A.AFC_5, 60], ['Clinical Pharmacist', A.AFC_7, 40]],
    pharmacy: [['Pharmacy Technician', A.AFC_5, 35], ['Senior Pharmacy Technician', A.AFC_6, 15], ['Pharmacist', A.AFC_6, 12], ['Clinical Pharmacist', A.AFC_7, 22], ['Advanced Pharmacist', A.AFC_8A, 8], ['Chief Pharmacist', A.AFC_8D, 0.5], ['Lead Pharmacist', A.AFC_8B, 3]],
    lab: [['Medical Laboratory Assistant', A.AFC_2, 45], ['Senior Medical Laboratory Assistant', A.AFC_3, 30], ['Associate Practitioner (Pathology)', A.AFC_4, 25]],
  },
  [G.HEALTHCARE_SCIENTISTS]: {
    default: [['Clinical Physiologist', A.AFC_5, 50], ['Clinical Scientist', A.AFC_7, 50]],
    lab: [['Biomedical Scientist', A.AFC_5, 35], ['Specialist Biomedical Scientist', A.AFC_6, 30], ['Senior Biomedical Scientist', A.AFC_7, 15], ['Trainee Biomedical Scientist', A.AFC_4, 8], ['Clinical Scientist', A.AFC_7, 6], ['Laboratory Manager', A.AFC_8A, 4], ['Consultant Clinical Scientist', A.AFC_8C, 1]],
  },
  [G.ADMINISTRATIVE_CLERICAL]: {
    default: [['Ward Clerk', A.AFC_2, 45], ['Ward Administrator', A.AFC_3, 30], ['Medical Secretary', A.AFC_4, 15], ['Service Manager', A.AFC_8A, 3], ['Administrative Assistant', A.AFC_2, 7]],
    ed: [['ED Receptionist', A.AFC_2, 55], ['ED Administrator', A.AFC_3, 25], ['Patient Flow Coordinator', A.AFC_4, 15], ['Operational Manager', A.AFC_7, 3]],
    outpatients: [['Outpatient Receptionist', A.AFC_2, 45], ['Booking Clerk', A.AFC_3, 30], ['Medical Secretary', A.AFC_4, 20], ['Outpatient Manager', A.AFC_6, 5]],
    records: [['Health Records Clerk', A.AFC_2, 40], ['Switchboard Operator', A.AFC_2, 15], ['Patient Access Coordinator', A.AFC_3, 20], ['Health Records Supervisor', A.AFC_4, 8], ['Medical Secretary', A.AFC_4, 10], ['Health Records Manager', A.AFC_6, 3], ['Information Governance Officer', A.AFC_5, 4]],
    lab: [['Specimen Reception Clerk', A.AFC_2, 70], ['Pathology Administrator', A.AFC_3, 30]],
    pharmacy: [['Pharmacy Administrator', A.AFC_3, 100]],
    imaging: [['Radiology Receptionist', A.AFC_2, 55], ['Radiology Booking Clerk', A.AFC_3, 45]],
    estates: [['Estates Helpdesk Administrator', A.AFC_3, 70], ['Estates Officer', A.AFC_5, 30]],
    community_nursing: [['Team Administrator', A.AFC_3, 70], ['Care Coordinator', A.AFC_4, 30]],
    health_visiting: [['Team Administrator', A.AFC_3, 70], ['Data Clerk', A.AFC_2, 30]],
  },
  [G.ESTATES_ANCILLARY]: {
    default: [['Ward Housekeeper', A.AFC_2, 55], ['Domestic Assistant', A.AFC_2, 40], ['Domestic Assistant', A.AFC_1, 5]],
    porters: [['Porter', A.AFC_2, 70], ['Senior Porter', A.AFC_3, 18], ['Portering Supervisor', A.AFC_4, 7], ['Porter', A.AFC_1, 5]],
    domestic: [['Domestic Assistant', A.AFC_2, 70], ['Domestic Supervisor', A.AFC_3, 12], ['Housekeeping Manager', A.AFC_4, 4], ['Domestic Assistant', A.AFC_1, 8], ['Linen Porter', A.AFC_2, 6]],
    catering: [['Catering Assistant', A.AFC_2, 55], ['Cook', A.AFC_3, 18], ['Chef', A.AFC_4, 10], ['Catering Supervisor', A.AFC_4, 7], ['Catering Assistant', A.AFC_1, 6], ['Kitchen Porter', A.AFC_2, 4]],
    estates: [['Maintenance Technician', A.AFC_4, 30], ['Electrician', A.AFC_4, 18], ['Plumber', A.AFC_4, 14], ['Estates Supervisor', A.AFC_5, 10], ['Gardener', A.AFC_2, 10], ['Estates Officer', A.AFC_6, 6], ['Car Park Attendant', A.AFC_2, 12]],
    sterile: [['Decontamination Technician', A.AFC_2, 75], ['Decontamination Supervisor', A.AFC_4, 25]],
  },
  [G.STUDENTS]: {
    default: [['Student Nurse', null, 75], ['Nursing Degree Apprentice', null, 25]],
    maternity: [['Student Midwife', null, 100]],
    ed: [['Student Nurse', null, 70], ['Student Paramedic', null, 30]],
  },
};

/** How the UNISON branch's density varies by staff group (× the ward's base density). */
export const UNISON_GROUP_MULTIPLIER: Readonly<Record<StaffGroup, number>> = {
  [G.NURSING_MIDWIFERY_REGISTERED]: 0.9,
  [G.ADDITIONAL_CLINICAL_SERVICES]: 1.12,
  [G.ALLIED_HEALTH_PROFESSIONALS]: 0.82,
  [G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL]: 1,
  [G.HEALTHCARE_SCIENTISTS]: 1.05,
  [G.MEDICAL_DENTAL]: 0.35,
  [G.ADMINISTRATIVE_CLERICAL]: 0.95,
  [G.ESTATES_ANCILLARY]: 1.1,
  [G.STUDENTS]: 0.45,
};

/** Which union a member known to the UNISON branch is in, by staff group. */
export const UNISON_BRANCH_UNION_MIX: Readonly<Record<StaffGroup, readonly (readonly [UnionKey, number])[]>> = {
  [G.NURSING_MIDWIFERY_REGISTERED]: [['UNISON', 66], ['RCN', 30], ['Unite', 4]],
  [G.ADDITIONAL_CLINICAL_SERVICES]: [['UNISON', 90], ['GMB', 5], ['RCN', 3], ['Unite', 2]],
  [G.ALLIED_HEALTH_PROFESSIONALS]: [['UNISON', 85], ['Unite', 15]],
  [G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL]: [['UNISON', 75], ['Unite', 25]],
  [G.HEALTHCARE_SCIENTISTS]: [['UNISON', 70], ['Unite', 30]],
  [G.MEDICAL_DENTAL]: [['UNISON', 55], ['Unite', 45]],
  [G.ADMINISTRATIVE_CLERICAL]: [['UNISON', 93], ['GMB', 4], ['Unite', 3]],
  [G.ESTATES_ANCILLARY]: [['UNISON', 85], ['GMB', 10], ['Unite', 5]],
  [G.STUDENTS]: [['UNISON', 60], ['RCN', 40]],
};

export const CONTRACT_MIX: Readonly<Record<StaffGroup, readonly (readonly [ContractType, number])[]>> = {
  [G.NURSING_MIDWIFERY_REGISTERED]: [[ContractType.SUBSTANTIVE, 84], [ContractType.BANK, 11], [ContractType.AGENCY, 5]],
  [G.ADDITIONAL_CLINICAL_SERVICES]: [[ContractType.SUBSTANTIVE, 82], [ContractType.BANK, 14], [ContractType.AGENCY, 4]],
  [G.ALLIED_HEALTH_PROFESSIONALS]: [[ContractType.SUBSTANTIVE, 90], [ContractType.BANK, 6], [ContractType.AGENCY, 4]],
  [G.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL]: [[ContractType.SUBSTANTIVE, 92], [ContractType.BANK, 4], [ContractType.AGENCY, 4]],
  [G.HEALTHCARE_SCIENTISTS]: [[ContractType.SUBSTANTIVE, 93], [ContractType.BANK, 4], [ContractType.AGENCY, 3]],
  [G.MEDICAL_DENTAL]: [[ContractType.SUBSTANTIVE, 94], [ContractType.BANK, 3], [ContractType.AGENCY, 3]],
  [G.ADMINISTRATIVE_CLERICAL]: [[ContractType.SUBSTANTIVE, 91], [ContractType.BANK, 7], [ContractType.AGENCY, 2]],
  [G.ESTATES_ANCILLARY]: [[ContractType.SUBSTANTIVE, 87], [ContractType.BANK, 11], [ContractType.AGENCY, 2]],
  [G.STUDENTS]: [[ContractType.SUBSTANTIVE, 100]],
};

const SP = ShiftPattern;
/** Shift patterns for ward-based clinical staff, by ward kind. */
export const CLINICAL_SHIFTS: Readonly<Record<WardKind, readonly (readonly [ShiftPattern, number])[]>> = {
  inpatient: [[SP.LONG_DAYS, 38], [SP.ROTATING, 32], [SP.NIGHTS, 16], [SP.DAYS, 14]],
  paeds: [[SP.LONG_DAYS, 40], [SP.ROTATING, 35], [SP.NIGHTS, 15], [SP.DAYS, 10]],
  maternity: [[SP.LONG_DAYS, 40], [SP.ROTATING, 35], [SP.NIGHTS, 15], [SP.ON_CALL, 5], [SP.DAYS, 5]],
  ed: [[SP.ROTATING, 50], [SP.LONG_DAYS, 25], [SP.NIGHTS, 18], [SP.DAYS, 7]],
  critical: [[SP.LONG_DAYS, 45], [SP.ROTATING, 35], [SP.NIGHTS, 15], [SP.DAYS, 5]],
  theatres: [[SP.DAYS, 50], [SP.LONG_DAYS, 20], [SP.ON_CALL, 20], [SP.ROTATING, 10]],
  outpatients: [[SP.DAYS, 95], [SP.LONG_DAYS, 5]],
  imaging: [[SP.DAYS, 55], [SP.ROTATING, 25], [SP.ON_CALL, 15], [SP.NIGHTS, 5]],
  lab: [[SP.DAYS, 55], [SP.ROTATING, 25], [SP.ON_CALL, 12], [SP.NIGHTS, 8]],
  pharmacy: [[SP.DAYS, 80], [SP.ON_CALL, 15], [SP.ROTATING, 5]],
  therapies: [[SP.DAYS, 90], [SP.ON_CALL, 5], [SP.LONG_DAYS, 5]],
  sterile: [[SP.ROTATING, 45], [SP.DAYS, 40], [SP.NIGHTS, 15]],
  porters: [[SP.ROTATING, 40], [SP.DAYS, 30], [SP.NIGHTS, 20], [SP.LONG_DAYS, 10]],
  domestic: [[SP.DAYS, 55], [SP.ROTATING, 25], [SP.NIGHTS, 10], [SP.LONG_DAYS, 10]],
  catering: [[SP.DAYS, 60], [SP.ROTATING, 35], [SP.LONG_DAYS, 5]],
  estates: [[SP.DAYS, 75], [SP.ON_CALL, 20], [SP.NIGHTS, 5]],
  records: [[SP.DAYS, 90], [SP.ROTATING, 10]],
  community_nursing: [[SP.DAYS, 80], [SP.LONG_DAYS, 12], [SP.ROTATING, 8]],
  health_visiting: [[SP.DAYS, 100]],
  community_therapy: [[SP.DAYS, 100]],
};
export const ADMIN_SHIFTS: readonly (readonly [ShiftPattern, number])[] = [[SP.DAYS, 92], [SP.ROTATING, 8]];

/** Doctors of the BMA group by grade (relative weights). */
export const DOCTOR_GRADES: readonly (readonly [Grade, number])[] = [
  [A.FY1, 14], [A.FY2, 12], [A.CT1, 7], [A.CT2, 6], [A.CT3, 3], [A.ST1, 4], [A.ST2, 4], [A.ST3, 5],
  [A.ST4, 5], [A.ST5, 4], [A.ST6, 4], [A.ST7, 3], [A.ST8, 1],
  [A.SAS_SPECIALTY_DOCTOR, 7], [A.SAS_SPECIALIST, 2], [A.SAS_ASSOCIATE_SPECIALIST, 1], [A.CONSULTANT, 16],
];

/** BMA membership propensity by doctor family (× the ward's BMA base density). */
export const BMA_GRADE_MULTIPLIER = { RESIDENT_DOCTOR: 1.05, SAS: 0.65, CONSULTANT: 0.8, AGENDA_FOR_CHANGE: 0 } as const;

export const REP_KINDS: readonly (readonly [RepRoleKind, number])[] = [
  [RepRoleKind.WORKPLACE_REP, 70], [RepRoleKind.HEALTH_SAFETY_REP, 12], [RepRoleKind.LEARNING_REP, 6],
  [RepRoleKind.EQUALITY_REP, 6], [RepRoleKind.BRANCH_OFFICER, 6],
];
