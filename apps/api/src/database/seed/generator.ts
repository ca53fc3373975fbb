/**
 * The demo-data row generator: a pure function of its options. It yields plain row objects, each
 * after every row it refers to, so a writer can stream them into the database table by table
 * (see copy-writer.ts). Same options, same rows, every run: no clock, no Math.random.
 */
import {
  ContractType, fromDayNumber as isoDay, Grade, gradeInfo, isGradeOpenToNewEntrants, MembershipSource, MembershipStatus,
  OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, toDayNumber as toDay, WardType,
} from '@rollcall/domain';
import {
  ACUTE_SITE_PATTERNS, ADMIN_SHIFTS, BMA_GRADE_MULTIPLIER, CLINICAL_SHIFTS, COMMUNITY_BASE_PATTERNS,
  COMMUNITY_HOSPITAL_PATTERNS, CONTRACT_MIX, DEMO_LOGINS, DEMO_TRUST, DOCTOR_GRADES, JOB_TITLES, ORGANISATIONS,
  PLACE_PREFIXES, PLACE_SUFFIXES, POSTCODE_AREA_LETTERS, REAL_PLACES, REGIONS, REP_KINDS, SMALL_SITES, STAFF_MIX,
  STREETS, TREES, TRUST_NAME_PATTERNS, UNIONS, UNISON_BRANCH_UNION_MIX, UNISON_GROUP_MULTIPLIER, WARD_TEMPLATES,
  type OrgKey, type SiteSpec, type TitleSpec, type TrustSpec, type UnionKey, type WardKind, type WardTemplate,
} from './catalogue.js';
import { emailPart, NAME_POOLS, NICKNAMES, type NamePool } from './names.js';
import { DEFAULT_SEED, deriveSeed, IdFactory, Rng, WeightedTable } from './prng.js';

export type SeedSize = 'demo' | 'small';

export interface SeedOptions {
  /** Number of trusts (integer ≥ 1); trust 1 is the demo trust. Default 1. */
  scale?: number;
  /** 'small': 1–N trusts of 2 sites, 8 wards and ~150 staff each, for tests. Default 'demo'. */
  size?: SeedSize;
  /** PRNG seed. Default DEFAULT_SEED. */
  seed?: number;
  /** The date the data set is "as of" (YYYY-MM-DD). Fixed by default so the data never drifts. */
  today?: string;
}

/** The default "as of" date of the demo data. */
export const SEED_TODAY = '2026-11-23';

/** Headcounts per trust, by size. */
export const SIZE_TARGETS: Readonly<Record<SeedSize, { unison: number; doctors: number }>> = {
  demo: { unison: 2100, doctors: 400 },
  small: { unison: 120, doctors: 30 },
};

// ---------------------------------------------------------------------------------------------
// Rows (camelCase; copy-writer.ts maps them to snake_case columns)

export interface OrganisationRow { id: string; name: string; kind: OrganisationKind }
export interface UnionRow { id: string; organisationId: string; name: string; shortName: string }
/** An app_user without its password hash (the writer adds it). */
export interface UserRow { id: string; email: string; displayName: string; organisationId: string; active: boolean }
export interface EmployerRow { id: string; organisationId: string; name: string; odsCode: string; region: string }
export interface SiteRow { id: string; organisationId: string; name: string; kind: SiteKind; address: string; postcode: string; employerId: string }
export interface WardRow { id: string; organisationId: string; name: string; type: WardType; speciality: string | null; siteId: string }
export interface ContactRow {
  id: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  jobTitle: string | null;
  staffGroup: StaffGroup;
  grade: Grade | null;
  shiftPattern: ShiftPattern;
  contractType: ContractType;
  employerId: string;
  employeeNumber: string | null;
  workEmail: string | null;
  workPhone: string | null;
  personalEmail: string | null;
  personalPhone: string | null;
  consentPersonalEmail: boolean;
  consentPersonalPhone: boolean;
  startDate: string | null;
  leaveDate: string | null;
}
export interface PostingRow { id: string; organisationId: string; contactId: string; wardId: string; startDate: string; endDate: string | null }
export interface MembershipRow {
  id: string;
  organisationId: string;
  contactId: string;
  unionId: string;
  status: MembershipStatus;
  joinDate: string | null;
  leaveDate: string | null;
  membershipNumber: string | null;
  source: MembershipSource;
}
export interface RepRoleRow { id: string; organisationId: string; contactId: string; kind: RepRoleKind; startDate: string | null; endDate: string | null }
export interface RepRoleWardRow { repRoleId: string; wardId: string }

export interface SeedRowMap {
  organisation: OrganisationRow;
  trade_union: UnionRow;
  app_user: UserRow;
  employer: EmployerRow;
  site: SiteRow;
  ward: WardRow;
  contact: ContactRow;
  posting: PostingRow;
  membership: MembershipRow;
  rep_role: RepRoleRow;
  rep_role_ward: RepRoleWardRow;
}
export type SeedTable = keyof SeedRowMap;
/** Tables in an order where every row's references come from an earlier table. */
export const SEED_TABLES: readonly SeedTable[] = [
  'organisation', 'trade_union', 'app_user', 'employer', 'site', 'ward', 'contact', 'posting', 'membership',
  'rep_role', 'rep_role_ward',
];
export type SeedRow = { [T in SeedTable]: { table: T; row: SeedRowMap[T] } }[SeedTable];

const TABLE_CODE: Readonly<Record<Exclude<SeedTable, 'rep_role_ward'>, number>> = {
  organisation: 1, trade_union: 2, app_user: 3, employer: 4, site: 5, ward: 6, contact: 7, posting: 8,
  membership: 9, rep_role: 10,
};

// ---------------------------------------------------------------------------------------------
// Dates as whole days since 1970-01-01 (the domain's day numbers: toDay, isoDay)

const YEAR = 365.25;

// ---------------------------------------------------------------------------------------------
// Precomputed pickers

type Pairs<T> = readonly (readonly [T, number])[];
const table = <T>(pairs: Pairs<T>) => new WeightedTable(pairs);

const NAME_POOL_TABLE = table(NAME_POOLS.map((p) => [p, p.weight] as const));
const STAFF_MIX_TABLE = mapValues(STAFF_MIX, (v) => table(v));
const CLINICAL_SHIFT_TABLE = mapValues(CLINICAL_SHIFTS, (v) => table(v));
const ADMIN_SHIFT_TABLE = table(ADMIN_SHIFTS);
const CONTRACT_TABLE = mapValues(CONTRACT_MIX, (v) => table(v));
const UNISON_UNION_TABLE = mapValues(UNISON_BRANCH_UNION_MIX, (v) => table(v));
const DOCTOR_GRADE_TABLE = table(DOCTOR_GRADES);
const REP_KIND_TABLE = table(REP_KINDS);
const EXTRA_WARDS_TABLE = table<number>([[0, 50], [1, 35], [2, 15]]);
const RESIDENT_SHIFTS = table<ShiftPattern>([[ShiftPattern.ROTATING, 62], [ShiftPattern.LONG_DAYS, 15], [ShiftPattern.NIGHTS, 12], [ShiftPattern.ON_CALL, 11]]);
const SAS_SHIFTS = table<ShiftPattern>([[ShiftPattern.DAYS, 40], [ShiftPattern.ON_CALL, 30], [ShiftPattern.ROTATING, 30]]);
const CONSULTANT_SHIFTS = table<ShiftPattern>([[ShiftPattern.ON_CALL, 62], [ShiftPattern.DAYS, 38]]);
const titleTables = new Map<string, WeightedTable<TitleSpec>>();

function mapValues<K extends string, V, W>(o: Readonly<Record<K, V>>, f: (v: V) => W): Record<K, W> {
  const out = {} as Record<K, W>;
  for (const k of Object.keys(o) as K[]) out[k] = f(o[k]);
  return out;
}

function titleTable(group: Exclude<StaffGroup, StaffGroup.MEDICAL_DENTAL>, kind: WardKind): WeightedTable<TitleSpec> {
  const key = `${group}/${kind}`;
  let t = titleTables.get(key);
  if (!t) {
    const set = JOB_TITLES[group];
    t = table((set[kind] ?? set.default).map((s) => [s, s[2]] as const));
    titleTables.set(key, t);
  }
  return t;
}

/** AfC band as a number 1–9 (8a–8d count as 8), for "more senior means longer service". */
function bandNumber(grade: Grade | null): number {
  if (!grade || !grade.startsWith('AFC_')) return 0;
  return Number.parseInt(grade.slice(4), 10);
}

// ---------------------------------------------------------------------------------------------
// Generation

interface WardState {
  row: WardRow;
  tpl: WardTemplate;
  site: number;
  staff: number;
  doctors: number;
  /** Base density the UNISON branch records here. */
  density: number;
  /** Base BMA density among doctors here. */
  bmaDensity: number;
  headcount: Record<OrgKey, number>;
  /** Current staff who are members of the org's own union: who may become a rep. */
  candidates: Record<OrgKey, { id: string; start: number }[]>;
}

interface Context {
  seed: number;
  today: number;
  size: SeedSize;
  ids: IdFactory;
  orgs: Record<OrgKey, OrganisationRow>;
  unions: Record<UnionKey, UnionRow>;
  /** Next membership number per union (shared across trusts). */
  memberNumbers: Record<UnionKey, number>;
  usedTrustNames: Set<string>;
  usedOds: Set<string>;
  usedDomains: Set<string>;
}

interface TrustState {
  rng: Rng;
  employer: EmployerRow;
  spec: TrustSpec;
  wards: WardState[];
  nextEmployeeNumber: number;
  emailCounts: Map<string, number>;
  /** Wards employing a staff group (where someone may have moved from). */
  wardsByGroup: Map<StaffGroup, WardState[]>;
  /** Wards with doctors (where resident doctors rotate), weighted by how many doctors they take. */
  clinicalWards: WardState[];
  rotations: WeightedTable<WardState> | null;
}

interface Person {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  employeeNumber: string;
  workEmail: string;
  workPhone: string | null;
  personalEmail: string | null;
  personalPhone: string | null;
  consentPersonalEmail: boolean;
  consentPersonalPhone: boolean;
}

function resolve(options: SeedOptions): { scale: number; size: SeedSize; seed: number; today: number } {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be an integer ≥ 1 (got ${String(options.scale)})`);
  const size = options.size ?? 'demo';
  if (size !== 'demo' && size !== 'small') throw new RangeError(`size must be 'demo' or 'small' (got ${String(size)})`);
  return { scale, size, seed: (options.seed ?? DEFAULT_SEED) >>> 0, today: toDay(options.today ?? SEED_TODAY) };
}

/**
 * Every row of the demo data set, each after the rows it refers to. Each organisation owns its own
 * workplace map and union list: they are generated once, as the first organisation's, and copied
 * for every other organisation (see ownMaps).
 */
export function generateSeedRows(options: SeedOptions = {}): Generator<SeedRow> {
  return ownMaps(generateRows(options));
}

/** The row of `id`'s copy in the map of the organisation at `index` (0: the generated row itself). */
export function mapCopyId(id: string, index: number): string {
  // Seed ids spell out their table code in the second group (0001–000a): its first byte is free.
  return index === 0 ? id : id.slice(0, 9) + index.toString(16).padStart(2, '0') + id.slice(11);
}

/**
 * Copies each employer, site, ward and union for every organisation after the first (ids from
 * mapCopyId), and points each organisation's people, postings, memberships and rep roles at its own copies.
 */
function* ownMaps(rows: Generator<SeedRow>): Generator<SeedRow> {
  const orgIndex = new Map<string, number>();
  const repRoleOrg = new Map<string, number>();
  const copy = (id: string, orgId: string) => mapCopyId(id, orgIndex.get(orgId) ?? 0);
  for (const r of rows) {
    switch (r.table) {
      case 'organisation':
        orgIndex.set(r.row.id, orgIndex.size);
        yield r;
        break;
      case 'trade_union':
      case 'employer':
      case 'site':
      case 'ward':
        for (const [orgId, i] of orgIndex) {
          const row = { ...r.row, id: mapCopyId(r.row.id, i), organisationId: orgId };
          if ('employerId' in row) row.employerId = mapCopyId(row.employerId, i);
          if ('siteId' in row) row.siteId = mapCopyId(row.siteId, i);
          yield { table: r.table, row } as SeedRow;
        }
        break;
      case 'contact':
        yield { table: r.table, row: { ...r.row, employerId: copy(r.row.employerId, r.row.organisationId) } };
        break;
      case 'posting':
        yield { table: r.table, row: { ...r.row, wardId: copy(r.row.wardId, r.row.organisationId) } };
        break;
      case 'membership':
        yield { table: r.table, row: { ...r.row, unionId: copy(r.row.unionId, r.row.organisationId) } };
        break;
      case 'rep_role':
        repRoleOrg.set(r.row.id, orgIndex.get(r.row.organisationId) ?? 0);
        yield r;
        break;
      case 'rep_role_ward':
        yield { table: r.table, row: { ...r.row, wardId: mapCopyId(r.row.wardId, repRoleOrg.get(r.row.repRoleId) ?? 0) } };
        break;
      default:
        yield r;
    }
  }
}

function* generateRows(options: SeedOptions): Generator<SeedRow> {
  const { scale, size, seed, today } = resolve(options);
  const ids = new IdFactory(seed);
  const orgs = {} as Record<OrgKey, OrganisationRow>;
  for (const o of ORGANISATIONS) {
    const row: OrganisationRow = { id: ids.next(TABLE_CODE.organisation), name: o.name, kind: o.kind };
    orgs[o.key] = row;
    yield { table: 'organisation', row };
  }
  // The maps are generated as the first organisation's; ownMaps copies them for the others.
  const firstOrg = orgs[ORGANISATIONS[0].key].id;
  const unions = {} as Record<UnionKey, UnionRow>;
  const memberNumbers = {} as Record<UnionKey, number>;
  for (const u of UNIONS) {
    const row: UnionRow = { id: ids.next(TABLE_CODE.trade_union), organisationId: firstOrg, name: u.name, shortName: u.shortName };
    unions[u.key] = row;
    memberNumbers[u.key] = u.numberStart;
    yield { table: 'trade_union', row };
  }
  const orgByName = new Map(ORGANISATIONS.map((o) => [o.name, orgs[o.key]]));
  for (const login of DEMO_LOGINS) {
    const org = orgByName.get(login.organisation);
    if (!org) throw new Error(`Demo login ${login.email}: unknown organisation ${login.organisation}`);
    yield {
      table: 'app_user',
      row: { id: ids.next(TABLE_CODE.app_user), email: login.email.toLowerCase(), displayName: login.displayName, organisationId: org.id, active: true },
    };
  }
  const ctx: Context = {
    seed, today, size, ids, orgs, unions, memberNumbers,
    usedTrustNames: new Set([DEMO_TRUST.name]),
    usedOds: new Set([DEMO_TRUST.odsCode]),
    usedDomains: new Set([DEMO_TRUST.emailDomain]),
  };
  for (let t = 0; t < scale; t++) yield* generateTrust(ctx, t);
}

function* generateTrust(ctx: Context, index: number): Generator<SeedRow> {
  const rng = new Rng(deriveSeed(ctx.seed, index + 1));
  const spec = index === 0 ? DEMO_TRUST : inventTrust(rng, ctx);
  const mapOrg = ctx.orgs[ORGANISATIONS[0].key].id;
  const employer: EmployerRow = { id: ctx.ids.next(TABLE_CODE.employer), organisationId: mapOrg, name: spec.name, odsCode: spec.odsCode, region: spec.region };
  yield { table: 'employer', row: employer };

  const siteIdx: readonly (0 | 1 | 2)[] = ctx.size === 'small' ? SMALL_SITES : [0, 1, 2];
  const siteRows = new Map<number, SiteRow>();
  for (const i of siteIdx) {
    const s = spec.sites[i];
    const row: SiteRow = { id: ctx.ids.next(TABLE_CODE.site), organisationId: mapOrg, name: s.name, kind: s.kind, address: s.address, postcode: s.postcode, employerId: employer.id };
    siteRows.set(i, row);
    yield { table: 'site', row };
  }

  // Wards: the demo trust uses the templates as they are; generated trusts rename and vary them.
  let templates = WARD_TEMPLATES.filter((w) => (ctx.size === 'small' ? w.small : true));
  if (index > 0 && ctx.size === 'demo') templates = templates.filter((w) => !w.optional || rng.chance(0.75));
  const names = index === 0 ? null : wardNamer(rng);
  const target = {
    staff: templates.reduce((s, w) => s + w.staff, 0),
    doctors: templates.reduce((s, w) => s + w.doctors, 0),
  };
  const goal = SIZE_TARGETS[ctx.size];
  const wards: WardState[] = [];
  for (const tpl of templates) {
    const vary = index === 0 ? 1 : rng.float(0.8, 1.2);
    const site = siteRows.get(tpl.site);
    if (!site) continue;
    const row: WardRow = { id: ctx.ids.next(TABLE_CODE.ward), organisationId: mapOrg, name: names ? names(tpl) : tpl.name, type: tpl.type, speciality: tpl.speciality, siteId: site.id };
    wards.push({
      row,
      tpl,
      site: tpl.site,
      staff: Math.max(3, Math.round((tpl.staff / target.staff) * goal.unison * vary)),
      doctors: tpl.doctors === 0 ? 0 : Math.max(1, Math.round((tpl.doctors / target.doctors) * goal.doctors * (index === 0 ? 1 : rng.float(0.8, 1.2)))),
      density: index === 0 ? tpl.density : clamp(tpl.density * rng.float(0.6, 1.45), 0.06, 0.9),
      bmaDensity: rng.float(0.3, 0.95),
      headcount: { unison: 0, bma: 0 },
      candidates: { unison: [], bma: [] },
    });
    yield { table: 'ward', row };
  }

  const ts: TrustState = {
    rng, employer, spec, wards,
    nextEmployeeNumber: 10_000_000 + rng.int(0, 60_000_000),
    emailCounts: new Map(),
    wardsByGroup: new Map(),
    clinicalWards: wards.filter((w) => w.doctors > 0),
    rotations: null,
  };
  if (ts.clinicalWards.length > 1) ts.rotations = new WeightedTable(ts.clinicalWards.map((w) => [w, w.doctors] as const));
  for (const w of wards) {
    for (const [g] of STAFF_MIX[w.tpl.kind]) {
      const list = ts.wardsByGroup.get(g) ?? [];
      list.push(w);
      ts.wardsByGroup.set(g, list);
    }
  }
  for (const ward of wards) {
    for (let i = 0; i < ward.staff; i++) yield* staffMember(ctx, ts, ward);
  }
  for (const ward of wards) {
    for (let i = 0; i < ward.doctors; i++) yield* doctor(ctx, ts, ward);
  }
  yield* repRoles(ctx, ts, 'unison');
  yield* repRoles(ctx, ts, 'bma');
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

// ---------------------------------------------------------------------------------------------
// Made-up trusts

function placeName(rng: Rng): string {
  for (;;) {
    const p = rng.pick(PLACE_PREFIXES);
    const s = rng.pick(PLACE_SUFFIXES);
    if (p.toLowerCase() === s || p.toLowerCase().endsWith(s)) continue;
    const name = p + s;
    if (!REAL_PLACES.has(name)) return name;
  }
}

function inventTrust(rng: Rng, ctx: Context): TrustSpec {
  let main = placeName(rng);
  let name = '';
  for (let attempt = 0; ; attempt++) {
    const other = placeName(rng);
    name = rng.pick(TRUST_NAME_PATTERNS)(main, other);
    if (!ctx.usedTrustNames.has(name)) break;
    if (attempt > 20) {
      name = `${main} and ${other} ${attempt} NHS Trust`;
      if (!ctx.usedTrustNames.has(name)) break;
    }
    main = placeName(rng);
  }
  ctx.usedTrustNames.add(name);

  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const alnum = letters + '0123456789';
  let ods = '';
  for (let attempt = 0; ; attempt++) {
    ods = 'R' + (attempt < 10 ? main[0].toUpperCase() : rng.pick([...letters])) + rng.pick([...alnum]) + (attempt < 40 ? '' : rng.pick([...alnum]));
    if (!ctx.usedOds.has(ods)) break;
  }
  ctx.usedOds.add(ods);

  let domain = `${emailPart(main)}.nhs.example`;
  for (let n = 2; ctx.usedDomains.has(domain); n++) domain = `${emailPart(main)}${n}.nhs.example`;
  ctx.usedDomains.add(domain);

  const area = rng.pick(POSTCODE_AREA_LETTERS) + main[0].toUpperCase();
  const inward = 'ABDEFGHJLNPQRSTUWXYZ';
  const postcode = () => `${area}${rng.int(1, 19)} ${rng.int(1, 9)}${rng.pick([...inward])}${rng.pick([...inward])}`;
  const second = placeName(rng);
  const third = placeName(rng);
  const site = (n: string, kind: SiteKind, town: string): SiteSpec => ({
    name: n, kind, address: `${rng.int(1, 240)} ${rng.pick(STREETS)}, ${town}`, postcode: postcode(),
  });
  return {
    name,
    odsCode: ods,
    region: rng.pick(REGIONS),
    emailDomain: domain,
    sites: [
      site(rng.pick(ACUTE_SITE_PATTERNS)(main), SiteKind.ACUTE_HOSPITAL, main),
      site(rng.pick(COMMUNITY_HOSPITAL_PATTERNS)(second), SiteKind.COMMUNITY_HOSPITAL, second),
      site(rng.pick(COMMUNITY_BASE_PATTERNS)(third), SiteKind.COMMUNITY_BASE, third),
    ],
  };
}

/** Renames numbered and tree-named wards for a generated trust, keeping names unique per site. */
function wardNamer(rng: Rng): (tpl: WardTemplate) => string {
  const numbers = rng.shuffled(Array.from({ length: 30 }, (_, i) => i + 1));
  const trees = rng.shuffled(TREES);
  let n = 0;
  let t = 0;
  return (tpl) => {
    if (tpl.rename === 'numbered') {
      const num = numbers[n++ % numbers.length];
      return `Ward ${num}${rng.chance(0.4) ? rng.pick(['A', 'B', 'C']) : ''} — ${tpl.label}`;
    }
    if (tpl.rename === 'tree') return `${trees[t++ % trees.length]} Ward — ${tpl.label}`;
    return tpl.name;
  };
}

// ---------------------------------------------------------------------------------------------
// People

function person(ts: TrustState): Person {
  const { rng } = ts;
  const pool: NamePool = NAME_POOL_TABLE.pick(rng);
  const firstName = rng.pick(pool.first);
  const lastName = rng.pick(rng.chance(0.85) ? pool.last : NAME_POOL_TABLE.pick(rng).last);
  const nick = NICKNAMES[firstName];
  const preferredName = nick && rng.chance(0.4) ? nick : null;

  ts.nextEmployeeNumber += rng.int(1, 37);
  const employeeNumber = String(ts.nextEmployeeNumber).padStart(8, '0');

  const local = `${emailPart(firstName)}.${emailPart(lastName)}`;
  const seen = (ts.emailCounts.get(local) ?? 0) + 1;
  ts.emailCounts.set(local, seen);
  const workEmail = `${local}${seen > 1 ? seen : ''}@${ts.spec.emailDomain}`;

  // Phone numbers in Ofcom's ranges reserved for drama; e-mail domains reserved for examples.
  const workPhone = rng.chance(0.35) ? `01632 960${String(rng.int(0, 999)).padStart(3, '0')}` : null;
  const hasPersonalEmail = rng.chance(0.35);
  const hasPersonalPhone = rng.chance(0.45);
  const personalEmail = hasPersonalEmail
    ? `${rng.chance(0.5) ? local : emailPart(firstName)[0] + emailPart(lastName)}${rng.chance(0.6) ? rng.int(1, 99) : ''}@${rng.pick(['example.com', 'example.org', 'example.net'])}`
    : null;
  const personalPhone = hasPersonalPhone ? `07700 900${String(rng.int(0, 999)).padStart(3, '0')}` : null;
  return {
    firstName, lastName, preferredName, employeeNumber, workEmail, workPhone, personalEmail, personalPhone,
    consentPersonalEmail: hasPersonalEmail && rng.chance(0.7),
    consentPersonalPhone: hasPersonalPhone && rng.chance(0.75),
  };
}

/** Leavers: ~2.5 %, most already gone, some working their notice. */
function leaveDay(rng: Rng, today: number, start: number): number | null {
  if (!rng.chance(0.025)) return null;
  return rng.chance(0.6) ? Math.max(start + 30, today - rng.int(1, 180)) : today + rng.int(7, 70);
}

function contactRow(id: string, orgId: string, ts: TrustState, p: Person, extra: Pick<ContactRow, 'jobTitle' | 'staffGroup' | 'grade' | 'shiftPattern' | 'contractType'>, start: number, leave: number | null): ContactRow {
  return {
    id,
    organisationId: orgId,
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    jobTitle: extra.jobTitle,
    staffGroup: extra.staffGroup,
    grade: extra.grade,
    shiftPattern: extra.shiftPattern,
    contractType: extra.contractType,
    employerId: ts.employer.id,
    employeeNumber: p.employeeNumber,
    workEmail: p.workEmail,
    workPhone: p.workPhone,
    personalEmail: p.personalEmail,
    personalPhone: p.personalPhone,
    consentPersonalEmail: p.consentPersonalEmail,
    consentPersonalPhone: p.consentPersonalPhone,
    startDate: isoDay(start),
    leaveDate: leave === null ? null : isoDay(leave),
  };
}

/** A posting period, before ids: ward and days (end inclusive, null = current). */
interface Period { ward: WardState; start: number; end: number | null }

function* postingRows(ctx: Context, orgId: string, contactId: string, periods: readonly Period[]): Generator<SeedRow> {
  for (const p of periods) {
    yield {
      table: 'posting',
      row: { id: ctx.ids.next(TABLE_CODE.posting), organisationId: orgId, contactId, wardId: p.ward.row.id, startDate: isoDay(p.start), endDate: p.end === null ? null : isoDay(p.end) },
    };
  }
}

function* staffMember(ctx: Context, ts: TrustState, ward: WardState): Generator<SeedRow> {
  const { rng } = ts;
  const kind = ward.tpl.kind;
  const group = STAFF_MIX_TABLE[kind].pick(rng) as Exclude<StaffGroup, StaffGroup.MEDICAL_DENTAL>;
  const [jobTitle, titleGrade] = titleTable(group, kind).pick(rng);
  const band = bandNumber(titleGrade);
  const serviceDays = group === StaffGroup.STUDENTS
    ? rng.int(20, 900)
    : Math.min(Math.floor(rng.exponential((2.5 + band * 1.2) * YEAR)), Math.floor(40 * YEAR));
  const start = ctx.today - serviceDays;
  const grade = titleGrade && !isGradeOpenToNewEntrants(titleGrade, isoDay(start)) ? Grade.AFC_2 : titleGrade;
  const shiftPattern = (group === StaffGroup.ADMINISTRATIVE_CLERICAL ? ADMIN_SHIFT_TABLE : CLINICAL_SHIFT_TABLE[kind]).pick(rng);
  const contractType = CONTRACT_TABLE[group].pick(rng);
  const leave = leaveDay(rng, ctx.today, start);
  const p = person(ts);
  const org = ctx.orgs.unison;
  const id = ctx.ids.next(TABLE_CODE.contact);
  yield { table: 'contact', row: contactRow(id, org.id, ts, p, { jobTitle, staffGroup: group, grade, shiftPattern, contractType }, start, leave) };

  // Postings: about one in five moved here from another ward that employs their staff group.
  const periods: Period[] = [];
  if (serviceDays > 400 && rng.chance(0.22)) {
    const others = (ts.wardsByGroup.get(group) ?? []).filter((w) => w !== ward);
    if (others.length > 0) {
      const sameSite = others.filter((w) => w.site === ward.site);
      const previous = rng.pick(sameSite.length > 0 && rng.chance(0.7) ? sameSite : others);
      const moved = start + rng.int(180, serviceDays - 30);
      periods.push({ ward: previous, start, end: moved - 1 }, { ward, start: moved, end: null });
    }
  }
  if (periods.length === 0) periods.push({ ward, start, end: null });
  yield* postingRows(ctx, org.id, id, periods);

  const current = leave === null || leave > ctx.today;
  if (current) ward.headcount.unison++;
  const contractFactor = contractType === ContractType.AGENCY ? 0.35 : contractType === ContractType.BANK ? 0.75 : 1;
  const probability = clamp(ward.density * UNISON_GROUP_MULTIPLIER[group] * contractFactor, 0.01, 0.94);
  const ownMember = yield* memberships(ctx, rng, 'unison', id, group, probability, start);
  if (ownMember && leave === null) ward.candidates.unison.push({ id, start });
}

const DOCTOR_TRAINING = ['Medicine', 'Surgery', 'Anaesthetics', 'Psychiatry', 'Paediatrics', 'Emergency Medicine'];

function doctorTitle(rng: Rng, grade: Grade, speciality: string): string {
  switch (grade) {
    case Grade.FY1: return 'Foundation Year 1 Doctor';
    case Grade.FY2: return 'Foundation Year 2 Doctor';
    case Grade.CT1: case Grade.CT2: case Grade.CT3: return `Core Trainee (${grade}), ${rng.pick(DOCTOR_TRAINING)}`;
    case Grade.ST1: case Grade.ST2: return `Specialty Trainee (${grade}), ${speciality}`;
    case Grade.SAS_SPECIALTY_DOCTOR: return `Specialty Doctor, ${speciality}`;
    case Grade.SAS_SPECIALIST: return `Specialist, ${speciality}`;
    case Grade.SAS_ASSOCIATE_SPECIALIST: return `Associate Specialist, ${speciality}`;
    case Grade.CONSULTANT: return `Consultant, ${speciality}`;
    default: return `Specialty Registrar (${grade}), ${speciality}`;
  }
}

function* doctor(ctx: Context, ts: TrustState, ward: WardState): Generator<SeedRow> {
  const { rng } = ts;
  const grade = DOCTOR_GRADE_TABLE.pick(rng);
  const family = gradeInfo(grade).family;
  const resident = family === 'RESIDENT_DOCTOR';
  const speciality = ward.tpl.speciality ?? 'General medicine';
  const jobTitle = doctorTitle(rng, grade, speciality);
  const shiftPattern = (resident ? RESIDENT_SHIFTS : family === 'SAS' ? SAS_SHIFTS : CONSULTANT_SHIFTS).pick(rng);
  const contractType = CONTRACT_TABLE[StaffGroup.MEDICAL_DENTAL].pick(rng);

  // Resident doctors rotate every 4–6 months: 1–3 earlier posts on other wards of the trust.
  const periods: Period[] = [];
  let start: number;
  if (resident) {
    let from = ctx.today - rng.int(0, 150);
    periods.push({ ward, start: from, end: null });
    const earlier = rng.int(1, 3);
    let next = ward;
    for (let i = 0; i < earlier && ts.rotations; i++) {
      const length = rng.int(122, 183);
      let w = ts.rotations.pick(rng);
      for (let tries = 0; w === next && tries < 10; tries++) w = ts.rotations.pick(rng);
      periods.unshift({ ward: w, start: from - length, end: from - 1 });
      from -= length;
      next = w;
    }
    start = from;
  } else {
    start = ctx.today - Math.min(Math.floor(rng.exponential(9 * YEAR)) + 30, Math.floor(32 * YEAR));
    const clinical = ts.clinicalWards.filter((w) => w !== ward);
    if (clinical.length > 0 && ctx.today - start > 800 && rng.chance(0.12)) {
      const moved = start + rng.int(365, ctx.today - start - 60);
      periods.push({ ward: rng.pick(clinical), start, end: moved - 1 }, { ward, start: moved, end: null });
    } else {
      periods.push({ ward, start, end: null });
    }
  }
  const leave = leaveDay(rng, ctx.today, start);
  const p = person(ts);
  const extra = { jobTitle, staffGroup: StaffGroup.MEDICAL_DENTAL, grade, shiftPattern, contractType };
  const current = leave === null || leave > ctx.today;

  const bma = ctx.orgs.bma;
  const id = ctx.ids.next(TABLE_CODE.contact);
  yield { table: 'contact', row: contactRow(id, bma.id, ts, p, extra, start, leave) };
  yield* postingRows(ctx, bma.id, id, periods);
  if (current) ward.headcount.bma++;
  const probability = clamp(ward.bmaDensity * BMA_GRADE_MULTIPLIER[family], 0.02, 0.95);
  const ownMember = yield* memberships(ctx, rng, 'bma', id, StaffGroup.MEDICAL_DENTAL, probability, start);
  if (ownMember && leave === null) ward.candidates.bma.push({ id, start });

  // A few doctors are also on the UNISON branch's books: a separate record, never shared.
  if (rng.chance(0.015)) {
    const unison = ctx.orgs.unison;
    const uid = ctx.ids.next(TABLE_CODE.contact);
    yield { table: 'contact', row: contactRow(uid, unison.id, ts, p, extra, start, leave) };
    yield* postingRows(ctx, unison.id, uid, periods);
    if (current) ward.headcount.unison++;
    const pu = clamp(ward.density * UNISON_GROUP_MULTIPLIER[StaffGroup.MEDICAL_DENTAL] * 1.5, 0.02, 0.9);
    yield* memberships(ctx, rng, 'unison', uid, StaffGroup.MEDICAL_DENTAL, pu, start);
  }
}

// ---------------------------------------------------------------------------------------------
// Memberships

const UNION_SPECS = new Map(UNIONS.map((u) => [u.key, u]));

function membershipNumber(ctx: Context, rng: Rng, union: UnionKey): string {
  const spec = UNION_SPECS.get(union)!;
  ctx.memberNumbers[union] += rng.int(1, spec.numberGap);
  return spec.numberPrefix + String(ctx.memberNumbers[union]);
}

function joinDay(rng: Rng, today: number, start: number): number {
  // Some joined before starting here (as students or at a previous employer); most soon after.
  const day = rng.chance(0.25) ? start - rng.int(30, 3650) : start + Math.floor(rng.exponential(300));
  return Math.min(day, today - 1);
}

/**
 * What the organisation records about one contact's union membership. Returns whether they are a
 * current member of the organisation's own union (a possible rep).
 */
function* memberships(
  ctx: Context, rng: Rng, orgKey: OrgKey, contactId: string, group: StaffGroup, probability: number, start: number,
): Generator<SeedRow, boolean> {
  const org = ctx.orgs[orgKey];
  const own: UnionKey = orgKey === 'unison' ? 'UNISON' : 'BMA';
  const u = rng.next();
  const row = (union: UnionKey, status: MembershipStatus, source: MembershipSource, join: number | null, leave: number | null, numbered: boolean): SeedRow => ({
    table: 'membership',
    row: {
      id: ctx.ids.next(TABLE_CODE.membership),
      organisationId: org.id,
      contactId,
      unionId: ctx.unions[union].id,
      status,
      joinDate: join === null ? null : isoDay(join),
      leaveDate: leave === null ? null : isoDay(leave),
      membershipNumber: numbered ? membershipNumber(ctx, rng, union) : null,
      source,
    },
  });

  if (u < probability) {
    const union = orgKey === 'unison' ? UNISON_UNION_TABLE[group].pick(rng) : own;
    const join = joinDay(rng, ctx.today, start);
    if (union === own) {
      const verified = rng.chance(0.7);
      yield row(union, MembershipStatus.MEMBER, verified ? MembershipSource.VERIFIED_LIST : MembershipSource.SELF_REPORTED, join, null, verified || rng.chance(0.4));
    } else {
      yield row(union, MembershipStatus.MEMBER, MembershipSource.SELF_REPORTED, rng.chance(0.6) ? join : null, null, rng.chance(0.15));
    }
    // Dual membership, as reported to the rep (e.g. a nurse in UNISON and the RCN; a doctor in the BMA and Unite).
    if (rng.chance(0.02)) {
      const second: UnionKey = orgKey === 'bma' ? 'Unite' : union === 'UNISON' ? rng.pick(['RCN', 'Unite', 'GMB'] as const) : 'UNISON';
      yield row(second, MembershipStatus.MEMBER, MembershipSource.SELF_REPORTED, null, null, false);
      return union === own || second === own;
    }
    return union === own;
  }
  if (u < probability + 0.05) {
    const verified = rng.chance(0.6);
    const join = joinDay(rng, ctx.today - 60, start);
    const left = join + rng.int(30, Math.max(30, ctx.today - 1 - join));
    yield row(own, MembershipStatus.LAPSED, verified ? MembershipSource.VERIFIED_LIST : MembershipSource.SELF_REPORTED, join, left, verified);
  } else if (u < probability + 0.08) {
    yield row(own, MembershipStatus.PENDING, MembershipSource.SELF_REPORTED, null, null, false);
  } else if (rng.chance(0.3)) {
    yield row(own, MembershipStatus.NON_MEMBER, MembershipSource.SELF_REPORTED, null, null, false);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Rep roles

/**
 * About one current rep per 40–60 staff for each organisation in each trust, placed unevenly:
 * some wards get none (the map's holes, likelier where density is low), the rest go mostly where
 * the union is strong. Each rep covers their own ward and up to two more (never a hole) on their site.
 */
function* repRoles(ctx: Context, ts: TrustState, orgKey: OrgKey): Generator<SeedRow> {
  const { rng } = ts;
  const org = ctx.orgs[orgKey];
  const wards = ts.wards.filter((w) => w.headcount[orgKey] > 0);
  const baseOf = (w: WardState) => (orgKey === 'unison' ? w.density : w.bmaDensity);
  const holes = new Set(wards.filter((w) => rng.chance(baseOf(w) < 0.3 ? 0.5 : 0.1)));
  const open = wards.filter((w) => !holes.has(w) && w.candidates[orgKey].length > 0);
  const headcount = wards.reduce((sum, w) => sum + w.headcount[orgKey], 0);
  // The small test data set gets a few more, so that it has reps on several wards to test with.
  const target = Math.round(headcount / (ctx.size === 'small' ? rng.float(20, 30) : rng.float(40, 60)));
  const reps = new Map<WardState, number>();
  if (open.length > 0) {
    // Spread first (a rep on as many open wards as there are reps), then clump where the union is strong.
    const table = new WeightedTable(open.map((w) => [w, w.headcount[orgKey] * (0.2 + baseOf(w))] as const));
    const spread = Math.min(target, open.length);
    let placed = 0;
    for (let tries = 0; placed < target && tries < target * 50; tries++) {
      const w = table.pick(rng);
      const k = reps.get(w) ?? 0;
      if ((placed < spread && k > 0) || k >= w.candidates[orgKey].length) continue;
      reps.set(w, k + 1);
      placed++;
    }
  }
  for (const ward of wards) {
    const candidates = rng.shuffled(ward.candidates[orgKey]);
    const n = reps.get(ward) ?? 0;
    const coverable = wards.filter((w) => w !== ward && w.site === ward.site && !holes.has(w));
    for (let i = 0; i < n; i++) {
      const c = candidates[i];
      const id = ctx.ids.next(TABLE_CODE.rep_role);
      const startDay = Math.max(c.start + 30, ctx.today - rng.int(20, 3650));
      yield {
        table: 'rep_role',
        row: { id, organisationId: org.id, contactId: c.id, kind: REP_KIND_TABLE.pick(rng), startDate: isoDay(Math.min(startDay, ctx.today - 1)), endDate: null },
      };
      yield { table: 'rep_role_ward', row: { repRoleId: id, wardId: ward.row.id } };
      const extra = Math.min(EXTRA_WARDS_TABLE.pick(rng), coverable.length);
      for (const w of rng.shuffled(coverable).slice(0, extra)) yield { table: 'rep_role_ward', row: { repRoleId: id, wardId: w.row.id } };
    }
    // Now and then a former rep who stood down: history, not coverage.
    if (candidates.length > n && rng.chance(0.12)) {
      const c = candidates[n];
      const from = Math.max(c.start + 30, ctx.today - rng.int(400, 3650));
      const to = Math.min(ctx.today - 1, from + rng.int(120, 1500));
      if (from < to) {
        const id = ctx.ids.next(TABLE_CODE.rep_role);
        yield { table: 'rep_role', row: { id, organisationId: org.id, contactId: c.id, kind: RepRoleKind.WORKPLACE_REP, startDate: isoDay(from), endDate: isoDay(to) } };
        yield { table: 'rep_role_ward', row: { repRoleId: id, wardId: ward.row.id } };
      }
    }
  }
}
