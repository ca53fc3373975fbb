import { byOds, type Figure } from './coalition.service.js';

const refs = new Map([
  ['a', { id: 'a', name: 'Site A', ods: 'RXX01' }],
  ['b', { id: 'b', name: 'Site B', ods: 'RXX01' }],
  ['c', { id: 'c', name: 'Site C', ods: 'RXX02' }],
  ['d', { id: 'd', name: 'Site D', ods: null }],
  ['e', { id: 'e', name: 'Site E', ods: 'RXX03' }],
  ['f', { id: 'f', name: 'Site F', ods: 'RXX03' }],
]);
const open = (id: string, headcount: number, members: number): Figure & { id: string } => ({ id, headcount, members, reason: null });
const hidden = (id: string, reason: 'SMALL_CELL' | 'COMPLEMENTARY'): Figure & { id: string } => ({ id, headcount: null, members: null, reason });

describe('byOds: figures by ODS code for the coalition line-up', () => {
  it('leaves out what has no ODS code, and sums the published cells under one code', () => {
    const out = byOds([open('a', 20, 8), open('b', 30, 12), open('c', 40, 10), open('d', 50, 25)], refs);
    expect([...out.keys()].sort()).toEqual(['RXX01', 'RXX02']);
    expect(out.get('RXX01')).toEqual({ name: 'Site A', headcount: 50, members: 20, reason: null });
    expect(out.get('RXX02')).toEqual({ name: 'Site C', headcount: 40, members: 10, reason: null });
  });

  it('withholds a code if any of its cells is withheld (a small cell as small), never giving a partial sum', () => {
    const out = byOds([open('a', 20, 8), hidden('b', 'COMPLEMENTARY'), hidden('e', 'COMPLEMENTARY'), hidden('f', 'SMALL_CELL'), hidden('c', 'SMALL_CELL')], refs);
    expect(out.get('RXX01')).toEqual({ name: 'Site A', headcount: null, members: null, reason: 'COMPLEMENTARY' });
    expect(out.get('RXX03')).toEqual({ name: 'Site E', headcount: null, members: null, reason: 'SMALL_CELL' });
    expect(out.get('RXX02')).toEqual({ name: 'Site C', headcount: null, members: null, reason: 'SMALL_CELL' });
    // withheld first, then published: still withheld
    expect(byOds([hidden('a', 'SMALL_CELL'), open('b', 30, 12)], refs).get('RXX01')).toEqual({ name: 'Site A', headcount: null, members: null, reason: 'SMALL_CELL' });
  });
});
