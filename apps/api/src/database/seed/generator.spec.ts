import { Grade, gradeInfo, MembershipStatus, StaffGroup } from '@rollcall/domain';
import { DEMO_LOGINS, DEMO_TRUST, UNIONS } from './catalogue.js';
import { copyLine, copyValue } from './copy-writer.js';
import {
  generateSeedRows, SEED_TABLES, SEED_TODAY, type SeedOptions, type SeedRow, type SeedRowMap, type SeedTable,
} from './generator.js';
import { IdFactory, mulberry32, Rng } from './prng.js';

type Tables = { [T in SeedTable]: SeedRowMap[T][] };

function collect(options: SeedOptions): { tables: Tables; order: SeedTable[] } {
  const tables = Object.fromEntries(SEED_TABLES.map((t) => [t, []])) as unknown as Tables;
  const order: SeedTable[] = [];
  for (const r of generateSeedRows(options) as Iterable<SeedRow>) {
    (tables[r.table] as unknown[]).push(r.row);
    order.push(r.table);
  }
  return { tables, order };
}

/** Rows of a table in one organisation's own map or union list. */
function own<T extends { organisationId: string }>(rows: T[], organisationId: string): T[] {
  return rows.filter((r) => r.organisationId === organisationId);
}

const demo = collect({});
const small = collect({ size: 'small' });

/** Current headcount and MEMBER count per (organisation, ward) — density as the map shows it. */
function densities(t: Tables, organisationId: string): Map<string, { headcount: number; members: number }> {
  const ward = new Map(t.posting.filter((p) => p.endDate === null).map((p) => [p.contactId, p.wardId]));
  const members = new Set(t.membership.filter((m) => m.status === MembershipStatus.MEMBER).map((m) => m.contactId));
  const out = new Map<string, { headcount: number; members: number }>();
  for (const c of t.contact) {
    if (c.organisationId !== organisationId || (c.leaveDate !== null && c.leaveDate <= SEED_TODAY)) continue;
    const w = ward.get(c.id)!;
    const e = out.get(w) ?? { headcount: 0, members: 0 };
    e.headcount++;
    if (members.has(c.id)) e.members++;
    out.set(w, e);
  }
  return out;
}

describe('prng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers within bounds', () => {
    const r = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('makes well-formed, unique, fixed UUIDs', () => {
    const ids = new IdFactory(1);
    const list = Array.from({ length: 1000 }, (_, i) => ids.next(i % 3));
    expect(new Set(list).size).toBe(1000);
    for (const id of list) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const f = new IdFactory(1);
    f.next(2);
    f.next(2);
    expect(f.next(2)).toBe(IdFactory.format(1, 2, 3));
  });
});

describe('generateSeedRows', () => {
  it('gives the same rows twice', () => {
    const again = collect({});
    expect(again.tables).toEqual(demo.tables);
    expect(collect({ size: 'small' }).tables).toEqual(small.tables);
  });

  it('keeps the demo trust identical at larger scales', () => {
    const scaled = collect({ scale: 2 });
    expect(scaled.tables.contact.slice(0, demo.tables.contact.length)).toEqual(demo.tables.contact);
    const employers = own(scaled.tables.employer, scaled.tables.organisation[0].id);
    expect(employers.map((e) => e.name)).toEqual([DEMO_TRUST.name, expect.stringMatching(/NHS/)]);
    expect(new Set(employers.map((e) => e.odsCode)).size).toBe(2);
  });

  it('yields every row after the rows it refers to', () => {
    const seen = new Set<string>();
    for (const r of generateSeedRows({ size: 'small' }) as Iterable<SeedRow>) {
      const row = r.row as unknown as Record<string, unknown>;
      for (const key of ['organisationId', 'employerId', 'siteId', 'contactId', 'wardId', 'unionId', 'repRoleId']) {
        if (typeof row[key] === 'string') expect(seen.has(row[key])).toBe(true);
      }
      if (typeof row.id === 'string') seen.add(row.id);
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  it('has the reference data and the demo users', () => {
    const t = demo.tables;
    const first = t.organisation[0].id;
    expect(own(t.trade_union, first).map((u) => u.shortName)).toEqual(UNIONS.map((u) => u.shortName));
    expect(t.organisation).toHaveLength(2);
    expect(t.app_user.map((u) => u.email)).toEqual(DEMO_LOGINS.map((l) => l.email));
    expect(own(t.site, first).map((s) => s.kind)).toEqual(['ACUTE_HOSPITAL', 'COMMUNITY_HOSPITAL', 'COMMUNITY_BASE']);
    const wards = own(t.ward, first);
    expect(wards.length).toBeGreaterThanOrEqual(35);
    expect(wards.length).toBeLessThanOrEqual(45);
    const perSite = new Set(t.ward.map((w) => `${w.siteId}/${w.name}`));
    expect(perSite.size).toBe(t.ward.length);
  });

  it('has ~2,500 contacts at demo size: ~2,100 in the UNISON branch and ~400 doctors in the BMA group', () => {
    const [unison, bma] = demo.tables.organisation;
    const u = demo.tables.contact.filter((c) => c.organisationId === unison.id);
    const b = demo.tables.contact.filter((c) => c.organisationId === bma.id);
    expect(u.length).toBeGreaterThan(2000);
    expect(u.length).toBeLessThan(2200);
    expect(b.length).toBeGreaterThan(370);
    expect(b.length).toBeLessThan(430);
    expect(b.every((c) => c.staffGroup === StaffGroup.MEDICAL_DENTAL && c.grade !== null && gradeInfo(c.grade).family !== 'AGENDA_FOR_CHANGE')).toBe(true);
    expect(new Set(u.map((c) => c.staffGroup)).size).toBe(Object.keys(StaffGroup).length);
    // A few doctors are known to both organisations, as separate records.
    const bmaKeys = new Set(b.map((c) => `${c.employeeNumber}`));
    const both = u.filter((c) => c.staffGroup === StaffGroup.MEDICAL_DENTAL && bmaKeys.has(`${c.employeeNumber}`));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(20);
  });

  it('gives grades that fit the staff group, and keeps band 1 closed to new starters', () => {
    const bad = demo.tables.contact.filter((c) => {
      if (!c.jobTitle) return true;
      if (c.staffGroup === StaffGroup.MEDICAL_DENTAL) return false;
      if (c.staffGroup === StaffGroup.STUDENTS) return c.grade !== null;
      if (c.grade === Grade.AFC_1 && c.startDate! >= '2018-12-01') return true;
      return !c.grade?.startsWith('AFC_');
    });
    expect(bad).toEqual([]);
  });

  it('numbers employees uniquely per employer within an organisation (8 digits)', () => {
    for (const { tables } of [demo, small, collect({ scale: 3 })]) {
      const keys = tables.contact.map((c) => `${c.organisationId}/${c.employerId}/${c.employeeNumber}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(tables.contact.every((c) => /^\d{8}$/.test(c.employeeNumber ?? ''))).toBe(true);
    }
  });

  it('gives every contact exactly one current posting, and resident doctors 1–3 earlier ones', () => {
    for (const { tables } of [demo, small]) {
      const postings = new Map<string, (typeof tables.posting)[number][]>();
      for (const p of tables.posting) postings.set(p.contactId, [...(postings.get(p.contactId) ?? []), p]);
      const bad = tables.contact.filter((c) => {
        const list = postings.get(c.id) ?? [];
        if (list.filter((p) => p.endDate === null).length !== 1) return true;
        if (list.some((p) => p.endDate !== null && p.endDate < p.startDate)) return true;
        if (list.map((p) => p.startDate).sort()[0] !== c.startDate) return true;
        const earlier = list.length - 1;
        return c.grade !== null && gradeInfo(c.grade).family === 'RESIDENT_DOCTOR' && (earlier < 1 || earlier > 3);
      });
      expect(bad).toEqual([]);
      expect(tables.posting.length).toBe(new Set(tables.posting.map((p) => p.id)).size);
    }
  });

  it('varies density by ward: some near 80 %, some under 20 %', () => {
    const [unison] = demo.tables.organisation;
    const d = [...densities(demo.tables, unison.id).values()].filter((e) => e.headcount >= 15).map((e) => e.members / e.headcount);
    expect(Math.max(...d)).toBeGreaterThanOrEqual(0.7);
    expect(Math.min(...d)).toBeLessThanOrEqual(0.25);
    expect(d.filter((x) => x >= 0.7).length).toBeGreaterThanOrEqual(2);
    expect(d.filter((x) => x <= 0.25).length).toBeGreaterThanOrEqual(2);
  });

  it('records memberships of every status, mostly of the organisation’s own union, at most one per union', () => {
    const t = demo.tables;
    const [unison, bma] = t.organisation;
    const unionId = Object.fromEntries(own(t.trade_union, unison.id).map((u) => [u.shortName, u.id]));
    const bmaUnionId = Object.fromEntries(own(t.trade_union, bma.id).map((u) => [u.shortName, u.id]));
    const statuses = new Set(t.membership.map((m) => m.status));
    expect(statuses).toEqual(new Set(Object.values(MembershipStatus)));
    const pairs = t.membership.map((m) => `${m.contactId}/${m.unionId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const u = t.membership.filter((m) => m.organisationId === unison.id);
    expect(u.filter((m) => m.unionId === unionId.UNISON).length / u.length).toBeGreaterThan(0.6);
    expect(u.some((m) => m.unionId === unionId.RCN)).toBe(true);
    const b = t.membership.filter((m) => m.organisationId === bma.id);
    expect(b.filter((m) => m.unionId === bmaUnionId.BMA).length / b.length).toBeGreaterThan(0.9);
    const byId = new Map(t.contact.map((c) => [c.id, c]));
    for (const m of t.membership) expect(byId.get(m.contactId)!.organisationId).toBe(m.organisationId);
  });

  it('has about one rep per 40–60 staff, unevenly, with holes, each covering 1–3 wards on one site', () => {
    const t = demo.tables;
    const siteOf = new Map(t.ward.map((w) => [w.id, w.siteId]));
    const contacts = new Map(t.contact.map((c) => [c.id, c]));
    for (const org of t.organisation) {
      const staff = t.contact.filter((c) => c.organisationId === org.id).length;
      const reps = t.rep_role.filter((r) => r.organisationId === org.id && r.endDate === null);
      expect(staff / reps.length).toBeGreaterThanOrEqual(35);
      expect(staff / reps.length).toBeLessThanOrEqual(65);
      for (const r of reps) {
        expect(contacts.get(r.contactId)!.organisationId).toBe(org.id);
        const wards = t.rep_role_ward.filter((x) => x.repRoleId === r.id).map((x) => x.wardId);
        expect(wards.length).toBeGreaterThanOrEqual(1);
        expect(wards.length).toBeLessThanOrEqual(3);
        expect(new Set(wards.map((w) => siteOf.get(w))).size).toBe(1);
      }
    }
    const [unison] = t.organisation;
    const current = new Set(t.rep_role.filter((r) => r.organisationId === unison.id && r.endDate === null).map((r) => r.id));
    const covered = new Set(t.rep_role_ward.filter((x) => current.has(x.repRoleId)).map((x) => x.wardId));
    const staffed = densities(t, unison.id);
    const holes = [...staffed.keys()].filter((w) => !covered.has(w));
    expect(holes.length).toBeGreaterThan(2);
    expect(holes.length).toBeLessThan(staffed.size / 2);
  });

  it('gives every organisation its own workplace map and union list, and points its rows only into its own', () => {
    const t = demo.tables;
    const orgOf = new Map<string, string>();
    for (const table of ['employer', 'site', 'ward', 'trade_union'] as const) {
      const rows: { id: string; organisationId: string }[] = t[table];
      for (const r of rows) orgOf.set(r.id, r.organisationId);
      for (const org of t.organisation) expect(own(rows, org.id).length).toBe(rows.length / t.organisation.length);
    }
    for (const s of t.site) expect(orgOf.get(s.employerId)).toBe(s.organisationId);
    for (const w of t.ward) expect(orgOf.get(w.siteId)).toBe(w.organisationId);
    for (const c of t.contact) expect(orgOf.get(c.employerId)).toBe(c.organisationId);
    for (const p of t.posting) expect(orgOf.get(p.wardId)).toBe(p.organisationId);
    for (const m of t.membership) expect(orgOf.get(m.unionId)).toBe(m.organisationId);
    const repOrg = new Map(t.rep_role.map((r) => [r.id, r.organisationId]));
    for (const x of t.rep_role_ward) expect(orgOf.get(x.wardId)).toBe(repOrg.get(x.repRoleId));
  });

  it('makes a small data set of the same shape for tests', () => {
    const t = small.tables;
    expect(t.organisation).toHaveLength(2);
    expect(t.app_user).toHaveLength(DEMO_LOGINS.length);
    for (const org of t.organisation) {
      expect(own(t.employer, org.id)).toHaveLength(1);
      expect(own(t.site, org.id)).toHaveLength(2);
      expect(own(t.ward, org.id)).toHaveLength(8);
    }
    expect(t.contact.length).toBeGreaterThan(130);
    expect(t.contact.length).toBeLessThan(170);
    for (const org of t.organisation) {
      expect(t.contact.some((c) => c.organisationId === org.id)).toBe(true);
      expect(t.membership.some((m) => m.organisationId === org.id)).toBe(true);
      expect(t.rep_role.some((r) => r.organisationId === org.id)).toBe(true);
    }
    expect(t.posting.some((p) => p.endDate !== null)).toBe(true);
  });

  it('scales by whole trusts', () => {
    const counts: Record<string, number> = {};
    for (const r of generateSeedRows({ scale: 4, size: 'small' }) as Iterable<SeedRow>) counts[r.table] = (counts[r.table] ?? 0) + 1;
    // each of the 2 organisations has its own copy of every trust's map
    expect(counts.organisation).toBe(2);
    expect(counts.employer).toBe(4 * 2);
    expect(counts.site).toBe(8 * 2);
    expect(counts.contact).toBeGreaterThan(4 * 120);
    expect(() => generateSeedRows({ scale: 0 }).next()).toThrow(RangeError);
    expect(() => generateSeedRows({ scale: 1.5 }).next()).toThrow(RangeError);
  });
});

describe('COPY text format', () => {
  it('escapes specials and spells NULL and booleans', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(true)).toBe('t');
    expect(copyValue("O'Brien")).toBe("O'Brien");
    expect(copyValue('a\tb\\c\nd')).toBe('a\\tb\\\\c\\nd');
    expect(copyLine<{ a: string; b: null }>([['a', (r) => r.a], ['b', (r) => r.b]], { a: 'x', b: null })).toBe('x\t\\N\n');
  });
});
