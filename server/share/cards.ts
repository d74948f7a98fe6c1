import { messagesFor } from '../../i18n/catalog.js';
import { formatDay } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { today } from '../../core/calendar.js';
import { computeScorecard, type OverallScore } from '../../core/scoring/method.js';
import { isEqualWeighting, parseWeights } from '../../core/scoring/weights.js';
import type { Repositories } from '../plugins/repositories.js';
import type { Subject } from '../../db/schema/index.js';
import type { ShareCard } from './render.js';

/**
 * The share card of each kind of page, from the same repositories and scoring method as the
 * page itself, so a preview never says something the page does not. A weighting (`w`, as in
 * the page's address) recomputes the overall grade exactly as the page does.
 */

/** The overall score under a voter's weighting, or the published one when the weighting is equal. */
async function overallFor(
  repos: Repositories,
  row: Subject,
  official: OverallScore,
  weights: Record<string, number>,
  asOf: string,
): Promise<OverallScore> {
  if (isEqualWeighting(weights)) return official;
  const evidence = await repos.evidence.listPublic({ subjectId: row.id });
  return computeScorecard(await repos.standards.refs(), evidence, { asOf, weights }).overall;
}

const demoNotice = (locale: Locale, demo: boolean) => (demo ? messagesFor(locale).share.demo : null);

export async function personShareCard(repos: Repositories, slug: string, locale: Locale, w?: string): Promise<ShareCard | null> {
  const msg = messagesFor(locale);
  const row = await repos.subjects.rowBySlug(slug);
  if (!row) return null;
  const card = await repos.scorecards.forSubject(row, undefined, locale);
  const weights = parseWeights(
    w,
    (await repos.standards.refs()).map((s) => s.slug),
  );
  const overall = await overallFor(repos, row, card.overall, weights, card.asOf);
  return {
    kicker: msg.siteName,
    title: row.name,
    subtitle: msg.roles[row.role] ?? row.office,
    grades: [{ label: null, grade: overall.grade, score: overall.score }],
    facts: [
      msg.person.coverage(card.overall.coverage, card.standards.length),
      ...(isEqualWeighting(weights) ? [] : [msg.share.weighted]),
      msg.person.asOf(formatDay(msg, card.asOf)),
    ],
    demo: demoNotice(locale, row.demo),
  };
}

export async function electionShareCard(repos: Repositories, slug: string, locale: Locale, w?: string): Promise<ShareCard | null> {
  const msg = messagesFor(locale);
  const election = await repos.elections.bySlug(slug);
  if (!election) return null;
  const asOf = today();
  const weights = parseWeights(
    w,
    (await repos.standards.refs()).map((s) => s.slug),
  );
  const grades = await Promise.all(
    election.candidates.slice(0, 5).map(async (row) => {
      const overall = await overallFor(repos, row, (await repos.scorecards.forSubject(row, asOf, locale)).overall, weights, asOf);
      return { label: row.name, grade: overall.grade, score: overall.score };
    }),
  );
  return {
    kicker: msg.siteName,
    title: election.name,
    subtitle: null,
    grades,
    facts: [...(isEqualWeighting(weights) ? [] : [msg.share.weighted]), msg.person.asOf(formatDay(msg, asOf))],
    demo: demoNotice(locale, election.demo || election.candidates.some((c) => c.demo)),
  };
}

export async function standardShareCard(repos: Repositories, slug: string, locale: Locale): Promise<ShareCard | null> {
  const msg = messagesFor(locale);
  const standard = await repos.standards.bySlug(slug, locale);
  if (!standard) return null;
  const rows = await repos.subjects.rows();
  const grades = await Promise.all(
    rows.slice(0, 5).map(async (row) => {
      const score = (await repos.scorecards.forSubject(row, undefined, locale)).standards.find((s) => s.slug === slug)!;
      return { label: row.name, grade: score.grade, score: score.score };
    }),
  );
  return {
    kicker: msg.siteName,
    title: `${standard.number}. ${standard.title}`,
    subtitle: null,
    grades,
    facts: [msg.person.asOf(formatDay(msg, today()))],
    demo: demoNotice(
      locale,
      rows.some((r) => r.demo),
    ),
  };
}

export async function evidenceShareCard(repos: Repositories, id: number, locale: Locale): Promise<ShareCard | null> {
  const msg = messagesFor(locale);
  const entry = await repos.evidence.findPublic(id);
  const row = entry && (await repos.subjects.rowBySlug(entry.subject));
  if (!entry || !row) return null;
  const standard = (await repos.scorecards.forSubject(row, undefined, locale)).standards.find((s) => s.slug === entry.standard)!;
  return {
    kicker: msg.siteName,
    title: entry.title,
    subtitle: `${row.name} · ${msg.share.standardOn(standard.title)}`,
    grades: [{ label: null, grade: standard.grade, score: standard.score }],
    facts: [msg.ratings[String(entry.rating)] ?? String(entry.rating), formatDay(msg, entry.occurredOn)],
    demo: demoNotice(locale, entry.demo || row.demo),
  };
}
