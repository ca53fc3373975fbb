import argon2 from 'argon2';
import { UserInputError } from '../common/errors.js';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** Rules for a new password beyond its length (checked by the input): not guessable from the email. */
export function checkNewPassword(email: string, password: string, field = 'newPassword'): void {
  const name = email.split('@')[0].toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    throw new UserInputError({ [field]: field === 'newPassword' ? 'must not contain your email name' : "must not contain the user's email name" });
  }
}
