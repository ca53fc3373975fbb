import { GraphQLError } from 'graphql';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, formatError, ForbiddenError } from '../common/errors.js';
import { freePort } from './embedded.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, outageReason } from './unavailable.js';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const queryFailed = (driverError: Error) => new QueryFailedError('SELECT secret FROM contact', [], driverError);

describe('isDatabaseUnavailable', () => {
  it('knows a refused connection as node-postgres reports it', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: await freePort(), user: 'x', database: 'x' });
    const error = await client.connect().then(() => undefined, (e: unknown) => e);
    expect(outageReason(error)).toMatch(/^ECONNREFUSED: /);
  });

  it('knows shutdowns, connection exceptions, pool timeouts and dropped connections, however wrapped', () => {
    const outages = [
      queryFailed(pgError('57P01', 'terminating connection due to administrator command')),
      queryFailed(pgError('57P02', 'terminating connection because of crash of another server process')),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006', 'connection failure'),
      pgError('53300', 'sorry, too many clients already'),
      new Error('timeout exceeded when trying to connect'),
      queryFailed(new Error('Connection terminated unexpectedly')),
      new Error('Connection terminated due to connection timeout'),
      new GraphQLError('x', { originalError: pgError('ECONNRESET', 'read ECONNRESET') }),
      new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')], 'connect failed'),
      new DatabaseUnavailableError(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')),
    ];
    for (const e of outages) expect([e.message, isDatabaseUnavailable(e)]).toEqual([e.message, true]);
  });

  it('keeps the cause\'s reason through our own error and GraphQL\'s wrapping of it (for the log line)', () => {
    const own = new DatabaseUnavailableError(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));
    const located = new GraphQLError(own.message, { originalError: own, path: ['login'] });
    expect(outageReason(located)).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('leaves the request\'s own faults alone', () => {
    const faults = [
      queryFailed(pgError('23505', 'duplicate key value violates unique constraint')),
      queryFailed(pgError('42501', 'new row violates row-level security policy')),
      queryFailed(pgError('42P01', 'relation "nope" does not exist')),
      new Error('boom'),
      new ForbiddenError(),
      null,
      'ECONNREFUSED',
    ];
    for (const e of faults) expect(isDatabaseUnavailable(e)).toBe(false);
  });
});

describe('formatError on an outage', () => {
  it('says SERVICE_UNAVAILABLE in plain words: no SQL, no address, no stack', () => {
    const raw = queryFailed(pgError('57P01', 'terminating connection due to administrator command'));
    const located = new GraphQLError(raw.message, { originalError: raw, path: ['allContacts'] });
    const out = formatError({ message: raw.message, path: ['allContacts'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located);
    expect(out).toEqual({ message: DATABASE_UNAVAILABLE_MESSAGE, path: ['allContacts'], extensions: { code: 'SERVICE_UNAVAILABLE' } });

    const own = new DatabaseUnavailableError(pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'));
    expect(own.reason).toBe('ECONNREFUSED: connect ECONNREFUSED 10.0.0.5:5432');
    const formatted = formatError({ message: own.message, extensions: { code: 'SERVICE_UNAVAILABLE', stacktrace: ['at x'] } }, own);
    expect(JSON.stringify(formatted)).not.toMatch(/10\.0\.0\.5|stacktrace|ECONNREFUSED/);
  });
});
