import { messagesFor, type Messages } from '../../../../i18n/catalog.js';
import type { Locale } from '../../../../i18n/locales.js';
import { today } from '../../../../core/calendar.js';
import { currentElectionOf } from '../../../../core/election-phase.js';
import type { PrioritiesPageData } from '../../../../core/page-data.js';
import { overallScore, standardScores, type OverallScore } from '../../../../core/scoring/method.js';
import { formatWeights, isEqualWeighting } from '../../../../core/scoring/weights.js';
import type { Repositories } from '../../../plugins/repositories.js';
import type { PublicEvidence } from '../../../schemas/evidence.js';
import type { SafeHtml } from '../../../html/html.js';
import type { PageDocument } from '../layout.js';

/**
 * What a page shows, before any HTML: the document's facts (title, description, path, whether
 * it shows demo data, the components' page data) and `view`, the values its view function
 * draws. A model reads the repositories and runs the scoring method; it knows nothing of HTTP.
 */
export interface PageModel<View> extends Omit<PageDocument, 'body'> {
  view: View;
}

/** Draws a model's `view` as the page's main content; `canonical` is the page's full URL. */
export type PageView<View> = (msg: Messages, view: View, link: (path: string) => string, canonical: string) => SafeHtml;

/** The parts of the URL a page reads: `w` is the voter's weighting, `standard` filters evidence. */
export interface PageQuery {
  w?: string;
  standard?: string;
}

/** The election voters should look at now: the nearest one not yet past, else the most recent (core/election-phase.ts). */
export async function currentElection(repos: Pick<Repositories, 'elections'>) {
  return currentElectionOf(await repos.elections.list(), today());
}

/** The standards as the browser components name them (with their short labels). */
export async function standardRefs(repos: Pick<Repositories, 'standards'>, locale: Locale) {
  const msg = messagesFor(locale);
  return (await repos.standards.list(locale)).map((s) => ({
    slug: s.slug,
    number: s.number,
    title: s.title,
    short: msg.standardShort[s.slug] ?? s.title,
  }));
}

/** Each standard's unrounded score from a person's public entries, as of `asOf`: what the browser regrades with. */
export function standardScoresOf(
  standards: ReadonlyArray<{ slug: string }>,
  entries: PublicEvidence[],
  asOf: string,
): Array<{ slug: string; score: number | null }> {
  return standardScores(
    standards,
    entries.map(({ standard, rating, kind, status, occurredOn }) => ({ standard, rating, kind, status, occurredOn })),
    asOf,
  );
}

/** Each subject's overall score under the voter's weighting (the official one when equal). */
export function weightedOverall(input: PrioritiesPageData, weights: Record<string, number>): Map<string, OverallScore> {
  return new Map(input.subjects.map((s) => [s.slug, isEqualWeighting(weights) ? s.official : overallScore(s.scores, weights)]));
}

/**
 * The path of a page's share image (`/share/people/x.png?lang=es&w=…`): in the page's language
 * and, for a weighted link, with that weighting written the one way `formatWeights` writes it,
 * so equal weightings share one cached image.
 */
export function shareImagePath(
  kind: 'people' | 'elections' | 'standards' | 'evidence',
  slug: string,
  locale: Locale,
  weights: Record<string, number> = {},
  refs: ReadonlyArray<{ slug: string }> = [],
): string {
  const w = formatWeights(
    weights,
    refs.map((s) => s.slug),
  );
  return `/share/${kind}/${encodeURIComponent(slug)}.png?lang=${locale}${w ? `&w=${encodeURIComponent(w)}` : ''}`;
}
