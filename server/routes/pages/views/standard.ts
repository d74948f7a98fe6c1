import type { Messages } from '../../../../i18n/catalog.js';
import { formatDay, signedRating } from '../../../../i18n/format.js';
import type { PublicEvidence } from '../../../schemas/evidence.js';
import type { PublicStandard } from '../../../schemas/standards.js';
import type { PublicSubject } from '../../../schemas/subjects.js';
import { html, type SafeHtml } from '../../../html/html.js';
import { demoTag, english, gradeBadge, inLanguage, standardTermsNote } from './parts.js';

export interface StandardView {
  standard: PublicStandard;
  standards: PublicStandard[];
  people: Array<{ subject: PublicSubject; grade: string | null; score: number | null; latest: PublicEvidence | null }>;
}

export function standardBody(msg: Messages, view: StandardView, link: (path: string) => string): SafeHtml {
  const { standard } = view;
  const text = (field: keyof PublicStandard['textLanguages'], value: string) =>
    inLanguage(value, standard.textLanguages[field], standard.lang);
  return html`
<header class="page-header">
  <p class="eyebrow">${msg.standardNumber(standard.number)}</p>
  <h1>${text('title', standard.title)}</h1>
</header>
<div class="prose-grid">
  <section aria-labelledby="meaning-heading">
    <h2 id="meaning-heading">${msg.standard.meaning}</h2>
    <p>${text('summary', standard.summary)}</p>
  </section>
  <section aria-labelledby="power-heading">
    <h2 id="power-heading">${msg.standard.power}</h2>
    <p>${text('daPower', standard.daPower)}</p>
  </section>
  <section aria-labelledby="indicators-heading">
    <h2 id="indicators-heading">${msg.standard.indicators}</h2>
    <ul${standard.textLanguages.indicators === standard.lang ? '' : html` lang="${standard.textLanguages.indicators}"`}>${standard.indicators.map((i) => html`<li>${i}</li>`)}</ul>
  </section>
</div>
<section aria-labelledby="grades-heading">
  <h2 id="grades-heading">${msg.standard.gradesHeading}</h2>
  ${
    view.people.length === 0
      ? html`<p class="empty">${msg.home.noPeople}</p>`
      : html`
  <ul class="standard-people">${view.people.map(
    (p) => html`<li class="panel standard-person">
      <div class="standard-person__head">
        ${gradeBadge(msg, p.grade, p.score)}
        <div>
          <h3 class="standard-person__name"><a href="${link(`/people/${p.subject.slug}`)}?standard=${standard.slug}#evidence">${p.subject.name}</a>${demoTag(msg, p.subject.demo, p.subject.name)}</h3>
          <p class="eyebrow">${msg.roles[p.subject.role]}${p.grade ? '' : html` · ${msg.grade.none}`}</p>
        </div>
      </div>
      ${
        p.latest
          ? html`<p class="standard-person__latest"><span class="muted">${msg.standard.latest}:</span> ${
              p.latest.status === 'retracted'
                ? html`<s>${english(msg, p.latest.title)}</s> (${msg.evidence.retracted})`
                : english(msg, p.latest.title)
            } <span class="muted">(${signedRating(p.latest.rating)}, ${msg.ratings[String(p.latest.rating)]}, <time datetime="${p.latest.occurredOn}">${formatDay(msg, p.latest.occurredOn)}</time>)</span></p>`
          : html`<p class="muted">${msg.standard.noEvidence}</p>`
      }
    </li>`,
  )}</ul>`
  }
</section>
<nav class="panel" aria-labelledby="others-heading">
  <h2 id="others-heading">${msg.standard.others}</h2>
  <ol class="standard-links">${view.standards
    .filter((s) => s.slug !== standard.slug)
    // Each keeps its own number: the list skips this page's standard.
    .map((s) => html`<li value="${s.number}"><a href="${link(`/standards/${s.slug}`)}">${s.title}</a></li>`)}</ol>
  ${standardTermsNote(msg)}
</nav>`;
}
