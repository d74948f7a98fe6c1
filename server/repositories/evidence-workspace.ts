import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { normaliseSourceUrl } from '../../core/source-url.js';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection.js';
import { aliasedJoin } from '../../db/engine.js';
import { nowIso } from '../../db/schema/columns.js';
import {
  evidence,
  evidenceRevisions,
  evidenceSources,
  evidenceTranslations,
  standards,
  subjects,
  users,
  type Evidence,
  type EvidenceStatus,
} from '../../db/schema/index.js';
import { archivedSubjectMessage, HttpError } from '../errors.js';
import type { EvidenceChanges, EvidenceInput, WorkspaceEvidence } from '../schemas/evidence-workspace.js';
import { inTransaction, recordAudit, type Actor, type Tx, type Writer } from './audit.js';
import { publicColumns, type EvidenceRepository } from './evidence.js';
import { saveTranslations, translationsOf } from './translations.js';
import { EVIDENCE_TEXT } from '../schemas/translations.js';

const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');

const workspaceColumns = {
  ...publicColumns,
  submittedById: evidence.submittedBy,
  submittedByName: submitter.displayName,
  reviewedById: evidence.reviewedBy,
  reviewedByName: reviewer.displayName,
  reviewNote: evidence.reviewNote,
  reviewedAt: evidence.reviewedAt,
  createdAt: evidence.createdAt,
  updatedAt: evidence.updatedAt,
  revision: evidence.revision,
  // The Spanish title and summary ride along, so a reviewer reads both languages and a
  // revision records a change to either like any other field.
  titleEs: evidenceTranslations.title,
  summaryEs: evidenceTranslations.summary,
};

type WorkspaceRow = Omit<WorkspaceEvidence, 'submittedBy' | 'reviewedBy' | 'sources' | 'duplicates' | 'translations' | 'textLanguages'> & {
  titleEs: string | null;
  summaryEs: string | null;
  submittedById: number | null;
  submittedByName: string | null;
  reviewedById: number | null;
  reviewedByName: string | null;
};

function person(id: number | null, name: string | null) {
  return id === null ? null : { id, displayName: name ?? '' };
}

/** The fields a revision compares: what a volunteer typed, by slug rather than id. */
export const CONTENT_FIELDS = ['subject', 'standard', 'rating', 'kind', 'title', 'summary', 'occurredOn', 'sources'] as const;

/**
 * The workspace side of evidence: submission, editing while pending, review, correction and
 * retraction. Every change is one transaction that writes the entry, a revision (who, when,
 * field -> [before, after]) and an audit row, so none of the three can exist without the others.
 */
export class EvidenceWorkspaceRepository {
  constructor(
    private readonly db: Db,
    private readonly publicEvidence: EvidenceRepository,
  ) {}

  private query(writer: Writer, where: SQL | undefined) {
    return writer
      .select(workspaceColumns)
      .from(evidence)
      .innerJoin(subjects, eq(subjects.id, evidence.subjectId))
      .innerJoin(standards, eq(standards.id, evidence.standardId))
      .leftJoin(aliasedJoin(submitter, writer), eq(submitter.id, evidence.submittedBy))
      .leftJoin(aliasedJoin(reviewer, writer), eq(reviewer.id, evidence.reviewedBy))
      .leftJoin(evidenceTranslations, and(eq(evidenceTranslations.evidenceId, evidence.id), eq(evidenceTranslations.lang, 'es')))
      .where(where);
  }

  /** Joins the people, sources and duplicates on. Reads inside a transaction see its writes: one connection. */
  private async shape(rows: WorkspaceRow[], writer: Writer = this.db): Promise<WorkspaceEvidence[]> {
    const sources = await this.publicEvidence.sourcesFor(
      rows.map((r) => r.id),
      writer,
    );
    const index = new Map<string, Map<string, number[]>>();
    for (const slug of new Set(rows.map((r) => r.subject))) index.set(slug, await this.sourceIndex(writer, slug));
    return rows.map(({ submittedById, submittedByName, reviewedById, reviewedByName, titleEs, summaryEs, ...rest }) => {
      const own = sources.get(rest.id) ?? [];
      return {
        ...rest,
        translations: translationsOf(EVIDENCE_TEXT, { title: titleEs, summary: summaryEs }),
        submittedBy: person(submittedById, submittedByName),
        reviewedBy: person(reviewedById, reviewedByName),
        sources: own,
        duplicates: duplicatesIn(
          index.get(rest.subject)!,
          own.map((s) => s.url),
          rest.id,
        ),
      };
    });
  }

  /**
   * One person's entries by normalised source address (withdrawn ones left out), to flag an
   * entry whose source is already in another entry about the same person.
   */
  private async sourceIndex(writer: Writer, subjectSlug: string): Promise<Map<string, number[]>> {
    const rows = await writer
      .select({ id: evidence.id, url: evidenceSources.url })
      .from(evidenceSources)
      .innerJoin(evidence, eq(evidence.id, evidenceSources.evidenceId))
      .innerJoin(subjects, eq(subjects.id, evidence.subjectId))
      .where(and(eq(subjects.slug, subjectSlug), ne(evidence.status, 'withdrawn')))
      .orderBy(asc(evidence.id));
    const index = new Map<string, number[]>();
    for (const { id, url } of rows) {
      const key = normaliseSourceUrl(url);
      const ids = index.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      index.set(key, ids);
    }
    return index;
  }

  /**
   * Every entry that `duplicates` would flag (the finder's "has duplicates" filter): the same
   * rule as `sourceIndex` and `duplicatesIn`, over all people at once. Source addresses are
   * normalised in code, not SQL, so this reads every source: a few thousand rows at a
   * coalition's scale.
   */
  async idsWithDuplicates(): Promise<Set<number>> {
    const rows = await this.db
      .select({ id: evidence.id, subjectId: evidence.subjectId, status: evidence.status, url: evidenceSources.url })
      .from(evidenceSources)
      .innerJoin(evidence, eq(evidence.id, evidenceSources.evidenceId))
      .orderBy(asc(evidence.id));
    const indexes = new Map<number, Map<string, number[]>>();
    const urlsOf = new Map<number, { subjectId: number; urls: string[] }>();
    for (const { id, subjectId, status, url } of rows) {
      const own = urlsOf.get(id) ?? { subjectId, urls: [] };
      own.urls.push(url);
      urlsOf.set(id, own);
      if (status === 'withdrawn') continue;
      const index = indexes.get(subjectId) ?? new Map<string, number[]>();
      indexes.set(subjectId, index);
      const key = normaliseSourceUrl(url);
      const ids = index.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      index.set(key, ids);
    }
    const flagged = new Set<number>();
    for (const [id, { subjectId, urls }] of urlsOf) {
      if (duplicatesIn(indexes.get(subjectId) ?? new Map(), urls, id).length > 0) flagged.add(id);
    }
    return flagged;
  }

  /**
   * For the import: existing entries about `input.subject` whose sources match, and the one
   * (if any) this row already became: same standard, title, day and first source.
   */
  async matchImport(input: EvidenceInput): Promise<{ duplicates: number[]; alreadyImported: number | null }> {
    const index = await this.sourceIndex(this.db, input.subject);
    const duplicates = duplicatesIn(
      index,
      input.sources.map((s) => s.url),
      null,
    );
    const first = index.get(normaliseSourceUrl(input.sources[0].url)) ?? [];
    const same = first.length
      ? (
          await this.query(
            this.db,
            and(
              inArray(evidence.id, first),
              eq(evidence.title, input.title),
              eq(evidence.occurredOn, input.occurredOn),
              eq(standards.slug, input.standard),
            ),
          ).limit(1)
        )[0]
      : undefined;
    return { duplicates, alreadyImported: same?.id ?? null };
  }

  /** One entry without its history, or undefined. */
  async find(id: number, writer: Writer = this.db): Promise<WorkspaceEvidence | undefined> {
    return (await this.shape(await this.query(writer, eq(evidence.id, id)), writer))[0];
  }

  /** For the evidence aggregate's own repositories (proposed changes): one entry or a 404. */
  async findOr404(id: number, writer: Writer = this.db): Promise<WorkspaceEvidence> {
    const entry = await this.find(id, writer);
    if (!entry) throw new HttpError(404, 'not-found', `No evidence with id ${id}`);
    return entry;
  }

  /** One entry with its revisions, oldest first. */
  async detail(id: number) {
    const entry = await this.find(id);
    if (!entry) return undefined;
    const rows = await this.db
      .select({
        id: evidenceRevisions.id,
        action: evidenceRevisions.action,
        actorId: evidenceRevisions.actorId,
        actorName: users.displayName,
        changes: evidenceRevisions.changes,
        createdAt: evidenceRevisions.createdAt,
      })
      .from(evidenceRevisions)
      .leftJoin(users, eq(users.id, evidenceRevisions.actorId))
      .where(eq(evidenceRevisions.evidenceId, id))
      .orderBy(asc(evidenceRevisions.id));
    const revisions = rows.map(({ actorId, actorName, ...r }) => ({ ...r, actor: person(actorId, actorName) }));
    return { ...entry, revisions };
  }

  /**
   * Entries by id, in the order given, as the workspace shows them (people, sources,
   * duplicates joined on); ids with no entry are left out. The finder's search picks the ids.
   */
  async byIds(ids: number[]): Promise<WorkspaceEvidence[]> {
    if (ids.length === 0) return [];
    const rows = await this.query(this.db, inArray(evidence.id, ids));
    const byId = new Map((await this.shape(rows)).map((e) => [e.id, e]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Slugs to ids; an unknown slug is a 400 naming the field, like any other bad input. An
   * archived person is a 409 naming the field: no new evidence about them, by form, API or
   * import, and no entry moved onto them. `current` is the entry's own person when it is being
   * changed: an entry already about someone since archived may still be edited or corrected.
   */
  async resolve(writer: Writer, changes: Pick<EvidenceChanges, 'subject' | 'standard'>, location = 'body', current?: string) {
    const ids: { subjectId?: number; standardId?: number } = {};
    if (changes.subject !== undefined) {
      const [row] = await writer
        .select({ id: subjects.id, name: subjects.name, archivedAt: subjects.archivedAt })
        .from(subjects)
        .where(eq(subjects.slug, changes.subject))
        .limit(1);
      if (!row) throw unknownSlug(location, 'subject', changes.subject);
      if (row.archivedAt && changes.subject !== current) throw archivedSubject(location, row.name);
      ids.subjectId = row.id;
    }
    if (changes.standard !== undefined) {
      const [row] = await writer.select({ id: standards.id }).from(standards).where(eq(standards.slug, changes.standard)).limit(1);
      if (!row) throw unknownSlug(location, 'standard', changes.standard);
      ids.standardId = row.id;
    }
    return ids;
  }

  private async replaceSources(tx: Tx, evidenceId: number, sources: EvidenceInput['sources']) {
    await tx.delete(evidenceSources).where(eq(evidenceSources.evidenceId, evidenceId));
    await tx.insert(evidenceSources).values(
      sources.map((s, position) => ({
        evidenceId,
        position,
        url: s.url,
        title: s.title,
        publisher: s.publisher ?? null,
        archiveUrl: s.archiveUrl ?? null,
      })),
    );
  }

  /**
   * Writes one change: the row's new columns, new sources if given, the revision with what
   * actually changed, and the audit row. Returns the entry as stored. Proposed changes call
   * it inside their approval's transaction.
   */
  async change(
    tx: Tx,
    before: WorkspaceEvidence,
    action: string,
    actor: Actor,
    content: EvidenceChanges,
    columns: Partial<Evidence>,
  ): Promise<WorkspaceEvidence> {
    const { sources, subject: _s, standard: _t, translations, ...plain } = content;
    const ids = await this.resolve(tx, content, 'body', before.subject);
    await tx
      .update(evidence)
      .set({ ...plain, ...ids, ...columns, updatedAt: nowIso(), revision: sql`${evidence.revision} + 1` })
      .where(eq(evidence.id, before.id));
    if (sources) await this.replaceSources(tx, before.id, sources);
    await saveTranslations(tx, 'evidence', before.id, translations);
    const after = await this.findOr404(before.id, tx);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of Object.keys(after) as Array<keyof WorkspaceEvidence>) {
      if (key === 'updatedAt' || key === 'revision' || key === 'duplicates') continue;
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
    }
    await tx.insert(evidenceRevisions).values({ evidenceId: before.id, actorId: actor.id, action, changes });
    await recordAudit(tx, { actor, action: `evidence.${action}`, entityType: 'evidence', entityId: before.id, before, after });
    return after;
  }

  /** A new entry, always pending; its first revision records everything it was created with. */
  create(input: EvidenceInput, actor: Actor): Promise<WorkspaceEvidence> {
    return inTransaction(this.db, (tx) => this.insert(tx, input, actor));
  }

  /** A bulk import: every entry is stored, or none is. */
  /** Creates every entry in one unit of work; given a `tx`, joins it (the import counts its daily limit there). */
  createMany(inputs: EvidenceInput[], actor: Actor, writer: Writer = this.db): Promise<WorkspaceEvidence[]> {
    return inTransaction(writer, async (tx) => {
      const created: WorkspaceEvidence[] = [];
      for (const input of inputs) created.push(await this.insert(tx, input, actor));
      return created;
    });
  }

  private async insert(tx: Tx, input: EvidenceInput, actor: Actor): Promise<WorkspaceEvidence> {
    const { sources, subject: _s, standard: _t, translations, ...plain } = input;
    const ids = (await this.resolve(tx, input)) as { subjectId: number; standardId: number };
    const [row] = await tx
      .insert(evidence)
      .values({ ...plain, ...ids, status: 'pending', submittedBy: actor.id })
      .returning({ id: evidence.id });
    await this.replaceSources(tx, row.id, sources);
    await saveTranslations(tx, 'evidence', row.id, translations);
    const after = await this.findOr404(row.id, tx);
    const changes = Object.fromEntries([...CONTENT_FIELDS, 'translations' as const].map((f) => [f, [null, after[f]]]));
    await tx.insert(evidenceRevisions).values({ evidenceId: row.id, actorId: actor.id, action: 'create', changes });
    await recordAudit(tx, { actor, action: 'evidence.create', entityType: 'evidence', entityId: row.id, after });
    return after;
  }

  /** The submitter edits their own entry while it waits for review. */
  edit(id: number, changes: EvidenceChanges, actor: Actor): Promise<WorkspaceEvidence> {
    return inTransaction(this.db, async (tx) => {
      const before = await this.findOr404(id, tx);
      if (before.submittedBy?.id !== actor.id) throw new HttpError(403, 'forbidden', 'Only the person who submitted an entry can edit it');
      requireStatus(before, 'pending', 'edited');
      return this.change(tx, before, 'edit', actor, changes, {});
    });
  }

  /** The submitter takes back their own pending entry: kept, never public, never reviewed. */
  withdraw(id: number, actor: Actor): Promise<WorkspaceEvidence> {
    return inTransaction(this.db, async (tx) => {
      const before = await this.findOr404(id, tx);
      if (before.submittedBy?.id !== actor.id)
        throw new HttpError(403, 'forbidden', 'Only the person who submitted an entry can withdraw it');
      requireStatus(before, 'pending', 'withdrawn');
      return this.change(tx, before, 'withdraw', actor, {}, { status: 'withdrawn' });
    });
  }

  /**
   * Publishes or rejects a pending entry; never the reviewer's own, and only the revision the
   * reviewer read: an edit made meanwhile is a 409 `stale`, and nothing is decided.
   */
  review(id: number, decision: 'publish' | 'reject', note: string | undefined, revision: number, actor: Actor): Promise<WorkspaceEvidence> {
    return inTransaction(this.db, async (tx) => {
      const before = await this.findOr404(id, tx);
      refuseOwn(before, actor, 'review');
      requireStatus(before, 'pending', 'reviewed');
      requireRevision(before, revision);
      const now = nowIso();
      const status: EvidenceStatus = decision === 'publish' ? 'published' : 'rejected';
      return this.change(
        tx,
        before,
        decision,
        actor,
        {},
        {
          status,
          reviewedBy: actor.id,
          reviewedAt: now,
          reviewNote: note ?? null,
          publishedAt: decision === 'publish' ? now : null,
        },
      );
    });
  }
}

/** Entries (other than `self`) that share a normalised source address with `urls`, oldest first. */
function duplicatesIn(index: Map<string, number[]>, urls: string[], self: number | null): number[] {
  const ids = new Set<number>();
  for (const url of urls) for (const id of index.get(normaliseSourceUrl(url)) ?? []) if (id !== self) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}

export function requireRevision(entry: Pick<WorkspaceEvidence, 'revision'>, revision: number) {
  if (entry.revision !== revision) {
    throw new HttpError(
      409,
      'stale',
      `This entry changed after you opened it (you read revision ${revision}, it is now at ${entry.revision}); read it again before deciding`,
    );
  }
}

function archivedSubject(location: string, name: string) {
  const message = archivedSubjectMessage(name);
  return new HttpError(409, 'archived', `${location}.subject: ${message}`, [{ field: `${location}.subject`, message }]);
}

function unknownSlug(location: string, field: 'subject' | 'standard', slug: string) {
  const message = `no ${field} with slug "${slug}"`;
  return new HttpError(400, 'validation', `${location}.${field}: ${message}`, [{ field: `${location}.${field}`, message }]);
}

export function requireStatus(entry: WorkspaceEvidence, status: EvidenceStatus, verb: string) {
  if (entry.status !== status) {
    throw new HttpError(409, 'wrong-status', `This entry is ${entry.status}; only ${status} entries can be ${verb}`);
  }
}

/** No one reviews or corrects their own submission: a second person checks every entry. */
export function refuseOwn(entry: WorkspaceEvidence, actor: Actor, verb: string) {
  if (entry.submittedBy?.id === actor.id) {
    throw new HttpError(403, 'own-submission', `You submitted this entry, so another reviewer must ${verb} it`);
  }
}
