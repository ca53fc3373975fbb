import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { mapConstraintError, UserInputError } from '../common/errors.js';
import { Contact } from '../contacts/contact.entity.js';
import { CaseDoor } from './case-door.js';
import { PERSON_OWNED, PeopleDoor, type PersonOwnedTable } from './people-door.js';

/**
 * Every column of the database that names a contact, and what merging two contacts does with it:
 * `move` (the merged contact's rows are the kept contact's from then on; PERSON_OWNED tables all move)
 * or `record` (the merge's own bookkeeping: the merge record and "not the same person" dismissals).
 * A new column with a key to `contact` (or named contact_id) must be added here: the duplicates test
 * fails on one that is not.
 */
export const CONTACT_REFERENCES = {
  posting: { contact_id: 'move' },
  membership: { contact_id: 'move', recruited_by_contact_id: 'move' },
  rep_role: { contact_id: 'move' },
  conversation: { contact_id: 'move' },
  assessment: { contact_id: 'move' },
  contact_link: { leader_id: 'move', follower_id: 'move' },
  case_file: { contact_id: 'move' },
  participation: { contact_id: 'move' },
  ballot_member_state: { contact_id: 'move' },
  contact_merge: { kept_id: 'record', merged_id: 'record' },
  duplicate_dismissal: { low_id: 'record', high_id: 'record' },
  // A staged import row's match, as its dry run found it: history of that run, left as it was (an apply
  // whose dry run matched someone since merged or deleted is refused until the dry run is made again).
  import_row: { contact_id: 'record' },
} as const satisfies Record<string, Record<string, 'move' | 'record'>>;

/** The contact fields a merge may take from the merged contact (`choices`), by property and column. */
export const MERGE_FIELDS = {
  firstName: 'first_name', lastName: 'last_name', preferredName: 'preferred_name', jobTitle: 'job_title',
  staffGroup: 'staff_group', grade: 'grade', shiftPattern: 'shift_pattern', contractType: 'contract_type',
  employeeNumber: 'employee_number', workEmail: 'work_email', workPhone: 'work_phone',
  personalEmail: 'personal_email', personalPhone: 'personal_phone',
  postalAddressLines: 'postal_address_lines', postalTown: 'postal_town', postalPostcode: 'postal_postcode',
  addressConfirmedOn: 'address_confirmed_on', consentPersonalEmail: 'consent_personal_email', consentPersonalPhone: 'consent_personal_phone',
  startDate: 'start_date', leaveDate: 'leave_date', leader: 'leader',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
/** Taken together with `leader`: who marked them, when and why. */
const LEADER_DETAILS = ['leaderReason', 'leaderMarkedById', 'leaderMarkedAt'] as const;

/** What a merge did, exactly: kept in `contact_merge` so that undo restores it. */
export interface MergeRecord {
  /** Overwritten fields of the kept contact: property → its value before and after. */
  fields: Record<string, { from: unknown; to: unknown }>;
  /** Row ids moved from the merged contact to the kept one, by `table.column`. */
  moved: Record<string, string[]>;
  /** Rows deleted on a collision (whole rows as JSON), by table: the less authoritative of two. */
  absorbed: { table: string; row: Record<string, unknown> }[];
  /** The merged contact's current postings the merge ended (their end date was null). */
  ended: string[];
}

const MOVES = Object.entries(CONTACT_REFERENCES).flatMap(([table, columns]) =>
  Object.entries(columns).filter(([, what]) => what === 'move').map(([column]) => ({ table: table as PersonOwnedTable, column })));

/** Days as the database's `date` (YYYY-MM-DD). */
type Day = string;

/**
 * The door's part in merging two contacts (DuplicateService decides who may, checks both people
 * first and writes the record): moves every row about the merged contact to the kept one, settling
 * the collisions of unique keys in a defined way, and undoes exactly that. Each statement carries the
 * door's condition for the rows it writes, so only the caller's people's rows move (a contact link or
 * a recruitment to someone they may not see stays where it was).
 */
@Injectable()
export class PeopleMerge {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly door: PeopleDoor, private readonly cases: CaseDoor) {}

  /**
   * Refuses a merge that would move a case the caller may not see (its existence is already known
   * to those who may merge: CASES_EXISTENCE_READ), or a case to another employer's contact (a case
   * belongs to its employer's branch).
   */
  async checkCases(user: AuthUser, merged: { id: string; employerId: string }, kept: { employerId: string }): Promise<void> {
    const [{ n: all }] = await this.db.query<{ n: number }[]>('SELECT rollcall_case_count($1) AS n', [merged.id]);
    if (!all) return;
    const [{ n: seen }] = await this.cases.sql<{ n: number }>(user, (c) =>
      `SELECT count(*)::int AS n FROM case_file k WHERE k.contact_id = :id AND ${c('k')}`, { id: merged.id });
    if (seen < all) throw new UserInputError({ mergeId: 'has a case you may not see: ask the secretary of its branch to merge these contacts' });
    if (merged.employerId !== kept.employerId) throw new UserInputError({ mergeId: 'has a case, and cases stay with their employer: keep this contact instead' });
  }

  /** Moves everything about `mergeId` to `keepId`, soft-deletes `mergeId`, and takes the chosen fields from it. */
  async merge(user: AuthUser, keep: Contact, merge: Contact, fromMerged: readonly MergeField[], today: Day): Promise<MergeRecord> {
    const record: MergeRecord = { fields: {}, moved: {}, absorbed: [], ended: [] };
    const p = { keep: keep.id, merge: merge.id };
    const sql = async <R>(build: Parameters<PeopleDoor['sql']>[1], params: Record<string, unknown> = p) => returned<R>(await this.door.sql(user, build, params));
    const absorb = async (table: PersonOwnedTable, where: string) => {
      const rows = await sql<{ row: Record<string, unknown> }>((people) =>
        `DELETE FROM ${table} x WHERE ${where} AND ${people({ table, alias: 'x' })} RETURNING to_jsonb(x.*) AS row`);
      record.absorbed.push(...rows.map((r) => ({ table, row: r.row })));
    };

    // Current postings: the kept contact's stays current; the merged contact's ends (yesterday, or the day it began).
    const ended = await sql<{ id: string }>((people) => `UPDATE posting x SET end_date = GREATEST(x.start_date, (:today)::date - 1)
      WHERE x.contact_id = :merge AND x.end_date IS NULL AND ${people({ table: 'posting', alias: 'x' })}
        AND EXISTS (SELECT 1 FROM posting k WHERE k.contact_id = :keep AND k.end_date IS NULL) RETURNING x.id`, { ...p, today });
    record.ended = ended.map((r) => r.id);
    // One membership per union: the more authoritative stays (VERIFIED_LIST over SELF_REPORTED, then the later recorded).
    await absorb('membership', `x.id IN (SELECT CASE WHEN (m.source = 'VERIFIED_LIST', m.updated_at) > (k.source = 'VERIFIED_LIST', k.updated_at)
      THEN k.id ELSE m.id END FROM membership k JOIN membership m ON m.union_id = k.union_id WHERE k.contact_id = :keep AND m.contact_id = :merge)`);
    // One participation per action: the kept contact's stays.
    await absorb('participation', 'x.contact_id = :merge AND EXISTS (SELECT 1 FROM participation k WHERE k.contact_id = :keep AND k.action_id = x.action_id)');
    // Links between the two would link a person to themself; a link both have, once.
    await absorb('contact_link', `(x.leader_id = :merge AND x.follower_id = :keep) OR (x.leader_id = :keep AND x.follower_id = :merge)
      OR (x.leader_id = :merge AND EXISTS (SELECT 1 FROM contact_link k WHERE k.leader_id = :keep AND k.follower_id = x.follower_id))
      OR (x.follower_id = :merge AND EXISTS (SELECT 1 FROM contact_link k WHERE k.follower_id = :keep AND k.leader_id = x.leader_id))`);

    for (const { table, column } of MOVES) {
      const rows = await sql<{ id: string }>((people) =>
        `UPDATE ${table} x SET ${column} = :keep WHERE x.${column} = :merge AND ${people({ table, alias: 'x' })} RETURNING x.id`);
      if (rows.length) record.moved[`${table}.${column}`] = rows.map((r) => r.id);
    }

    // The merged contact goes (softly) before the kept one takes its employee number, say.
    await this.db.createQueryBuilder().softDelete().from(Contact).where('id = :merge', p).execute();
    const changes: Record<string, unknown> = {};
    for (const f of fromMerged) {
      const fields: readonly (keyof Contact)[] = f === 'leader' ? ['leader', ...LEADER_DETAILS] : [f];
      for (const k of fields) {
        if (!same(keep[k], merge[k])) {
          record.fields[k] = { from: json(keep[k]), to: json(merge[k]) };
          changes[k] = merge[k];
        }
      }
    }
    if (Object.keys(changes).length) await this.updateContact(keep.id, changes, 'choices');
    return record;
  }

  /**
   * Puts both contacts back as they were before the merge: the merged contact undeleted, the kept
   * contact's overwritten fields restored, moved rows moved back, absorbed rows restored, ended
   * postings current again. The caller has checked that nothing since makes that impossible.
   */
  async undo(user: AuthUser, keepId: string, mergeId: string, record: MergeRecord): Promise<void> {
    const p = { keep: keepId, merge: mergeId };
    // The kept contact's fields first (an employee number it took goes back), then the merged contact.
    const restore: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record.fields)) restore[k] = v.from;
    if (Object.keys(restore).length) await this.updateContact(keepId, restore, 'mergeId');
    await this.db.createQueryBuilder().restore().from(Contact).where('id = :merge', p).execute().catch((e) => mapConstraintError(e, {
      uq_contact_employee_number: ['mergeId', 'cannot be restored: its employee number is now another contact\'s at its employer'],
    }));
    for (const [key, ids] of Object.entries(record.moved)) {
      const [table, column] = key.split('.') as [PersonOwnedTable, string];
      if (!Object.hasOwn(PERSON_OWNED, table) || !MOVES.some((m) => m.table === table && m.column === column)) throw new Error(`merge record names ${key}`);
      await this.door.sql(user, (people) => `UPDATE ${table} x SET ${column} = :merge WHERE x.id = ANY(:ids) AND x.${column} = :keep
        AND ${people({ table, alias: 'x' })}`, { ...p, ids });
    }
    if (record.ended.length) {
      await this.door.sql(user, (people) => `UPDATE posting x SET end_date = NULL WHERE x.id = ANY(:ids) AND x.contact_id = :merge
        AND ${people({ table: 'posting', alias: 'x' })}`, { ...p, ids: record.ended });
    }
    for (const { table, row } of record.absorbed) {
      if (!Object.hasOwn(PERSON_OWNED, table)) throw new Error(`merge record names ${table}`);
      try {
        await this.db.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1::jsonb)`, [JSON.stringify(row)]);
      } catch (e) {
        throw (e as { code?: string }).code === '23505'
          ? new UserInputError({ mergeId: `cannot be undone: the kept contact has since gained a ${table.replace('_', ' ')} that clashes with one the merge set aside` })
          : e;
      }
    }
    // Whoever a restored row names must be among the caller's people (as after any write through the door).
    const named = [...new Set(record.absorbed.flatMap(({ table, row }) => PERSON_OWNED[table as PersonOwnedTable].map((c) => String(row[c]))))];
    if (named.length) {
      const [{ n }] = await this.door.sql<{ n: number }>(user, (people) => `SELECT count(*)::int AS n FROM ${people({ among: ':ids' })} k`, { ids: named });
      if (n !== named.length) throw new UserInputError({ mergeId: 'cannot be undone by you: it restores records of people outside your branch' });
    }
  }

  private async updateContact(id: string, changes: Record<string, unknown>, field: string): Promise<void> {
    try {
      await this.db.createQueryBuilder().update(Contact).set(changes).where('id = :id', { id }).execute();
    } catch (e) {
      mapConstraintError(e, { uq_contact_employee_number: [field, "the employee number is another contact's at the kept contact's employer"] });
    }
  }
}

/** The rows an UPDATE or DELETE … RETURNING gave (the driver answers them as [rows, count]). */
function returned<R>(result: unknown[]): R[] {
  return (Array.isArray(result[0]) ? result[0] : result) as R[];
}

function json(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : (v ?? null);
}

function same(a: unknown, b: unknown): boolean {
  return json(a) === json(b) || JSON.stringify(json(a)) === JSON.stringify(json(b));
}
