import { and, count, desc, eq, gte, inArray, lt, notLike } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { auditLog, evidence, evidenceChanges, subjects, users } from '../../db/schema/index.js';
import { HttpError } from '../errors.js';
import type { Page, Paging } from './audit.js';

/**
 * The audit log as people read it (issue 14): each row with who did it (display name), what
 * it was done to in words (an entry's title, a person's name, an account's email for admins
 * only) and the fields it changed, before and after. Filters by actor, action, entity and
 * day; sign-ins and sign-outs (`session.*`) only when asked for.
 */

export interface AuditLogFilter {
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** A person by slug: the same as entityType=subject with their id. */
  subject?: string;
  /** Days, YYYY-MM-DD, both included (UTC). */
  from?: string;
  to?: string;
  /** Show sign-ins and sign-outs, hidden otherwise. */
  signIns?: boolean;
}

/** What a reviewer may read: the public record's history. Accounts, invitations and sessions are the admins'. */
export const REVIEWER_AUDIT_ENTITIES = ['evidence', 'evidence-change', 'subject', 'election', 'event', 'standard', 'methodology'];

/** Bookkeeping fields a reader gains nothing from, and secrets that must never be shown even hashed. */
const UNSHOWN_FIELD = /^(updatedAt|createdAt|revision|duplicates|id)$|hash|token|secret/i;

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

type JsonObject = Record<string, unknown>;
const asObject = (v: unknown): JsonObject | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null);

/** The fields that differ between `before` and `after` (every field of a creation). */
export function changedFields(before: unknown, after: unknown): AuditChange[] {
  const b = asObject(before) ?? {};
  const a = asObject(after) ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !UNSHOWN_FIELD.test(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  /** Newest first. `admin` false limits the rows to the public record's history, and never shows an email. */
  async list(filter: AuditLogFilter, paging: Paging, viewer: { admin: boolean }) {
    let entityType = filter.entityType;
    let entityId = filter.entityId;
    if (filter.subject !== undefined) {
      const [person] = await this.db.select({ id: subjects.id }).from(subjects).where(eq(subjects.slug, filter.subject)).limit(1);
      if (!person) {
        const message = `no subject with slug "${filter.subject}"`;
        throw new HttpError(400, 'validation', `querystring.subject: ${message}`, [{ field: 'querystring.subject', message }]);
      }
      entityType = 'subject';
      entityId = String(person.id);
    }
    const where = and(
      filter.actorId === undefined ? undefined : eq(auditLog.actorId, filter.actorId),
      filter.action === undefined ? undefined : eq(auditLog.action, filter.action),
      entityType === undefined ? undefined : eq(auditLog.entityType, entityType),
      entityId === undefined ? undefined : eq(auditLog.entityId, entityId),
      filter.from === undefined ? undefined : gte(auditLog.createdAt, filter.from),
      filter.to === undefined ? undefined : lt(auditLog.createdAt, dayAfter(filter.to)),
      filter.signIns ? undefined : notLike(auditLog.action, 'session.%'),
      viewer.admin ? undefined : inArray(auditLog.entityType, REVIEWER_AUDIT_ENTITIES),
    );
    const rows = await this.db
      .select({
        id: auditLog.id,
        actorId: auditLog.actorId,
        actorName: users.displayName,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize);
    const [{ total }] = await this.db.select({ total: count() }).from(auditLog).where(where);
    const names = await this.targets(rows, viewer);
    const items = rows.map(({ actorId, actorName, ...row }) => {
      const target = names.get(`${row.entityType}:${row.entityId}`);
      return {
        ...row,
        actor: actorId === null ? null : { id: actorId, displayName: actorName ?? '' },
        target: target?.name ?? fallbackName(row.before, row.after, viewer.admin),
        entryId: target?.entryId ?? null,
        changes: changedFields(row.before, row.after),
      };
    });
    const page: Page<(typeof items)[number]> = { items, ...paging, total };
    return page;
  }

  /**
   * What each row was done to, in words, read in one query per kind of entity: the entry's
   * title as it is now, the person's name, the account's email (display name for reviewers).
   */
  private async targets(rows: Array<{ entityType: string; entityId: string | null }>, viewer: { admin: boolean }) {
    const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && r.entityId).map((r) => Number(r.entityId)))];
    const names = new Map<string, { name: string; entryId: number | null }>();
    const entryIds = idsOf('evidence');
    if (entryIds.length) {
      for (const e of await this.db.select({ id: evidence.id, title: evidence.title }).from(evidence).where(inArray(evidence.id, entryIds)))
        names.set(`evidence:${e.id}`, { name: e.title, entryId: e.id });
    }
    const changeIds = idsOf('evidence-change');
    if (changeIds.length) {
      const changes = await this.db
        .select({ id: evidenceChanges.id, entryId: evidence.id, title: evidence.title })
        .from(evidenceChanges)
        .innerJoin(evidence, eq(evidence.id, evidenceChanges.evidenceId))
        .where(inArray(evidenceChanges.id, changeIds));
      for (const c of changes) names.set(`evidence-change:${c.id}`, { name: c.title, entryId: c.entryId });
    }
    const subjectIds = idsOf('subject');
    if (subjectIds.length) {
      for (const s of await this.db.select({ id: subjects.id, name: subjects.name }).from(subjects).where(inArray(subjects.id, subjectIds)))
        names.set(`subject:${s.id}`, { name: s.name, entryId: null });
    }
    const userIds = idsOf('user');
    if (userIds.length) {
      const accounts = await this.db
        .select({ id: users.id, email: users.email, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, userIds));
      for (const u of accounts) names.set(`user:${u.id}`, { name: viewer.admin ? u.email : u.displayName, entryId: null });
    }
    return names;
  }
}

/** For entities without a lookup (events, elections, standards, invitations) or gone since: the name, title or (admins) email the row recorded. */
function fallbackName(before: unknown, after: unknown, admin: boolean): string | null {
  for (const state of [asObject(after), asObject(before)]) {
    const name = state?.title ?? state?.name ?? (admin ? state?.email : undefined);
    if (typeof name === 'string') return name;
  }
  return null;
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
