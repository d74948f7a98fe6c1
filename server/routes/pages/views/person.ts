import type { Messages } from '../../../../i18n/catalog.js';
import { describeWeighting, formatDay } from '../../../../i18n/format.js';
import type { PublicEvidence } from '../../../schemas/evidence.js';
import type { Scorecard } from '../../../schemas/scorecard.js';
import type { PublicStandard } from '../../../schemas/standards.js';
import type { PublicSubject } from '../../../schemas/subjects.js';
import type { OverallScore } from '../../../../core/scoring/method.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';
import { demoTag, english, evidenceEntry, liveGrade, overallNote, standardCards, standardTermsNote } from './parts.js';

export interface PersonView {
  subject: PublicSubject;
  card: Scorecard;
  /** The overall score shown: the official one, or the voter's weighting from the URL. */
  overall: OverallScore;
  weights: Record<string, number>;
  evidence: PublicEvidence[];
  /** `?standard=`: the evidence list shows only this standard. */
  filter: string | null;
  standards: PublicStandard[];
  elections: Array<{ slug: string; name: string }>;
  minCoverage: number;
}

export function evidenceFilterForm(msg: Messages, standards: PublicStandard[], filter: string | null): SafeHtml {
  return html`<form class="evidence-filter" method="get" action="#evidence">
    <label for="evidence-standard">${msg.evidence.filterLabel}</label>
    <select id="evidence-standard" name="standard">
      <option value="">${msg.evidence.allStandards}</option>
      ${standards.map((s) => html`<option value="${s.slug}"${s.slug === filter ? html` selected` : ''}>${s.number}. ${s.title}</option>`)}
    </select>
    <button type="submit" class="button">${msg.evidence.filterButton}</button>
  </form>`;
}

/** Priorities panel placeholder: the component replaces it; without JavaScript it says why it is inert. */
export function prioritiesSection(msg: Messages, weights: Record<string, number>): SafeHtml {
  const custom = Object.values(weights).some((w) => w !== 1);
  return html`<section class="panel priorities-section" aria-labelledby="priorities-heading">
    <h2 id="priorities-heading">${msg.priorities.heading}</h2>
    <sc-priorities${custom ? html` open` : ''}><p class="muted">${msg.priorities.noScript}</p></sc-priorities>
  </section>`;
}

export function personBody(msg: Messages, view: PersonView, link: (path: string) => string): SafeHtml {
  const { subject, card, overall } = view;
  const slugs = view.standards.map((s) => s.slug);
  const titles = new Map(view.standards.map((s) => [s.slug, s.title]));
  const shown = view.filter ? view.evidence.filter((e) => e.standard === view.filter) : view.evidence;
  return html`
<header class="page-header person-header">
  ${subject.photoUrl ? html`<img class="person-header__photo" src="${safeUrl(subject.photoUrl)}" alt="${msg.person.photo(subject.name)}" width="96" height="96">` : ''}
  <div>
  <p class="eyebrow">${msg.roles[subject.role]} · ${english(msg, subject.office)}</p>
  <h1>${subject.name}${demoTag(msg, subject.demo)}</h1>
  ${subject.bio ? html`<p class="lede">${english(msg, subject.bio)}</p>` : ''}
  ${subject.termStart ? html`<p class="muted">${msg.person.term(formatDay(msg, subject.termStart), subject.termEnd ? formatDay(msg, subject.termEnd) : null)}</p>` : ''}
  <p class="page-header__links">
    ${subject.website ? html`<a href="${safeUrl(subject.website)}" rel="noopener">${msg.person.website}</a>` : ''}
    ${view.elections.map((e) => html`<span>${msg.person.runningIn}: <a href="${link(`/elections/${e.slug}`)}">${english(msg, e.name)}</a></span>`)}
  </p>
  </div>
</header>

<div class="summary-grid">
  <section class="panel overall" aria-labelledby="overall-heading">
    <h2 id="overall-heading">${msg.person.overallHeading}</h2>
    <div class="overall__body">
      ${liveGrade(msg, subject.slug, overall.grade, overall.score, 'large')}
      <div>
        <p class="overall__note" data-overall-note="${subject.slug}">${overallNote(msg, overall, view.minCoverage)}</p>
        <p class="overall__weighting" data-weighting-note>${describeWeighting(msg, view.weights, slugs)}</p>
        <p class="muted">${msg.person.asOf(formatDay(msg, card.asOf))} · ${msg.person.evidenceCount(card.evidenceCount)}</p>
        <p class="muted">${msg.grade.key}</p>
      </div>
    </div>
  </section>
  <section class="panel radar-section" aria-labelledby="radar-heading">
    <h2 id="radar-heading">${msg.person.radarHeading}</h2>
    <sc-radar-chart><p class="muted">${msg.charts.noScript}</p></sc-radar-chart>
  </section>
</div>

${prioritiesSection(msg, view.weights)}

<section aria-labelledby="standards-heading">
  <h2 id="standards-heading">${msg.person.standardsHeading}</h2>
  ${standardCards(msg, card, link)}
  ${standardTermsNote(msg)}
</section>

<section class="panel" aria-labelledby="trend-heading">
  <h2 id="trend-heading">${msg.person.trendHeading}</h2>
  <p class="muted">${msg.person.trendIntro}</p>
  <sc-trend-chart subject="${subject.slug}"><p class="muted">${msg.charts.noScript}</p></sc-trend-chart>
</section>

<section id="evidence" aria-labelledby="evidence-heading" tabindex="-1">
  <h2 id="evidence-heading">${msg.person.evidenceHeading}</h2>
  <sc-evidence-filter list="evidence-list">${evidenceFilterForm(msg, view.standards, view.filter)}</sc-evidence-filter>
  <p class="evidence-status" role="status" data-evidence-status>${
    view.evidence.length === 0 ? msg.evidence.none : shown.length === 0 ? msg.evidence.noneForStandard : msg.evidence.shown(shown.length, view.evidence.length)
  }</p>
  <ol class="evidence-list" id="evidence-list">
    ${view.evidence.map((e) =>
      // A filtered-out entry stays in the page, hidden, so the browser can show it again without a reload.
      evidenceEntry(msg, e, titles.get(e.standard) ?? null, link, { hidden: !!view.filter && e.standard !== view.filter }),
    )}
  </ol>
</section>`;
}

