import type { Driver, EntityMetadata, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** A row's columns (under `prefix` + column name) → the entity TypeORM would have made of them. */
export type Hydrator<T extends ObjectLiteral> = (row: Record<string, unknown>) => T;

/**
 * The column types whose values TypeORM's PostgreSQL driver changes when it hydrates them
 * (PostgresDriver.prepareHydratedValue, TypeORM 1.1): a column of any other type, with no transformer,
 * keeps the value pg read. hydrator.e2e.ts checks this against the driver for every column of every entity.
 */
const CONVERTED_TYPES: ReadonlySet<unknown> = new Set<unknown>([
  Boolean, Number, Date, 'datetime', 'timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone',
  'date', 'time', 'vector', 'halfvec', 'hstore', 'simple-array', 'simple-json', 'cube', 'enum', 'simple-enum',
]);

/** Whether hydrating this column is writing pg's value to its property, as it is: no conversion, no transformer, no nesting. */
export function keepsValue(column: ColumnMetadata): boolean {
  return !CONVERTED_TYPES.has(column.type) && !column.transformer && !column.embeddedMetadata && !column.isVirtual
    && /^[A-Za-z_$][\w$]*$/.test(column.propertyName);
}

/**
 * A function that hydrates rows of one entity as TypeORM does (RawSqlResultsToEntityTransformer: no
 * constructor, each column's value, where the row has it, as the driver prepares it), compiled once
 * for the entity and the prefix its columns come under (TypeORM's select aliases, or row_to_json's
 * keys). Written out as one function per entity, each property is a plain named write: a page of
 * contacts and their postings, wards, sites and memberships is a few thousand of them, and the
 * generic path (a loop of keyed reads and writes, each value through the driver's chain of type
 * tests) took about a millisecond and a half of a list page's eight of CPU. The generated source
 * holds only column names and property names from the entities' own metadata, written as JSON
 * strings, and indexes into arrays; the values it reads stay data.
 */
export function compileHydrator<T extends ObjectLiteral>(meta: EntityMetadata, driver: Driver, prefix: string): Hydrator<T> {
  const columns = meta.columns;
  const keys = columns.map((c) => prefix + c.databaseName);
  // Everything else goes the driver's way, column by column: its conversion, then its own setter.
  const set = columns.map((c) => (entity: ObjectLiteral, value: unknown) => c.setEntityValue(entity, driver.prepareHydratedValue(value, c)));
  const lines = columns.map((c, i) =>
    `v = row[${JSON.stringify(keys[i])}]; if (v !== undefined) ${keepsValue(c) ? `e[${JSON.stringify(c.propertyName)}] = v` : `set[${i}](e, v)`};`);
  const body = new Function('create', 'set', `return function hydrate(row) { const e = create(); let v;\n${lines.join('\n')}\nreturn e; };`) as (
    create: () => T, set: ((entity: ObjectLiteral, value: unknown) => void)[]) => Hydrator<T>;
  return body(() => meta.create(undefined, { fromDeserializer: true }) as T, set);
}

