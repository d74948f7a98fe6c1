import { and, asc, desc, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { invites, passwordResets, recoveryCodes, sessions, users, type User, type UserRole } from '../../db/schema/index.js';
import type { Locale } from '../../i18n/locales.js';
import { HttpError } from '../errors.js';
import { newToken, tokenHash } from '../auth/token.js';
import { countRows, inTransaction, recordAudit, type Actor, type Paging, type Writer } from './audit.js';

/** Each role can do what the ones before it can. */
const ROLE_RANK: Record<UserRole, number> = { volunteer: 0, reviewer: 1, admin: 2 };
export function hasRole(user: { role: UserRole }, atLeast: UserRole): boolean {
  return ROLE_RANK[user.role] >= ROLE_RANK[atLeast];
}

/** A signed-in user as the server and `/api/auth/me` see them (never the password hash). */
export type Account = Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'disabled' | 'createdAt' | 'language'>;
const accountColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
  /** The language of the workspace and of the account's emails. */
  language: users.language,
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Sessions last two weeks from sign-in; a new sign-in is needed after that. */
export const SESSION_LIFETIME_MS = 14 * 24 * 3600 * 1000;
/** Invite links work for a week, once. */
export const INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000;
/** Password-reset links work for an hour, once. */
export const RESET_LIFETIME_MS = 3600 * 1000;

/** What an invite or `user:add` says when the email already has an account: send a reset instead. */
export function emailTaken(email: string) {
  const message = `An account for ${email} already exists. To let them in again, send them a password-reset link instead.`;
  return new HttpError(409, 'email-taken', message, [{ field: 'email', message }]);
}

export interface NewAccount {
  email: string;
  displayName: string;
  role: UserRole;
  passwordHash: string;
  language?: Locale;
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  /** The stored hash too: only sign-in needs it. */
  async credentialsByEmail(email: string): Promise<(Account & { passwordHash: string }) | undefined> {
    const [row] = await this.db
      .select({ ...accountColumns, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .limit(1);
    return row;
  }

  async byId(id: number): Promise<Account | undefined> {
    return (await this.db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1))[0];
  }

  async list(paging: Paging) {
    const items = await this.db
      .select(accountColumns)
      .from(users)
      .orderBy(asc(users.email))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize);
    return { items, ...paging, total: await countRows(this.db, users) };
  }

  /** Creates an account; 409 when the email is taken. */
  create(account: NewAccount, actor: Actor | null, via: string, writer: Writer = this.db): Promise<Account> {
    const email = normalizeEmail(account.email);
    return inTransaction(writer, async (tx) => {
      if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1)).length) throw emailTaken(email);
      const [row] = await tx
        .insert(users)
        .values({ ...account, email })
        .returning(accountColumns);
      await recordAudit(tx, { actor, action: 'user.create', entityType: 'user', entityId: row.id, after: { ...row, via } });
      return row;
    });
  }

  /** Role, name or disabled flag. Disabling signs the user out everywhere. */
  update(id: number, patch: Partial<Pick<User, 'role' | 'displayName' | 'disabled'>>, actor: Actor): Promise<Account> {
    return inTransaction(this.db, async (tx) => {
      const [before] = await tx.select(accountColumns).from(users).where(eq(users.id, id)).limit(1);
      if (!before) throw new HttpError(404, 'not-found', `No user with id ${id}`);
      const [after] = await tx
        .update(users)
        .set({ ...patch, updatedAt: nowIso() })
        .where(eq(users.id, id))
        .returning(accountColumns);
      if (patch.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
      await recordAudit(tx, { actor, action: 'user.update', entityType: 'user', entityId: id, before, after });
      return after;
    });
  }

  /** The account page: language, notification choices and whether two-factor sign-in is on. */
  async settings(id: number) {
    const [row] = await this.db
      .select({
        ...accountColumns,
        language: users.language,
        notifyReviewQueue: users.notifyReviewQueue,
        notifyDecisions: users.notifyDecisions,
        notifyChangesAndReplies: users.notifyChangesAndReplies,
        totpEnabledAt: users.totpEnabledAt,
      })
      .from(users)
      .where(eq(users.id, id))
      .limit(1);
    if (!row) throw new HttpError(404, 'not-found', `No user with id ${id}`);
    const recoveryCodesLeft = await countRows(this.db, recoveryCodes, and(eq(recoveryCodes.userId, id), isNull(recoveryCodes.usedAt)));
    return { ...row, recoveryCodesLeft };
  }

  /** The owner's own choices; audited like every account change. */
  async updateSettings(
    id: number,
    patch: Partial<Pick<User, 'displayName' | 'language' | 'notifyReviewQueue' | 'notifyDecisions' | 'notifyChangesAndReplies'>>,
    actor: Actor,
  ): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
      if (!before) throw new HttpError(404, 'not-found', `No user with id ${id}`);
      await tx
        .update(users)
        .set({ ...patch, updatedAt: nowIso() })
        .where(eq(users.id, id));
      const picked = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(patch).map((k) => [k, row[k]]));
      await recordAudit(tx, { actor, action: 'user.settings', entityType: 'user', entityId: id, before: picked(before), after: patch });
    });
  }

  async totp(id: number) {
    const [row] = await this.db
      .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, id))
      .limit(1);
    return row;
  }

  /** A new secret waiting to be confirmed with a code; two-factor sign-in is not on yet. */
  async startTotp(id: number, secret: string): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx.update(users).set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, id));
    });
  }

  /** Turns two-factor sign-in on with the step of the confirming code and fresh recovery codes. */
  async enableTotp(id: number, step: number, codeHashes: string[], actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx.update(users).set({ totpEnabledAt: nowIso(), totpLastStep: step, updatedAt: nowIso() }).where(eq(users.id, id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
      if (codeHashes.length) await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId: id, codeHash })));
      await recordAudit(tx, { actor, action: 'user.totp-enable', entityType: 'user', entityId: id });
    });
  }

  async disableTotp(id: number, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx
        .update(users)
        .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: nowIso() })
        .where(eq(users.id, id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
      await recordAudit(tx, { actor, action: 'user.totp-disable', entityType: 'user', entityId: id });
    });
  }

  /** Records a code's time step as used; false when that step (or a later one) was used already. */
  useTotpStep(id: number, step: number): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const used = await tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      return used.length === 1;
    });
  }

  /** Uses one recovery code; false when it is unknown or was used. */
  useRecoveryCode(id: number, codeHash: string): Promise<boolean> {
    return inTransaction(this.db, async (tx) => {
      const rows = await tx
        .update(recoveryCodes)
        .set({ usedAt: nowIso() })
        .where(and(eq(recoveryCodes.userId, id), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      const used = rows.length === 1;
      if (used) await recordAudit(tx, { actor: { id }, action: 'user.recovery-code', entityType: 'user', entityId: id });
      return used;
    });
  }

  /** A new password ends every session of the user, including the one that changed it. */
  async setPassword(id: number, passwordHash: string, actor: Actor | null, writer: Writer = this.db): Promise<void> {
    await inTransaction(writer, async (tx) => {
      await tx.update(users).set({ passwordHash, updatedAt: nowIso() }).where(eq(users.id, id));
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await recordAudit(tx, { actor, action: 'user.password', entityType: 'user', entityId: id });
    });
  }
}

export class SessionRepository {
  constructor(private readonly db: Db) {}

  /** Starts a session and returns the token for the cookie; only its hash is stored. */
  async create(userId: number, userAgent?: string, writer: Writer = this.db): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    await inTransaction(writer, async (tx) => {
      await tx
        .insert(sessions)
        .values({ tokenHash: tokenHash(token), userId, expiresAt: expiresAt.toISOString(), userAgent: userAgent?.slice(0, 300) ?? null });
      await recordAudit(tx, { actor: { id: userId }, action: 'session.create', entityType: 'user', entityId: userId });
    });
    return { token, expiresAt };
  }

  /** The account behind a live session; null when unknown, expired or the account is disabled. */
  async accountFor(token: string): Promise<Account | null> {
    const [row] = await this.db
      .select(accountColumns)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, nowIso()), eq(users.disabled, false)))
      .limit(1);
    return row ?? null;
  }

  async revoke(token: string, actor: Actor): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
      await recordAudit(tx, { actor, action: 'session.revoke', entityType: 'user', entityId: actor.id });
    });
  }

  /** The account's live sessions, newest first; `id` is a short, harmless prefix of the stored hash. */
  async list(userId: number, currentToken: string | null) {
    const current = currentToken ? tokenHash(currentToken) : null;
    const rows = await this.db
      .select({
        tokenHash: sessions.tokenHash,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, nowIso())))
      .orderBy(desc(sessions.createdAt));
    return rows.map(({ tokenHash: hash, ...rest }) => ({ id: hash.slice(0, 12), current: hash === current, ...rest }));
  }

  /** Signs the account out everywhere, this browser included. */
  revokeAll(userId: number, actor: Actor): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const ended = (await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash })).length;
      await recordAudit(tx, { actor, action: 'session.revoke-all', entityType: 'user', entityId: userId, after: { ended } });
      return ended;
    });
  }

  /** Expired sessions are useless; removing them keeps the table small. */
  purgeExpired(): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const gone = await tx.delete(sessions).where(lte(sessions.expiresAt, nowIso())).returning({ tokenHash: sessions.tokenHash });
      return gone.length;
    });
  }
}

const inviteColumns = {
  id: invites.id,
  email: invites.email,
  role: invites.role,
  language: invites.language,
  createdAt: invites.createdAt,
  expiresAt: invites.expiresAt,
  usedAt: invites.usedAt,
};

export class InviteRepository {
  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
  ) {}

  /** Returns the invite with its token, which is shown to the admin once and never stored. */
  create(input: { email: string; role: UserRole; language?: Locale }, actor: Actor, writer: Writer = this.db) {
    const email = normalizeEmail(input.email);
    return inTransaction(writer, async (tx) => {
      if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1)).length) throw emailTaken(email);
      const token = newToken();
      const [row] = await tx
        .insert(invites)
        .values({
          tokenHash: tokenHash(token),
          email,
          role: input.role,
          language: input.language ?? 'en',
          createdBy: actor.id,
          expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS).toISOString(),
        })
        .returning(inviteColumns);
      await recordAudit(tx, { actor, action: 'invite.create', entityType: 'invite', entityId: row.id, after: row });
      return { ...row, token };
    });
  }

  /** Invites not yet used and not expired, the soonest to expire first. */
  async listOpen() {
    return await this.db
      .select(inviteColumns)
      .from(invites)
      .where(and(isNull(invites.usedAt), gt(invites.expiresAt, nowIso())))
      .orderBy(asc(invites.expiresAt));
  }

  /**
   * Uses the invite once: creates the account with the chosen name and password and signs it
   * in. A used, expired or unknown token gets one and the same answer.
   */
  accept(token: string, displayName: string, passwordHash: string) {
    return inTransaction(this.db, async (tx) => {
      const [invite] = await tx
        .select()
        .from(invites)
        .where(and(eq(invites.tokenHash, tokenHash(token)), isNull(invites.usedAt), gt(invites.expiresAt, nowIso())))
        .limit(1);
      if (!invite)
        throw new HttpError(410, 'invite-invalid', 'This invite link is not valid: it may have been used already or have expired');
      await tx.update(invites).set({ usedAt: nowIso() }).where(eq(invites.id, invite.id));
      const account = await this.users.create(
        { email: invite.email, displayName, role: invite.role, passwordHash, language: invite.language },
        null,
        'invite',
        tx,
      );
      await recordAudit(tx, { actor: { id: account.id }, action: 'invite.accept', entityType: 'invite', entityId: invite.id });
      return { account, session: await this.sessions.create(account.id, undefined, tx) };
    });
  }
}

export class PasswordResetRepository {
  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
  ) {}

  /** Stores the hash of `token` as a one-hour, single-use reset for the account. */
  async create(userId: number, token: string, actor: Actor | null, writer: Writer = this.db): Promise<void> {
    await inTransaction(writer, async (tx) => {
      const [row] = await tx
        .insert(passwordResets)
        .values({
          tokenHash: tokenHash(token),
          userId,
          createdBy: actor?.id ?? null,
          expiresAt: new Date(Date.now() + RESET_LIFETIME_MS).toISOString(),
        })
        .returning({ id: passwordResets.id });
      await recordAudit(tx, {
        actor,
        action: 'user.password-reset-link',
        entityType: 'user',
        entityId: userId,
        after: { resetId: row.id },
      });
    });
  }

  /** How many links the account was sent since `since`: a flood of reset requests sends only a few. */
  sentSince(userId: number, since: Date): Promise<number> {
    return countRows(this.db, passwordResets, and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since.toISOString())));
  }

  /**
   * Uses the link once: sets the new password, which ends every session of the account
   * (UserRepository.setPassword), and voids the account's other open links. A used, expired
   * or unknown token gets one and the same answer.
   */
  consume(token: string, passwordHash: string): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const [reset] = await tx
        .select({ id: passwordResets.id, userId: passwordResets.userId })
        .from(passwordResets)
        .innerJoin(users, eq(users.id, passwordResets.userId))
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash(token)),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, nowIso()),
            eq(users.disabled, false),
          ),
        )
        .limit(1);
      if (!reset)
        throw new HttpError(
          410,
          'reset-invalid',
          'This password-reset link is not valid: it may have been used already or have expired. Ask for a new one.',
        );
      await tx
        .update(passwordResets)
        .set({ usedAt: nowIso() })
        .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
      await this.users.setPassword(reset.userId, passwordHash, { id: reset.userId }, tx);
      return reset.userId;
    });
  }
}
