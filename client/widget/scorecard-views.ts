import { html, nothing, type TemplateResult } from 'lit';
import type { ElectionDetail, Scorecard } from './scorecard-source.js';
import { formatDay, type WidgetStrings } from '../../i18n/widget.js';
import { isLocale, pagePath } from '../../i18n/locales.js';

type StandardScore = Scorecard['standards'][number];

/** What every view needs: the words, the language and where the full pages live. */
export interface ViewContext {
  strings: WidgetStrings;
  lang: string;
  /** The scorecard site's base URL (where widget.js was loaded from). */
  siteBase: string;
}

/** A site page in the widget's language (Spanish readers land on /es/…), relative to the site's base. */
const page = (ctx: ViewContext, path: string) => new URL(`.${pagePath(isLocale(ctx.lang) ? ctx.lang : 'en', `/${path}`)}`, ctx.siteBase).href;

/** A site link that leaves the partner's page (and an iframe) rather than replacing it. */
function siteLink(ctx: ViewContext, path: string, text: string, part = 'link'): TemplateResult {
  return html`<a part=${part} href=${page(ctx, path)} target="_blank" rel="noopener">${text}</a>`;
}

export function standardLabel(ctx: ViewContext, standard: Pick<StandardScore, 'slug' | 'title'>): string {
  return ctx.strings.standardLabels[standard.slug] ?? standard.title;
}

/** A grade as a letter on a coloured tile: the letter carries the meaning, the colour only echoes it. */
export function gradeTile(ctx: ViewContext, grade: string | null, score: number | null, size: 'big' | 'small' = 'small'): TemplateResult {
  const s = ctx.strings;
  const spoken = grade ? `${s.grade(grade)}, ${s.score(score ?? 0)}` : s.noEvidence;
  return html`<span part="grade" class="grade ${size} g-${grade ?? 'none'}"
    ><span aria-hidden="true">${grade ?? '–'}</span><span class="visually-hidden">${spoken}</span></span
  >`;
}

function footer(ctx: ViewContext, asOf: string, demo: boolean, fullPath: string, fullText: string): TemplateResult {
  const s = ctx.strings;
  return html`<footer part="footer">
    <span part="as-of">${s.asOf(formatDay(asOf, ctx.lang))}</span>
    ${demo ? html`<span part="demo" class="demo">${s.demoData}</span>` : nothing}
    ${siteLink(ctx, fullPath, fullText)} ${siteLink(ctx, 'methodology', s.methodology)}
  </footer>`;
}

function personHeader(ctx: ViewContext, card: Scorecard, withOverall: boolean): TemplateResult {
  const { subject, overall } = card;
  const s = ctx.strings;
  return html`<header part="header">
    <div>
      <h2 class="name" part="name">${siteLink(ctx, `people/${subject.slug}`, subject.name, 'name-link link')}</h2>
      <p class="muted">${s.roles[subject.role] ?? subject.role} · ${subject.office}</p>
    </div>
    ${withOverall ? gradeTile(ctx, overall.grade, overall.score, 'big') : nothing}
  </header>`;
}

function overallSummary(ctx: ViewContext, card: Scorecard): TemplateResult {
  const s = ctx.strings;
  const { overall } = card;
  const coverage = s.coverage(overall.coverage, card.standards.length);
  return overall.grade === null
    ? html`<p part="overall" class="summary">${s.overall}: ${s.notEnoughEvidence} · ${coverage}</p>`
    : html`<p part="overall" class="summary">${s.overall}: ${s.grade(overall.grade)}, ${s.score(overall.score ?? 0)} · ${coverage}</p>`;
}

/** `card`: the overall grade, coverage, and the ten standards as labelled bars. */
export function cardView(ctx: ViewContext, card: Scorecard): TemplateResult {
  return html`<article part="card" class="card" aria-label=${card.subject.name}>
    ${personHeader(ctx, card, true)} ${overallSummary(ctx, card)}
    <ol part="standards" class="standards">
      ${card.standards.map(
        (st) => html`<li part="standard" class="standard">
          <span class="label" title=${st.title}>${st.number}. ${standardLabel(ctx, st)}</span>
          <span class="track" aria-hidden="true"
            ><span part="bar" class="bar g-${st.grade ?? 'none'}" data-score=${st.score ?? 0}></span
          ></span>
          ${gradeTile(ctx, st.grade, st.score)}
        </li>`,
      )}
    </ol>
    ${footer(ctx, card.asOf, card.subject.demo, `people/${card.subject.slug}`, ctx.strings.fullScorecard)}
  </article>`;
}

/** The chart's text alternative: the same scores as a table. */
function scoreTable(ctx: ViewContext, card: Scorecard): TemplateResult {
  const s = ctx.strings;
  return html`<details part="table-toggle">
    <summary>${s.showTable}</summary>
    <table part="table">
      <thead>
        <tr><th scope="col">${s.standard}</th><th scope="col">${s.gradeHeading}</th></tr>
      </thead>
      <tbody>
        ${card.standards.map(
          (st) => html`<tr>
            <th scope="row">${st.number}. ${st.title}</th>
            <td>${gradeTile(ctx, st.grade, st.score)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}

/** What the radar chart shows, in words, for the canvas's accessible name. */
export function chartDescription(ctx: ViewContext, card: Scorecard): string {
  const scores = card.standards
    .map((st) => `${standardLabel(ctx, st)}: ${st.grade ? `${st.grade} (${st.score})` : ctx.strings.noEvidence}`)
    .join('; ');
  return `${ctx.strings.chartLabel(card.subject.name)} ${scores}.`;
}

/** `chart`: a radar chart (drawn by the lazily loaded chart.js chunk) with its table. */
export function chartView(ctx: ViewContext, card: Scorecard): TemplateResult {
  return html`<article part="card" class="card" aria-label=${card.subject.name}>
    ${personHeader(ctx, card, true)} ${overallSummary(ctx, card)}
    <div part="chart" class="chart"><canvas role="img" aria-label=${chartDescription(ctx, card)}></canvas></div>
    ${scoreTable(ctx, card)}
    ${footer(ctx, card.asOf, card.subject.demo, `people/${card.subject.slug}`, ctx.strings.fullScorecard)}
  </article>`;
}

/** `badge`: one standard for one person. */
export function badgeView(ctx: ViewContext, card: Scorecard, standard: StandardScore): TemplateResult {
  const s = ctx.strings;
  return html`<article part="card" class="card badge" aria-label=${`${card.subject.name}: ${standard.title}`}>
    <div class="badge-body">
      ${gradeTile(ctx, standard.grade, standard.score, 'big')}
      <div>
        <p class="standard-title" part="standard">${standard.number}. ${standard.title}</p>
        <p>${siteLink(ctx, `people/${card.subject.slug}`, card.subject.name, 'name-link link')}</p>
        <p class="muted">
          ${standard.score === null ? s.notEnoughEvidence : s.score(standard.score)} · ${s.evidenceCount(standard.evidenceCount)}
        </p>
      </div>
    </div>
    ${footer(ctx, card.asOf, card.subject.demo, `people/${card.subject.slug}`, s.fullScorecard)}
  </article>`;
}

/** `compare`: an election's candidates side by side, overall and per standard. */
export function compareView(ctx: ViewContext, election: ElectionDetail): TemplateResult {
  const s = ctx.strings;
  const cards = election.candidates.map((c) => c.scorecard);
  const standards = cards[0]?.standards ?? [];
  return html`<article part="card" class="card compare" aria-label=${election.name}>
    <header part="header">
      <div>
        <h2 class="name" part="name">${siteLink(ctx, `elections/${election.slug}`, election.name, 'name-link link')}</h2>
        <p class="muted">${s.electionOn(formatDay(election.electionDate, ctx.lang))}</p>
      </div>
    </header>
    <div class="scroll">
    <table part="table">
      <thead>
        <tr>
          <th scope="col">${s.standard}</th>
          ${election.candidates.map((c) => html`<th scope="col">${siteLink(ctx, `people/${c.slug}`, c.name)}</th>`)}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" class="overall">${s.overall}</th>
          ${cards.map((card) => html`<td>${gradeTile(ctx, card.overall.grade, card.overall.score)}</td>`)}
        </tr>
        ${standards.map(
          (st, i) => html`<tr>
            <th scope="row"><span title=${st.title}>${st.number}. ${standardLabel(ctx, st)}</span></th>
            ${cards.map((card) => html`<td>${gradeTile(ctx, card.standards[i].grade, card.standards[i].score)}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
    </div>
    ${footer(ctx, election.asOf, election.candidates.some((c) => c.demo), `elections/${election.slug}`, s.fullComparison)}
  </article>`;
}

/** Shown instead of a scorecard when it cannot be loaded: small, calm, and still useful. */
export function fallbackView(ctx: ViewContext, fullPath: string | null): TemplateResult {
  const s = ctx.strings;
  return html`<div part="fallback" class="fallback" role="status">
    <p>${s.unavailable} ${fullPath ? siteLink(ctx, fullPath, s.seeFullScorecard) : nothing}</p>
  </div>`;
}

export function loadingView(ctx: ViewContext): TemplateResult {
  return html`<p part="loading" class="fallback" role="status">${ctx.strings.loading}</p>`;
}
