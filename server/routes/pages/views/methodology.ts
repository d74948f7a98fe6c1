import type { Messages } from '../../../../i18n/catalog.js';
import { signedRating } from '../../../../i18n/format.js';
import type { describeMethod } from '../../../scoring/method.js';
import type { workedExample } from '../../../scoring/explanation.js';
import { html, type SafeHtml } from '../html.js';
import { gradeBadge } from './parts.js';

export interface MethodologyView {
  method: ReturnType<typeof describeMethod>;
  example: ReturnType<typeof workedExample>;
}

/** The method in plain words; every number on the page comes from the method's own constants. */
export function methodologyBody(msg: Messages, { method, example }: MethodologyView, link: (path: string) => string): SafeHtml {
  const m = msg.methodology;
  return html`
<header class="page-header">
  <p class="eyebrow">${m.version(method.version)}</p>
  <h1>${m.title}</h1>
  <p class="lede">${m.intro}</p>
</header>
<section aria-labelledby="steps-heading" class="prose">
  <h2 id="steps-heading">${m.stepsHeading}</h2>
  <ol class="steps">${m.steps({ minCoverage: method.minCoverage, statementWeight: method.kindWeights.statement }).map((s) => html`<li>${s}</li>`)}</ol>
</section>
<div class="method-tables">
  <section class="panel" aria-labelledby="points-heading">
    <h2 id="points-heading">${m.pointsHeading}</h2>
    <table class="simple-table">
      <thead><tr><th scope="col">${m.ratingColumn}</th><th scope="col">${m.pointsColumn}</th></tr></thead>
      <tbody>${method.points.byRating.map(
        (r) => html`<tr><th scope="row">${signedRating(r.rating)} · ${msg.ratings[String(r.rating)]}</th><td>${r.points}</td></tr>`,
      )}</tbody>
    </table>
  </section>
  <section class="panel" aria-labelledby="kinds-heading">
    <h2 id="kinds-heading">${m.kindsHeading}</h2>
    <table class="simple-table">
      <thead><tr><th scope="col">${m.kindColumn}</th><th scope="col">${m.weightColumn}</th></tr></thead>
      <tbody>${Object.entries(method.kindWeights).map(([kind, weight]) => html`<tr><th scope="row">${msg.kinds[kind]}</th><td>${weight}</td></tr>`)}</tbody>
    </table>
  </section>
  <section class="panel" aria-labelledby="scale-heading">
    <h2 id="scale-heading">${m.gradesHeading}</h2>
    <table class="simple-table">
      <thead><tr><th scope="col">${m.gradeColumn}</th><th scope="col">${m.fromColumn}</th></tr></thead>
      <tbody>${method.grades.map((g) => html`<tr><th scope="row">${gradeBadge(msg, g.grade, g.min)}</th><td>${g.min}</td></tr>`)}</tbody>
    </table>
  </section>
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
  <ol class="steps">${m.review.map((s) => html`<li>${s}</li>`)}</ol>
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
