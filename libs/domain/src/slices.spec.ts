import { isDisclosive } from './density.js';
import { cellId, type SliceCell, type SliceTable, suppressSlices, tableId } from './slices.js';

/** A two-dimension table of [members, headcount] with its one-dimension margins, as the slice API builds them. */
function family(grid: [number, number][][]): { tables: SliceTable[]; total: { members: number; headcount: number } } {
  const cells: SliceCell[] = [];
  const rows: SliceCell[] = grid.map((r, i) => ({ key: [`r${i}`], members: 0, headcount: 0 }));
  const cols: SliceCell[] = grid[0].map((_, j) => ({ key: [`c${j}`], members: 0, headcount: 0 }));
  grid.forEach((r, i) => r.forEach(([m, h], j) => {
    cells.push({ key: [`r${i}`, `c${j}`], members: m, headcount: h });
    rows[i].members += m; rows[i].headcount += h;
    cols[j].members += m; cols[j].headcount += h;
  }));
  const total = rows.reduce((t, r) => ({ members: t.members + r.members, headcount: t.headcount + r.headcount }), { members: 0, headcount: 0 });
  return { tables: [{ dims: ['R'], cells: rows }, { dims: ['C'], cells: cols }, { dims: ['R', 'C'], cells }], total };
}

const isHidden = (s: ReturnType<typeof suppressSlices>, dims: string[], key: readonly string[]) => s.hidden.get(tableId(dims))!.has(cellId(key));

describe('suppressSlices', () => {
  it('hides disclosive cells and publishes the rest of a safe one-dimension table', () => {
    const s = suppressSlices([{ dims: ['A'], cells: [
      { key: ['a'], members: 2, headcount: 30 }, { key: ['b'], members: 20, headcount: 40 }, { key: ['c'], members: 30, headcount: 60 },
    ] }], { members: 52, headcount: 130 });
    expect([...s.hidden.get('A')!.entries()]).toEqual([['["a"]', 'SMALL_CELL'], ['["b"]', 'COMPLEMENTARY']]);
    expect(s.totalSuppressed).toBe(false);
  });

  it('publishes everything when nothing is small', () => {
    const { tables, total } = family([[[10, 20], [10, 30]], [[20, 40], [15, 30]]]);
    const s = suppressSlices(tables, total);
    for (const h of s.hidden.values()) expect(h.size).toBe(0);
    expect(s.totalSuppressed).toBe(false);
  });

  it('hides the grand total when it is small, and then needs no complementary cell in a one-dimension table', () => {
    const s = suppressSlices([{ dims: ['A'], cells: [{ key: ['a'], members: 2, headcount: 3 }, { key: ['b'], members: 0, headcount: 0 }] }], { members: 2, headcount: 3 });
    expect(s.totalSuppressed).toBe(true);
    expect([...s.hidden.get('A')!.keys()]).toEqual(['["a"]']);
  });

  it('hides a second cell in each row and column of a two-dimension table holding a hidden cell', () => {
    const { tables, total } = family([[[2, 20], [10, 30], [12, 30]], [[20, 40], [15, 30], [14, 30]], [[20, 40], [15, 30], [14, 30]]]);
    const s = suppressSlices(tables, total);
    expect(isHidden(s, ['R', 'C'], ['r0', 'c0'])).toBe(true);
    const line = (pred: (k: readonly string[]) => boolean) => tables[2].cells.filter((c) => pred(c.key) && isHidden(s, ['R', 'C'], c.key));
    expect(line((k) => k[0] === 'r0').length).toBeGreaterThanOrEqual(2);
    expect(line((k) => k[1] === 'c0').length).toBeGreaterThanOrEqual(2);
  });

  it('hides the whole row of a hidden margin', () => {
    const { tables, total } = family([[[1, 3], [0, 1]], [[20, 40], [15, 30]], [[20, 40], [15, 30]]]);
    const s = suppressSlices(tables, total);
    expect(isHidden(s, ['R'], ['r0'])).toBe(true);
    expect(isHidden(s, ['R', 'C'], ['r0', 'c0'])).toBe(true);
    expect(isHidden(s, ['R', 'C'], ['r0', 'c1'])).toBe(true);
  });

  it('hides a margin when its line has no cell left to hide (nested dimensions: a site is in one employer)', () => {
    // Employers e0 (sites s0, s1) and e1 (site s2). s0 is small; the site table hides s2 with it (the
    // smallest). Then e1's row holds one hidden cell and nothing else: its margin must go, and e0 with
    // it (else the total gives e1 away); e0's row needs s1 hidden, whose column has no other cell.
    const tables: SliceTable[] = [
      { dims: ['E'], cells: [{ key: ['e0'], members: 32, headcount: 70 }, { key: ['e1'], members: 20, headcount: 35 }] },
      { dims: ['S'], cells: [{ key: ['s0'], members: 2, headcount: 30 }, { key: ['s1'], members: 30, headcount: 40 }, { key: ['s2'], members: 20, headcount: 35 }] },
      { dims: ['E', 'S'], cells: [
        { key: ['e0', 's0'], members: 2, headcount: 30 }, { key: ['e0', 's1'], members: 30, headcount: 40 }, { key: ['e0', 's2'], members: 0, headcount: 0 },
        { key: ['e1', 's0'], members: 0, headcount: 0 }, { key: ['e1', 's1'], members: 0, headcount: 0 }, { key: ['e1', 's2'], members: 20, headcount: 35 },
      ] },
    ];
    const s = suppressSlices(tables, { members: 52, headcount: 105 });
    for (const k of ['s0', 's1', 's2']) expect(isHidden(s, ['S'], [k])).toBe(true);
    for (const k of ['e0', 'e1']) expect(isHidden(s, ['E'], [k])).toBe(true);
    expect(s.hidden.get('S')!.get(cellId(['s0']))).toBe('SMALL_CELL');
    expect(s.hidden.get('E')!.get(cellId(['e1']))).toBe('COMPLEMENTARY');
    expect(s.totalSuppressed).toBe(false);
  });

  it('refuses bad input', () => {
    expect(() => suppressSlices([{ dims: ['A', 'B'], cells: [] }], { members: 0, headcount: 0 })).toThrow(RangeError);
    expect(() => suppressSlices([{ dims: ['A', 'A'], cells: [] }], { members: 0, headcount: 0 })).toThrow(RangeError);
    expect(() => suppressSlices([{ dims: ['A'], cells: [{ key: ['a'], members: 3, headcount: 2 }] }], { members: 3, headcount: 2 })).toThrow(RangeError);
    expect(() => suppressSlices([{ dims: ['A'], cells: [{ key: ['a', 'b'], members: 1, headcount: 2 }] }], { members: 1, headcount: 2 })).toThrow(RangeError);
    expect(() => suppressSlices([{ dims: ['A'], cells: [{ key: ['a'], members: 1, headcount: 2 }, { key: ['a'], members: 1, headcount: 2 }] }], { members: 2, headcount: 4 })).toThrow(RangeError);
    expect(() => suppressSlices([], { members: 0, headcount: 0 }, 0)).toThrow(RangeError);
  });

  /**
   * Brute force: small random tables, suppressed; an adversary who knows every headcount (more than
   * is published) and every published members figure (cells, margins, total) tries every members
   * value of the hidden cells. Every hidden cell with members in it, and every hidden margin, must
   * keep at least two possible values, and every primary (disclosive) cell must be able to take a
   * value other than its own. (A hidden cell of no members may be pinned at 0 where its line has no
   * members: a published count of 0 members among 5 or more people says so of every cell in it.)
   */
  it('leaves no hidden figure pinned down by the published cells, margins and total (random tables)', () => {
    let seed = 13; // mulberry32: the same tables on every run
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    let tried = 0;
    let withHidden = 0;
    for (let trial = 0; trial < 400; trial++) {
      const nr = 2 + rand(2);
      const nc = 2 + rand(2);
      const grid: [number, number][][] = Array.from({ length: nr }, () => Array.from({ length: nc }, () => {
        const h = rand(4) === 0 ? rand(4) : 3 + rand(7);
        return [rand(h + 1), h] as [number, number];
      }));
      const { tables, total } = family(grid);
      const s = suppressSlices(tables, total);
      tried += 1;
      const hidden = tables[2].cells.filter((c) => isHidden(s, ['R', 'C'], c.key));
      if (!hidden.length || hidden.reduce((n, c) => n * (c.headcount + 1), 1) > 200_000) continue;
      withHidden += 1;
      const pub = (dims: string[], c: SliceCell) => (isHidden(s, dims, c.key) ? null : c.members);
      const rowM = tables[0].cells.map((c) => pub(['R'], c));
      const colM = tables[1].cells.map((c) => pub(['C'], c));
      const totalM = s.totalSuppressed ? null : total.members;
      const cellM = grid.map((r, i) => r.map((_, j) => pub(['R', 'C'], tables[2].cells[i * nc + j])));
      // Possible values of each hidden cell and each hidden margin.
      const seen = new Map<string, Set<number>>();
      const note = (k: string, v: number) => (seen.get(k) ?? seen.set(k, new Set()).get(k)!).add(v);
      const x = grid.map((r) => r.map(() => 0));
      const order = hidden.map((c) => [Number(c.key[0].slice(1)), Number(c.key[1].slice(1))] as [number, number]);
      const value = (i: number, j: number) => cellM[i][j] ?? x[i][j];
      const check = () => {
        for (let i = 0; i < nr; i++) if (rowM[i] !== null && grid[i].reduce((n, _, j) => n + value(i, j), 0) !== rowM[i]) return;
        for (let j = 0; j < nc; j++) if (colM[j] !== null && grid.reduce((n, _, i) => n + value(i, j), 0) !== colM[j]) return;
        if (totalM !== null && grid.reduce((n, r, i) => n + r.reduce((k, _, j) => k + value(i, j), 0), 0) !== totalM) return;
        for (const [i, j] of order) note(`${i},${j}`, x[i][j]);
        for (let i = 0; i < nr; i++) if (rowM[i] === null) note(`r${i}`, grid[i].reduce((n, _, j) => n + value(i, j), 0));
        for (let j = 0; j < nc; j++) if (colM[j] === null) note(`c${j}`, grid.reduce((n, _, i) => n + value(i, j), 0));
      };
      const walk = (k: number) => {
        if (k === order.length) return check();
        const [i, j] = order[k];
        for (let v = 0; v <= grid[i][j][1]; v++) {
          x[i][j] = v;
          walk(k + 1);
        }
      };
      walk(0);
      const context = JSON.stringify({ grid, hidden: hidden.map((c) => c.key), rowM, colM, totalM });
      for (const [i, j] of order) {
        const values = seen.get(`${i},${j}`)!;
        const [m, h] = grid[i][j];
                if (m > 0 && values.size < 2) throw new Error(`cell ${i},${j} pinned at ${m}: ${context}`);
        if (isDisclosive(m, h) && m > 0 && [...values].every((v) => v === m)) throw new Error(`cell ${i},${j} recovered: ${context}`);
      }
      for (const [i, r] of tables[0].cells.entries()) if (rowM[i] === null && r.members > 0 && seen.get(`r${i}`)!.size < 2) throw new Error(`row ${i} pinned: ${context}`);
      for (const [j, c] of tables[1].cells.entries()) if (colM[j] === null && c.members > 0 && seen.get(`c${j}`)!.size < 2) throw new Error(`column ${j} pinned: ${context}`);
    }
    expect(tried).toBe(400);
    expect(withHidden).toBeGreaterThan(150); // the check did run on tables with hidden cells
  });
});
