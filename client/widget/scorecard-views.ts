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
  /** The coalition that publishes the scorecard (the site's identity); null until known. */
  coalition: string | null;
}

/** Why the widget shows its fallback, and what was not found. */
export interface Failure {
  reason: 'unreachable' | 'not-found' | 'unavailable';
  kind: 'person' | 'election' | 'standard';
  slug: string;
}

/** A site page in the widget's language (Spanish readers land on /es/…), relative to the site's base. */
const page = (ctx: ViewContext, path: string) =>
  new URL(`.${pagePath(isLocale(ctx.lang) ? ctx.lang : 'en', `/${path}`)}`, ctx.siteBase).href;

/** A site link that leaves the partner's page (and an iframe) rather than replacing it. */
function siteLink(ctx: ViewContext, path: string, text: string | TemplateResult, part = 'link'): TemplateResult {
  return html`<a part=${part} href=${page(ctx, path)} target="_blank" rel="noopener">${text}</a>`;
}

/**
 * Text the site stores (an office, an election's name) in the language the API says it is in,
 * English when it does not say: marked lang where that differs from the widget's, so a screen
 * reader in a Spanish widget reads an untranslated office in English.
 */
function inLanguage(ctx: ViewContext, text: string, textLang = 'en'): string | TemplateResult {
  return textLang === ctx.lang.split('-')[0] ? text : html`<span lang=${textLang}>${text}</span>`;
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

/** Says what "–" means, wherever a grade tile shows one. */
function dashKey(ctx: ViewContext, grades: Array<string | null>): TemplateResult | typeof nothing {
  return grades.includes(null) ? html`<p part="key" class="muted key">${ctx.strings.dashKey}</p>` : nothing;
}

function footer(ctx: ViewContext, asOf: string, demo: boolean, fullPath: string, fullText: string): TemplateResult {
  const s = ctx.strings;
  return html`<footer part="footer">
    <span part="as-of">${s.asOf(formatDay(asOf, ctx.lang))}</span>
    ${demo ? html`<span part="demo" class="demo">${s.demoData}</span>` : nothing}
    ${siteLink(ctx, fullPath, fullText)} ${siteLink(ctx, 'methodology', s.methodology)}
    ${ctx.coalition ? html`<span part="coalition" class="coalition">${s.publishedBy(ctx.coalition)}</span>` : nothing}
  </footer>`;
}

function personHeader(ctx: ViewContext, card: Scorecard, withOverall: boolean): TemplateResult {
  const { subject, overall } = card;
  const s = ctx.strings;
  return html`<header part="header">
    <div>
      <h2 class="name" part="name">${siteLink(ctx, `people/${subject.slug}`, subject.name, 'name-link link')}</h2>
      <p class="muted">${s.roles[subject.role] ?? subject.role} · ${inLanguage(ctx, subject.office, subject.textLanguages?.office)}</p>
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
          <span class="label">${st.number}. ${st.title}</span>
          <span class="track" aria-hidden="true"
            ><span part="bar" class="bar g-${st.grade ?? 'none'}" data-score=${st.score ?? 0}></span
          ></span>
          ${gradeTile(ctx, st.grade, st.score)}
        </li>`,
      )}
    </ol>
    ${dashKey(ctx, [card.overall.grade, ...card.standards.map((st) => st.grade)])}
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
    ${scoreTable(ctx, card)} ${dashKey(ctx, [card.overall.grade, ...card.standards.map((st) => st.grade)])}
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
    ${dashKey(ctx, [standard.grade])}
    ${footer(ctx, card.asOf, card.subject.demo, `people/${card.subject.slug}`, s.fullScorecard)}
  </article>`;
}

/**
 * `compare`: an election's candidates, each with overall grade, score and coverage (a grade
 * on 6 of 10 standards is not comparable to one on 10 of 10), then every standard side by
 * side. In a narrow column the table stacks: each standard's title on its own line, then a
 * tile per candidate named in its cell.
 */
export function compareView(ctx: ViewContext, election: ElectionDetail): TemplateResult {
  const s = ctx.strings;
  const cards = election.candidates.map((c) => c.scorecard);
  const standards = cards[0]?.standards ?? [];
  const cell = (name: string, grade: string | null, score: number | null) =>
    html`<td><span class="who" aria-hidden="true">${name}</span>${gradeTile(ctx, grade, score)}</td>`;
  return html`<article part="card" class="card compare" aria-label=${election.name}>
    <header part="header">
      <div>
        <h2 class="name" part="name">
          ${siteLink(ctx, `elections/${election.slug}`, inLanguage(ctx, election.name, election.textLanguages?.name), 'name-link link')}
        </h2>
        <p class="muted">${s.electionOn(formatDay(election.electionDate, ctx.lang))}</p>
      </div>
    </header>
    <ul part="candidates" class="candidates">
      ${election.candidates.map(
        (c) => html`<li>
          ${gradeTile(ctx, c.scorecard.overall.grade, c.scorecard.overall.score)}
          <span
            >${siteLink(ctx, `people/${c.slug}`, c.name)}
            <span part="overall" class="muted coverage"
              >${s.overall}: ${c.scorecard.overall.score === null ? s.notEnoughEvidence : s.score(c.scorecard.overall.score)} ·
              ${s.coverage(c.scorecard.overall.coverage, c.scorecard.standards.length)}</span
            ></span
          >
        </li>`,
      )}
    </ul>
    <table part="table">
      <thead>
        <tr>
          <th scope="col">${s.standard}</th>
          ${election.candidates.map((c) => html`<th scope="col">${c.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" class="overall">${s.overall}</th>
          ${cards.map((card) => cell(card.subject.name, card.overall.grade, card.overall.score))}
        </tr>
        ${standards.map(
          (st, i) => html`<tr>
            <th scope="row">${st.number}. ${st.title}</th>
            ${cards.map((card) => cell(card.subject.name, card.standards[i].grade, card.standards[i].score))}
          </tr>`,
        )}
      </tbody>
    </table>
    ${dashKey(
      ctx,
      cards.flatMap((card) => [card.overall.grade, ...card.standards.map((st) => st.grade)]),
    )}
    ${footer(
      ctx,
      election.asOf,
      election.candidates.some((c) => c.demo),
      `elections/${election.slug}`,
      s.fullComparison,
    )}
  </article>`;
}

/**
 * Shown instead of a scorecard when it cannot be loaded: small, calm, and saying what
 * happened, so a typo in a slug does not read like an outage.
 */
export function fallbackView(ctx: ViewContext, failure: Failure): TemplateResult {
  const s = ctx.strings;
  const missing = { person: s.noSuchPerson, election: s.noSuchElection, standard: s.noSuchStandard }[failure.kind];
  const text = failure.reason === 'not-found' ? missing(failure.slug) : failure.reason === 'unreachable' ? s.unreachable : s.unavailable;
  // Unreachable means the site is too: a link there would not help.
  return html`<div part="fallback" class="fallback" role="status">
    <p>${text} ${failure.reason === 'unreachable' ? nothing : siteLink(ctx, '', s.seeFullScorecard)}</p>
  </div>`;
}

export function loadingView(ctx: ViewContext): TemplateResult {
  return html`<p part="loading" class="fallback" role="status">${ctx.strings.loading}</p>`;
}
