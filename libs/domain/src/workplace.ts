/** Workplace vocabulary: staff groups (as ESR names them), grades, shifts, contracts, ward and site kinds. */

export enum StaffGroup {
  NURSING_MIDWIFERY_REGISTERED = 'NURSING_MIDWIFERY_REGISTERED',
  ADDITIONAL_CLINICAL_SERVICES = 'ADDITIONAL_CLINICAL_SERVICES',
  ALLIED_HEALTH_PROFESSIONALS = 'ALLIED_HEALTH_PROFESSIONALS',
  ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL = 'ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL',
  HEALTHCARE_SCIENTISTS = 'HEALTHCARE_SCIENTISTS',
  MEDICAL_DENTAL = 'MEDICAL_DENTAL',
  ADMINISTRATIVE_CLERICAL = 'ADMINISTRATIVE_CLERICAL',
  ESTATES_ANCILLARY = 'ESTATES_ANCILLARY',
  STUDENTS = 'STUDENTS',
}

export const STAFF_GROUP_LABELS: Record<StaffGroup, string> = {
  [StaffGroup.NURSING_MIDWIFERY_REGISTERED]: 'Nursing and Midwifery Registered',
  [StaffGroup.ADDITIONAL_CLINICAL_SERVICES]: 'Additional Clinical Services',
  [StaffGroup.ALLIED_HEALTH_PROFESSIONALS]: 'Allied Health Professionals',
  [StaffGroup.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL]: 'Additional Professional Scientific and Technical',
  [StaffGroup.HEALTHCARE_SCIENTISTS]: 'Healthcare Scientists',
  [StaffGroup.MEDICAL_DENTAL]: 'Medical and Dental',
  [StaffGroup.ADMINISTRATIVE_CLERICAL]: 'Administrative and Clerical',
  [StaffGroup.ESTATES_ANCILLARY]: 'Estates and Ancillary',
  [StaffGroup.STUDENTS]: 'Students',
};

export enum ShiftPattern {
  DAYS = 'DAYS',
  NIGHTS = 'NIGHTS',
  LONG_DAYS = 'LONG_DAYS',
  ROTATING = 'ROTATING',
  ON_CALL = 'ON_CALL',
}

export const SHIFT_PATTERN_LABELS: Record<ShiftPattern, string> = {
  [ShiftPattern.DAYS]: 'Days',
  [ShiftPattern.NIGHTS]: 'Nights',
  [ShiftPattern.LONG_DAYS]: 'Long days',
  [ShiftPattern.ROTATING]: 'Rotating',
  [ShiftPattern.ON_CALL]: 'On call',
};

export enum ContractType {
  SUBSTANTIVE = 'SUBSTANTIVE',
  BANK = 'BANK',
  AGENCY = 'AGENCY',
}

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  [ContractType.SUBSTANTIVE]: 'Substantive',
  [ContractType.BANK]: 'Bank',
  [ContractType.AGENCY]: 'Agency',
};

export enum WardType {
  INPATIENT_WARD = 'INPATIENT_WARD',
  DEPARTMENT = 'DEPARTMENT',
  SERVICE = 'SERVICE',
  COMMUNITY_TEAM = 'COMMUNITY_TEAM',
}

export const WARD_TYPE_LABELS: Record<WardType, string> = {
  [WardType.INPATIENT_WARD]: 'Inpatient ward',
  [WardType.DEPARTMENT]: 'Department',
  [WardType.SERVICE]: 'Service',
  [WardType.COMMUNITY_TEAM]: 'Community team',
};

export enum SiteKind {
  ACUTE_HOSPITAL = 'ACUTE_HOSPITAL',
  COMMUNITY_HOSPITAL = 'COMMUNITY_HOSPITAL',
  CLINIC = 'CLINIC',
  COMMUNITY_BASE = 'COMMUNITY_BASE',
}

export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  [SiteKind.ACUTE_HOSPITAL]: 'Acute hospital',
  [SiteKind.COMMUNITY_HOSPITAL]: 'Community hospital',
  [SiteKind.CLINIC]: 'Clinic',
  [SiteKind.COMMUNITY_BASE]: 'Community base',
};

/**
 * Current staff on a date: started on or before it (or start unknown) and not yet left. A leave date
 * is the first day no longer employed, matching countsAsMember. Density's headcount counts only these.
 */
export function isCurrentStaff(startDate: string | null, leaveDate: string | null, today: string): boolean {
  return (startDate === null || startDate <= today) && (leaveDate === null || leaveDate > today);
}

/** An effective-dated record: a posting to a ward, a role, a rep's coverage. `to` is exclusive; null is open-ended. */
export interface EffectiveDated {
  from: string;
  to: string | null;
}

export function isEffectiveOn(record: EffectiveDated, date: string): boolean {
  return record.from <= date && (record.to === null || record.to > date);
}

/**
 * The record in force on a date (postings move: resident doctors rotate, nurses change wards).
 * Where records overlap, the one that started latest wins. Null when none is in force.
 */
export function effectiveOn<T extends EffectiveDated>(records: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const r of records) {
    if (isEffectiveOn(r, date) && (best === null || r.from >= best.from)) best = r;
  }
  return best;
}
