import type { Messages } from '../../../../i18n/catalog.js';
import { formatDay } from '../../../../i18n/format.js';
import type { PublicEvent } from '../../../schemas/events.js';
import type { Scorecard } from '../../../schemas/scorecard.js';
import type { PublicStandard } from '../../../schemas/standards.js';
import type { PublicSubject } from '../../../schemas/subjects.js';
import { html, type SafeHtml } from '../../../html/html.js';
import type { ElectionPhase } from '../../../../core/election-phase.js';
import { electionPhaseNotice } from './election.js';
import { eventItem } from './events.js';
import { demoTag, english, gradeBadge, overallNote, standardTermsNote } from './parts.js';

export interface HomeView {
  standards: PublicStandard[];
  people: Array<{ subject: PublicSubject; card: Scorecard }>;
  incumbent: { subject: PublicSubject; card: Scorecard } | null;
  /** The nearest election not yet past, else the most recent one (with its results once entered). */
  election: {
    slug: string;
    name: string;
    electionDate: string;
    registrationDeadline: string | null;
    results: string | null;
    candidates: string[];
    phase: ElectionPhase;
  } | null;
  upcoming: PublicEvent[];
  minCoverage: number;
}

export function homeBody(msg: Messages, view: HomeView, link: (path: string) => string): SafeHtml {
  const h = msg.home;
  const bySlug = new Map(view.people.map((p) => [p.subject.slug, p]));
  const personRow = (slug: string) => {
    const p = bySlug.get(slug);
    if (!p) return '';
    return html`<li class="person-row">
      ${gradeBadge(msg, p.card.overall.grade, p.card.overall.score)}
      <div><a class="person-row__name" href="${link(`/people/${p.subject.slug}`)}">${p.subject.name}</a>
      <p class="muted">${msg.roles[p.subject.role]} · ${overallNote(msg, p.card.overall, view.minCoverage)}</p></div>
    </li>`;
  };
  const inc = view.incumbent;
  return html`
<section class="hero">
  <h1>${h.title}</h1>
  <p class="lede">${h.intro}</p>
</section>
<div class="home-grid">
${
  inc
    ? html`
<section class="panel incumbent" aria-labelledby="incumbent-heading">
  <h2 id="incumbent-heading">${h.incumbentHeading}</h2>
  <div class="overall__body">
    ${gradeBadge(msg, inc.card.overall.grade, inc.card.overall.score, 'large')}
    <div>
      <p class="incumbent__name"><a href="${link(`/people/${inc.subject.slug}`)}">${inc.subject.name}</a>${demoTag(msg, inc.subject.demo, inc.subject.name)}</p>
      <p class="muted">${overallNote(msg, inc.card.overall, view.minCoverage)} · ${msg.person.asOf(formatDay(msg, inc.card.asOf))}</p>
    </div>
  </div>
  <ol class="mini-grades">${inc.card.standards.map(
    // To this person's own grade on the standard and its evidence, not the general standard page.
    (s) =>
      html`<li><a href="${link(`/people/${inc.subject.slug}?standard=${s.slug}#standard-${s.slug}`)}">${gradeBadge(msg, s.grade, s.score)}<span class="mini-grades__name">${msg.standardShort[s.slug] ?? s.title}</span></a></li>`,
  )}</ol>
  <p><a class="button" href="${link(`/people/${inc.subject.slug}`)}">${h.seeScorecard(inc.subject.name)}</a></p>
</section>`
    : html`
<section class="panel incumbent" aria-labelledby="incumbent-heading">
  <h2 id="incumbent-heading">${h.incumbentHeading}</h2>
  <p class="empty">${h.noIncumbent}</p>
</section>`
}
${
  view.election
    ? html`
<section class="panel" aria-labelledby="election-heading">
  <h2 id="election-heading">${h.electionHeading}</h2>
  <p><strong>${english(msg, view.election.name)}</strong><br><span class="muted">${msg.election.date(formatDay(msg, view.election.electionDate))}</span></p>
  ${
    view.election.phase === 'results'
      ? html`<p class="election-phase__results" data-phase="results"><strong>${msg.election.resultsHeading}:</strong> ${english(msg, view.election.results ?? '')}</p>`
      : electionPhaseNotice(msg, view.election, view.election.phase)
  }
  <ul class="person-rows">${view.election.candidates.map(personRow)}</ul>
  <p><a class="button" href="${link(`/elections/${view.election.slug}`)}">${h.seeElection}</a></p>
</section>`
    : ''
}
</div>
<section aria-labelledby="people-heading">
  <h2 id="people-heading">${h.peopleHeading}</h2>
  ${view.people.length ? html`<ul class="person-rows person-rows--wide">${view.people.map((p) => personRow(p.subject.slug))}</ul>` : html`<p class="empty">${h.noPeople}</p>`}
</section>
<section aria-labelledby="standards-heading">
  <h2 id="standards-heading">${h.standardsHeading}</h2>
  <ol class="standard-links standard-links--cards">${view.standards.map(
    (s) =>
      html`<li><a href="${link(`/standards/${s.slug}`)}"><span class="standard-links__number" aria-hidden="true">${s.number}</span> ${s.title}</a></li>`,
  )}</ol>
  ${standardTermsNote(msg)}
</section>
<section aria-labelledby="events-heading">
  <h2 id="events-heading">${h.eventsHeading}</h2>
  ${view.upcoming.length ? html`<ul class="event-list">${view.upcoming.map((e) => eventItem(msg, e, link))}</ul>` : html`<p class="empty">${h.noEvents}</p>`}
  <p><a href="${link('/events')}">${h.allEvents}</a></p>
</section>`;
}

export function messageBody(title: string, body: string, homeLabel: string, homePath: string): SafeHtml {
  return html`<section class="hero"><h1>${title}</h1><p class="lede">${body}</p><p><a class="button" href="${homePath}">${homeLabel}</a></p></section>`;
}
