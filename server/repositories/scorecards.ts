import type { Subject } from '../../db/schema/index.js';
import { today } from '../../core/calendar.js';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.js';
import { computeScorecard, COUNTED_STATUS, METHODOLOGY_VERSION } from '../../core/scoring/method.js';
import type { Scorecard } from '../schemas/scorecard.js';
import type { EvidenceRepository } from './evidence.js';
import type { StandardRepository } from './standards.js';

/** Bounded so that a crawler walking every `asOf` date cannot grow memory without limit. */
const MAX_CACHED = 5_000;

/**
 * Builds scorecards from stored evidence with the scoring method, and caches them in memory.
 * The cache is stamped with the data version: any committed write bumps the version, so the
 * next read recomputes and a stale scorecard is never served.
 */
export class ScorecardService {
  private cache = new Map<string, Scorecard>();
  private cachedVersion = -1;

  constructor(
    private readonly standardsRepo: StandardRepository,
    private readonly evidenceRepo: EvidenceRepository,
    private readonly dataVersion: () => number,
  ) {}

  async forSubject(subject: Subject, asOf?: string | null, lang: Language = DEFAULT_LANGUAGE): Promise<Scorecard> {
    const day = asOf ?? today();
    const version = this.dataVersion();
    if (version !== this.cachedVersion) {
      this.cache.clear();
      this.cachedVersion = version;
    }
    const key = `${subject.id}|${day}|${lang}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const card = await this.compute(subject, day, lang);
    // Other requests ran while this one awaited its queries. Kept only if no write happened
    // meanwhile: otherwise the card may mix data from before and after it, and a cache
    // already moved on to a newer version must never receive it.
    if (this.dataVersion() === version && this.cachedVersion === version) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(key, card);
    }
    return card;
  }

  /** Uncached: what the benchmark's "computed in under 2 ms" figure measures. */
  async compute(subject: Subject, asOf: string, lang: Language = DEFAULT_LANGUAGE): Promise<Scorecard> {
    const refs = await this.standardsRepo.refs(lang);
    const slugById = new Map(refs.map((r) => [r.id, r.slug]));
    let updatedAt: string | null = null;
    const scored = (await this.evidenceRepo.forScoring(subject.id)).map(([standardId, rating, kind, occurredOn, changedAt]) => {
      if (occurredOn <= asOf && (updatedAt === null || changedAt > updatedAt)) updatedAt = changedAt;
      return { standard: slugById.get(standardId) ?? '', rating, kind, occurredOn, status: COUNTED_STATUS };
    });
    const result = computeScorecard(refs, scored, { asOf });
    return {
      subject: { slug: subject.slug, name: subject.name, role: subject.role, office: subject.office, demo: subject.demo },
      asOf,
      methodologyVersion: METHODOLOGY_VERSION,
      // Without voter weights the reason is only ever "insufficient-coverage" or null.
      overall: { ...result.overall, reason: result.overall.reason === 'insufficient-coverage' ? result.overall.reason : null },
      standards: result.standards.map((s, i) => ({ ...s, titleLang: refs[i].titleLang })),
      lang,
      evidenceCount: result.evidenceCount,
      updatedAt,
    };
  }
}
