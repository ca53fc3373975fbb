/**
 * Grades: Agenda for Change bands and medical grades.
 * Band 1 has been closed to new entrants since 2018; ST3 and above are registrars.
 */
export enum Grade {
  AFC_1 = 'AFC_1',
  AFC_2 = 'AFC_2',
  AFC_3 = 'AFC_3',
  AFC_4 = 'AFC_4',
  AFC_5 = 'AFC_5',
  AFC_6 = 'AFC_6',
  AFC_7 = 'AFC_7',
  AFC_8A = 'AFC_8A',
  AFC_8B = 'AFC_8B',
  AFC_8C = 'AFC_8C',
  AFC_8D = 'AFC_8D',
  AFC_9 = 'AFC_9',
  FY1 = 'FY1',
  FY2 = 'FY2',
  CT1 = 'CT1',
  CT2 = 'CT2',
  CT3 = 'CT3',
  ST1 = 'ST1',
  ST2 = 'ST2',
  ST3 = 'ST3',
  ST4 = 'ST4',
  ST5 = 'ST5',
  ST6 = 'ST6',
  ST7 = 'ST7',
  ST8 = 'ST8',
  SAS_SPECIALTY_DOCTOR = 'SAS_SPECIALTY_DOCTOR',
  SAS_SPECIALIST = 'SAS_SPECIALIST',
  SAS_ASSOCIATE_SPECIALIST = 'SAS_ASSOCIATE_SPECIALIST',
  CONSULTANT = 'CONSULTANT',
}

export type GradeFamily = 'AGENDA_FOR_CHANGE' | 'RESIDENT_DOCTOR' | 'SAS' | 'CONSULTANT';

export interface GradeInfo {
  grade: Grade;
  label: string;
  family: GradeFamily;
  /** Ordering within the whole scale, lowest first. */
  rank: number;
}

const AFC: Grade[] = [
  Grade.AFC_1, Grade.AFC_2, Grade.AFC_3, Grade.AFC_4, Grade.AFC_5, Grade.AFC_6, Grade.AFC_7,
  Grade.AFC_8A, Grade.AFC_8B, Grade.AFC_8C, Grade.AFC_8D, Grade.AFC_9,
];
const RESIDENT: Grade[] = [
  Grade.FY1, Grade.FY2, Grade.CT1, Grade.CT2, Grade.CT3,
  Grade.ST1, Grade.ST2, Grade.ST3, Grade.ST4, Grade.ST5, Grade.ST6, Grade.ST7, Grade.ST8,
];
const SAS: Grade[] = [Grade.SAS_SPECIALTY_DOCTOR, Grade.SAS_SPECIALIST, Grade.SAS_ASSOCIATE_SPECIALIST];

function label(grade: Grade): string {
  if (grade.startsWith('AFC_')) return `Band ${grade.slice(4).toLowerCase()}`;
  switch (grade) {
    case Grade.SAS_SPECIALTY_DOCTOR: return 'Specialty doctor (SAS)';
    case Grade.SAS_SPECIALIST: return 'Specialist (SAS)';
    case Grade.SAS_ASSOCIATE_SPECIALIST: return 'Associate specialist (SAS)';
    case Grade.CONSULTANT: return 'Consultant';
    default: return grade;
  }
}

export const GRADES: readonly GradeInfo[] = [
  ...AFC.map((g) => ({ grade: g, family: 'AGENDA_FOR_CHANGE' as const })),
  ...RESIDENT.map((g) => ({ grade: g, family: 'RESIDENT_DOCTOR' as const })),
  ...SAS.map((g) => ({ grade: g, family: 'SAS' as const })),
  { grade: Grade.CONSULTANT, family: 'CONSULTANT' as const },
].map((g, rank) => ({ ...g, label: label(g.grade), rank }));

const BY_GRADE = new Map(GRADES.map((g) => [g.grade, g]));

export function gradeInfo(grade: Grade): GradeInfo {
  const info = BY_GRADE.get(grade);
  if (!info) throw new RangeError(`Unknown grade: ${String(grade)}`);
  return info;
}

export function gradeLabel(grade: Grade): string {
  return gradeInfo(grade).label;
}

/** Resident doctors (formerly "junior doctors"): foundation, core and specialty trainees. */
export function isResidentDoctor(grade: Grade): boolean {
  return gradeInfo(grade).family === 'RESIDENT_DOCTOR';
}

/** ST3 and above are registrars. */
export function isRegistrar(grade: Grade): boolean {
  const n = /^ST(\d)$/.exec(grade);
  return n !== null && Number(n[1]) >= 3;
}

export function isMedicalGrade(grade: Grade): boolean {
  return gradeInfo(grade).family !== 'AGENDA_FOR_CHANGE';
}

/** Band 1 closed to new entrants in 2018: new appointments on or after 1 Dec 2018 may not be band 1. */
export const AFC_BAND_1_CLOSED_FROM = '2018-12-01';

export function isGradeOpenToNewEntrants(grade: Grade, startDate: string): boolean {
  return !(grade === Grade.AFC_1 && startDate >= AFC_BAND_1_CLOSED_FROM);
}
