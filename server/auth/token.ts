import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret for a session cookie or an invite link (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored, so a leaked database holds no usable session or invite. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
