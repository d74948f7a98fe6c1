import { messagesFor } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import { today } from '../../../../core/calendar.js';
import { electionPhase } from '../../../../core/election-phase.js';
import { electionStandings } from '../../../../core/election-standings.js';
import type { ElectionPageData } from '../../../../core/page-data.js';
import { MIN_COVERAGE } from '../../../../core/scoring/method.js';
import { parseWeights } from '../../../../core/scoring/weights.js';
import type { Repositories } from '../../../plugins/repositories.js';
import { toPublicSubject } from '../../../repositories/subjects.js';
import type { ElectionView } from '../views/election.js';
import { standardScoresOf, shareImagePath, standardRefs, weightedOverall, type PageModel, type PageQuery } from './model.js';

/**
 * `/elections/:slug`: the candidates side by side, graded as of today, under the voter's
 * weighting (`?w=`). Null when no election has this slug.
 */
export async function electionPageModel(
  repos: Repositories,
  slug: string,
  query: PageQuery,
  locale: Locale,
): Promise<PageModel<ElectionView> | null> {
  const msg = messagesFor(locale);
  const { evidence, elections, scorecards, translations } = repos;
  const found = await elections.bySlug(slug);
  if (!found) return null;
  const asOf = today();
  // The election's name and the candidates' offices in the page's language where written.
  const [named] = await translations.localizeElections([found], locale);
  const people = await translations.localizeSubjects(found.candidates.map(toPublicSubject), locale);
  const election = {
    ...named,
    asOf,
    candidates: await Promise.all(
      found.candidates.map(async (c, i) => ({ ...people[i], scorecard: await scorecards.forSubject(c, asOf, locale) })),
    ),
  };
  const refs = await standardRefs(repos, locale);
  const pageData: ElectionPageData = {
    page: 'election',
    asOf,
    standards: refs,
    subjects: await Promise.all(
      found.candidates.map(async (c, i) => ({
        slug: c.slug,
        name: c.name,
        scores: standardScoresOf(refs, await evidence.listPublic({ subjectId: c.id }), asOf),
        official: election.candidates[i].scorecard.overall,
      })),
    ),
    bars: election.candidates.map((c) => ({ name: c.name, scores: c.scorecard.standards.map((s) => s.score) })),
  };
  const weights = parseWeights(
    query.w,
    refs.map((s) => s.slug),
  );
  return {
    name: 'election',
    title: election.name,
    description: msg.election.description(election.name),
    path: `/elections/${election.slug}`,
    oembed: true,
    demo: election.demo || election.candidates.some((c) => c.demo),
    share: { image: shareImagePath('elections', election.slug, locale, weights, refs) },
    pageData,
    view: {
      election,
      overall: weightedOverall(pageData, weights),
      weights,
      slugs: refs.map((s) => s.slug),
      minCoverage: MIN_COVERAGE,
      phase: electionPhase(found, asOf),
      standings: new Map(
        electionStandings(election.candidates.map((c) => c.scorecard.standards.map((s) => s.score))).map((s, i) => [
          election.candidates[i].slug,
          s,
        ]),
      ),
    },
  };
}
