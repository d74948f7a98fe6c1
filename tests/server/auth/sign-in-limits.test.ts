import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection.js';
import { SIGN_IN_LIMITS, SignInLimiter } from '../../../server/auth/sign-in-limits.js';
import { SignInFailureRepository } from '../../../server/repositories/sign-in-failures.js';
import { buildTestApp, type TestApp } from '../../helper.js';

// The limits count failures in the database (so every instance sees them): each test uses
// its own emails and addresses on one test database, and its own clock.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seedDemo: false });
});
afterAll(() => t.close());

describe('SignInLimiter', () => {
  let run = 0;
  const setup = (settings = SIGN_IN_LIMITS) => {
    let now = 1_000_000 + ++run * 10 * SIGN_IN_LIMITS.windowMs;
    const limiter = new SignInLimiter(new SignInFailureRepository(t.app.db), settings, () => now);
    return { limiter, advance: (ms: number) => (now += ms) };
  };

  it('counts only failures: successes never slow anyone down', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 1000; i++) {
      expect(await limiter.check('a@example.org', '10.0.0.1')).toBeNull();
      await limiter.success('a@example.org');
    }
  });

  it('after 10 failures, makes each try wait a delay that doubles, capped, and never a quarter-hour lockout', async () => {
    const { limiter, advance } = setup({ ...SIGN_IN_LIMITS, maxDelayMs: 16_000 });
    for (let i = 0; i < 10; i++) {
      expect(await limiter.check('a@example.org', '10.0.0.1')).toBeNull();
      await limiter.failure('a@example.org', '10.0.0.1');
    }
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wait = await limiter.check('a@example.org', '10.0.0.1');
      expect(wait?.scope).toBe('account');
      waits.push(wait!.retryAfterMs);
      advance(wait!.retryAfterMs);
      expect(await limiter.check('a@example.org', '10.0.0.1')).toBeNull();
      await limiter.failure('a@example.org', '10.0.0.1');
    }
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(16_000);
    // The owner's correct password clears the account's count.
    await limiter.success('a@example.org');
    expect(await limiter.check('a@example.org', '10.0.0.1')).toBeNull();
  });

  it('forgets failures older than the window', async () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 12; i++) await limiter.failure('b@example.org', '10.0.0.2');
    expect(await limiter.check('b@example.org', '10.0.0.2')).not.toBeNull();
    advance(SIGN_IN_LIMITS.windowMs + 1);
    expect(await limiter.check('b@example.org', '10.0.0.2')).toBeNull();
  });
});

describe('SignInLimiter on several instances', () => {
  it('counts failures another instance recorded (another connection to the same database)', async () => {
    const now = 50_000_000_000;
    const other = openDatabase(t.databasePath);
    try {
      const here = new SignInLimiter(new SignInFailureRepository(t.app.db), SIGN_IN_LIMITS, () => now);
      const there = new SignInLimiter(new SignInFailureRepository(other), SIGN_IN_LIMITS, () => now);
      for (let i = 0; i < SIGN_IN_LIMITS.freeFailures + 1; i++) await there.failure('shared@example.org', '10.0.0.9');
      expect(await here.check('shared@example.org', '10.0.0.10')).toMatchObject({ scope: 'account' });
      // The owner signing in on this instance clears the count for that one too.
      await here.success('shared@example.org');
      expect(await there.check('shared@example.org', '10.0.0.9')).toBeNull();
    } finally {
      other.$client.close();
    }
  });
});
