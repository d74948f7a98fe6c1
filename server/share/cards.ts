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

/**
 * The image's top line names who publishes the grades (the admin's setting, or the default name
 * the rest of the site shows until one is set), not the product: a preview travels without the
 * page around it. It is a proper name, the same in every language. Renaming is a write, so the
 * data version moves and every cached image is drawn again with the new name.
 */
const coalitionName = async (repos: Repositories) => (await repos.site.identity()).coalitionName;

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
    kicker: await coalitionName(repos),
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
  // Spanish images say the Spanish name where one is written.
  const [named] = await repos.translations.localizeElections([election], locale);
  return {
    kicker: await coalitionName(repos),
    title: named.name,
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
    kicker: await coalitionName(repos),
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
  const found = await repos.evidence.findPublic(id);
  const row = found && (await repos.subjects.rowBySlug(found.subject));
  if (!found || !row) return null;
  const [entry] = await repos.translations.localizeEvidence([found], locale);
  const standard = (await repos.scorecards.forSubject(row, undefined, locale)).standards.find((s) => s.slug === entry.standard)!;
  return {
    kicker: await coalitionName(repos),
    title: entry.title,
    subtitle: `${row.name} · ${msg.share.standardOn(standard.title)}`,
    grades: [{ label: null, grade: standard.grade, score: standard.score }],
    facts: [msg.ratings[String(entry.rating)] ?? String(entry.rating), formatDay(msg, entry.occurredOn)],
    demo: demoNotice(locale, entry.demo || row.demo),
  };
}
