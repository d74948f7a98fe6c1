import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import type { PersonPageData } from '../../../../core/page-data.js';
import { MIN_COVERAGE, weightiestEntry } from '../../../../core/scoring/method.js';
import { parseWeights } from '../../../../core/scoring/weights.js';
import type { Repositories } from '../../../plugins/repositories.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import type { GlanceStandard, PersonView } from '../views/person.js';
import type { Scorecard } from '../../../schemas/scorecard.js';
import type { PublicEvidence } from '../../../schemas/evidence.js';
import { standardScoresOf, shareImagePath, standardRefs, weightedOverall, type PageModel, type PageQuery } from './model.js';

/**
 * `/people/:slug`: one person's scorecard, their evidence (`?standard=` filters it) and the
 * overall grade under the voter's weighting (`?w=`). Null when no one has this slug.
 */
export async function personPageModel(
  repos: Repositories,
  slug: string,
  query: PageQuery,
  locale: Locale,
): Promise<PageModel<PersonView> | null> {
  const msg = messagesFor(locale);
  const { standards, subjects, evidence, elections, scorecards, translations } = repos;
  const row = await subjects.rowBySlug(slug);
  if (!row) return null;
  // Bio, office, entry titles and election names in the page's language where written (English otherwise, and marked so).
  const [subject] = await translations.localizeSubjects([toPublicSubject(row)], locale);
  const card = await scorecards.forSubject(row, undefined, locale);
  const allStandards = await standards.list(locale);
  const refs = await standardRefs(repos, locale);
  const entries = await translations.localizeEvidence(await evidence.listPublic({ subjectId: row.id }), locale);
  const weights = parseWeights(
    query.w,
    refs.map((s) => s.slug),
  );
  const filter = allStandards.some((s) => s.slug === query.standard) ? query.standard! : null;
  const pageData: PersonPageData = {
    page: 'person',
    asOf: card.asOf,
    standards: refs,
    subjects: [{ slug: subject.slug, name: subject.name, scores: standardScoresOf(refs, entries, card.asOf), official: card.overall }],
    radar: card.standards.map((s) => ({ slug: s.slug, short: msg.standardShort[s.slug] ?? s.title, score: s.score })),
    firstEvidenceOn: entries.reduce<string | null>((min, e) => (min === null || e.occurredOn < min ? e.occurredOn : min), null),
  };
  const overall = weightedOverall(pageData, weights).get(subject.slug)!;
  return {
    name: 'person',
    title: subject.name,
    description: msg.person.description(subject.name, card.overall.grade),
    path: `/people/${subject.slug}`,
    ogType: 'profile',
    oembed: true,
    demo: subject.demo,
    share: {
      image: shareImagePath('people', subject.slug, locale, weights, refs),
      title: msg.share.previewTitle(subject.name, overall.grade, overall.score),
    },
    pageData,
    view: {
      subject,
      card,
      overall,
      weights,
      evidence: entries,
      filter,
      standards: allStandards,
      elections: await translations.localizeElections(
        (await elections.list()).filter((e) => e.candidates.some((c) => c.slug === subject.slug)),
        locale,
      ),
      minCoverage: MIN_COVERAGE,
      replies: await repos.replies.publishedBySubject(row.id),
      invitation: await repos.replies.invitation(row.id),
      glance: whyAtAGlance(card, entries),
    },
  };
}

/** How many standards the "Strongest" and "Weakest" lists name at most. */
const GLANCE_SIZE = 2;

/**
 * The person's highest- and lowest-scoring standards, each with the entry that weighs most in
 * it (core/scoring/method.ts weightiestEntry). A standard is never in both lists: with few scored
 * standards the weakest list is shorter.
 */
export function whyAtAGlance(card: Scorecard, entries: PublicEvidence[]): { strongest: GlanceStandard[]; weakest: GlanceStandard[] } {
  const scored = card.standards
    .filter((s) => s.score !== null)
    .map((s) => ({ standard: s, reason: weightiestEntry(entries.filter((e) => e.standard === s.slug)) }));
  // Stable sort: equal scores keep the standards' own order.
  const strongest = [...scored].sort((a, b) => b.standard.score! - a.standard.score!).slice(0, GLANCE_SIZE);
  const weakest = [...scored]
    .sort((a, b) => a.standard.score! - b.standard.score!)
    .filter((s) => !strongest.includes(s))
    .slice(0, GLANCE_SIZE);
  return { strongest, weakest };
}
