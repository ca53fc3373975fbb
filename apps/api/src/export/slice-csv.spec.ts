import { DensitySuppression } from '../density/density.types.js';
import { type DensitySlice, SliceDimension, type SliceRow } from '../analytics/slice.types.js';
import { readSliceExportRequest, sliceRecords } from './slice-csv.js';

const EMPTY = {
  membersByUnion: null, assessed: null, assessedShare: null, ones: null, twos: null, leaders: null, reps: null,
  workersPerRep: null, coverage: null, conversations30d: null, neverSpokenTo: null,
};
const key = (dimension: SliceDimension, value: string, label: string) => ({ dimension, value, label });
const shown = (keys: SliceRow['keys'], headcount: number, members: number): SliceRow =>
  ({ keys, headcount, members, density: members / headcount, ...EMPTY, suppressed: false, suppression: null });
const withheld = (keys: SliceRow['keys'], why: DensitySuppression): SliceRow =>
  ({ keys, headcount: null, members: null, density: null, ...EMPTY, suppressed: true, suppression: why });

describe('the slice as CSV records', () => {
  it('gives an aggregate-only slice its three figures, withheld cells empty with the reason, margins and total as "All"', () => {
    const site = key(SliceDimension.SITE, 's1', 'Riverside');
    const nurses = key(SliceDimension.STAFF_GROUP, 'N', 'Nursing');
    const slice: DensitySlice = {
      by: [SliceDimension.SITE, SliceDimension.STAFF_GROUP], aggregateOnly: true, minCell: 5, asOf: null,
      rows: [shown([site, nurses], 40, 10), withheld([site, key(SliceDimension.STAFF_GROUP, 'S', 'Students')], DensitySuppression.SMALL_CELL)],
      margins: [withheld([site], DensitySuppression.COMPLEMENTARY), shown([nurses], 40, 10)],
      total: shown([], 120, 50),
    };
    const { header, records } = sliceRecords(slice);
    expect(header).toEqual(['Site', 'Staff group', 'Headcount', 'Members', 'Density', 'Withheld']);
    expect(records).toEqual([
      ['Riverside', 'Nursing', 40, 10, '25%', ''],
      ['Riverside', 'Students', '', '', '', 'withheld: fewer than 5'],
      ['Riverside', 'All', '', '', '', 'withheld so a small cell cannot be worked out'],
      ['All', 'Nursing', 40, 10, '25%', ''],
      ['All', 'All', 120, 50, '42%', ''],
    ]);
  });

  it('keeps a label a spreadsheet would read as a formula as text', () => {
    const slice: DensitySlice = {
      by: [SliceDimension.WARD], aggregateOnly: true, minCell: 5, asOf: null,
      rows: [shown([key(SliceDimension.WARD, 'w', '=HYPERLINK("x")')], 10, 5)], margins: [], total: shown([], 10, 5),
    };
    expect(sliceRecords(slice).records[0][0]).toBe('\'=HYPERLINK("x")');
  });
});

describe('the export request', () => {
  it.each([
    [null, 'body'], [{}, 'by'], [{ by: 'SITE' }, 'by'], [{ by: ['SITE', 'WARD', 'GRADE'] }, 'by'], [{ by: ['MOON'] }, 'by'],
    [{ by: ['SITE'], filter: [] }, 'filter'], [{ by: ['SITE'], filter: { grades: ['X'] } }, 'grades'], [{ by: ['SITE'], page: 2 }, 'page'],
  ])('refuses %j, naming %s', async (body, field) => {
    await expect(readSliceExportRequest(body)).rejects.toMatchObject({ extensions: { fields: { [field]: expect.any(String) } } });
  });

  it('reads by and a filter', async () => {
    const r = await readSliceExportRequest({ by: ['WARD', 'SHIFT_PATTERN'], filter: { shiftPatterns: ['NIGHTS'] } });
    expect(r.by).toEqual(['WARD', 'SHIFT_PATTERN']);
    expect({ ...r.filter }).toEqual({ shiftPatterns: ['NIGHTS'] });
  });
});
