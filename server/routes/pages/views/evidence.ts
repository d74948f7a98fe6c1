import type { Messages } from '../../../../i18n/catalog.js';
import { formatDay, signedRating } from '../../../../i18n/format.js';
import type { PublicEvidence, PublicHistoryStep, PublicReply, PublicSource } from '../../../schemas/evidence.js';
import type { PublicSubject } from '../../../schemas/subjects.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';
import { demoTag, gradeBadge, replyList } from './parts.js';

type Graded = { score: number; grade: string } | null;

export interface EvidencePageView {
  entry: PublicEvidence;
  subject: PublicSubject;
  standardTitle: string;
  /** The kind's weight in the method, and the person's grade on the standard with and without the entry. */
  counts: { weight: number; withIt: Graded; without: Graded };
  history: PublicHistoryStep[];
  replies: PublicReply[];
}

function sourceList(msg: Messages, sources: PublicSource[]): SafeHtml {
  return html`<ul class="evidence-page__sources">${sources.map(
    (src) =>
      html`<li><a href="${safeUrl(src.url)}" rel="noopener nofollow">${src.title}</a>${src.publisher ? ` (${src.publisher})` : ''}${
        src.archiveUrl ? html` · <a href="${safeUrl(src.archiveUrl)}" rel="noopener nofollow">${msg.evidence.archived}</a>` : ''
      }</li>`,
  )}</ul>`;
}

/** A changed field's value in words: ratings and kinds as words, days formatted, sources counted. */
function fieldValue(msg: Messages, field: string, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (field === 'rating') return `${signedRating(Number(value))} ${msg.ratings[String(value)] ?? ''}`.trim();
  if (field === 'kind') return msg.kinds[String(value) as keyof Messages['kinds']] ?? String(value);
  if (field === 'occurredOn') return formatDay(msg, String(value));
  if (field === 'standard') return msg.standardShort[String(value)] ?? String(value);
  return String(value);
}

const gradeText = (msg: Messages, g: Graded) => (g ? `${g.grade} (${g.score})` : msg.evidencePage.noGrade);

/**
 * One claim's public record: the entry as published (or retracted, with its reason), its
 * sources, what it counts for and by how much, its dated history and the office's replies.
 */
export function evidencePageBody(msg: Messages, view: EvidencePageView, link: (path: string) => string): SafeHtml {
  const { entry, subject, counts } = view;
  const p = msg.evidencePage;
  const retracted = entry.status === 'retracted';
  return html`<article class="evidence-page${retracted ? ' evidence--retracted' : ''}">
  <p class="eyebrow">${p.eyebrow}${demoTag(msg, entry.demo, entry.title)}</p>
  <h1>${retracted ? html`<s>${entry.title}</s>` : entry.title}</h1>
  ${retracted ? html`<p class="evidence__retraction"><strong>${msg.evidence.retracted}.</strong> ${msg.evidence.retractedReason(entry.retractionReason ?? '')}</p>` : ''}
  <dl class="facts">
    <div><dt>${p.person}</dt><dd><a href="${link(`/people/${subject.slug}`)}">${subject.name}</a></dd></div>
    <div><dt>${p.standard}</dt><dd><a href="${link(`/standards/${entry.standard}`)}">${view.standardTitle}</a></dd></div>
    <div><dt>${msg.evidence.rating}</dt><dd>${signedRating(entry.rating)} ${msg.ratings[String(entry.rating)] ?? ''}</dd></div>
    <div><dt>${msg.evidence.kind}</dt><dd>${msg.kinds[entry.kind]}</dd></div>
    <div><dt>${msg.evidence.date}</dt><dd><time datetime="${entry.occurredOn}">${formatDay(msg, entry.occurredOn)}</time></dd></div>
  </dl>
  <p class="evidence__summary">${retracted ? html`<s>${entry.summary}</s>` : entry.summary}</p>
  <h2>${msg.evidence.sources}</h2>
  ${sourceList(msg, entry.sources)}
  <section aria-labelledby="counts-heading" class="evidence-page__counts">
    <h2 id="counts-heading">${p.counts}</h2>
    ${
      retracted
        ? html`<p>${p.notCounted}</p>`
        : html`<p>${p.countsWeight(msg.kinds[entry.kind], counts.weight)} ${p.countsNow(subject.name, view.standardTitle, gradeText(msg, counts.withIt))} ${p.countsWithout(gradeText(msg, counts.without))}</p>
        <p>${gradeBadge(msg, counts.withIt?.grade ?? null, counts.withIt?.score ?? null)}</p>`
    }
  </section>
  ${view.replies.length ? html`<section aria-label="${msg.replies.from(subject.name)}">${replyList(msg, subject.name, view.replies)}<p class="muted">${msg.replies.note}</p></section>` : ''}
  <section aria-labelledby="history-heading">
    <h2 id="history-heading">${p.historyHeading}</h2>
    <ol class="history" id="public-history">${view.history.map(
      (step) =>
        html`<li><strong>${p.history[step.action]}</strong>, <time datetime="${step.at}">${formatDay(msg, step.at.slice(0, 10))}</time>${step.note ? html`: ${step.note}` : ''}${
          step.changes.length
            ? html`<ul>${step.changes.map((c) => html`<li>${c.field === 'sources' ? p.sourcesChanged : p.changed(p.fields[c.field] ?? c.field, fieldValue(msg, c.field, c.before), fieldValue(msg, c.field, c.after))}</li>`)}</ul>`
            : ''
        }</li>`,
    )}</ol>
    <p class="muted">${p.review}</p>
  </section>
  <p><a href="${link(`/people/${subject.slug}#evidence`)}">${p.back(subject.name)}</a></p>
</article>`;
}
