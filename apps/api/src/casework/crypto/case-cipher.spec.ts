import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { Test } from '@nestjs/testing';
import { loadConfig } from '../../config/app-config.js';
import { ConfigModule } from '../../config/config.module.js';
import { CaseCipher, CaseCipherError } from './case-cipher.js';
import { CaseCryptoModule } from './case-crypto.module.js';

const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('base64');
const KEY_C = randomBytes(32).toString('base64');

/** Runs fn, which must throw a CaseCipherError; returns its message. */
function refusal(fn: () => unknown): string {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CaseCipherError);
    for (const key of [KEY_A, KEY_B, KEY_C]) expect((e as Error).message).not.toContain(key);
    return (e as Error).message;
  }
  throw new Error(`expected a refusal, got ${String(result)}`);
}

describe('CaseCipher', () => {
  const cipher = new CaseCipher(`k1:${KEY_A}`);

  it('round-trips text, bytes and empty values', () => {
    const text = 'Grievance re: Ward 7 rota — "Siân" said “no” on 3/2 🙂\nline two';
    expect(cipher.decryptText(cipher.encrypt(text))).toBe(text);
    const bytes = randomBytes(100_000);
    bytes[0] = 0;
    expect(cipher.decrypt(cipher.encrypt(bytes)).equals(bytes)).toBe(true);
    expect(cipher.decryptText(cipher.encrypt(''))).toBe('');
    expect(cipher.decrypt(cipher.encrypt(Buffer.alloc(0)))).toHaveLength(0);
  });

  it('seals one self-describing buffer: version, key id, 12-byte IV, ciphertext, 16-byte tag, never the plaintext', () => {
    const plain = 'The member was not accompanied at the investigation meeting';
    const sealed = cipher.encrypt(plain);
    expect(sealed[0]).toBe(1);
    expect(sealed[1]).toBe(2);
    expect(sealed.subarray(2, 4).toString('ascii')).toBe('k1');
    expect(sealed).toHaveLength(2 + 2 + 12 + Buffer.byteLength(plain) + 16);
    expect(sealed.includes(Buffer.from(plain))).toBe(false);
    expect(sealed.includes(Buffer.from('accompanied'))).toBe(false);
    // A fresh IV each time: the same text never seals to the same bytes.
    const again = cipher.encrypt(plain);
    expect(again.equals(sealed)).toBe(false);
    expect(again.subarray(4, 16).equals(sealed.subarray(4, 16))).toBe(false);
    expect(cipher.keyIdOf(sealed)).toBe('k1');
  });

  it('refuses a ciphertext with any byte altered, and never returns what it decrypted', () => {
    const sealed = cipher.encrypt('Outcome: final written warning');
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] ^= 0x01;
      refusal(() => cipher.decrypt(tampered));
    }
    expect(refusal(() => { const t = Buffer.from(sealed); t[sealed.length - 1] ^= 0x80; return cipher.decrypt(t); }))
      .toBe('Case ciphertext under key k1 failed authentication: it was altered, or key k1 is not the key it was sealed with');
    expect(refusal(() => { const t = Buffer.from(sealed); t[0] = 2; return cipher.decrypt(t); })).toBe('Not a case ciphertext: unknown format version 2');
    expect(refusal(() => cipher.decrypt(sealed.subarray(0, 20)))).toBe('Not a case ciphertext: too short');
    expect(refusal(() => cipher.decrypt(Buffer.from('plain text stored by mistake, long enough to parse')))).toMatch(/^Not a case ciphertext/);
  });

  it('authenticates the key id: a ciphertext relabelled with another held key id is refused', () => {
    const both = new CaseCipher(`k1:${KEY_A},k2:${KEY_B}`);
    const sealed = both.encrypt('statement');
    const relabelled = Buffer.from(sealed);
    relabelled.write('k2', 2, 'ascii');
    expect(both.keyIdOf(relabelled)).toBe('k2');
    expect(refusal(() => both.decrypt(relabelled))).toMatch(/under key k2 failed authentication/);
  });

  it('keeps reading ciphertexts under an old key while sealing new ones under the current (first) key', () => {
    const before = new CaseCipher(`2025:${KEY_A}`);
    const old = before.encrypt('note written before rotation');
    const after = new CaseCipher(`2026:${KEY_B},2025:${KEY_A}`);
    expect(after.currentKeyId).toBe('2026');
    expect(after.keyIds).toEqual(['2026', '2025']);
    expect(after.decryptText(old)).toBe('note written before rotation');
    const fresh = after.encrypt('note written after rotation');
    expect(after.keyIdOf(fresh)).toBe('2026');
    expect(after.needsRotation(old)).toBe(true);
    expect(after.needsRotation(fresh)).toBe(false);
    // The old cipher cannot read what the new key sealed.
    expect(refusal(() => before.decrypt(fresh))).toBe('Case ciphertext is under key 2026, which CASE_ENCRYPTION_KEYS does not hold');
  });

  it('refuses a ciphertext whose key is missing, or a different key under the same id, clearly', () => {
    const sealed = cipher.encrypt('hearing notes');
    expect(refusal(() => new CaseCipher(`k2:${KEY_B}`).decrypt(sealed))).toBe('Case ciphertext is under key k1, which CASE_ENCRYPTION_KEYS does not hold');
    expect(refusal(() => new CaseCipher(`k1:${KEY_C}`).decryptText(sealed)))
      .toBe('Case ciphertext under key k1 failed authentication: it was altered, or key k1 is not the key it was sealed with');
  });

  it('decryptText refuses bytes that are not UTF-8 text', () => {
    expect(refusal(() => cipher.decryptText(cipher.encrypt(Buffer.from([0xff, 0xfe, 0x00, 0xc3]))))).toBe('Case ciphertext holds bytes, not UTF-8 text');
  });

  it('refuses bad keys without printing them', () => {
    expect(refusal(() => new CaseCipher(''))).toMatch(/CASE_ENCRYPTION_KEYS entry 1 is empty/);
    expect(refusal(() => new CaseCipher(`k1:${KEY_A.slice(0, 20)}`))).toMatch(/entry 1: the key must be 32 bytes/);
    expect(refusal(() => new CaseCipher(`k1:${KEY_A},k1:${KEY_B}`))).toMatch(/entries 1 and 2 have the same key id/);
    expect(refusal(() => new CaseCipher([]))).toMatch(/No case encryption key/);
    expect(refusal(() => new CaseCipher([{ id: 'k 1', key: randomBytes(32) }]))).toMatch(/key id must be/);
  });

  it('prints no key material when logged', () => {
    const shown = JSON.stringify(cipher) + inspect(cipher, { depth: 5, showHidden: true });
    const key = Buffer.from(KEY_A, 'base64');
    expect(shown).not.toContain(KEY_A);
    expect(shown).not.toContain(key.toString('hex').slice(0, 8));
    expect(shown).not.toContain(inspect(key.subarray(0, 4)).slice(8, -1)); // "<Buffer 1f 2e …>" as util.inspect prints it
  });

  it('is provided by CaseCryptoModule from CASE_ENCRYPTION_KEYS', async () => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), CASE_ENCRYPTION_KEYS: `live:${KEY_B},old:${KEY_A}` } as NodeJS.ProcessEnv);
    const module = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), CaseCryptoModule] }).compile();
    const provided = module.get(CaseCipher);
    expect(provided.currentKeyId).toBe('live');
    expect(provided.decryptText(new CaseCipher(`old:${KEY_A}`).encrypt('x'))).toBe('x');
    await module.close();
  });
});
