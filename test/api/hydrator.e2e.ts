import { DataSource, type Driver, type EntityMetadata, type ObjectLiteral } from 'typeorm';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer.js';
import { compileHydrator, keepsValue } from '../../apps/api/src/common/hydrator.js';
import { Contact } from '../../apps/api/src/contacts/contact.entity.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * A page of contacts is hydrated by compiled functions (common/hydrator.ts) instead of TypeORM's own
 * path. They must make what TypeORM makes: for every column of every entity, whatever pg hands over,
 * and for real rows read through TypeORM.
 */

let t: TestApp;
let db: DataSource;

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(DataSource);
});

afterAll(async () => {
  await t?.close();
});

/** TypeORM's own way, column by column (RawSqlResultsToEntityTransformer's): what a compiled hydrator must match. */
function hydrateGeneric(meta: EntityMetadata, driver: Driver, prefix: string, row: Record<string, unknown>): ObjectLiteral {
  const entity = meta.create(undefined, { fromDeserializer: true }) as ObjectLiteral;
  for (const column of meta.columns) {
    const value = row[prefix + column.databaseName];
    if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/** What pg may hand a hydrator for a column: its text, numbers, booleans, dates, json, arrays, null. */
const PROBES: unknown[] = [
  null, 'x', '', '12', '1.5', '2026-01-02', '2026-01-02T03:04:05.000Z', '12:30:00', '{a,b}', '{}', '[1,2]', '{"a":1}',
  7, 0, -3.25, true, false, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), { a: 1 }, ['a', 'b'], [],
];

/** What a hydrator made of a row (an invalid date, which equals nothing, as its name), or what it threw. */
const outcome = (f: () => ObjectLiteral): unknown => {
  try {
    const made = f();
    for (const [k, v] of Object.entries(made)) if (v instanceof Date && Number.isNaN(v.getTime())) made[k] = 'Invalid Date';
    return { made };
  } catch (e) {
    return { threw: (e as Error).message };
  }
};

it('makes what TypeORM makes, for every column of every entity and every kind of value pg hands over', () => {
  let kept = 0;
  let compared = 0;
  for (const meta of db.entityMetadatas) {
    kept += meta.columns.filter(keepsValue).length;
    for (const prefix of ['', `${meta.name}_`]) {
      const hydrate = compileHydrator(meta, db.driver, prefix);
      for (const probe of PROBES) {
        // Every column at once, and each column alone (a row without the others' keys).
        const all = Object.fromEntries(meta.columns.map((c) => [prefix + c.databaseName, probe]));
        expect(outcome(() => hydrate(all))).toStrictEqual(outcome(() => hydrateGeneric(meta, db.driver, prefix, all)));
        for (const c of meta.columns) {
          const one = { [prefix + c.databaseName]: probe, unrelated: probe };
          expect(outcome(() => hydrate(one))).toStrictEqual(outcome(() => hydrateGeneric(meta, db.driver, prefix, one)));
          compared++;
        }
      }
    }
  }
  // The fast path is taken (most columns are text, uuids and numbers) and the slow one too (dates, enums, booleans).
  const columns = db.entityMetadatas.reduce((n, m) => n + m.columns.length, 0);
  expect(kept).toBeGreaterThan(columns / 3);
  expect(kept).toBeLessThan(columns);
  expect(compared).toBeGreaterThan(1000);
});

it("hydrates real rows as TypeORM does: contacts read with TypeORM's select aliases", async () => {
  const qb = db.getRepository(Contact).createQueryBuilder('contact').orderBy('contact.id').limit(50);
  const [text, params] = qb.getQueryAndParameters();
  const raw = await t.sql<Record<string, unknown>>(text, params); // as the owner: the app's own role sees no one outside a request
  const entities = new RawSqlResultsToEntityTransformer(qb.expressionMap, db.driver, []).transform(raw, qb.expressionMap.mainAlias!) as Contact[];
  expect(entities.length).toBeGreaterThan(10);
  const hydrate = compileHydrator<Contact>(db.getMetadata(Contact), db.driver, 'contact_');
  const ours = (raw as Record<string, unknown>[]).map(hydrate);
  expect(ours).toStrictEqual(entities);
  expect(ours[0]).toBeInstanceOf(Contact);
  expect(ours.some((c) => c.createdAt instanceof Date)).toBe(true);
});
