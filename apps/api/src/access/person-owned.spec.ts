import { getMetadataArgsStorage } from 'typeorm';
import { apiSources } from '../common/api-sources.spec-helper.js';
import { ENTITIES } from '../database/entities.js';
import { SnakeNamingStrategy } from '../database/naming.strategy.js';
import { PERSON_OWNED } from './people-door.js';

/** The entity classes of the person-owned tables (PERSON_OWNED), by name. */
function personOwnedEntities(): string[] {
  const naming = new SnakeNamingStrategy();
  const given = new Map(getMetadataArgsStorage().tables.map((t) => [t.target, t.name]));
  return ENTITIES.filter((e) => Object.hasOwn(PERSON_OWNED, naming.tableName(e.name, given.get(e)))).map((e) => e.name);
}

const ENTITY = personOwnedEntities();
const TABLES = Object.keys(PERSON_OWNED);
const any = (names: string[]) => `(?:${names.join('|')})`;

/**
 * The ways source outside access/ could reach a person-owned table without the PeopleDoor: a
 * repository of its entity (injected, asked of a manager, registered for a module, or the door's own,
 * which is PeopleCrudService's), an entity manager or query builder call on the entity, raw SQL that
 * writes the table, or (the last, only in a class built on PeopleCrudService) using the service's
 * repository for more than making and merging rows. Each is a pattern with what it means.
 */
const BYPASSES: [RegExp, string][] = [
  [new RegExp(`InjectRepository\\(\\s*${any(ENTITY)}\\b`), 'injects a repository of a person-owned entity'],
  [new RegExp(`get(?:Tree|Mongo)?Repository\\(\\s*${any(ENTITY)}\\b`), 'asks for a repository of a person-owned entity'],
  [new RegExp(`forFeature\\(\\s*\\[[^\\]]*\\b${any(ENTITY)}\\b`), 'registers a repository of a person-owned entity'],
  [/\.repository\(/, "takes the door's repository (PeopleCrudService's alone)"],
  [
    new RegExp(`\\.(?:insert|save|update|upsert|delete|softDelete|restore|remove|recover|find\\w*|count\\w*|exist\\w*|sum|average|minimum|maximum|`
      + `increment|decrement|clear|preload|createQueryBuilder|relation|from|into)\\(\\s*${any(ENTITY)}\\b`),
    'calls an entity manager or query builder on a person-owned entity',
  ],
  [new RegExp(`(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?${any(TABLES)}\\b`), 'writes a person-owned table in raw SQL'],
];
const OWN_REPOSITORY: [RegExp, string] = [
  /this\.repo\.(?!(?:create|merge|metadata|target)\b)\w+/, 'uses the repository of a PeopleCrudService for more than making and merging rows',
];

/** What in this source bypasses the door. */
function bypasses(text: string): string[] {
  const peopleService = /extends\s+(?:PeopleCrudService|ContactRecordService)\b/.test(text);
  return [...BYPASSES, ...(peopleService ? [OWN_REPOSITORY] : [])].filter(([re]) => re.test(text)).map(([, what]) => what);
}

describe('the PeopleDoor is the one way to person-owned tables', () => {
  it('knows the entity of every person-owned table', () => {
    expect(ENTITY.sort()).toEqual(['AssessmentEntry', 'BallotMemberStateChange', 'CaseFile', 'Contact', 'ContactLink', 'Conversation', 'Membership', 'Participation', 'Posting', 'RepRole']);
    expect(ENTITY).toHaveLength(TABLES.length);
  });

  it('finds each kind of bypass', () => {
    const cases = [
      '@InjectRepository(Membership) repo: Repository<Membership>',
      'this.db.getRepository(ContactLink).find()',
      'imports: [RequestRepositories.forFeature([Union, Posting])]',
      'super(door.repository(Contact))',
      'await tx.insert(Conversation, draft);',
      'await manager.createQueryBuilder(RepRole, "r").getMany()',
      'qb.delete().from(AssessmentEntry).execute()',
      'class X extends PeopleCrudService<Contact, F> { f() { return this.repo.softDelete(id); } }',
      "await this.db.query('UPDATE contact SET leader = true WHERE id = $1', [id])",
      'DELETE FROM "contact_link" WHERE id = $1',
    ];
    for (const c of cases) expect([c, bypasses(c).length]).toEqual([c, 1]);
    expect(bypasses('class X extends OrganisationCrudService<Ward, F> { f() { return this.repo.delete(id); } }')).toEqual([]);
    expect(bypasses('await w.insertRows(Contact, contact); const row = this.repo.create({}); this.repo.merge(row, input);')).toEqual([]);
  });

  it('is not bypassed outside access/ (migrations and the demo seed write the database as its owner)', () => {
    const found = apiSources(['access', 'database/migrations', 'database/seed'])
      .flatMap((f) => bypasses(f.text).map((what) => `${f.file}: ${what}`));
    expect(found).toEqual([]);
  });
});
