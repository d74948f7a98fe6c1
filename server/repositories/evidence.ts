import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { evidence, evidenceRevisions, evidenceSources, standards, subjects } from '../../db/schema/index.js';
import type { ScoredEvidence } from '../../core/scoring/method.js';
import type { PublicEvidence, PublicHistoryStep, PublicSource } from '../schemas/evidence.js';

/** The fields a public history shows when a correction changed them. */
const PUBLIC_FIELDS = ['subject', 'standard', 'rating', 'kind', 'title', 'summary', 'occurredOn', 'sources'];

const STEPS: Record<string, { action: PublicHistoryStep['action']; by: PublicHistoryStep['by'] }> = {
  create: { action: 'submitted', by: 'volunteer' },
  publish: { action: 'published', by: 'reviewer' },
  correct: { action: 'corrected', by: 'reviewer' },
  retract: { action: 'retracted', by: 'reviewer' },
};

/** What the public may see: published entries, and retracted ones with their reason. */
const isPublic = or(eq(evidence.status, 'published'), eq(evidence.status, 'retracted'));

/** The columns of an entry as the public sees it; the workspace adds its own to these. */
export const publicColumns = {
  id: evidence.id,
  subject: subjects.slug,
  standard: standards.slug,
  rating: evidence.rating,
  kind: evidence.kind,
  title: evidence.title,
  summary: evidence.summary,
  occurredOn: evidence.occurredOn,
  status: evidence.status,
  publishedAt: evidence.publishedAt,
  retractedAt: evidence.retractedAt,
  retractionReason: evidence.retractionReason,
  correctedAt: evidence.correctedAt,
  correctionNote: evidence.correctionNote,
  demo: evidence.demo,
};

export type EvidenceForScoring = [standardId: number, rating: number, kind: ScoredEvidence['kind'], occurredOn: string, updatedAt: string];

export class EvidenceRepository {
  /** Prepared once: the hottest query, answered from the covering index evidence_scoring_idx. */
  private readonly scoringQuery;

  constructor(private readonly db: Db) {
    this.scoringQuery = db
      .select({
        standardId: evidence.standardId,
        rating: evidence.rating,
        kind: evidence.kind,
        occurredOn: evidence.occurredOn,
        updatedAt: evidence.updatedAt,
      })
      .from(evidence)
      .where(and(eq(evidence.subjectId, sql.placeholder('subjectId')), eq(evidence.status, 'published')))
      .prepare();
  }

  /** Sources of many entries in one query, keyed by entry id, in their given order. */
  async sourcesFor(ids: number[], reader: Db = this.db): Promise<Map<number, PublicSource[]>> {
    const byEntry = new Map<number, PublicSource[]>();
    // SQLite caps bound parameters; chunk so an export of every entry still works.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await reader
        .select({
          evidenceId: evidenceSources.evidenceId,
          url: evidenceSources.url,
          title: evidenceSources.title,
          publisher: evidenceSources.publisher,
          archiveUrl: evidenceSources.archiveUrl,
        })
        .from(evidenceSources)
        .where(inArray(evidenceSources.evidenceId, ids.slice(i, i + 500)))
        .orderBy(asc(evidenceSources.evidenceId), asc(evidenceSources.position));
      for (const { evidenceId, ...source } of rows) {
        const list = byEntry.get(evidenceId);
        if (list) list.push(source);
        else byEntry.set(evidenceId, [source]);
      }
    }
    return byEntry;
  }

  /** One public entry (published or retracted), or undefined for any other status. */
  async findPublic(id: number): Promise<PublicEvidence | undefined> {
    return (await this.listPublic({ id }))[0];
  }

  /**
   * An entry's dated public history: submitted, published, each approved correction with its
   * note and what changed, the retraction with its reason. Edits before publication and
   * everything about who did it stay private; only the role shows.
   */
  async publicHistory(id: number): Promise<PublicHistoryStep[]> {
    const rows = await this.db
      .select({ action: evidenceRevisions.action, changes: evidenceRevisions.changes, createdAt: evidenceRevisions.createdAt })
      .from(evidenceRevisions)
      .where(eq(evidenceRevisions.evidenceId, id))
      .orderBy(asc(evidenceRevisions.id));
    return rows.flatMap(({ action, changes, createdAt }) => {
      const step = STEPS[action];
      if (!step) return [];
      const pair = (field: string) => changes[field] as [unknown, unknown] | undefined;
      const note =
        action === 'correct'
          ? ((pair('correctionNote')?.[1] as string | null) ?? null)
          : action === 'retract'
            ? ((pair('retractionReason')?.[1] as string | null) ?? null)
            : null;
      const changed =
        action === 'correct'
          ? PUBLIC_FIELDS.filter((f) => pair(f)).map((field) => ({ field, before: pair(field)![0], after: pair(field)![1] }))
          : [];
      return [{ ...step, at: createdAt, note, changes: changed }];
    });
  }

  /** Public evidence, newest first (by when it happened), optionally for one subject or standard. */
  async listPublic(filter: { subjectId?: number; standardId?: number; id?: number } = {}): Promise<PublicEvidence[]> {
    const rows = await this.db
      .select(publicColumns)
      .from(evidence)
      .innerJoin(subjects, eq(subjects.id, evidence.subjectId))
      .innerJoin(standards, eq(standards.id, evidence.standardId))
      .where(
        and(
          isPublic,
          filter.subjectId === undefined ? undefined : eq(evidence.subjectId, filter.subjectId),
          filter.standardId === undefined ? undefined : eq(evidence.standardId, filter.standardId),
          filter.id === undefined ? undefined : eq(evidence.id, filter.id),
        ),
      )
      .orderBy(desc(evidence.occurredOn), desc(evidence.id));
    const sources = await this.sourcesFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...r,
      status: r.status as PublicEvidence['status'],
      sources: sources.get(r.id) ?? [],
    }));
  }

  /**
   * One subject's counted evidence as [standardId, rating, kind, occurredOn, updatedAt]
   * rows: arrays skip drizzle's per-column mapping, which halves the time for big subjects.
   * (better-sqlite3's prepared `values()` answers at once; PostgreSQL's prepared query is awaited.)
   */
  async forScoring(subjectId: number): Promise<EvidenceForScoring[]> {
    return this.scoringQuery.values({ subjectId }) as EvidenceForScoring[];
  }
}
