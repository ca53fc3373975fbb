import {
  CONTRACT_TYPE_LABELS, ContractType, effectiveOn, isCurrentStaff, isEffectiveOn, SHIFT_PATTERN_LABELS, ShiftPattern,
  SITE_KIND_LABELS, SiteKind, STAFF_GROUP_LABELS, StaffGroup, WARD_TYPE_LABELS, WardType,
} from './workplace.js';

describe('enums and labels', () => {
  it('keep the stored values', () => {
    expect(Object.values(StaffGroup)).toEqual([
      'NURSING_MIDWIFERY_REGISTERED', 'ADDITIONAL_CLINICAL_SERVICES', 'ALLIED_HEALTH_PROFESSIONALS',
      'ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL', 'HEALTHCARE_SCIENTISTS', 'MEDICAL_DENTAL', 'ADMINISTRATIVE_CLERICAL',
      'ESTATES_ANCILLARY', 'STUDENTS',
    ]);
    expect(Object.values(ShiftPattern)).toEqual(['DAYS', 'NIGHTS', 'LONG_DAYS', 'ROTATING', 'ON_CALL']);
    expect(Object.values(ContractType)).toEqual(['SUBSTANTIVE', 'BANK', 'AGENCY']);
    expect(Object.values(WardType)).toEqual(['INPATIENT_WARD', 'DEPARTMENT', 'SERVICE', 'COMMUNITY_TEAM']);
    expect(Object.values(SiteKind)).toEqual(['ACUTE_HOSPITAL', 'COMMUNITY_HOSPITAL', 'CLINIC', 'COMMUNITY_BASE']);
  });

  it.each([
    ['StaffGroup', StaffGroup, STAFF_GROUP_LABELS],
    ['ShiftPattern', ShiftPattern, SHIFT_PATTERN_LABELS],
    ['ContractType', ContractType, CONTRACT_TYPE_LABELS],
    ['WardType', WardType, WARD_TYPE_LABELS],
    ['SiteKind', SiteKind, SITE_KIND_LABELS],
  ] as [string, Record<string, string>, Record<string, string>][])('%s has a distinct, non-empty label for every value', (_, e, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(e).sort());
    const texts = Object.values(e).map((v) => labels[v]);
    for (const t of texts) expect(t.trim().length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses the ESR staff group names', () => {
    expect(STAFF_GROUP_LABELS[StaffGroup.NURSING_MIDWIFERY_REGISTERED]).toBe('Nursing and Midwifery Registered');
    expect(STAFF_GROUP_LABELS[StaffGroup.ADDITIONAL_PROFESSIONAL_SCIENTIFIC_TECHNICAL]).toBe('Additional Professional Scientific and Technical');
    expect(STAFF_GROUP_LABELS[StaffGroup.ESTATES_ANCILLARY]).toBe('Estates and Ancillary');
  });
});

describe('isCurrentStaff', () => {
  const today = '2024-06-10';
  it('counts staff who have started and not left', () => {
    expect(isCurrentStaff('2020-01-01', null, today)).toBe(true);
    expect(isCurrentStaff(null, null, today)).toBe(true);
    expect(isCurrentStaff(today, null, today)).toBe(true); // first day
    expect(isCurrentStaff('2020-01-01', '2024-06-11', today)).toBe(true); // last day before leaving
  });
  it('excludes starters not yet started and leavers from their leave date', () => {
    expect(isCurrentStaff('2024-06-11', null, today)).toBe(false);
    expect(isCurrentStaff('2020-01-01', today, today)).toBe(false);
    expect(isCurrentStaff('2020-01-01', '2021-01-01', today)).toBe(false);
  });
});

describe('effective-dated postings', () => {
  const postings = [
    { ward: 'A&E', from: '2023-08-02', to: '2023-12-06' }, // FY1 rotation
    { ward: 'Ward 7B', from: '2023-12-06', to: '2024-04-03' },
    { ward: 'Theatres', from: '2024-04-03', to: null },
  ];
  it('finds the posting in force, with `to` exclusive', () => {
    expect(effectiveOn(postings, '2023-08-01')).toBeNull();
    expect(effectiveOn(postings, '2023-08-02')?.ward).toBe('A&E');
    expect(effectiveOn(postings, '2023-12-05')?.ward).toBe('A&E');
    expect(effectiveOn(postings, '2023-12-06')?.ward).toBe('Ward 7B');
    expect(effectiveOn(postings, '2024-04-03')?.ward).toBe('Theatres');
    expect(effectiveOn(postings, '2030-01-01')?.ward).toBe('Theatres');
    expect(effectiveOn([], '2024-01-01')).toBeNull();
  });
  it('prefers the later start where postings overlap', () => {
    const overlapping = [{ ward: 'Old', from: '2024-01-01', to: null }, { ward: 'New', from: '2024-03-01', to: null }];
    expect(effectiveOn(overlapping, '2024-02-01')?.ward).toBe('Old');
    expect(effectiveOn(overlapping, '2024-03-01')?.ward).toBe('New');
    expect(effectiveOn([...overlapping].reverse(), '2024-03-01')?.ward).toBe('New');
  });
  it('isEffectiveOn checks one record', () => {
    expect(isEffectiveOn({ from: '2024-01-01', to: '2024-02-01' }, '2024-01-31')).toBe(true);
    expect(isEffectiveOn({ from: '2024-01-01', to: '2024-02-01' }, '2024-02-01')).toBe(false);
    expect(isEffectiveOn({ from: '2024-01-01', to: null }, '2023-12-31')).toBe(false);
  });
});
