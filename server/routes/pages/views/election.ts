import type { Messages } from '../../../../i18n/catalog.js';
import { describeWeighting, formatDay } from '../../../../i18n/format.js';
import type { ElectionDetail } from '../../../schemas/elections.js';
import type { OverallScore } from '../../../../core/scoring/method.js';
import { CALIFORNIA_REGISTRATION, type ElectionPhase } from '../../../../core/election-phase.js';
import type { Standing } from '../../../../core/election-standings.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';
import { demoTag, english, gradeBadge, liveGrade, overallNote, standardTermsNote } from './parts.js';
import { prioritiesSection } from './person.js';

export interface ElectionView {
  election: ElectionDetail;
  /** Each candidate's overall score as shown (official or the voter's weighting), by slug. */
  overall: Map<string, OverallScore>;
  weights: Record<string, number>;
  slugs: string[];
  minCoverage: number;
  /** Where the election stands today: what the page urges (registering) or shows (results). */
  phase: ElectionPhase;
  /** Each candidate's leads, trails and gaps against the others, by slug. */
  standings: Map<string, Standing>;
}

/**
 * What a voter can do now, by the election's phase: register (and, past the deadline or on the
 * day, California's same-day registration), wait for the count, or read the results.
 */
export function electionPhaseNotice(
  msg: Messages,
  election: Pick<ElectionDetail, 'electionDate' | 'registrationDeadline' | 'results'>,
  phase: ElectionPhase,
): SafeHtml {
  const e = msg.election;
  const links = html`<p class="election-phase__links"><a href="${CALIFORNIA_REGISTRATION.register}" rel="noopener">${e.registerLink}</a>
    <a href="${CALIFORNIA_REGISTRATION.sameDay}" rel="noopener">${e.sameDayLink}</a></p>`;
  switch (phase) {
    case 'results':
      return html`<section class="panel election-phase election-phase--results" aria-labelledby="results-heading" data-phase="${phase}">
        <h2 id="results-heading">${e.resultsHeading}</h2>
        <p class="election-phase__results">${english(msg, election.results ?? '')}</p>
      </section>`;
    case 'counting':
      return html`<p class="election-phase" data-phase="${phase}">${e.counting(formatDay(msg, election.electionDate))}</p>`;
    case 'election-day':
      return html`<div class="election-phase election-phase--urgent" data-phase="${phase}"><p>${e.electionDay}</p>${links}</div>`;
    case 'same-day-registration':
      return html`<div class="election-phase election-phase--urgent" data-phase="${phase}"><p>${e.sameDay(formatDay(msg, election.registrationDeadline!))}</p>${links}</div>`;
    default:
      return html`<div class="election-phase" data-phase="${phase}">
        <p><strong>${election.registrationDeadline ? e.registration(formatDay(msg, election.registrationDeadline)) : e.registerNoDate}</strong> ${e.registeringSameDay}</p>${links}</div>`;
  }
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
  <h1>${english(msg, election.name)}${demoTag(msg, election.demo, election.name)}</h1>
  ${view.phase === 'results' ? '' : electionPhaseNotice(msg, election, view.phase)}
  ${election.infoUrl ? html`<p class="page-header__links"><a href="${safeUrl(election.infoUrl)}" rel="noopener">${msg.election.officialInfo}</a></p>` : ''}
  <p class="no-print"><button type="button" class="button" data-print hidden>${msg.election.print}</button></p>
</header>
${view.phase === 'results' ? electionPhaseNotice(msg, election, view.phase) : ''}
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
      <p class="candidate-card__standing" data-standing="${c.slug}">${msg.election.standing(view.standings.get(c.slug)!)}</p>
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
