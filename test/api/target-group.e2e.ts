import { EVERYONE, Grade, normaliseTargetGroup, StaffGroup, type TargetGroup } from '@rollcall/domain';
import { DataSource } from 'typeorm';
import { targetGroupCondition } from '../../apps/api/src/target-groups/target-group.sql.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * A target group's SQL (targetGroupCondition) picks exactly the contacts a plain query picks by the
 * same lists: record fields, the current posting, and the posting on a past day.
 */
let t: TestApp;
let db: DataSource;
const ids: Record<'ward' | 'site' | 'otherSite' | 'employer' | 'movedContact' | 'oldWard', string> = {} as never;

beforeAll(async () => {
  t = await startTestApp();
  db = new DataSource({ type: 'postgres', url: t.databaseUrl });
  await db.initialize();
  const [w] = await t.sql(`SELECT w.id AS ward, w.site_id AS site, s.employer_id AS employer FROM ward w JOIN site s ON s.id = w.site_id
    WHERE s.employer_id = $1 AND EXISTS (SELECT 1 FROM posting p WHERE p.ward_id = w.id AND p.end_date IS NULL) ORDER BY w.name LIMIT 1`, [t.demoEmployerId]);
  Object.assign(ids, w);
  [{ id: ids.otherSite }] = await t.sql('SELECT id FROM site WHERE employer_id = $1 AND id <> $2 ORDER BY name LIMIT 1', [t.demoEmployerId, ids.site]);
  // someone moved off the ward on 2026-06-01: on the ward in May, not now
  const [{ contact_id: moved, id: posting }] = await t.sql('SELECT contact_id, id FROM posting WHERE ward_id = $1 AND end_date IS NULL ORDER BY id LIMIT 1', [ids.ward]);
  const [{ id: other }] = await t.sql('SELECT w.id FROM ward w WHERE w.site_id = $1 AND w.id <> $2 LIMIT 1', [ids.otherSite, ids.ward]);
  await t.sql("UPDATE posting SET start_date = '2025-01-01', end_date = '2026-06-01' WHERE id = $1", [posting]);
  await t.sql("INSERT INTO posting (organisation_id, contact_id, ward_id, start_date) SELECT organisation_id, contact_id, $2, '2026-06-01' FROM posting WHERE id = $1", [posting, other]);
  ids.movedContact = moved;
  ids.oldWard = ids.ward;
});
afterAll(async () => {
  await db?.destroy();
  await t?.close();
});

async function picked(group: TargetGroup, on?: string): Promise<string[]> {
  const c = targetGroupCondition(group, 'c', { on });
  const rows = await db.createQueryBuilder().select('c.id', 'id').from('contact', 'c').where(c.sql, c.params).getRawMany<{ id: string }>();
  return rows.map((r) => r.id).sort();
}
const plain = async (where: string, params: unknown[] = []) => (await t.sql(`SELECT c.id FROM contact c WHERE ${where}`, params)).map((r) => r.id).sort();

describe('a target group in SQL', () => {
  it('is everyone when it narrows nothing', async () => {
    expect(targetGroupCondition(EVERYONE, 'c').sql).toBe('TRUE');
    expect(await picked(EVERYONE)).toEqual(await plain('TRUE'));
  });

  it('picks by employer, staff group and grade, each list narrowing and any entry of a list matching', async () => {
    const group = normaliseTargetGroup({ employerIds: [ids.employer], staffGroups: [StaffGroup.NURSING_MIDWIFERY_REGISTERED, StaffGroup.ALLIED_HEALTH_PROFESSIONALS], grades: [Grade.AFC_5, Grade.AFC_6] });
    const expected = await plain(`c.employer_id = $1 AND c.staff_group IN ('NURSING_MIDWIFERY_REGISTERED', 'ALLIED_HEALTH_PROFESSIONALS') AND c.grade IN ('AFC_5', 'AFC_6')`, [ids.employer]);
    expect(expected.length).toBeGreaterThan(0);
    expect(await picked(group)).toEqual(expected);
  });

  it('picks by ward and site through the current posting, or the posting on a day', async () => {
    const current = await plain('EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL AND p.ward_id = $1)', [ids.ward]);
    const onWard = await picked(normaliseTargetGroup({ wardIds: [ids.ward] }));
    expect(onWard).toEqual(current);
    expect(onWard).not.toContain(ids.movedContact);
    expect(await picked(normaliseTargetGroup({ wardIds: [ids.ward] }), '2026-05-15')).toContain(ids.movedContact);
    expect(await picked(normaliseTargetGroup({ wardIds: [ids.ward] }), '2026-06-01')).not.toContain(ids.movedContact);
    const atSites = await picked(normaliseTargetGroup({ siteIds: [ids.site, ids.otherSite] }));
    expect(atSites).toEqual(await plain(`EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id WHERE p.contact_id = c.id AND p.end_date IS NULL
      AND w.site_id IN ($1, $2))`, [ids.site, ids.otherSite]));
    // a ward and a site both narrow: the ward must be at the site
    expect(await picked(normaliseTargetGroup({ wardIds: [ids.ward], siteIds: [ids.otherSite] }))).toEqual([]);
  });

  it('shares a query with another group under another prefix', async () => {
    const a = targetGroupCondition(normaliseTargetGroup({ grades: [Grade.AFC_5] }), 'c', { prefix: 'a' });
    const b = targetGroupCondition(normaliseTargetGroup({ grades: [Grade.AFC_6] }), 'c', { prefix: 'b' });
    const rows = await db.createQueryBuilder().select('c.id', 'id').from('contact', 'c').where(`(${a.sql} OR ${b.sql})`, { ...a.params, ...b.params }).getRawMany();
    expect(rows.map((r) => r.id).sort()).toEqual(await plain("c.grade IN ('AFC_5', 'AFC_6')"));
  });
});
