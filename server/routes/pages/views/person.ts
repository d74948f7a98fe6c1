import type { Messages } from '../../../../i18n/catalog.js';
import { describeWeighting, formatDay } from '../../../../i18n/format.js';
import type { PublicEvidence, PublicReply } from '../../../schemas/evidence.js';
import type { Scorecard } from '../../../schemas/scorecard.js';
import type { PublicStandard } from '../../../schemas/standards.js';
import type { PublicSubject } from '../../../schemas/subjects.js';
import type { OverallScore } from '../../../../core/scoring/method.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';
import {
  demoTag,
  english,
  evidenceEntry,
  roleAndOffice,
  gradeBadge,
  liveGrade,
  overallNote,
  replyList,
  standardCards,
  standardTermsNote,
} from './parts.js';

/** Up to this many entries the evidence list is served whole; a longer record is served in part. */
export const EVIDENCE_LIST_WHOLE = 100;
/** The most recent entries a long record's list shows before a standard is chosen. */
export const EVIDENCE_LIST_RECENT = 30;
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
  /** Published replies from the person's office, by entry id and by standard slug. */
  replies: { byEvidence: Map<number, PublicReply[]>; byStandard: Map<string, PublicReply[]> };
  /** When the office was last invited to reply, and whether it has. */
  invitation: { invitedOn: string | null; replied: boolean };
  /** "Why at a glance": the strongest and weakest standards with the entry that weighs most in each. */
  glance: { strongest: GlanceStandard[]; weakest: GlanceStandard[] };
}

export interface GlanceStandard {
  standard: Scorecard['standards'][number];
  reason: PublicEvidence | null;
}

/** One "Strongest"/"Weakest" list: each standard's grade, and its weightiest entry as a sentence linking to the claim. */
function glanceList(msg: Messages, heading: string, id: string, items: GlanceStandard[], link: (path: string) => string): SafeHtml | '' {
  if (items.length === 0) return '';
  return html`<div class="glance__group">
    <h3 class="glance__heading" id="${id}">${heading}</h3>
    <ul class="glance__list" aria-labelledby="${id}">${items.map(
      ({ standard: s, reason }) => html`<li class="glance__item" data-standard="${s.slug}">
        ${gradeBadge(msg, s.grade, s.score)}
        <div>
          <p class="glance__reason"><a class="glance__standard" href="?standard=${s.slug}#standard-${s.slug}">${msg.standardShort[s.slug] ?? s.title}</a>${
            reason
              ? html`. ${msg.person.weighsMost} <a href="${link(`/evidence/${reason.id}`)}">${reason.title}</a>, <time datetime="${reason.occurredOn}">${formatDay(msg, reason.occurredOn)}</time>.`
              : ''
          }</p>
        </div>
      </li>`,
    )}</ul>
  </div>`;
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
  // A long record is served in part: the chosen standard's entries, or the most recent ones,
  // and choosing another standard loads its page (the filter knows from data-partial). A short
  // one is served whole, the others hidden, so the filter can switch without a reload.
  const partial = view.evidence.length > EVIDENCE_LIST_WHOLE;
  const listed = partial ? (view.filter ? shown : view.evidence.slice(0, EVIDENCE_LIST_RECENT)) : view.evidence;
  return html`
<header class="page-header person-header">
  ${subject.photoUrl ? html`<img class="person-header__photo" src="${safeUrl(subject.photoUrl)}" alt="${msg.person.photo(subject.name)}" width="96" height="96">` : ''}
  <div>
  <p class="eyebrow">${roleAndOffice(msg, subject.role, subject.office)}</p>
  <h1>${subject.name}${demoTag(msg, subject.demo, subject.name)}</h1>
  </div>
</header>

<div class="summary-grid">
  <section class="panel overall" aria-labelledby="overall-heading">
    <div class="overall__body">
      ${liveGrade(msg, subject.slug, overall.grade, overall.score, 'large')}
      <div>
        <h2 id="overall-heading">${msg.person.overallHeading}</h2>
        <p class="overall__note" data-overall-note="${subject.slug}">${overallNote(msg, overall, view.minCoverage)}</p>
      </div>
    </div>
    ${
      // Right under the grade: a phone's first screen shows why (tests/browser/first-screen.test.ts).
      view.glance.strongest.length
        ? html`<div class="glance">
      ${glanceList(msg, msg.person.strongest, 'glance-strongest', view.glance.strongest, link)}
      ${glanceList(msg, msg.person.weakest, 'glance-weakest', view.glance.weakest, link)}
    </div>`
        : ''
    }
    <p class="muted overall__key">${msg.grade.key}</p>
    <p class="overall__weighting" data-weighting-note>${describeWeighting(msg, view.weights, slugs)}</p>
    <p class="muted">${msg.person.asOf(formatDay(msg, card.asOf))} · ${msg.person.evidenceCount(card.evidenceCount)}</p>
  </section>
  <section class="panel radar-section" aria-labelledby="radar-heading">
    <h2 id="radar-heading">${msg.person.radarHeading}</h2>
    <sc-radar-chart><p class="muted">${msg.charts.noScript}</p></sc-radar-chart>
  </section>
</div>

${
  subject.bio || subject.termStart || subject.website || view.elections.length
    ? html`<section class="person-about" aria-label="${msg.person.aboutLabel(subject.name)}">
  ${subject.bio ? html`<p class="lede">${english(msg, subject.bio)}</p>` : ''}
  ${subject.termStart ? html`<p class="muted">${msg.person.term(formatDay(msg, subject.termStart), subject.termEnd ? formatDay(msg, subject.termEnd) : null)}</p>` : ''}
  <p class="page-header__links">
    ${subject.website ? html`<a href="${safeUrl(subject.website)}" rel="noopener">${msg.person.website}</a>` : ''}
    ${view.elections.map((e) => html`<span>${msg.person.runningIn}: <a href="${link(`/elections/${e.slug}`)}">${english(msg, e.name)}</a></span>`)}
  </p>
</section>`
    : ''
}

${prioritiesSection(msg, view.weights)}

<section aria-labelledby="standards-heading">
  <h2 id="standards-heading">${msg.person.standardsHeading}</h2>
  ${standardCards(msg, card, link, view.evidence)}
  ${standardTermsNote(msg)}
  ${
    view.invitation.invitedOn
      ? html`<p class="reply-invitation" data-reply-invitation>${(view.invitation.replied ? msg.replies.invitedReplied : msg.replies.invitedSilent)(formatDay(msg, view.invitation.invitedOn.slice(0, 10)))}</p>`
      : ''
  }
  ${
    view.replies.byStandard.size
      ? html`<ul class="standard-replies">${view.standards
          .filter((s) => view.replies.byStandard.has(s.slug))
          .map(
            (s) =>
              html`<li><h3><a href="${link(`/standards/${s.slug}`)}">${s.title}</a></h3>${replyList(msg, subject.name, view.replies.byStandard.get(s.slug)!)}</li>`,
          )}</ul>
      <p class="muted">${msg.replies.note}</p>`
      : ''
  }
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
    view.evidence.length === 0
      ? msg.evidence.none
      : shown.length === 0
        ? msg.evidence.noneForStandard
        : partial && !view.filter
          ? msg.evidence.recentOf(listed.length, view.evidence.length)
          : msg.evidence.shown(shown.length, view.evidence.length)
  }</p>
  <ol class="evidence-list" id="evidence-list"${partial ? html` data-partial` : ''}>
    ${listed.map((e) =>
      // A filtered-out entry stays in the page, hidden, so the browser can show it again without a reload.
      evidenceEntry(msg, e, titles.get(e.standard) ?? null, link, {
        hidden: !!view.filter && e.standard !== view.filter,
        replies: view.replies.byEvidence.get(e.id),
        subjectName: subject.name,
      }),
    )}
  </ol>
</section>`;
}
