import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/unit-of-work.js';
import { users, type UserRole } from '../db/schema/index.js';
import { hashPassword } from '../server/auth/password.js';

/**
 * Accounts for tests that act as volunteers, reviewers and admins, written straight into the
 * users table with the server's own password hashing, and signed in through the public
 * contract: `POST /api/auth/login {email, password}` sets a session cookie.
 * (tests/helper.ts's createSignedInUser skips the sign-in route; the fuzzer wants it.)
 */
export interface TestAccount {
  id: number;
  role: UserRole;
  email: string;
  displayName: string;
  password: string;
}

export async function createAccount(
  db: Db,
  fields: { role: UserRole; email: string; displayName: string; password?: string },
): Promise<TestAccount> {
  const password = fields.password ?? `correct horse battery ${fields.role} staple`;
  const passwordHash = await passwordHashFor(password);
  // A unit of work, as the app writes, so it runs on SQLite and PostgreSQL alike.
  const [row] = await inTransaction(db, async (tx) =>
    tx
      .insert(users)
      .values({ email: fields.email, displayName: fields.displayName, role: fields.role, passwordHash })
      .returning({ id: users.id }),
  );
  return { id: row.id, role: fields.role, email: fields.email, displayName: fields.displayName, password };
}

const hashes = new Map<string, Promise<string>>();

/**
 * The server's own argon2id hash of `password`, made once per password in each test worker.
 * Hashing is meant to be slow (about 50 ms, more on a busy machine), and the suite made some
 * 450 accounts, mostly with the same few passwords: 38 s of CPU. Accounts that share a password
 * share a hash (each has its own row); signing in still verifies it the way production does.
 */
export function passwordHashFor(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
    hash.catch(() => hashes.delete(password));
  }
  return hash;
}

export const LOGIN_ROUTE = { method: 'POST' as const, url: '/api/auth/login' };

/** False when the app has no sign-in route: signed-in checks then skip, and say so. */
export function canSignIn(app: FastifyInstance): boolean {
  return app.hasRoute(LOGIN_ROUTE);
}

let nextAddress = 1;

/**
 * Signs in and returns the Cookie header to send. Each sign-in comes from its own loopback
 * address so a per-address sign-in rate limit does not turn the test's own logins away.
 */
export async function signIn(app: FastifyInstance, account: TestAccount): Promise<string> {
  const res = await app.inject({
    ...LOGIN_ROUTE,
    payload: { email: account.email, password: account.password },
    remoteAddress: `127.0.${Math.floor(nextAddress / 250) % 250}.${(nextAddress++ % 250) + 1}`,
  });
  if (res.statusCode >= 300) throw new Error(`Signing in as ${account.role} failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`);
  if (!cookies.length) throw new Error(`Signing in as ${account.role} set no session cookie`);
  return cookies.join('; ');
}
