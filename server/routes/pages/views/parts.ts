import type { Messages } from '../../../../i18n/catalog.js';
import { formatDay, signedRating } from '../../../../i18n/format.js';
export { describeOverall as overallNote } from '../../../../i18n/format.js';
import type { PublicEvidence } from '../../../schemas/evidence.js';
import type { Scorecard } from '../../../schemas/scorecard.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';

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

export function demoTag(msg: Messages, demo: boolean): SafeHtml | '' {
  return demo ? html` <span class="tag tag--demo">${msg.demoBadge}</span>` : '';
}

/** The ten standards as cards: grade, score and evidence count, "not enough evidence" where none. */
export function standardCards(msg: Messages, card: Scorecard, link: (path: string) => string): SafeHtml {
  return html`<ol class="standard-cards">${card.standards.map(
    (s) => html`<li class="standard-card" data-standard="${s.slug}">
      <div class="standard-card__head">
        <span class="standard-card__number" aria-hidden="true">${s.number}</span>
        <h3 class="standard-card__title"><a href="${link(`/standards/${s.slug}`)}">${inLanguage(s.title, s.titleLang, card.lang)}</a></h3>
      </div>
      <div class="standard-card__grade">${gradeBadge(msg, s.grade, s.score)}${s.grade ? '' : html`<span class="standard-card__none">${msg.standardCard.noEvidence}</span>`}</div>
      ${s.evidenceCount > 0 ? html`<p class="standard-card__count"><a href="?standard=${s.slug}#evidence">${msg.standardCard.evidence(s.evidenceCount)}</a></p>` : ''}
    </li>`,
  )}</ol>`;
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
  options: { hidden?: boolean; headingLevel?: 3 | 4 } = {},
): SafeHtml {
  const retracted = entry.status === 'retracted';
  const strike = (text: string) => (retracted ? html`<s>${english(msg, text)}</s>` : english(msg, text));
  const title = (options.headingLevel ?? 3) === 3 ? html`<h3 class="evidence__title">${strike(entry.title)}</h3>` : html`<h4 class="evidence__title">${strike(entry.title)}</h4>`;
  return html`<li class="evidence${retracted ? ' evidence--retracted' : ''}" data-standard="${entry.standard}"${options.hidden ? html` hidden` : ''}>
    ${title}
    ${retracted ? html`<p class="evidence__retraction"><strong>${msg.evidence.retracted}.</strong> ${msg.evidence.retractedReason('')}${english(msg, entry.retractionReason ?? '')}</p>` : ''}
    <p class="evidence__meta">${ratingTag(msg, entry.rating)}<span>${msg.kinds[entry.kind]}</span><span><time datetime="${entry.occurredOn}">${formatDay(msg, entry.occurredOn)}</time></span>${
      standardTitle ? html`<span><a href="${link(`/standards/${entry.standard}`)}">${standardTitle}</a></span>` : ''
    }</p>
    <p class="evidence__summary">${strike(entry.summary)}</p>
    ${entry.correctedAt ? html`<p class="evidence__correction">${msg.evidence.corrected(formatDay(msg, entry.correctedAt.slice(0, 10)), '')}${english(msg, entry.correctionNote ?? '')}</p>` : ''}
    ${entry.sources.length ? html`<p class="evidence__sources"><span class="evidence__sources-label">${msg.evidence.sources}:</span> ${entry.sources.map(
      (src, i) => html`${i > 0 ? '; ' : ''}<a href="${safeUrl(src.url)}" rel="noopener nofollow">${english(msg, src.title)}</a>${src.publisher ? html` (${english(msg, src.publisher)})` : ''}${
        src.archiveUrl ? html` · <a href="${safeUrl(src.archiveUrl)}" rel="noopener nofollow">${msg.evidence.archived}</a>` : ''
      }`,
    )}</p>` : ''}
  </li>`;
}
