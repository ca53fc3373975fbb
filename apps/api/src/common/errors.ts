import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import type { ValidationError } from 'class-validator';
import { DATABASE_UNAVAILABLE_MESSAGE, outageReason } from '../database/unavailable.js';
import { requestAborted } from '../database/request-transaction.js';
import { logsUnexpectedErrors } from './route-error.filter.js';

/** Error codes the client may see. Anything else is masked as INTERNAL_SERVER_ERROR. */
export const PUBLIC_ERROR_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'TOO_MANY_REQUESTS', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
  'SERVICE_UNAVAILABLE',
]);

export type FieldErrors = Record<string, string>;

/** Bad input: names each field and why. Nothing was changed. */
export class UserInputError extends GraphQLError {
  constructor(fields: FieldErrors, message?: string, httpStatus?: number) {
    const summary = Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ');
    super(message ?? `Invalid input — ${summary}`, {
      extensions: { code: 'BAD_USER_INPUT', fields, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }
}

/**
 * A period's end must not come before its start (either may be unset): else a field error on the end,
 * e.g. `{ leaveDate: 'must not be before joinDate' }`.
 */
export function checkPeriod(start: string | null | undefined, end: string | null | undefined, startField: string, endField: string): void {
  if (start && end && end < start) throw new UserInputError({ [endField]: `must not be before ${startField}` });
}

/** A whole request refused before anything runs (from an Apollo plugin): HTTP 400, not 500. */
export class RequestInputError extends UserInputError {
  constructor(fields: FieldErrors) {
    super(fields, undefined, 400);
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string) {
    super(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You do not have permission to do this') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Log in to use Rollcall') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/**
 * The database cannot be reached (down, restarting, not answering): HTTP 503, never a 401 — the
 * caller's session is still good. `reason` is for the server's log only.
 */
export class DatabaseUnavailableError extends GraphQLError {
  readonly reason: string;

  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
    this.reason = outageReason(cause) ?? 'database unavailable';
  }
}

/** class-validator errors → one message per field path (data.firstName → firstName). */
export function validationFields(errors: ValidationError[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const key = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[key] = Object.values(e.constraints)[0];
    if (e.children?.length) Object.assign(out, validationFields(e.children, key));
  }
  return out;
}

/** ValidationPipe's exceptionFactory: input objects named "data" or "filter" are unwrapped. */
export function validationException(errors: ValidationError[]): UserInputError {
  const fields = validationFields(errors);
  const unwrapped: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) unwrapped[k.replace(/^(data|filter)\./, '')] = v;
  return new UserInputError(unwrapped);
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The field naming a row of each table, for "does not exist" when the database leaves the column out. */
const REFERENCED_FIELD: Record<string, string> = {
  organisation: 'organisationId', employer: 'employerId', site: 'siteId', ward: 'wardId', trade_union: 'unionId',
  contact: 'contactId', rep_role: 'repRoleId', app_user: 'userId', branch: 'branchId',
};

const REFERENCING: Record<string, string> = {
  site: 'sites', ward: 'wards', posting: 'people posted to it', contact: 'contacts',
  membership: 'memberships', rep_role: 'rep roles', rep_role_ward: 'reps covering it', app_user: 'users',
  participation: "people's participation recorded on it (clear it first)", campaign_action: 'actions',
};

/**
 * Database constraint violations that are the user's doing become field errors: a unique index the
 * caller names (constraint → [field, message]), a reference to a row that does not exist, or a
 * delete of a row still in use. Anything else is rethrown (and masked by formatError).
 */
export function mapConstraintError(e: unknown, constraints: Record<string, [field: string, message: string]> = {}): never {
  if (e instanceof QueryFailedError) {
    const d = (e as QueryFailedError & { driverError?: { constraint?: string; code?: string; detail?: string; table?: string } }).driverError ?? {};
    const named = d.constraint ? constraints[d.constraint] : undefined;
    if (named) throw new UserInputError({ [named[0]]: named[1] });
    const column = /Key \(([a-z_]+)\)/.exec(d.detail ?? '')?.[1];
    // 23001: ON DELETE RESTRICT; 23503 with "referenced": NO ACTION. Either way the row is still in use.
    const referencing = /referenced from table "([a-z_]+)"/.exec(d.detail ?? '')?.[1];
    if ((d.code === '23001' || d.code === '23503') && referencing) {
      throw new UserInputError({ id: `cannot delete: it still has ${REFERENCING[referencing] ?? 'records that depend on it'}` });
    }
    // Under row-level security PostgreSQL leaves the key out of the detail: name the field by the table.
    const referenced = /is not present in table "([a-z_]+)"/.exec(d.detail ?? '')?.[1];
    if (d.code === '23503' && (column || referenced)) {
      throw new UserInputError({ [column ? camel(column) : REFERENCED_FIELD[referenced!] ?? 'id']: 'does not exist' });
    }
    // 23502: an explicit null for a required field (update inputs make every field optional, not nullable).
    const missing = (d as { column?: string }).column;
    if (d.code === '23502' && missing) throw new UserInputError({ [camel(missing)]: 'is required and cannot be null' });
    if (d.code === '23505') throw new UserInputError({ [column ? camel(column) : 'id']: 'already exists' });
    // 42501: row-level security (or a missing privilege) refused the write: the database's own wall.
    if (d.code === '42501') throw new ForbiddenError();
  }
  throw e;
}

/** Apollo formatError: public codes pass with their message; everything else is masked. Never a stack. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_ERROR_CODES.has(code)) {
    const { stacktrace: _s, originalError: _o, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (outageReason(original)) {
    // Thrown past Nest's filter (a field resolver, a loader): the same answer (logged once by the outage plugin).
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  if (original instanceof QueryFailedError && (original as { driverError?: { code?: string } }).driverError?.code === '42501') {
    // The database refused (row-level security): the same answer as the API's own refusal.
    return { message: new ForbiddenError().message, path: formatted.path, extensions: { code: 'FORBIDDEN' } };
  }
  // A request whose client went away fails where it stood: logged once, in one line, by RequestTransactions.
  if (logsUnexpectedErrors() && !requestAborted()) {
    console.error('Unexpected error:', original instanceof Error ? original.stack : original);
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
