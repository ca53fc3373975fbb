import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { type CaseKey, KEY_ID_PATTERN, parseCaseKeys } from './case-keys.js';

/** The layout below; a new layout gets a new version and decrypt keeps reading the old ones. */
export const SEALED_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A ciphertext could not be read: not one of ours, under a key the configuration does not hold,
 * altered, or sealed with a different key of the same id. An internal error (the client sees
 * "Internal server error"); the message never holds a key or any plaintext.
 */
export class CaseCipherError extends Error {
  override readonly name = 'CaseCipherError';
}

/**
 * Encrypts case content (note text, document bytes) at rest with AES-256-GCM. Each sealed value is
 * one self-describing Buffer:
 *
 *     version (1 byte) | key id length (1 byte) | key id (ASCII) | IV (12 bytes) | ciphertext | GCM tag (16 bytes)
 *
 * The version and key id are authenticated (GCM additional data), so neither can be swapped without
 * decryption failing. Keys come from CASE_ENCRYPTION_KEYS (see case-keys.ts): the first encrypts,
 * the others only decrypt, so a key can be rotated (see rotate.ts). A plain class: Nest provides
 * it through CaseCryptoModule; scripts and tests construct it with `new CaseCipher(keys)`.
 */
export class CaseCipher {
  /** The key new ciphertexts are sealed under. */
  readonly currentKeyId: string;
  private readonly keys = new Map<string, KeyObject>();

  /** `keys`: the CASE_ENCRYPTION_KEYS text (`id:base64key,...`) or parsed keys, the current one first. */
  constructor(keys: string | readonly CaseKey[]) {
    let list: readonly CaseKey[] = [];
    if (typeof keys === 'string') {
      const parsed = parseCaseKeys(keys);
      if (parsed.problems.length) throw new CaseCipherError(`Invalid case encryption keys: ${parsed.problems.join('; ')}`);
      list = parsed.keys;
    } else {
      list = keys;
    }
    if (!list.length) throw new CaseCipherError('No case encryption key is configured (CASE_ENCRYPTION_KEYS)');
    for (const { id, key } of list) {
      if (!KEY_ID_PATTERN.test(id)) throw new CaseCipherError('A case encryption key id must be 1 to 64 letters, digits, \'.\', \'_\' or \'-\'');
      if (key.length !== 32) throw new CaseCipherError(`Case encryption key ${id} must be 32 bytes`);
      if (this.keys.has(id)) throw new CaseCipherError(`Case encryption key id ${id} is given twice`);
      // A KeyObject prints as `SecretKeyObject { type: 'secret' }`: a stray log line shows no key.
      this.keys.set(id, createSecretKey(Buffer.from(key)));
    }
    this.currentKeyId = list[0].id;
  }

  /** The ids of every key held, the current one first. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** Seals text (as UTF-8) or bytes under the current key, with a fresh random IV. */
  encrypt(plain: Buffer | string): Buffer {
    const header = CaseCipher.header(this.currentKeyId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return Buffer.concat([header, iv, body, cipher.getAuthTag()]);
  }

  /** The bytes sealed by encrypt; throws CaseCipherError rather than return anything unauthenticated. */
  decrypt(sealed: Buffer): Buffer {
    const { keyId, headerLength } = parse(sealed);
    const key = this.keys.get(keyId);
    if (!key) throw new CaseCipherError(`Case ciphertext is under key ${keyId}, which CASE_ENCRYPTION_KEYS does not hold`);
    const iv = sealed.subarray(headerLength, headerLength + IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(sealed.subarray(0, headerLength));
    decipher.setAuthTag(tag);
    const body = decipher.update(sealed.subarray(headerLength + IV_BYTES, sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([body, decipher.final()]);
    } catch {
      throw new CaseCipherError(`Case ciphertext under key ${keyId} failed authentication: it was altered, or key ${keyId} is not the key it was sealed with`);
    }
  }

  /** decrypt, read as UTF-8 text (refused if the bytes are not UTF-8: they were sealed as bytes, not text). */
  decryptText(sealed: Buffer): string {
    const bytes = this.decrypt(sealed);
    try {
      return UTF8.decode(bytes);
    } catch {
      throw new CaseCipherError('Case ciphertext holds bytes, not UTF-8 text');
    }
  }

  /** The id of the key a ciphertext was sealed under (read from its header; nothing is decrypted). */
  keyIdOf(sealed: Buffer): string {
    return parse(sealed).keyId;
  }

  /** True when a ciphertext is not under the current key (or not in the current layout). */
  needsRotation(sealed: Buffer): boolean {
    return this.keyIdOf(sealed) !== this.currentKeyId;
  }

  /** The bytes every ciphertext under `keyId` starts with (rotate.ts finds the others with it in SQL). */
  static header(keyId: string): Buffer {
    if (!KEY_ID_PATTERN.test(keyId)) throw new CaseCipherError('Not a valid case encryption key id');
    const id = Buffer.from(keyId, 'ascii');
    return Buffer.concat([Buffer.from([SEALED_VERSION, id.length]), id]);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function parse(sealed: Buffer): { keyId: string; headerLength: number } {
  if (!((sealed as unknown) instanceof Uint8Array)) throw new CaseCipherError('Case ciphertext must be bytes');
  if (sealed.length < 2) throw new CaseCipherError('Not a case ciphertext: too short');
  if (sealed[0] !== SEALED_VERSION) throw new CaseCipherError(`Not a case ciphertext: unknown format version ${sealed[0]}`);
  const headerLength = 2 + sealed[1];
  if (sealed.length < headerLength + IV_BYTES + TAG_BYTES) throw new CaseCipherError('Not a case ciphertext: too short');
  const keyId = Buffer.from(sealed.subarray(2, headerLength)).toString('latin1');
  if (!KEY_ID_PATTERN.test(keyId)) throw new CaseCipherError('Not a case ciphertext: its key id is malformed');
  return { keyId, headerLength };
}
