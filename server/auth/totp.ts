import { createHash, randomInt } from 'node:crypto';
import { loadOtplib, loadQrCode } from '../lazy-modules.js';

/** The name authenticator apps show above the code. */
const ISSUER = 'DA scorecard';

/** RFC 6238 defaults (30-second steps, 6 digits, SHA-1), which every authenticator app reads. */
export async function newTotpSecret(): Promise<string> {
  return (await loadOtplib()).generateSecret();
}

export async function otpauthUrl(secret: string, email: string): Promise<string> {
  return (await loadOtplib()).generateURI({ issuer: ISSUER, label: email, secret });
}

/** The otpauth:// link as a PNG data URL, for the account page (the page CSP allows data: images). */
export async function qrCodeDataUrl(url: string): Promise<string> {
  return (await loadQrCode()).toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

/**
 * Checks a code against the secret, one 30-second step either way for clock drift. Returns
 * the time step it matched, so the caller can refuse the same code (or an older one) later;
 * null when it does not match or is not newer than `afterStep`.
 */
export async function checkTotp(secret: string, code: string, afterStep: number | null, now = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const { verify } = await loadOtplib();
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now / 1000),
    epochTolerance: 30,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time codes like `k7m2-p9xq-4tzr` (about 70 bits each): shown once, stored hashed. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('')).join(
      '-',
    ),
  );
}

/** Spaces, case and missing dashes do not matter when someone types a code back. */
export function recoveryCodeHash(code: string): string {
  const normalized = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHash('sha256').update(normalized).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '').length === 12;
}
