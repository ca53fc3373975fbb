import { randomBytes } from 'node:crypto';
import { type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** AES-256: 32-byte keys. */
export const CASE_KEY_BYTES = 32;

/** A key id: short, printable, stored in every ciphertext (1 to 64 letters, digits, '.', '_' or '-'). */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export interface CaseKey {
  id: string;
  key: Buffer;
}

const BASE64 = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;

/**
 * Reads `CASE_ENCRYPTION_KEYS`: comma-separated `id:base64key` pairs of 32-byte keys, the first the
 * one that encrypts. Problems name the entry by its place in the list, never its text: an entry
 * written the wrong way round would otherwise print its key.
 */
export function parseCaseKeys(value: string, name = 'CASE_ENCRYPTION_KEYS'): { keys: CaseKey[]; problems: string[] } {
  const keys: CaseKey[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  value.split(',').forEach((raw, i) => {
    const n = i + 1;
    const entry = raw.trim();
    const colon = entry.indexOf(':');
    if (!entry) return problems.push(`${name} entry ${n} is empty`);
    if (colon < 0) return problems.push(`${name} entry ${n} must look like id:base64key`);
    const id = entry.slice(0, colon).trim();
    const text = entry.slice(colon + 1).trim();
    if (!KEY_ID_PATTERN.test(id)) {
      return problems.push(`${name} entry ${n}: the key id must be 1 to 64 letters, digits, '.', '_' or '-'`);
    }
    const key = decodeBase64(text);
    if (!key) return problems.push(`${name} entry ${n}: the key is not valid base64`);
    if (key.length !== CASE_KEY_BYTES) {
      return problems.push(`${name} entry ${n}: the key must be ${CASE_KEY_BYTES} bytes (256 bits) in base64, as \`openssl rand -base64 32\` prints; it is ${key.length} bytes`);
    }
    const first = seen.get(id);
    if (first !== undefined) return problems.push(`${name} entries ${first} and ${n} have the same key id`);
    seen.set(id, n);
    keys.push({ id, key });
  });
  return { keys, problems };
}

/** Standard or URL-safe base64, padded or not; undefined when it is not base64 at all. */
function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text) || text.replace(/=+$/, '').length % 4 === 1) return undefined;
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // Buffer.from skips what it cannot read: a round trip catches stray padding and trailing bits.
  const canonical = (s: string) => s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  return canonical(bytes.toString('base64')) === canonical(text) ? bytes : undefined;
}

/** A new `id:base64key` entry with a random key (the development key kept in DATA_DIR). */
export function newCaseKeyEntry(id = `dev-${randomBytes(4).toString('hex')}`): string {
  return `${id}:${randomBytes(CASE_KEY_BYTES).toString('base64')}`;
}

/** class-validator rule for AppConfig.CASE_ENCRYPTION_KEYS: every problem, none printing a key. */
@ValidatorConstraint({ name: 'caseEncryptionKeys' })
export class CaseEncryptionKeysRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseCaseKeys(value).problems.length === 0;
  }

  defaultMessage(args?: ValidationArguments): string {
    if (typeof args?.value !== 'string') return 'CASE_ENCRYPTION_KEYS must be comma-separated id:base64key pairs';
    return parseCaseKeys(args.value).problems.join('\n  - ');
  }
}
