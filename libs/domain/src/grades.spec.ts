import {
  AFC_BAND_1_CLOSED_FROM, Grade, gradeInfo, gradeLabel, GRADES, isGradeOpenToNewEntrants, isMedicalGrade, isRegistrar,
  isResidentDoctor,
} from './grades.js';

const ALL = Object.values(Grade);

describe('GRADES', () => {
  it('lists every grade exactly once, ranked from band 1 to consultant', () => {
    expect(GRADES.map((g) => g.grade)).toEqual(ALL);
    expect(GRADES.map((g) => g.rank)).toEqual(ALL.map((_, i) => i));
    expect(GRADES[0].grade).toBe(Grade.AFC_1);
    expect(GRADES[GRADES.length - 1].grade).toBe(Grade.CONSULTANT);
  });

  it('keeps the enum values the API and web app store', () => {
    expect(ALL).toEqual([
      'AFC_1', 'AFC_2', 'AFC_3', 'AFC_4', 'AFC_5', 'AFC_6', 'AFC_7', 'AFC_8A', 'AFC_8B', 'AFC_8C', 'AFC_8D', 'AFC_9',
      'FY1', 'FY2', 'CT1', 'CT2', 'CT3', 'ST1', 'ST2', 'ST3', 'ST4', 'ST5', 'ST6', 'ST7', 'ST8',
      'SAS_SPECIALTY_DOCTOR', 'SAS_SPECIALIST', 'SAS_ASSOCIATE_SPECIALIST', 'CONSULTANT',
    ]);
  });
});

describe('gradeInfo / gradeLabel', () => {
  const expected: [Grade, string, string][] = [
    [Grade.AFC_1, 'Band 1', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_2, 'Band 2', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_3, 'Band 3', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_4, 'Band 4', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_5, 'Band 5', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_6, 'Band 6', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_7, 'Band 7', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_8A, 'Band 8a', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_8B, 'Band 8b', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_8C, 'Band 8c', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_8D, 'Band 8d', 'AGENDA_FOR_CHANGE'],
    [Grade.AFC_9, 'Band 9', 'AGENDA_FOR_CHANGE'],
    [Grade.FY1, 'FY1', 'RESIDENT_DOCTOR'],
    [Grade.FY2, 'FY2', 'RESIDENT_DOCTOR'],
    [Grade.CT1, 'CT1', 'RESIDENT_DOCTOR'],
    [Grade.CT2, 'CT2', 'RESIDENT_DOCTOR'],
    [Grade.CT3, 'CT3', 'RESIDENT_DOCTOR'],
    [Grade.ST1, 'ST1', 'RESIDENT_DOCTOR'],
    [Grade.ST2, 'ST2', 'RESIDENT_DOCTOR'],
    [Grade.ST3, 'ST3', 'RESIDENT_DOCTOR'],
    [Grade.ST4, 'ST4', 'RESIDENT_DOCTOR'],
    [Grade.ST5, 'ST5', 'RESIDENT_DOCTOR'],
    [Grade.ST6, 'ST6', 'RESIDENT_DOCTOR'],
    [Grade.ST7, 'ST7', 'RESIDENT_DOCTOR'],
    [Grade.ST8, 'ST8', 'RESIDENT_DOCTOR'],
    [Grade.SAS_SPECIALTY_DOCTOR, 'Specialty doctor (SAS)', 'SAS'],
    [Grade.SAS_SPECIALIST, 'Specialist (SAS)', 'SAS'],
    [Grade.SAS_ASSOCIATE_SPECIALIST, 'Associate specialist (SAS)', 'SAS'],
    [Grade.CONSULTANT, 'Consultant', 'CONSULTANT'],
  ];

  it('covers every grade', () => {
    expect(expected.map(([g]) => g)).toEqual(ALL);
  });

  it.each(expected)('%s is "%s" in %s', (grade, label, family) => {
    const info = gradeInfo(grade);
    expect(info).toEqual({ grade, label, family, rank: ALL.indexOf(grade) });
    expect(gradeLabel(grade)).toBe(label);
  });

  it('throws for an unknown grade', () => {
    expect(() => gradeInfo('BAND_10' as Grade)).toThrow(RangeError);
    expect(() => gradeLabel('' as Grade)).toThrow(RangeError);
  });

  it('ranks bands in pay order', () => {
    expect(gradeInfo(Grade.AFC_7).rank).toBeLessThan(gradeInfo(Grade.AFC_8A).rank);
    expect(gradeInfo(Grade.AFC_8D).rank).toBeLessThan(gradeInfo(Grade.AFC_9).rank);
    expect(gradeInfo(Grade.CT3).rank).toBeLessThan(gradeInfo(Grade.ST1).rank);
  });
});

describe('families', () => {
  it.each(ALL)('%s', (grade) => {
    const family = gradeInfo(grade).family;
    expect(isResidentDoctor(grade)).toBe(family === 'RESIDENT_DOCTOR');
    expect(isMedicalGrade(grade)).toBe(family !== 'AGENDA_FOR_CHANGE');
  });

  it('treats SAS doctors and consultants as medical but not resident doctors', () => {
    for (const g of [Grade.SAS_SPECIALTY_DOCTOR, Grade.SAS_SPECIALIST, Grade.SAS_ASSOCIATE_SPECIALIST, Grade.CONSULTANT]) {
      expect(isMedicalGrade(g)).toBe(true);
      expect(isResidentDoctor(g)).toBe(false);
    }
  });
});

describe('isRegistrar', () => {
  it('is ST3 and above only', () => {
    const registrars = ALL.filter(isRegistrar);
    expect(registrars).toEqual([Grade.ST3, Grade.ST4, Grade.ST5, Grade.ST6, Grade.ST7, Grade.ST8]);
  });
  it('is false at the boundary below and for core trainees and consultants', () => {
    expect(isRegistrar(Grade.ST2)).toBe(false);
    expect(isRegistrar(Grade.CT3)).toBe(false);
    expect(isRegistrar(Grade.FY2)).toBe(false);
    expect(isRegistrar(Grade.CONSULTANT)).toBe(false);
    expect(isRegistrar(Grade.AFC_8C)).toBe(false);
  });
});

describe('band 1 closure', () => {
  it('closed to new entrants from 1 December 2018', () => {
    expect(AFC_BAND_1_CLOSED_FROM).toBe('2018-12-01');
    expect(isGradeOpenToNewEntrants(Grade.AFC_1, '2018-11-30')).toBe(true);
    expect(isGradeOpenToNewEntrants(Grade.AFC_1, '2018-12-01')).toBe(false);
    expect(isGradeOpenToNewEntrants(Grade.AFC_1, '2024-05-01')).toBe(false);
  });
  it('leaves every other grade open', () => {
    for (const g of ALL.filter((g) => g !== Grade.AFC_1)) expect(isGradeOpenToNewEntrants(g, '2024-05-01')).toBe(true);
  });
});
