/**
 * Small-cell suppression for a family of density tables (the slice API's coalition view).
 *
 * An aggregate-only audience may ask for any one-dimension table and any two-dimension table over a
 * set of dimensions. Every answer is a part of one of those tables, and the tables are suppressed
 * together, once, so that no hidden cell can be worked out from what is published anywhere:
 *
 * - primary: every disclosive cell (isDisclosive) is hidden, in every table; the grand total is
 *   hidden if it is disclosive (it is the same figure in every table);
 * - a two-dimension table's row and column totals are the one-dimension tables' cells, published or
 *   hidden as they are there; where a margin is hidden, every cell of its row (or column) is hidden;
 * - every "line" whose sum is published (a one-dimension table against the published grand total;
 *   a row or a column of a two-dimension table against its published margin) holds either no hidden
 *   cell with members in it, or at least two, which together are not disclosive. Where that fails the
 *   smallest published cell of the line with members in it is hidden too (COMPLEMENTARY: a cell of no
 *   members is no use, as a line of no members pins each of its cells at 0); where the
 *   line has none left, its sum is hidden instead (the margin in its one-dimension table, or the
 *   grand total), which in turn hides its row or column everywhere.
 *
 * Hiding only ever grows, so the rules are applied until nothing changes. Why this holds against
 * any combination of answers: the published figures are sums over lines; within a line that has
 * two or more hidden cells, any amount can be moved between them without changing a published
 * figure, and a hidden margin's whole row is hidden, so its people can be moved to another hidden
 * margin's row in every two-dimension table at once. The unit tests check the result by brute force.
 *
 * The tables need not be additive: where a person may be counted in several cells of a line (union
 * membership: one person in two unions) the line's sum is at most the sum of its cells, which only
 * widens what a hidden cell could be. The same rules are applied as if the line added up.
 */
import { isDisclosive, MIN_CELL_SIZE, type SuppressionReason } from './density.js';

export interface SliceCell {
  /** The cell's values, one per dimension of its table, in the table's order. */
  key: readonly string[];
  members: number;
  headcount: number;
}

export interface SliceTable {
  /** One or two dimension names; a two-dimension table needs the one-dimension tables of both. */
  dims: readonly string[];
  cells: readonly SliceCell[];
}

export interface SlicesSuppression {
  /** Hidden cells of each table (by `tableId(dims)`, then `cellId(key)`), with why. */
  hidden: Map<string, Map<string, SuppressionReason>>;
  totalSuppressed: boolean;
  minCell: number;
}

export const tableId = (dims: readonly string[]): string => dims.join('×');
export const cellId = (key: readonly string[]): string => JSON.stringify(key);

/** Suppresses a family of one- and two-dimension tables together (see the module comment). */
export function suppressSlices(
  tables: readonly SliceTable[],
  total: { members: number; headcount: number },
  minCell: number = MIN_CELL_SIZE,
): SlicesSuppression {
  if (!Number.isInteger(minCell) || minCell < 1) throw new RangeError(`minCell must be a whole number ≥ 1 (got ${minCell})`);
  const byId = new Map<string, SliceTable>();
  for (const t of tables) {
    if (t.dims.length < 1 || t.dims.length > 2 || new Set(t.dims).size !== t.dims.length) throw new RangeError(`A table has one or two distinct dimensions (got ${t.dims.join(', ')})`);
    const id = tableId(t.dims);
    if (byId.has(id)) throw new RangeError(`Duplicate table ${id}`);
    const keys = new Set<string>();
    for (const c of t.cells) {
      if (c.key.length !== t.dims.length) throw new RangeError(`Cell ${cellId(c.key)} of ${id} needs ${t.dims.length} values`);
      if (!Number.isInteger(c.members) || !Number.isInteger(c.headcount)) throw new RangeError(`Cell ${cellId(c.key)}: members and headcount must be whole numbers`);
      isDisclosive(c.members, c.headcount, minCell); // validates
      if (keys.has(cellId(c.key))) throw new RangeError(`Duplicate cell ${cellId(c.key)} in ${id}`);
      keys.add(cellId(c.key));
    }
    byId.set(id, t);
  }
  for (const t of tables) {
    if (t.dims.length === 2) for (const d of t.dims) if (!byId.has(d)) throw new RangeError(`Table ${tableId(t.dims)} needs the table of ${d}`);
  }

  const hidden = new Map<string, Map<string, SuppressionReason>>();
  for (const t of tables) {
    const h = new Map<string, SuppressionReason>();
    for (const c of t.cells) if (isDisclosive(c.members, c.headcount, minCell)) h.set(cellId(c.key), 'SMALL_CELL');
    hidden.set(tableId(t.dims), h);
  }
  let totalSuppressed = isDisclosive(total.members, total.headcount, minCell);
  let changed = true;

  const hide = (table: string, key: readonly string[]) => {
    const h = hidden.get(table)!;
    if (h.has(cellId(key))) return;
    h.set(cellId(key), 'COMPLEMENTARY');
    changed = true;
  };
  /** Makes one line safe; false when it has no published cell with people left to hide. */
  const fixLine = (table: string, line: readonly SliceCell[]): boolean => {
    const h = hidden.get(table)!;
    for (;;) {
      let n = 0;
      let m = 0;
      let hc = 0;
      for (const c of line) {
        if (c.members > 0 && h.has(cellId(c.key))) {
          n += 1;
          m += c.members;
          hc += c.headcount;
        }
      }
      if (n === 0 || (n >= 2 && !isDisclosive(m, hc, minCell))) return true;
      let pick: SliceCell | null = null;
      for (const c of line) {
        if (c.members === 0 || h.has(cellId(c.key))) continue;
        if (!pick || c.headcount < pick.headcount) pick = c;
      }
      if (!pick) return false;
      hide(table, pick.key);
    }
  };

  while (changed) {
    changed = false;
    for (const t of tables) {
      const id = tableId(t.dims);
      if (t.dims.length === 1) {
        if (!totalSuppressed && !fixLine(id, t.cells)) {
          totalSuppressed = true;
          changed = true;
        }
        continue;
      }
      for (const [side, dim] of t.dims.entries()) {
        const margins = hidden.get(dim)!;
        const lines = new Map<string, SliceCell[]>();
        for (const c of t.cells) {
          const v = c.key[side];
          if (!lines.has(v)) lines.set(v, []);
          lines.get(v)!.push(c);
        }
        for (const [v, line] of lines) {
          if (margins.has(cellId([v]))) {
            for (const c of line) if (c.headcount > 0) hide(id, c.key);
          } else if (!fixLine(id, line)) {
            hide(dim, [v]);
          }
        }
      }
    }
  }
  return { hidden, totalSuppressed, minCell };
}
