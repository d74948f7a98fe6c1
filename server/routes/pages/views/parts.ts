import type { Messages } from '../../../../i18n/catalog.js';
import { en } from '../../../../i18n/en.js';
import { formatDay, signedRating } from '../../../../i18n/format.js';
export { describeOverall as overallNote } from '../../../../i18n/format.js';
import { evidencePath } from '../../../../core/evidence-links.js';
import type { PublicEvidence, PublicReply } from '../../../schemas/evidence.js';
import type { Scorecard } from '../../../schemas/scorecard.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';
import { weightiestEntry } from '../../../../core/scoring/method.js';

/**
 * Pieces shared by several pages. The grade badge's markup matches what the <sc-grade>
 * component renders in the browser, so an enhanced page looks the same as the served HTML.
 */

/** A grade as a letter (never colour alone) with its score, and a full sentence for screen readers. */
export function gradeBadge(msg: Messages, grade: string | null, score: number | null, size: 'small' | 'large' = 'small'): SafeHtml {
  if (!grade || score === null) {
    return html`<span class="grade grade--${size}" data-grade="none"><span class="grade__letter" aria-hidden="true">–</span><span class="visually-hidden">${msg.grade.none}</span></span>`;
  }
  return html`<span class="grade grade--${size}" data-grade="${grade}"><span class="grade__letter" aria-hidden="true">${grade}</span><span class="grade__score" aria-hidden="true">${score}</span><span class="visually-hidden">${msg.grade.label(grade, score)}</span></span>`;
}

/** A grade the "Your priorities" sliders can recompute in the browser. */
export function liveGrade(msg: Messages, subject: string, grade: string | null, score: number | null, size: 'small' | 'large'): SafeHtml {
  return html`<sc-grade data-subject="${subject}" size="${size}"${grade ? html` grade="${grade}"` : ''}${score === null ? '' : html` score="${score}"`}>${gradeBadge(msg, grade, score, size)}</sc-grade>`;
}

/**
 * Stored text in the language it is actually in: where a translation is missing and the
 * English shows through on a Spanish page, it is marked `lang="en"` so screen readers
 * pronounce it as English.
 */
export function inLanguage(text: string, textLang: string, pageLang: string): SafeHtml | string {
  return textLang === pageLang ? text : html`<span lang="${textLang}">${text}</span>`;
}

/**
 * Stored text that has no translation (names of elections and events, evidence, bios, offices):
 * it is written in English, so on a page in another language it is marked `lang="en"`.
 */
export function english(msg: Messages, text: string): SafeHtml | string {
  return text ? inLanguage(text, 'en', msg.langTag.split('-')[0]) : text;
}

/** Glosses of the hard terms in the standards' titles, under every list of them. */
export function standardTermsNote(msg: Messages): SafeHtml {
  return html`<p class="muted standard-terms">${msg.standardTerms}</p>`;
}

/**
 * A person's role and office in one line, without saying the role twice: when the office
 * restates the role ("District Attorney (incumbent)" and "District Attorney (demo office)"),
 * only the role is shown. Offices are stored in English, so the English role is compared too.
 */
export function roleAndOffice(msg: Messages, role: string, office: string): SafeHtml | string {
  const label = msg.roles[role] ?? role;
  const bare = (t: string) =>
    t
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  const o = bare(office);
  const restates = !o || [label, en.roles[role] ?? ''].some((l) => bare(l) && (o.includes(bare(l)) || bare(l).includes(o)));
  return restates ? label : html`${label} · ${english(msg, office)}`;
}

/** Words by which a stored name or title already says it is fictional (the demo data's names do). */
const SAYS_DEMO = /\b(demo|fictici[oa]s?)\b/i;

/**
 * The "Demo" tag after a fictional record's name, unless `beside` (the name or title it follows)
 * already says so: "Avery Placeholder (demo) DEMO" read the word twice.
 */
export function demoTag(msg: Messages, demo: boolean, beside = ''): SafeHtml | '' {
  return demo && !SAYS_DEMO.test(beside) ? html` <span class="tag tag--demo">${msg.demoBadge}</span>` : '';
}

/** How many entries a standard card lists before "Show all N". */
const CARD_RECENT = 3;

/** Entries as short lines (title linking to the claim page, date), for a standard card. */
function claimLines(msg: Messages, entries: PublicEvidence[], link: (path: string) => string): SafeHtml {
  return html`<ul class="claim-lines">${entries.map(
    (e) =>
      html`<li><a href="${link(`/evidence/${e.id}`)}">${e.title}</a>, <time datetime="${e.occurredOn}">${formatDay(msg, e.occurredOn)}</time></li>`,
  )}</ul>`;
}

/**
 * The ten standards as cards: grade, score and evidence count, "not enough evidence" where none.
 * Given the person's evidence, each card also says why in one line (the published entry that
 * weighs most, core weightiestEntry), lists the three most recent entries and links "Show all N" to
 * the evidence list filtered to that standard (not a copy of them here: a person with a thousand
 * entries would carry each twice, and the page is what a shared link's crowd downloads), and
 * keeps retracted entries behind their own toggle (<details>: no JavaScript needed).
 */
export function standardCards(msg: Messages, card: Scorecard, link: (path: string) => string, evidence?: PublicEvidence[]): SafeHtml {
  return html`<ol class="standard-cards">${card.standards.map((s) => {
    const entries = (evidence ?? []).filter((e) => e.standard === s.slug);
    const published = entries.filter((e) => e.status === 'published').sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
    const retracted = entries.filter((e) => e.status === 'retracted');
    const reason = weightiestEntry(published);
    return html`<li class="standard-card" id="standard-${s.slug}" data-standard="${s.slug}">
      <div class="standard-card__head">
        <span class="standard-card__number" aria-hidden="true">${s.number}</span>
        <h3 class="standard-card__title"><a href="${link(`/standards/${s.slug}`)}">${inLanguage(s.title, s.titleLang, card.lang)}</a></h3>
      </div>
      <div class="standard-card__grade">${gradeBadge(msg, s.grade, s.score)}${s.grade ? '' : html`<span class="standard-card__none">${msg.standardCard.noEvidence}</span>`}</div>
      ${s.evidenceCount > 0 ? html`<p class="standard-card__count"><a href="?standard=${s.slug}#evidence">${msg.standardCard.evidence(s.evidenceCount)}</a></p>` : ''}
      ${
        evidence && (published.length || retracted.length)
          ? html`<div class="standard-card__body">
        ${reason ? html`<p class="standard-card__reason">${msg.person.weighsMost} <a href="${link(`/evidence/${reason.id}`)}">${reason.title}</a>, <time datetime="${reason.occurredOn}">${formatDay(msg, reason.occurredOn)}</time>.</p>` : ''}
        ${published.length ? html`<p class="standard-card__recent">${msg.standardCard.recent}</p>${claimLines(msg, published.slice(0, CARD_RECENT), link)}` : ''}
        ${published.length > CARD_RECENT ? html`<p class="standard-card__more"><a href="?standard=${s.slug}#evidence">${msg.standardCard.showAll(published.length)}</a></p>` : ''}
        ${retracted.length ? html`<details class="standard-card__retracted"><summary>${msg.standardCard.retracted(retracted.length)}</summary>${claimLines(msg, retracted, link)}</details>` : ''}
      </div>`
          : ''
      }
    </li>`;
  })}</ol>`;
}

function ratingTag(msg: Messages, rating: number): SafeHtml {
  const tone = rating > 0 ? 'pos' : rating < 0 ? 'neg' : 'mid';
  return html`<span class="rating rating--${tone}"><span class="rating__value">${signedRating(rating)}</span> ${msg.ratings[String(rating)] ?? ''}</span>`;
}

/** One evidence entry: rating in words, kind, date, summary, sources; retracted ones struck through with the reason. */
export function evidenceEntry(
  msg: Messages,
  entry: PublicEvidence,
  standardTitle: string | null,
  link: (path: string) => string,
  options: { hidden?: boolean; headingLevel?: 3 | 4; replies?: PublicReply[]; subjectName?: string } = {},
): SafeHtml {
  const retracted = entry.status === 'retracted';
  const strike = (text: string) => (retracted ? html`<s>${english(msg, text)}</s>` : english(msg, text));
  // Every entry links to its own page: its sources, how it counts, its history and replies.
  const titleLink = html`<a href="${link(evidencePath(entry.id))}">${strike(entry.title)}</a>`;
  const title =
    (options.headingLevel ?? 3) === 3
      ? html`<h3 class="evidence__title">${titleLink}</h3>`
      : html`<h4 class="evidence__title">${titleLink}</h4>`;
  return html`<li class="evidence${retracted ? ' evidence--retracted' : ''}" data-standard="${entry.standard}"${options.hidden ? html` hidden` : ''}>
    ${title}
    ${retracted ? html`<p class="evidence__retraction"><strong>${msg.evidence.retracted}.</strong> ${msg.evidence.retractedReason('')}${english(msg, entry.retractionReason ?? '')}</p>` : ''}
    <p class="evidence__meta">${ratingTag(msg, entry.rating)}<span>${msg.kinds[entry.kind]}</span><span><time datetime="${entry.occurredOn}">${formatDay(msg, entry.occurredOn)}</time></span>${
      standardTitle ? html`<span><a href="${link(`/standards/${entry.standard}`)}">${standardTitle}</a></span>` : ''
    }</p>
    <p class="evidence__summary">${strike(entry.summary)}</p>
    ${entry.correctedAt ? html`<p class="evidence__correction">${msg.evidence.corrected(formatDay(msg, entry.correctedAt.slice(0, 10)), '')}${english(msg, entry.correctionNote ?? '')}</p>` : ''}
    ${
      entry.sources.length
        ? html`<p class="evidence__sources"><span class="evidence__sources-label">${msg.evidence.sources}:</span> ${entry.sources.map(
            (src, i) =>
              html`${i > 0 ? '; ' : ''}<a href="${safeUrl(src.url)}" rel="noopener nofollow">${english(msg, src.title)}</a>${src.publisher ? html` (${english(msg, src.publisher)})` : ''}${
                src.archiveUrl ? html` · <a href="${safeUrl(src.archiveUrl)}" rel="noopener nofollow">${msg.evidence.archived}</a>` : ''
              }`,
          )}</p>`
        : ''
    }
    ${options.replies?.length && options.subjectName ? replyList(msg, options.subjectName, options.replies) : ''}
  </li>`;
}

/** Published replies from the graded person's office, marked as theirs and dated. */
export function replyList(msg: Messages, subjectName: string, replies: PublicReply[]): SafeHtml {
  return html`<ul class="replies">${replies.map(
    (
      r,
    ) => html`<li class="reply"><p class="reply__from"><strong>${msg.replies.from(subjectName)}</strong>, <time datetime="${r.publishedAt}">${msg.replies.on(formatDay(msg, r.publishedAt.slice(0, 10)))}</time></p>
      <p class="reply__body">${r.body}</p>${r.url ? html`<p><a href="${safeUrl(r.url)}" rel="noopener nofollow ugc">${msg.replies.link}</a></p>` : ''}</li>`,
  )}</ul>`;
}
