import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SignInLimiter } from '../../../server/auth/sign-in-limits.js';

describe('SignInLimiter', () => {
  const setup = (settings = SIGN_IN_LIMITS) => {
    let now = 1_000_000;
    const limiter = new SignInLimiter(settings, () => now);
    return { limiter, advance: (ms: number) => (now += ms) };
  };

  it('counts only failures: successes never slow anyone down', () => {
    const { limiter } = setup();
    for (let i = 0; i < 1000; i++) {
      expect(limiter.check('a@example.org', '10.0.0.1')).toBeNull();
      limiter.success('a@example.org');
    }
  });

  it('after 10 failures, makes each try wait a delay that doubles, capped, and never a quarter-hour lockout', () => {
    const { limiter, advance } = setup({ ...SIGN_IN_LIMITS, maxDelayMs: 16_000 });
    for (let i = 0; i < 10; i++) {
      expect(limiter.check('a@example.org', '10.0.0.1')).toBeNull();
      limiter.failure('a@example.org', '10.0.0.1');
    }
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wait = limiter.check('a@example.org', '10.0.0.1');
      expect(wait?.scope).toBe('account');
      waits.push(wait!.retryAfterMs);
      advance(wait!.retryAfterMs);
      expect(limiter.check('a@example.org', '10.0.0.1')).toBeNull();
      limiter.failure('a@example.org', '10.0.0.1');
    }
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(16_000);
    // The owner's correct password clears the account's count.
    limiter.success('a@example.org');
    expect(limiter.check('a@example.org', '10.0.0.1')).toBeNull();
  });

  it('forgets failures older than the window', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 12; i++) limiter.failure('b@example.org', '10.0.0.2');
    expect(limiter.check('b@example.org', '10.0.0.2')).not.toBeNull();
    advance(SIGN_IN_LIMITS.windowMs + 1);
    expect(limiter.check('b@example.org', '10.0.0.2')).toBeNull();
  });
});
