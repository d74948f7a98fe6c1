import type { Messages } from '../../../../i18n/catalog.js';
import { signedRating } from '../../../../i18n/format.js';
import type { describeMethod } from '../../../../core/scoring/method.js';
import type { workedExample } from '../../../../core/scoring/explanation.js';
import { html, type HtmlValue, type SafeHtml } from '../../../html/html.js';
import { gradeBadge, inLanguage } from './parts.js';
import type { MethodologyRepository } from '../../../repositories/methodology.js';

export interface MethodologyView {
  method: ReturnType<typeof describeMethod>;
  example: ReturnType<typeof workedExample>;
  /** The stored, admin-editable text of the method, in the page's language where translated. */
  text: Awaited<ReturnType<MethodologyRepository['text']>>;
  lang: string;
}

/** One of the method's constants as a small two-column table. */
function constantsTable(id: string, heading: string, columns: [string, string], rows: Array<[HtmlValue, number]>, note = ''): SafeHtml {
  return html`<section class="panel" aria-labelledby="${id}-heading">
    <h2 id="${id}-heading">${heading}</h2>
    <table class="simple-table">
      <thead><tr><th scope="col">${columns[0]}</th><th scope="col">${columns[1]}</th></tr></thead>
      <tbody>${rows.map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`)}</tbody>
    </table>
    ${note ? html`<p class="muted">${note}</p>` : ''}
  </section>`;
}

/** The method in plain words; every number on the page comes from the method's own constants. */
export function methodologyBody(msg: Messages, { method, example, text, lang }: MethodologyView, link: (path: string) => string): SafeHtml {
  const m = msg.methodology;
  return html`
<header class="page-header">
  <p class="eyebrow">${m.version(method.version)}</p>
  <h1>${m.title}</h1>
  <p class="lede">${m.intro}</p>
</header>
<section aria-labelledby="steps-heading" class="prose">
  <h2 id="steps-heading">${m.stepsHeading}</h2>
  <ol class="steps">${text.steps.map((s) => html`<li>${inLanguage(s, text.textLanguages.steps, lang)}</li>`)}</ol>
</section>
<div class="method-tables">
  ${constantsTable(
    'points',
    m.pointsHeading,
    [m.ratingColumn, m.pointsColumn],
    method.points.byRating.map((r) => [`${signedRating(r.rating)} · ${msg.ratings[String(r.rating)]}`, r.points]),
  )}
  ${constantsTable(
    'kinds',
    m.kindsHeading,
    [m.kindColumn, m.weightColumn],
    Object.entries(method.kindWeights).map(([kind, weight]) => [msg.kinds[kind], weight]),
  )}
  ${constantsTable(
    'scale',
    m.gradesHeading,
    [m.gradeColumn, m.fromColumn],
    method.grades.map((g) => [gradeBadge(msg, g.grade, g.min), g.min]),
    msg.grade.key,
  )}
</div>
<section aria-labelledby="example-heading" class="prose">
  <h2 id="example-heading">${m.exampleHeading}</h2>
  <p>${m.example(example.calculation, example.grade)}</p>
</section>
<section aria-labelledby="priorities-heading" class="prose">
  <h2 id="priorities-heading">${m.prioritiesHeading}</h2>
  <p>${m.priorities}</p>
</section>
<section aria-labelledby="review-heading" class="prose">
  <h2 id="review-heading">${m.reviewHeading}</h2>
  <ol class="steps">${text.review.map((s) => html`<li>${inLanguage(s, text.textLanguages.review, lang)}</li>`)}</ol>
</section>
<section aria-labelledby="data-heading" class="prose">
  <h2 id="data-heading">${m.dataHeading}</h2>
  <p>${m.data}</p>
  <ul>
    <li><a href="/api/export/evidence.csv">${msg.exportCsv}</a></li>
    <li><a href="/api/export/evidence.json">${msg.exportJson}</a></li>
    <li><a href="/api/methodology">${m.methodJson}</a></li>
    <li><a href="/api/docs">${msg.apiDocs}</a></li>
  </ul>
  <p><a href="${link('/')}">${msg.nav.home}</a></p>
</section>`;
}
