import { and, asc, desc, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { invites, passwordResets, recoveryCodes, sessions, users, type User, type UserRole } from '../../db/schema/index.js';
import type { Locale } from '../../i18n/locales.js';
import { HttpError } from '../errors.js';
import { newToken, tokenHash } from '../auth/token.js';
import { countRows, recordAudit, type Actor, type Paging, type Writer } from './audit.js';

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
  credentialsByEmail(email: string): (Account & { passwordHash: string }) | undefined {
    return this.db
      .select({ ...accountColumns, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .get();
  }

  byId(id: number): Account | undefined {
    return this.db.select(accountColumns).from(users).where(eq(users.id, id)).get();
  }

  list(paging: Paging) {
    const items = this.db
      .select(accountColumns)
      .from(users)
      .orderBy(asc(users.email))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .all();
    return { items, ...paging, total: countRows(this.db, users) };
  }

  /** Creates an account; 409 when the email is taken. */
  create(account: NewAccount, actor: Actor | null, via: string, writer: Writer = this.db): Account {
    const email = normalizeEmail(account.email);
    return writer.transaction((tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw emailTaken(email);
      const row = tx
        .insert(users)
        .values({ ...account, email })
        .returning(accountColumns)
        .get();
      recordAudit(tx, { actor, action: 'user.create', entityType: 'user', entityId: row.id, after: { ...row, via } });
      return row;
    });
  }

  /** Role, name or disabled flag. Disabling signs the user out everywhere. */
  update(id: number, patch: Partial<Pick<User, 'role' | 'displayName' | 'disabled'>>, actor: Actor): Account {
    return this.db.transaction((tx) => {
      const before = tx.select(accountColumns).from(users).where(eq(users.id, id)).get();
      if (!before) throw new HttpError(404, 'not-found', `No user with id ${id}`);
      const after = tx
        .update(users)
        .set({ ...patch, updatedAt: nowIso() })
        .where(eq(users.id, id))
        .returning(accountColumns)
        .get();
      if (patch.disabled) tx.delete(sessions).where(eq(sessions.userId, id)).run();
      recordAudit(tx, { actor, action: 'user.update', entityType: 'user', entityId: id, before, after });
      return after;
    });
  }

  /** The account page: language, notification choices and whether two-factor sign-in is on. */
  settings(id: number) {
    const row = this.db
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
      .get();
    if (!row) throw new HttpError(404, 'not-found', `No user with id ${id}`);
    const recoveryCodesLeft = countRows(this.db, recoveryCodes, and(eq(recoveryCodes.userId, id), isNull(recoveryCodes.usedAt)));
    return { ...row, recoveryCodesLeft };
  }

  /** The owner's own choices; audited like every account change. */
  updateSettings(
    id: number,
    patch: Partial<Pick<User, 'displayName' | 'language' | 'notifyReviewQueue' | 'notifyDecisions' | 'notifyChangesAndReplies'>>,
    actor: Actor,
  ): void {
    this.db.transaction((tx) => {
      const before = tx.select().from(users).where(eq(users.id, id)).get();
      if (!before) throw new HttpError(404, 'not-found', `No user with id ${id}`);
      tx.update(users)
        .set({ ...patch, updatedAt: nowIso() })
        .where(eq(users.id, id))
        .run();
      const picked = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(patch).map((k) => [k, row[k]]));
      recordAudit(tx, { actor, action: 'user.settings', entityType: 'user', entityId: id, before: picked(before), after: patch });
    });
  }

  totp(id: number) {
    return this.db
      .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, id))
      .get();
  }

  /** A new secret waiting to be confirmed with a code; two-factor sign-in is not on yet. */
  startTotp(id: number, secret: string): void {
    this.db.update(users).set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, id)).run();
  }

  /** Turns two-factor sign-in on with the step of the confirming code and fresh recovery codes. */
  enableTotp(id: number, step: number, codeHashes: string[], actor: Actor): void {
    this.db.transaction((tx) => {
      tx.update(users).set({ totpEnabledAt: nowIso(), totpLastStep: step, updatedAt: nowIso() }).where(eq(users.id, id)).run();
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id)).run();
      if (codeHashes.length)
        tx.insert(recoveryCodes)
          .values(codeHashes.map((codeHash) => ({ userId: id, codeHash })))
          .run();
      recordAudit(tx, { actor, action: 'user.totp-enable', entityType: 'user', entityId: id });
    });
  }

  disableTotp(id: number, actor: Actor): void {
    this.db.transaction((tx) => {
      tx.update(users)
        .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: nowIso() })
        .where(eq(users.id, id))
        .run();
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id)).run();
      recordAudit(tx, { actor, action: 'user.totp-disable', entityType: 'user', entityId: id });
    });
  }

  /** Records a code's time step as used; false when that step (or a later one) was used already. */
  useTotpStep(id: number, step: number): boolean {
    return (
      this.db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .run().changes === 1
    );
  }

  /** Uses one recovery code; false when it is unknown or was used. */
  useRecoveryCode(id: number, codeHash: string): boolean {
    return this.db.transaction((tx) => {
      const used =
        tx
          .update(recoveryCodes)
          .set({ usedAt: nowIso() })
          .where(and(eq(recoveryCodes.userId, id), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
          .run().changes === 1;
      if (used) recordAudit(tx, { actor: { id }, action: 'user.recovery-code', entityType: 'user', entityId: id });
      return used;
    });
  }

  /** A new password ends every session of the user, including the one that changed it. */
  setPassword(id: number, passwordHash: string, actor: Actor | null, writer: Writer = this.db): void {
    writer.transaction((tx) => {
      tx.update(users).set({ passwordHash, updatedAt: nowIso() }).where(eq(users.id, id)).run();
      tx.delete(sessions).where(eq(sessions.userId, id)).run();
      recordAudit(tx, { actor, action: 'user.password', entityType: 'user', entityId: id });
    });
  }
}

export class SessionRepository {
  constructor(private readonly db: Db) {}

  /** Starts a session and returns the token for the cookie; only its hash is stored. */
  create(userId: number, userAgent?: string, writer: Writer = this.db): { token: string; expiresAt: Date } {
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    writer.transaction((tx) => {
      tx.insert(sessions)
        .values({ tokenHash: tokenHash(token), userId, expiresAt: expiresAt.toISOString(), userAgent: userAgent?.slice(0, 300) ?? null })
        .run();
      recordAudit(tx, { actor: { id: userId }, action: 'session.create', entityType: 'user', entityId: userId });
    });
    return { token, expiresAt };
  }

  /** The account behind a live session; null when unknown, expired or the account is disabled. */
  accountFor(token: string): Account | null {
    const row = this.db
      .select(accountColumns)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, nowIso()), eq(users.disabled, false)))
      .get();
    return row ?? null;
  }

  revoke(token: string, actor: Actor): void {
    this.db.transaction((tx) => {
      tx.delete(sessions)
        .where(eq(sessions.tokenHash, tokenHash(token)))
        .run();
      recordAudit(tx, { actor, action: 'session.revoke', entityType: 'user', entityId: actor.id });
    });
  }

  /** The account's live sessions, newest first; `id` is a short, harmless prefix of the stored hash. */
  list(userId: number, currentToken: string | null) {
    const current = currentToken ? tokenHash(currentToken) : null;
    return this.db
      .select({
        tokenHash: sessions.tokenHash,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, nowIso())))
      .orderBy(desc(sessions.createdAt))
      .all()
      .map(({ tokenHash: hash, ...rest }) => ({ id: hash.slice(0, 12), current: hash === current, ...rest }));
  }

  /** Signs the account out everywhere, this browser included. */
  revokeAll(userId: number, actor: Actor): number {
    return this.db.transaction((tx) => {
      const ended = tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
      recordAudit(tx, { actor, action: 'session.revoke-all', entityType: 'user', entityId: userId, after: { ended } });
      return ended;
    });
  }

  /** Expired sessions are useless; removing them keeps the table small. */
  purgeExpired(): number {
    return this.db.delete(sessions).where(lte(sessions.expiresAt, nowIso())).run().changes;
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
    return writer.transaction((tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw emailTaken(email);
      const token = newToken();
      const row = tx
        .insert(invites)
        .values({
          tokenHash: tokenHash(token),
          email,
          role: input.role,
          language: input.language ?? 'en',
          createdBy: actor.id,
          expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS).toISOString(),
        })
        .returning(inviteColumns)
        .get();
      recordAudit(tx, { actor, action: 'invite.create', entityType: 'invite', entityId: row.id, after: row });
      return { ...row, token };
    });
  }

  /** Invites not yet used and not expired, the soonest to expire first. */
  listOpen() {
    return this.db
      .select(inviteColumns)
      .from(invites)
      .where(and(isNull(invites.usedAt), gt(invites.expiresAt, nowIso())))
      .orderBy(asc(invites.expiresAt))
      .all();
  }

  /**
   * Uses the invite once: creates the account with the chosen name and password and signs it
   * in. A used, expired or unknown token gets one and the same answer.
   */
  accept(token: string, displayName: string, passwordHash: string) {
    return this.db.transaction((tx) => {
      const invite = tx
        .select()
        .from(invites)
        .where(and(eq(invites.tokenHash, tokenHash(token)), isNull(invites.usedAt), gt(invites.expiresAt, nowIso())))
        .get();
      if (!invite)
        throw new HttpError(410, 'invite-invalid', 'This invite link is not valid: it may have been used already or have expired');
      tx.update(invites).set({ usedAt: nowIso() }).where(eq(invites.id, invite.id)).run();
      const account = this.users.create(
        { email: invite.email, displayName, role: invite.role, passwordHash, language: invite.language },
        null,
        'invite',
        tx,
      );
      recordAudit(tx, { actor: { id: account.id }, action: 'invite.accept', entityType: 'invite', entityId: invite.id });
      return { account, session: this.sessions.create(account.id, undefined, tx) };
    });
  }
}

export class PasswordResetRepository {
  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
  ) {}

  /** Stores the hash of `token` as a one-hour, single-use reset for the account. */
  create(userId: number, token: string, actor: Actor | null, writer: Writer = this.db): void {
    writer.transaction((tx) => {
      const row = tx
        .insert(passwordResets)
        .values({
          tokenHash: tokenHash(token),
          userId,
          createdBy: actor?.id ?? null,
          expiresAt: new Date(Date.now() + RESET_LIFETIME_MS).toISOString(),
        })
        .returning({ id: passwordResets.id })
        .get();
      recordAudit(tx, { actor, action: 'user.password-reset-link', entityType: 'user', entityId: userId, after: { resetId: row.id } });
    });
  }

  /** How many links the account was sent since `since`: a flood of reset requests sends only a few. */
  sentSince(userId: number, since: Date): number {
    return countRows(this.db, passwordResets, and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since.toISOString())));
  }

  /**
   * Uses the link once: sets the new password, which ends every session of the account
   * (UserRepository.setPassword), and voids the account's other open links. A used, expired
   * or unknown token gets one and the same answer.
   */
  consume(token: string, passwordHash: string): number {
    return this.db.transaction((tx) => {
      const reset = tx
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
        .get();
      if (!reset)
        throw new HttpError(
          410,
          'reset-invalid',
          'This password-reset link is not valid: it may have been used already or have expired. Ask for a new one.',
        );
      tx.update(passwordResets)
        .set({ usedAt: nowIso() })
        .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)))
        .run();
      this.users.setPassword(reset.userId, passwordHash, { id: reset.userId }, tx);
      return reset.userId;
    });
  }
}
