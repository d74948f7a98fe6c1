import { randomBytes, randomInt } from 'node:crypto';
import { loadArgon2 } from '../lazy-modules.js';

/** argon2id (the package's `Algorithm.Argon2id`; a const enum, which isolatedModules cannot import). */
const ARGON2ID = 2;

/** 19 MiB and two passes: OWASP's baseline for argon2id, about 50 ms here. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export async function hashPassword(password: string): Promise<string> {
  return (await loadArgon2()).hash(password, OPTIONS);
}

/** A real hash of nothing anyone knows: checked against when an email is unknown, so both cases take as long. */
let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches `passwordHash`. With no hash (an unknown email) it still
 * does a full verification, so a caller cannot tell unknown emails from wrong passwords by timing.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const { verify } = await loadArgon2();
  if (passwordHash === undefined) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A password to print once: 20 characters from an alphabet without look-alikes (about 110 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
