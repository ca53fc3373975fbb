/**
 * Streams generated rows into PostgreSQL with COPY … FROM STDIN (text format). Rows are encoded as
 * they arrive and buffered per table; a flush writes every table's buffer in dependency order
 * (SEED_TABLES), so each COPY only refers to rows already written. Memory stays bounded by the
 * flush threshold, whatever the scale.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { SEED_TABLES, type SeedRow, type SeedRowMap, type SeedTable } from './generator.js';

type Value = string | number | boolean | null | undefined;
type Column<T> = readonly [column: string, get: (row: T) => Value];
type Columns = { [K in SeedTable]: readonly Column<SeedRowMap[K]>[] };

/**
 * Column lists per table; app_user's password hash comes from the writer, not the generator, and so does a posting's
 * or membership's `employer_id`: its contact's employer (see `CopyWriter.employerOf`).
 */
function columns(passwordHash: string, employerOf: (contactId: string) => string): Columns {
  return {
    organisation: [['id', (r) => r.id], ['name', (r) => r.name], ['kind', (r) => r.kind]],
    trade_union: [['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['name', (r) => r.name], ['short_name', (r) => r.shortName]],
    app_user: [
      ['id', (r) => r.id], ['email', (r) => r.email], ['display_name', (r) => r.displayName],
      ['password_hash', () => passwordHash], ['organisation_id', (r) => r.organisationId],
      ['active', (r) => r.active],
    ],
    employer: [['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['name', (r) => r.name], ['ods_code', (r) => r.odsCode], ['region', (r) => r.region]],
    site: [
      ['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['name', (r) => r.name], ['kind', (r) => r.kind], ['address', (r) => r.address],
      ['postcode', (r) => r.postcode], ['employer_id', (r) => r.employerId],
    ],
    ward: [['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['name', (r) => r.name], ['type', (r) => r.type], ['speciality', (r) => r.speciality], ['site_id', (r) => r.siteId]],
    contact: [
      ['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['first_name', (r) => r.firstName],
      ['last_name', (r) => r.lastName], ['preferred_name', (r) => r.preferredName], ['job_title', (r) => r.jobTitle],
      ['staff_group', (r) => r.staffGroup], ['grade', (r) => r.grade], ['shift_pattern', (r) => r.shiftPattern],
      ['contract_type', (r) => r.contractType], ['employer_id', (r) => r.employerId], ['employee_number', (r) => r.employeeNumber],
      ['work_email', (r) => r.workEmail], ['work_phone', (r) => r.workPhone], ['personal_email', (r) => r.personalEmail],
      ['personal_phone', (r) => r.personalPhone], ['consent_personal_email', (r) => r.consentPersonalEmail],
      ['consent_personal_phone', (r) => r.consentPersonalPhone], ['start_date', (r) => r.startDate], ['leave_date', (r) => r.leaveDate],
    ],
    posting: [
      ['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['contact_id', (r) => r.contactId],
      ['ward_id', (r) => r.wardId], ['start_date', (r) => r.startDate], ['end_date', (r) => r.endDate],
      ['employer_id', (r) => employerOf(r.contactId)],
    ],
    membership: [
      ['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['contact_id', (r) => r.contactId],
      ['union_id', (r) => r.unionId], ['status', (r) => r.status], ['join_date', (r) => r.joinDate],
      ['leave_date', (r) => r.leaveDate], ['membership_number', (r) => r.membershipNumber], ['source', (r) => r.source],
      ['employer_id', (r) => employerOf(r.contactId)],
    ],
    rep_role: [
      ['id', (r) => r.id], ['organisation_id', (r) => r.organisationId], ['contact_id', (r) => r.contactId],
      ['kind', (r) => r.kind], ['start_date', (r) => r.startDate], ['end_date', (r) => r.endDate],
    ],
    rep_role_ward: [['rep_role_id', (r) => r.repRoleId], ['ward_id', (r) => r.wardId]],
  };
}

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: \N for NULL; backslash, tab, newline and CR escaped. */
export function copyValue(v: Value): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  if (!SPECIAL.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A row as one line of COPY text format. */
export function copyLine<T>(cols: readonly Column<T>[], row: T): string {
  let line = '';
  for (let i = 0; i < cols.length; i++) line += (i === 0 ? '' : '\t') + copyValue(cols[i][1](row));
  return line + '\n';
}

export type SeedClient = pg.Client | pg.PoolClient;

export class CopyWriter {
  readonly counts = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<SeedTable, number>;
  private readonly cols: Columns;
  private readonly buffers = new Map<SeedTable, string[]>();
  private pendingChars = 0;
  /** The employers of the last few contacts written: a contact's postings and memberships follow it (generator.ts). */
  private readonly recentEmployers = new Map<string, string>();

  constructor(
    private readonly client: SeedClient,
    passwordHash: string,
    /** Flush once this many characters are buffered (all tables together). */
    private readonly flushChars = 16 * 1024 * 1024,
  ) {
    this.cols = columns(passwordHash, (id) => this.employerOf(id));
  }

  /**
   * The employer a posting or membership of this contact carries (PersonEmployer migration). The seed writes it
   * itself, with those tables' triggers off during the COPY (seed.ts): read from the contact row the generator
   * yielded just before, so it is right by construction; a row whose contact is not among the last few fails the seed.
   */
  private employerOf(contactId: string): string {
    const employer = this.recentEmployers.get(contactId);
    if (!employer) throw new Error(`seed: a posting or membership of contact ${contactId} does not follow its contact`);
    return employer;
  }

  add(r: SeedRow): void {
    if (r.table === 'contact') {
      this.recentEmployers.set(r.row.id, r.row.employerId);
      if (this.recentEmployers.size > 8) this.recentEmployers.delete(this.recentEmployers.keys().next().value!);
    }
    const line = copyLine(this.cols[r.table] as readonly Column<typeof r.row>[], r.row);
    let buf = this.buffers.get(r.table);
    if (!buf) {
      buf = [];
      this.buffers.set(r.table, buf);
    }
    buf.push(line);
    this.pendingChars += line.length;
    this.counts[r.table]++;
  }

  get shouldFlush(): boolean {
    return this.pendingChars >= this.flushChars;
  }

  /** Writes all buffered rows, table by table in dependency order. */
  async flush(): Promise<void> {
    for (const table of SEED_TABLES) {
      const lines = this.buffers.get(table);
      if (!lines || lines.length === 0) continue;
      this.buffers.set(table, []);
      const names = this.cols[table].map(([c]) => c).join(', ');
      const stream = this.client.query(pgCopy.from(`COPY ${table} (${names}) FROM STDIN`));
      await pipeline(Readable.from(chunked(lines, 2000)), stream);
    }
    this.pendingChars = 0;
  }
}

function* chunked(lines: string[], size: number): Generator<string> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join('');
}
