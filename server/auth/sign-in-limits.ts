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
 * Kept in memory: a restart forgets the counts, which only ever favours the owner. A
 * multi-instance deployment would move this to the database behind the same methods.
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

/** Past this many keys, the oldest are forgotten: memory stays bounded under a flood of made-up emails. */
const MAX_KEYS = 50_000;

export class SignInLimiter {
  private readonly accounts = new Map<string, number[]>();
  private readonly addresses = new Map<string, number[]>();

  constructor(
    private readonly settings: SignInLimitSettings = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(map: Map<string, number[]>, key: string): number[] {
    const since = this.now() - this.settings.windowMs;
    const times = (map.get(key) ?? []).filter((t) => t > since);
    if (times.length) map.set(key, times);
    else map.delete(key);
    return times;
  }

  /** The wait the account's failures impose now (0 when none). */
  private accountWait(email: string): number {
    const failures = this.recent(this.accounts, email);
    const over = failures.length - this.settings.freeFailures;
    if (over < 0) return 0;
    const delay = Math.min(this.settings.firstDelayMs * 2 ** over, this.settings.maxDelayMs);
    return Math.max(0, failures[failures.length - 1] + delay - this.now());
  }

  /** Null when this attempt may go ahead; otherwise why and how long to wait. */
  check(email: string, address: string): SignInWait | null {
    const fromAddress = this.recent(this.addresses, address);
    if (fromAddress.length >= this.settings.perAddressFailures) {
      return { scope: 'address', retryAfterMs: fromAddress[0] + this.settings.windowMs - this.now() };
    }
    const wait = this.accountWait(email);
    return wait > 0 ? { scope: 'account', retryAfterMs: wait } : null;
  }

  failure(email: string, address: string): void {
    for (const [map, key] of [
      [this.accounts, email],
      [this.addresses, address],
    ] as const) {
      const times = this.recent(map, key);
      times.push(this.now());
      map.delete(key);
      map.set(key, times);
      if (map.size > MAX_KEYS) map.delete(map.keys().next().value as string);
    }
  }

  /** A successful sign-in clears the account's failures (not the address's: others may share it). */
  success(email: string): void {
    this.accounts.delete(email);
  }
}
