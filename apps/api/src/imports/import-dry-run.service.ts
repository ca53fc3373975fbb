import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectTransaction } from '@nestjs-cls/transactional';
import {
  headerSignature, IMPORT_FIELDS, ImportKind, missingFields, NAME_MATCH_THRESHOLD, nameSimilarity, normaliseHeader, normaliseRow,
  parseContractType, parseShiftPattern, parseStaffGroup, type Parsed, suggestMapping, ukToday,
} from '@rollcall/domain';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import { importEmployers } from './import-access.js';
import { participationActionRefusal, participationOutcomes } from './import-participation.js';
import { changesContact, NEW_STAFF_NEEDS } from './import-sql.js';
import { ImportRunStatus, type ImportMappingInput, type ResolveImportRowInput } from './import.types.js';
import { ImportsService, type RunRow } from './imports.service.js';

/** Rows read and normalised per batch (by row number; COPYed to a temporary table, written back at the end in one UPDATE). */
const BATCH = 5000;

/** The dry run's working table: a temporary copy of the rows' values and outcomes, matched there, written back once. */
const WORK = 'import_work';
/** Where the outcome statements run: the working table (a dry run) or the staged rows themselves (settling one row). */
type Rows = typeof WORK | 'import_row';

/** A JSON value as a field of COPY's text format (backslashes doubled; JSON has no raw tabs or newlines); null as \\N. */
const copyJson = (v: unknown) => (v === null || v === undefined ? '\\N' : JSON.stringify(v).replace(/\\/g, '\\\\'));

/** Text as a field of COPY's text format (backslash, tab and line breaks escaped); null as \\N. */
const copyText = (v: string | null) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));

/** Where a row says its person works (its normalised location, ward and site, '' when absent), and that as one key. */
interface Place { key: string; location: string; ward: string; site: string }
const placeOf = (values: Record<string, unknown>): Place => {
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const [location, ward, site] = [text('location'), text('ward'), text('site')];
  return { key: `${location}\u0000${ward}\u0000${site}`, location, ward, site };
};

/**
 * What a staff row nobody matched becomes, as SQL over the row (`alias`) and its run (`run`): CREATE,
 * with the id the apply will give the new person (drawn now, so the apply need not write it to every
 * row first), when they have all a new person needs (from the file or the run's defaults), else
 * REFUSED with what is missing.
 */
function newPerson(alias: string): { outcome: string; reason: string; contactId: string } {
  const needs = Object.entries(NEW_STAFF_NEEDS).map(([key, words]) =>
    `CASE WHEN coalesce(${alias}.values->>'${key}', run.defaults->>'${key}') IS NULL THEN '${words}' END`);
  const missing = `nullif(concat_ws(', ', ${needs.join(', ')}), '')`;
  return {
    outcome: `CASE WHEN ${missing} IS NULL THEN 'CREATE' ELSE 'REFUSED' END`,
    reason: `CASE WHEN ${missing} IS NOT NULL THEN 'A new person needs ' || ${missing} || ': map a column or set a default' END`,
    contactId: `CASE WHEN ${missing} IS NULL THEN gen_random_uuid() END`,
  };
}

/** A place's ward: its id, its name and its site's employer. */
interface FoundWard { id: string; name: string; employerId: string }

const DEFAULT_PARSERS: Record<string, (s: string) => Parsed<string | null>> = {
  staffGroup: parseStaffGroup, contractType: parseContractType, shiftPattern: parseShiftPattern,
};

/** The text of a location cell as the dry run reads it (trimmed, spaces collapsed): the key of location_ward. */
export const locationText = (cell: string) => `regexp_replace(btrim(${cell}), '\\s+', ' ', 'g')`;

/**
 * The mapping and the dry run, in the request's transaction as the caller: the remembered mapping
 * per header signature, the location → ward map per employer, and every row's outcome (CREATE,
 * UPDATE, UNCHANGED, REFUSED with the reasons, REVIEW with the candidates), matched set-based.
 */
@Injectable()
export class ImportDryRunService {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly imports: ImportsService) {}

  /** The mapping remembered for these headers (normalised header → field key), if any. */
  async remembered(run: Pick<RunRow, 'kind' | 'headers'>, organisationId: string): Promise<Record<string, string | null> | undefined> {
    const [m] = await this.db.query<{ mapping: Record<string, string | null> }[]>(
      'SELECT mapping FROM import_mapping WHERE organisation_id = $1 AND kind = $2 AND signature = $3',
      [organisationId, run.kind, headerSignature(run.headers)]);
    return m?.mapping;
  }

  async suggested(run: RunRow, organisationId: string): Promise<(string | null)[]> {
    return suggestMapping(run.kind as ImportKind, run.headers, await this.remembered(run, organisationId));
  }

  /** The distinct locations of a staff list (by its mapping) with how many rows name each, and their ward if known. */
  async locations(run: RunRow, mapping: (string | null)[]): Promise<{ location: string; rows: number; wardId: string | null }[]> {
    const column = mapping.indexOf('location');
    if (column < 0 || !run.employerId) return [];
    return this.db.query(
      // counted by the cell as written first, then by its tidied text: the regular expression runs once per distinct cell, not per row
      `SELECT l.location, l.rows, lw.ward_id AS "wardId" FROM (
         SELECT ${locationText('raw.cell')} AS location, sum(raw.rows)::int AS rows FROM (
           SELECT cells[$2] AS cell, count(*) AS rows FROM import_row WHERE import_id = $1 AND cardinality(cells) >= $2 GROUP BY 1) raw
         GROUP BY 1) l
       LEFT JOIN location_ward lw ON lw.organisation_id = $3 AND lw.employer_id = $4 AND lw.location = l.location
       WHERE l.location <> '' ORDER BY l.location LIMIT 2000`,
      [run.id, column + 1, run.organisationId, run.employerId]);
  }

  /** Saves the mapping (and remembers it for these headers), the defaults, and locations' wards (remembered for the employer). */
  async setMapping(input: ImportMappingInput, user: AuthUser): Promise<RunRow> {
    const run = await this.imports.get(input.id, user, { lock: true });
    if (run.status !== ImportRunStatus.UPLOADED && run.status !== ImportRunStatus.DRY_RUN) {
      throw new UserInputError({ id: `this import is ${run.status.toLowerCase()}: its mapping can no longer change` });
    }
    const kind = run.kind as ImportKind;
    if (input.mapping.length !== run.headers.length) {
      throw new UserInputError({ mapping: `must have one entry per column (${run.headers.length})` });
    }
    const keys = new Set(IMPORT_FIELDS[kind].map((f) => f.key));
    input.mapping.forEach((k, i) => {
      if (k !== null && !keys.has(k)) throw new UserInputError({ mapping: `column "${run.headers[i]}": "${k}" is not a field of a ${kind.toLowerCase()} list` });
    });
    const missing = missingFields(kind, input.mapping);
    if (missing.length) throw new UserInputError({ mapping: missing.join('; ') });
    const defaults = this.defaults(input.defaults, run.defaults);
    for (const l of input.locations ?? []) {
      if (!run.employerId) throw new UserInputError({ locations: 'only a staff list maps locations to wards' });
      if (l.wardId) {
        const [ward] = await this.db.query(
          'SELECT 1 FROM ward w JOIN site s ON s.id = w.site_id WHERE w.id = $1 AND s.employer_id = $2', [l.wardId, run.employerId]);
        if (!ward) throw new UserInputError({ locations: `"${l.location}": that ward is not one of this employer's` });
        await this.db.query(
          `INSERT INTO location_ward (organisation_id, employer_id, location, ward_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (organisation_id, employer_id, location) DO UPDATE SET ward_id = excluded.ward_id, updated_at = now()`,
          [user.organisationId, run.employerId, l.location.trim().replace(/\s+/g, ' '), l.wardId]);
      } else {
        await this.db.query('DELETE FROM location_ward WHERE organisation_id = $1 AND employer_id = $2 AND location = $3',
          [user.organisationId, run.employerId, l.location.trim().replace(/\s+/g, ' ')]);
      }
    }
    const remembered = Object.fromEntries(run.headers.map((h, i) => [normaliseHeader(h), input.mapping[i]]));
    await this.db.query(
      `INSERT INTO import_mapping (organisation_id, kind, signature, mapping) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, kind, signature) DO UPDATE SET mapping = excluded.mapping, updated_at = now()`,
      [user.organisationId, kind, headerSignature(run.headers), JSON.stringify(remembered)]);
    await this.db.query(`UPDATE import_run SET mapping = $2, defaults = $3, status = 'UPLOADED' WHERE id = $1`,
      [run.id, JSON.stringify(input.mapping), JSON.stringify(defaults)]);
    return this.imports.get(run.id, user);
  }

  private defaults(json: string | undefined, current: Record<string, string>): Record<string, string> {
    if (json === undefined) return current ?? {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new UserInputError({ defaults: 'must be a JSON object, e.g. {"shiftPattern":"DAYS"}' });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UserInputError({ defaults: 'must be a JSON object' });
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      const parse = DEFAULT_PARSERS[k];
      if (!parse) throw new UserInputError({ defaults: `"${k}" cannot have a default (only ${Object.keys(DEFAULT_PARSERS).join(', ')})` });
      if (v === null || v === '') continue;
      const r = typeof v === 'string' ? parse(v) : { ok: false as const, reason: 'must be text' };
      if (!r.ok || r.value === null) throw new UserInputError({ [`defaults.${k}`]: r.ok ? 'is empty' : r.reason });
      out[k] = r.value;
    }
    return out;
  }

  /** Normalises every row and decides its outcome; the run's counts are set and it may be applied. */
  async dryRun(id: string, user: AuthUser): Promise<RunRow> {
    let run = await this.imports.get(id, user, { lock: true });
    if (run.status !== ImportRunStatus.UPLOADED && run.status !== ImportRunStatus.DRY_RUN) {
      throw new UserInputError({ id: `this import is ${run.status.toLowerCase()}: it cannot be dry-run again` });
    }
    const kind = run.kind as ImportKind;
    const mapping = run.mapping ?? (await this.suggested(run, user.organisationId));
    const missing = missingFields(kind, mapping);
    if (missing.length) throw new UserInputError({ mapping: missing.join('; ') });
    if (kind === ImportKind.PARTICIPATION) await this.requireAction(run, user);
    if (!run.mapping) await this.db.query('UPDATE import_run SET mapping = $2 WHERE id = $1', [id, JSON.stringify(mapping)]);
    const employerId = kind === ImportKind.STAFF ? run.employerId! : null;
    await this.normalise(id, kind, mapping, user, employerId);
    await this.match(id, user, employerId, run.unionId, run.actionId);
    await this.writeBack(id, kind === ImportKind.STAFF);
    await this.db.query(`UPDATE import_run SET status = 'DRY_RUN', rows_done = 0, rate_per_second = NULL, seconds_left = NULL, error = NULL, leavers = 0
      WHERE id = $1`, [id]);
    await this.recount(id);
    run = await this.imports.get(id, user);
    return run;
  }

  /**
   * Settles a row queued for review: the candidate it is (then UPDATE or UNCHANGED), nobody (a new
   * person: CREATE, if they have all a new person needs), or left out (REFUSED). The run's counts follow.
   */
  async resolveRow(input: ResolveImportRowInput, user: AuthUser): Promise<RunRow> {
    const run = await this.imports.get(input.importId, user, { lock: true });
    if (run.status !== ImportRunStatus.DRY_RUN) throw new UserInputError({ importId: 'only a dry-run import has rows to settle' });
    const [row] = await this.db.query<{ outcome: string; candidates: string[] | null }[]>(
      'SELECT outcome, candidates FROM import_row WHERE import_id = $1 AND row_no = $2', [run.id, input.rowNo]);
    if (!row) throw new UserInputError({ rowNo: 'no such row in this import' });
    if (row.outcome !== 'REVIEW') throw new UserInputError({ rowNo: 'this row is not waiting for review' });
    const by = `Left out by ${user.displayName || user.email}`;
    if (run.kind === ImportKind.PARTICIPATION && !input.skip) {
      await this.requireAction(run, user);
      if (input.contactId && !(row.candidates ?? []).includes(input.contactId)) throw new UserInputError({ contactId: 'must be one of the row\'s candidates' });
      if (input.contactId) {
        const [taken] = await this.db.query('SELECT row_no FROM import_row WHERE import_id = $1 AND contact_id = $2 AND row_no <> $3', [run.id, input.contactId, input.rowNo]);
        if (taken) throw new UserInputError({ contactId: `row ${(taken as { row_no: number }).row_no} is already this person` });
      }
      // the candidate it is (then its participation decides), or nobody (refused: a list records only people already known)
      await this.db.query(`UPDATE import_row SET contact_id = $3, candidates = CASE WHEN $3::uuid IS NULL THEN NULL ELSE candidates END, outcome = NULL,
        reason = NULL, resolved = true WHERE import_id = $1 AND row_no = $2`, [run.id, input.rowNo, input.contactId ?? null]);
      await participationOutcomes(this.db, run.id, run.actionId!);
    } else if (input.skip) {
      await this.db.query(`UPDATE import_row SET outcome = 'REFUSED', reason = $3, resolved = true WHERE import_id = $1 AND row_no = $2`, [run.id, input.rowNo, by]);
    } else if (input.contactId) {
      if (!(row.candidates ?? []).includes(input.contactId)) throw new UserInputError({ contactId: 'must be one of the row\'s candidates' });
      const [taken] = await this.db.query('SELECT row_no FROM import_row WHERE import_id = $1 AND contact_id = $2 AND row_no <> $3', [run.id, input.contactId, input.rowNo]);
      if (taken) throw new UserInputError({ contactId: `row ${(taken as { row_no: number }).row_no} is already this person` });
      await this.db.query(`UPDATE import_row SET contact_id = $3, outcome = NULL, reason = NULL, resolved = true WHERE import_id = $1 AND row_no = $2`,
        [run.id, input.rowNo, input.contactId]);
      await this.db.query(`UPDATE import_row r SET outcome = CASE WHEN ${changesContact('r')} THEN 'UPDATE' ELSE 'UNCHANGED' END
        FROM contact c WHERE r.import_id = $1 AND r.row_no = $2 AND c.id = r.contact_id`, [run.id, input.rowNo]);
    } else {
      await this.db.query(`UPDATE import_row SET contact_id = NULL, candidates = NULL, outcome = NULL, reason = NULL, resolved = true
        WHERE import_id = $1 AND row_no = $2`, [run.id, input.rowNo]);
      if (run.unionId) await this.membershipOutcomes(run.id, run.unionId);
      else await this.staffOutcomes(run.id);
    }
    await this.recount(run.id);
    return this.imports.get(run.id, user);
  }

  /** A participation list's action must still be one the user may import onto (it may have been deleted, or their roles changed). */
  private async requireAction(run: RunRow, user: AuthUser): Promise<void> {
    const refused = run.actionId ? await participationActionRefusal(this.db, run.actionId, user) : 'its campaign action has been deleted: upload the list again onto another';
    if (refused) throw new UserInputError({ actionId: refused });
  }

  private async recount(id: string): Promise<void> {
    await this.db.query(
      `UPDATE import_run r SET created = c.created, updated = c.updated, unchanged = c.unchanged, refused = c.refused, review = c.review
       FROM (SELECT count(*) FILTER (WHERE outcome = 'CREATE')::int AS created, count(*) FILTER (WHERE outcome = 'UPDATE')::int AS updated,
               count(*) FILTER (WHERE outcome = 'UNCHANGED')::int AS unchanged, count(*) FILTER (WHERE outcome = 'REFUSED')::int AS refused,
               count(*) FILTER (WHERE outcome = 'REVIEW')::int AS review
             FROM import_row WHERE import_id = $1) c
       WHERE r.id = $1`, [id]);
  }

  /**
   * Every readable row through the domain's normaliseRow, a batch at a time, COPYed as it comes into
   * the dry run's working table (WORK: temporary, so not written to the log, and narrow: no cells),
   * with what can be decided of the row alone: refused for its problems, its ward (wardsOf), refused
   * for an unknown ward or one outside the caller's branches.
   */
  private async normalise(id: string, kind: ImportKind, mapping: (string | null)[], user: AuthUser, employerId: string | null): Promise<void> {
    const today = ukToday();
    const runner = this.db.queryRunner;
    if (!runner) throw new Error('the dry run runs in the request transaction');
    const client = (await runner.connect()) as pg.PoolClient;
    const writable = importEmployers(user);
    // The ward: a location through the map (the run's employer's, or for a membership list any writable employer's), else a ward of that name.
    const allowed = employerId ? [employerId] : writable;
    const wards = new Map<string, FoundWard | null>();
    await this.db.query(`DROP TABLE IF EXISTS pg_temp.${WORK}`);
    await this.db.query(`CREATE TEMPORARY TABLE ${WORK} (import_id uuid NOT NULL, row_no integer NOT NULL, values jsonb, problems jsonb,
      outcome varchar, reason text, contact_id uuid, candidates uuid[], ward_id uuid, PRIMARY KEY (import_id, row_no)) ON COMMIT DROP`);
    let after = 0;
    for (;;) {
      const rows = await this.db.query<{ rowNo: number; cells: string[] }[]>(
        `SELECT row_no AS "rowNo", cells FROM import_row WHERE import_id = $1 AND row_no > $2 AND cardinality(cells) > 0 ORDER BY row_no LIMIT ${BATCH}`,
        [id, after]);
      if (!rows.length) break;
      after = rows[rows.length - 1].rowNo;
      const normalised = rows.map((r) => {
        const n = normaliseRow(kind, r.cells, mapping, { today });
        return { rowNo: r.rowNo, ...n, place: placeOf(n.values) };
      });
      const unknown = new Map<string, Place>();
      for (const n of normalised) if (!n.problems.length && !wards.has(n.place.key)) unknown.set(n.place.key, n.place);
      if (unknown.size) for (const [key, ward] of await this.wardsOf([...unknown.values()], user.organisationId, allowed)) wards.set(key, ward);
      const lines = normalised.map((n) => {
        let outcome: string | null = null;
        let reason: string | null = null;
        let ward: FoundWard | null = null;
        if (n.problems.length) {
          outcome = 'REFUSED';
          reason = n.problems.map((p) => p.reason).join('; ');
        } else {
          ward = wards.get(n.place.key) ?? null;
          const named = n.values.location ?? n.values.ward ?? null;
          if (!ward && named !== null) {
            outcome = 'REFUSED';
            reason = `Unknown ward: map the location "${String(named)}" to a ward`;
          } else if (ward && !allowed.includes(ward.employerId)) {
            // a ward outside the branches the caller may write to (or of another employer than the list's)
            outcome = 'REFUSED';
            reason = writable.includes(ward.employerId) ? `The ward "${ward.name}" is another employer's than this list's` : `The ward "${ward.name}" is not in your branches`;
          }
        }
        return `${id}\t${n.rowNo}\t${copyJson(n.values)}\t${copyJson(n.problems)}\t${copyText(outcome)}\t${copyText(reason)}\t${ward?.id ?? '\\N'}\n`;
      });
      await pipeline(Readable.from([lines.join('')]),
        client.query(copyFrom(`COPY ${WORK} (import_id, row_no, values, problems, outcome, reason, ward_id) FROM STDIN`)));
    }
    // Statistics for the planner: without them a matching join was seen to take 50 s instead of 0.3. Not of the JSON columns, whose
    // statistics no statement can use (their fields are compared, not the whole value) and which were most of ANALYZE's time.
    await this.db.query(`ANALYZE ${WORK} (import_id, row_no, outcome, reason, contact_id, candidates, ward_id)`);
  }

  /**
   * The ward each place names (a location through the map, else a ward of that name, on the site of
   * that name when the file has a site column: Rollcall's own export has both; the one of the list's
   * employer first), asked once per distinct place (a trust's list names a few hundred).
   */
  private async wardsOf(places: Place[], organisationId: string, allowed: string[]): Promise<Map<string, FoundWard | null>> {
    const found = await this.db.query<{ n: number; id: string | null; name: string | null; employerId: string | null }[]>(
      `WITH places AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS k(n integer, location text, ward text, site text)),
      found AS (SELECT k.n, coalesce(
        (SELECT lw.ward_id FROM location_ward lw WHERE lw.organisation_id = $2 AND lw.employer_id = ANY($3::uuid[]) AND lw.location = k.location
          ORDER BY lw.employer_id LIMIT 1),
        (SELECT min(w.id::text)::uuid FROM ward w JOIN site s ON s.id = w.site_id
          WHERE w.organisation_id = $2 AND lower(w.name) = lower(coalesce(nullif(k.ward, ''), k.location))
            AND (k.site = '' OR lower(s.name) = lower(k.site))
            -- a name two employers' wards share: the list's employer's (or the writable ones')
            AND (s.employer_id = ANY($3::uuid[]) OR NOT EXISTS (SELECT 1 FROM ward w2 JOIN site s2 ON s2.id = w2.site_id
              WHERE w2.organisation_id = $2 AND lower(w2.name) = lower(w.name) AND s2.employer_id = ANY($3::uuid[])
                AND (k.site = '' OR lower(s2.name) = lower(k.site))))
          HAVING count(*) = 1)) AS ward_id
        FROM places k)
      SELECT f.n, w.id, w.name, s.employer_id AS "employerId" FROM found f
      LEFT JOIN ward w ON w.id = f.ward_id LEFT JOIN site s ON s.id = w.site_id`,
      [JSON.stringify(places.map((p, n) => ({ n, location: p.location, ward: p.ward, site: p.site }))), organisationId, allowed]);
    return new Map(found.map((f) => [places[f.n].key, f.id && f.name && f.employerId ? { id: f.id, name: f.name, employerId: f.employerId } : null]));
  }

  /**
   * The dry run's results written to the staged rows, each row once (then the working table is
   * dropped). A staff list's rows still undecided are nobody's: a new person or refused (newPerson).
   */
  private async writeBack(id: string, staff: boolean): Promise<void> {
    const p = newPerson('w');
    const nobodys = 'w.outcome IS NULL AND w.contact_id IS NULL';
    const [outcome, reason, contactId] = staff
      ? [`CASE WHEN ${nobodys} THEN ${p.outcome} ELSE w.outcome END`, `CASE WHEN ${nobodys} THEN ${p.reason} ELSE w.reason END`,
        `CASE WHEN ${nobodys} THEN ${p.contactId} ELSE w.contact_id END`]
      : ['w.outcome', 'w.reason', 'w.contact_id'];
    await this.db.query(
      `UPDATE import_row r SET values = w.values, problems = w.problems, outcome = ${outcome}, reason = ${reason}, contact_id = ${contactId},
         candidates = w.candidates, ward_id = w.ward_id, resolved = false
       FROM ${WORK} w JOIN import_run run ON run.id = w.import_id WHERE r.import_id = $1 AND w.import_id = $1 AND r.row_no = w.row_no`, [id]);
    await this.db.query(`DROP TABLE ${WORK}`);
  }

  /**
   * Outcomes, set-based (rows with problems, and those with an unknown or forbidden ward, were refused
   * as they were normalised): a person matched by employee number (same employer), else work email, else name on the same ward
   * (fuzzy: nameSimilarity at or above NAME_MATCH_THRESHOLD, an exact match alone taken, anything else
   * queued for review with its candidates, never guessed); then CREATE, UPDATE or UNCHANGED.
   */
  private async match(id: string, user: AuthUser, employerId: string | null, unionId: string | null, actionId: string | null, rows: Rows = WORK): Promise<void> {
    const q = (sql: string, params: unknown[] = []) => this.db.query(sql, [id, ...params]);
    // Rows refused for their problems, and each row's ward (or its refusal), were settled as they were normalised.
    // People are looked for among the list's employer's staff (a membership list: among those of every employer the caller may import into).
    const people = employerId ? [employerId] : importEmployers(user);
    // The same person twice in the file: the later rows refused.
    await q(`UPDATE ${rows} r SET outcome = 'REFUSED', reason = 'The same employee number as row ' || d.first
      FROM (SELECT row_no, min(row_no) OVER (PARTITION BY values->>'employeeNumber') AS first FROM ${rows}
            WHERE import_id = $1 AND outcome IS NULL AND values->>'employeeNumber' IS NOT NULL) d
      WHERE r.import_id = $1 AND r.row_no = d.row_no AND d.row_no <> d.first`);
    // 1. Employee number, same employer.
    await q(`UPDATE ${rows} r SET contact_id = c.id FROM contact c
      WHERE r.import_id = $1 AND r.outcome IS NULL AND c.organisation_id = $2 AND c.employer_id = ANY($3::uuid[]) AND c.deleted_at IS NULL
        AND c.employee_number = r.values->>'employeeNumber'`, [user.organisationId, people]);
    // 2. Work email: one person (whose employee number, if any, is not another's), else review.
    await q(`UPDATE ${rows} r SET contact_id = CASE WHEN cardinality(m.ids) = 1 THEN m.ids[1] END,
        outcome = CASE WHEN cardinality(m.ids) > 1 THEN 'REVIEW' END,
        reason = CASE WHEN cardinality(m.ids) > 1 THEN 'More than one person has this work email' END,
        candidates = CASE WHEN cardinality(m.ids) > 1 THEN m.ids END
      FROM (SELECT r2.row_no, array_agg(c.id ORDER BY c.id) AS ids FROM ${rows} r2 JOIN contact c
              ON c.organisation_id = $2 AND c.employer_id = ANY($3::uuid[]) AND c.deleted_at IS NULL AND lower(c.work_email) = r2.values->>'workEmail'
              AND (c.employee_number IS NULL OR r2.values->>'employeeNumber' IS NULL OR c.employee_number = r2.values->>'employeeNumber')
            WHERE r2.import_id = $1 AND r2.outcome IS NULL AND r2.contact_id IS NULL GROUP BY r2.row_no) m
      WHERE r.import_id = $1 AND r.row_no = m.row_no`, [user.organisationId, people]);
    // 3. Name on the same ward, fuzzy.
    await this.matchNames(id, user.organisationId, people, rows);
    // Two rows matched to one person: the later ones go to review.
    await q(`UPDATE ${rows} r SET outcome = 'REVIEW', reason = 'Matched the same person as row ' || d.first, candidates = ARRAY[r.contact_id], contact_id = NULL
      FROM (SELECT row_no, min(row_no) OVER (PARTITION BY contact_id) AS first FROM ${rows}
            WHERE import_id = $1 AND outcome IS NULL AND contact_id IS NOT NULL) d
      WHERE r.import_id = $1 AND r.row_no = d.row_no AND d.row_no <> d.first`);
    if (actionId) await participationOutcomes(this.db, id, actionId, rows);
    else if (unionId) await this.membershipOutcomes(id, unionId, rows);
    // a staff list's unmatched rows are decided as they are written back (one pass fewer over the rows)
    else await this.staffOutcomes(id, rows, { unmatched: rows !== WORK });
  }

  private async matchNames(id: string, organisationId: string, employers: string[], table: Rows): Promise<void> {
    const rows = await this.db.query<{ rowNo: number; wardId: string; name: string; employeeNumber: string | null }[]>(
      `SELECT row_no AS "rowNo", ward_id AS "wardId", concat_ws(' ', values->>'firstName', values->>'lastName') AS name,
         values->>'employeeNumber' AS "employeeNumber"
       FROM ${table} WHERE import_id = $1 AND outcome IS NULL AND contact_id IS NULL AND ward_id IS NOT NULL AND values->>'lastName' IS NOT NULL`, [id]);
    if (!rows.length) return;
    const people = await this.db.query<{ id: string; wardId: string; first: string; preferred: string | null; last: string; employeeNumber: string | null }[]>(
      `SELECT c.id, p.ward_id AS "wardId", c.first_name AS first, c.preferred_name AS preferred, c.last_name AS last, c.employee_number AS "employeeNumber"
       FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
       WHERE c.organisation_id = $1 AND c.employer_id = ANY($2::uuid[]) AND c.deleted_at IS NULL AND p.ward_id = ANY($3::uuid[])`,
      [organisationId, employers, [...new Set(rows.map((r) => r.wardId))]]);
    const byWard = new Map<string, typeof people>();
    for (const p of people) byWard.set(p.wardId, [...(byWard.get(p.wardId) ?? []), p]);
    const decided: { row_no: number; contact_id: string | null; candidates: string[] | null }[] = [];
    for (const r of rows) {
      const scored = (byWard.get(r.wardId) ?? [])
        // someone with another employee number is someone else
        .filter((p) => !p.employeeNumber || !r.employeeNumber || p.employeeNumber === r.employeeNumber)
        .map((p) => ({ id: p.id, score: Math.max(nameSimilarity(r.name, `${p.first} ${p.last}`), p.preferred ? nameSimilarity(r.name, `${p.preferred} ${p.last}`) : 0) }))
        .filter((p) => p.score >= NAME_MATCH_THRESHOLD);
      if (!scored.length) continue;
      const exact = scored.filter((p) => p.score >= 0.999);
      if (scored.length === 1 && exact.length === 1) decided.push({ row_no: r.rowNo, contact_id: exact[0].id, candidates: null });
      else decided.push({ row_no: r.rowNo, contact_id: null, candidates: scored.sort((a, b) => b.score - a.score).map((p) => p.id) });
    }
    if (!decided.length) return;
    await this.db.query(
      `UPDATE ${table} r SET contact_id = v.contact_id,
         outcome = CASE WHEN v.candidates IS NOT NULL THEN 'REVIEW' END,
         reason = CASE WHEN v.candidates IS NOT NULL THEN 'A similar name on the same ward: is it the same person?' END,
         candidates = v.candidates
       FROM jsonb_to_recordset($2::jsonb) AS v(row_no integer, contact_id uuid, candidates uuid[])
       WHERE r.import_id = $1 AND r.row_no = v.row_no`, [id, JSON.stringify(decided.map((d) => ({ ...d, candidates: d.candidates && `{${d.candidates.join(',')}}` })))]);
  }

  /**
   * Staff rows: matched → UPDATE or UNCHANGED; unmatched → CREATE when a new person has all they need
   * (the file or the run's defaults), with the id the apply will give them, else REFUSED.
   */
  private async staffOutcomes(id: string, rows: Rows = 'import_row', { unmatched = true } = {}): Promise<void> {
    await this.db.query(`UPDATE ${rows} r SET outcome = CASE WHEN ${changesContact('r')} THEN 'UPDATE' ELSE 'UNCHANGED' END
      FROM contact c WHERE r.import_id = $1 AND r.outcome IS NULL AND c.id = r.contact_id`, [id]);
    if (!unmatched) return;
    const p = newPerson('r');
    await this.db.query(`UPDATE ${rows} r SET outcome = ${p.outcome}, reason = ${p.reason}, contact_id = ${p.contactId}
      FROM import_run run WHERE r.import_id = $1 AND run.id = r.import_id AND r.outcome IS NULL AND r.contact_id IS NULL`, [id]);
  }

  /** Membership rows: matched → CREATE (no membership of the union yet), UPDATE or UNCHANGED; unmatched → REFUSED (import the staff list first). */
  private async membershipOutcomes(id: string, unionId: string, rows: Rows = 'import_row'): Promise<void> {
    await this.db.query(`UPDATE ${rows} r SET outcome = CASE
        WHEN m.id IS NULL THEN 'CREATE'
        WHEN (r.values->>'status')::membership_status IS DISTINCT FROM m.status
          OR (r.values->>'joinDate' IS NOT NULL AND (r.values->>'joinDate')::date IS DISTINCT FROM m.join_date)
          OR (r.values->>'leaveDate' IS NOT NULL AND (r.values->>'leaveDate')::date IS DISTINCT FROM m.leave_date)
          OR (r.values->>'membershipNumber' IS NOT NULL AND r.values->>'membershipNumber' IS DISTINCT FROM m.membership_number)
          OR m.source <> 'VERIFIED_LIST' THEN 'UPDATE'
        ELSE 'UNCHANGED' END
      FROM ${rows} r2 LEFT JOIN membership m ON m.contact_id = r2.contact_id AND m.union_id = $2
      WHERE r.import_id = $1 AND r2.import_id = $1 AND r2.row_no = r.row_no AND r.outcome IS NULL AND r.contact_id IS NOT NULL`, [id, unionId]);
    await this.db.query(`UPDATE ${rows} SET outcome = 'REFUSED', reason = 'Nobody in your branches matches this member (import the staff list first)'
      WHERE import_id = $1 AND outcome IS NULL`, [id]);
  }
}
