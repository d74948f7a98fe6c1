import type { Messages } from '../../../../i18n/catalog.js';
import { describeWeighting, formatDay } from '../../../../i18n/format.js';
import type { ElectionDetail } from '../../../schemas/elections.js';
import type { OverallScore } from '../../../../core/scoring/method.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';
import { archivedNote, demoTag, english, gradeBadge, liveGrade, overallNote, standardTermsNote } from './parts.js';
import { prioritiesSection } from './person.js';

export interface ElectionView {
  election: ElectionDetail;
  /** Each candidate's overall score as shown (official or the voter's weighting), by slug. */
  overall: Map<string, OverallScore>;
  weights: Record<string, number>;
  slugs: string[];
  minCoverage: number;
}

/** `canonical` is the page's full URL, printed under the comparison. */
export function electionBody(msg: Messages, view: ElectionView, link: (path: string) => string, canonical: string): SafeHtml {
  const { election } = view;
  const candidates = election.candidates;
  const standards = candidates[0]?.scorecard.standards ?? [];
  const overallOf = (slug: string) => view.overall.get(slug)!;
  return html`
<header class="page-header">
  <p class="eyebrow">${msg.election.date(formatDay(msg, election.electionDate))}</p>
  <h1>${english(msg, election.name)}${demoTag(msg, election.demo)}</h1>
  ${archivedNote(msg, 'election', election.archivedAt)}
  <p class="page-header__links">
    ${election.registrationDeadline ? html`<span>${msg.election.registration(formatDay(msg, election.registrationDeadline))}</span>` : ''}
    ${election.infoUrl ? html`<a href="${safeUrl(election.infoUrl)}" rel="noopener">${msg.election.officialInfo}</a>` : ''}
  </p>
  <p class="no-print"><button type="button" class="button" data-print hidden>${msg.election.print}</button></p>
</header>
${
  candidates.length === 0
    ? html`<p class="empty">${msg.election.noCandidates}</p>`
    : html`
<section aria-labelledby="candidates-heading">
  <h2 id="candidates-heading">${msg.election.candidatesHeading}</h2>
  <ul class="candidate-cards">${candidates.map((c) => {
    const overall = overallOf(c.slug);
    return html`<li class="panel candidate-card">
      <h3 class="candidate-card__name"><a href="${link(`/people/${c.slug}`)}">${c.name}</a></h3>
      <p class="eyebrow">${msg.roles[c.role]}</p>
      <div class="candidate-card__grade">
        ${liveGrade(msg, c.slug, overall.grade, overall.score, 'large')}
        <p class="overall__note" data-overall-note="${c.slug}">${overallNote(msg, overall, view.minCoverage)}</p>
      </div>
    </li>`;
  })}</ul>
  <p class="overall__weighting" data-weighting-note>${describeWeighting(msg, view.weights, view.slugs)}</p>
</section>

${prioritiesSection(msg, view.weights)}

<section aria-labelledby="table-heading">
  <h2 id="table-heading">${msg.election.tableHeading}</h2>
  <div class="table-scroll" tabindex="0" role="region" aria-label="${msg.election.tableCaption}">
  <table class="comparison">
    <caption>${msg.election.tableCaption}</caption>
    <thead><tr><th scope="col">${msg.election.standardColumn}</th>${candidates.map((c) => html`<th scope="col"><a href="${link(`/people/${c.slug}`)}">${c.name}</a></th>`)}</tr></thead>
    <tbody>
      ${standards.map(
        (s, i) =>
          html`<tr><th scope="row"><a href="${link(`/standards/${s.slug}`)}"><span class="comparison__number">${s.number}.</span> <span class="comparison__full">${s.title}</span><span class="comparison__short">${msg.standardShort[s.slug] ?? s.title}</span></a></th>${candidates.map(
            (c) => {
              const score = c.scorecard.standards[i];
              return html`<td>${gradeBadge(msg, score.grade, score.score)}</td>`;
            },
          )}</tr>`,
      )}
    </tbody>
    <tfoot><tr><th scope="row">${msg.election.overallRow}</th>${candidates.map((c) => {
      const overall = overallOf(c.slug);
      return html`<td>${liveGrade(msg, c.slug, overall.grade, overall.score, 'small')}</td>`;
    })}</tr></tfoot>
  </table>
  </div>
  <p class="muted">${msg.grade.key}</p>
  ${standardTermsNote(msg)}
</section>

<section class="panel chart-section" aria-labelledby="bars-heading">
  <h2 id="bars-heading">${msg.election.chartHeading}</h2>
  <sc-bar-chart><p class="muted">${msg.charts.noScript}</p></sc-bar-chart>
</section>
<p class="print-only">${msg.election.printNote} ${canonical} · ${msg.person.asOf(formatDay(msg, election.asOf))}</p>
`
}`;
}
