import type { SignInFailureRepository } from '../repositories/sign-in-failures.js';

/**
 * Sign-in limits that stop guessing, not volunteers. Only failures count:
 *
 * - Per account (by the email typed, known or not, so the answer never tells them apart):
 *   after `freeFailures` failures within the window, each further try must wait a delay that
 *   doubles with every failure, up to `maxDelayMs`. The owner is slowed, never locked out for
 *   the window, and a correct password with a correct second factor signs in regardless.
 * - Per address: generous, because a training night puts fifty volunteers behind one Wi-Fi
 *   address; it stops one machine from trying password after password across many accounts.
 *
 * The failures are kept in the database (server/repositories/sign-in-failures.ts), so several
 * instances behind one proxy count them together and a guesser gains nothing by a restart or
 * by landing on another instance.
 */
export interface SignInLimitSettings {
  windowMs: number;
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failed sign-ins from one address within the window before it is refused for a while. */
  perAddressFailures: number;
}

export const SIGN_IN_LIMITS: SignInLimitSettings = {
  windowMs: 15 * 60_000,
  freeFailures: 10,
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  // Fifty volunteers mistyping six times each in a quarter of an hour still get through.
  perAddressFailures: 300,
};

/** Why a sign-in must wait, and for how long. */
export interface SignInWait {
  scope: 'account' | 'address';
  retryAfterMs: number;
}

export class SignInLimiter {
  constructor(
    private readonly failures: SignInFailureRepository,
    private readonly settings: SignInLimitSettings = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Failures within the window, oldest first. */
  private recent(scope: 'account' | 'address', key: string): Promise<number[]> {
    return this.failures.since(scope, key, this.now() - this.settings.windowMs);
  }

  /** The wait the account's failures impose now (0 when none). */
  private async accountWait(email: string): Promise<number> {
    const failures = await this.recent('account', email);
    const over = failures.length - this.settings.freeFailures;
    if (over < 0) return 0;
    const delay = Math.min(this.settings.firstDelayMs * 2 ** over, this.settings.maxDelayMs);
    return Math.max(0, failures[failures.length - 1] + delay - this.now());
  }

  /** Null when this attempt may go ahead; otherwise why and how long to wait. */
  async check(email: string, address: string): Promise<SignInWait | null> {
    const fromAddress = await this.recent('address', address);
    if (fromAddress.length >= this.settings.perAddressFailures) {
      return { scope: 'address', retryAfterMs: fromAddress[0] + this.settings.windowMs - this.now() };
    }
    const wait = await this.accountWait(email);
    return wait > 0 ? { scope: 'account', retryAfterMs: wait } : null;
  }

  async failure(email: string, address: string): Promise<void> {
    const now = this.now();
    await this.failures.record(
      [
        ['account', email],
        ['address', address],
      ],
      now,
      now - this.settings.windowMs,
    );
  }

  /** A successful sign-in clears the account's failures (not the address's: others may share it). */
  async success(email: string): Promise<void> {
    await this.failures.clear('account', email);
  }
}
