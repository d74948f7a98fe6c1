import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { RadarChart } from './radar-chart.js';
import {
  fetchElection,
  fetchScorecard,
  fetchSiteIdentity,
  ScorecardUnavailable,
  type ElectionDetail,
  type Scorecard,
} from './scorecard-source.js';
import { scorecardStyles } from './scorecard-widget.styles.js';
import {
  badgeView,
  cardView,
  chartView,
  compareView,
  fallbackView,
  loadingView,
  standardLabel,
  type Failure,
  type ViewContext,
} from './scorecard-views.js';
import { stringsFor } from '../../i18n/widget.js';

export type Variant = 'card' | 'chart' | 'badge' | 'compare';
const VARIANTS: readonly Variant[] = ['card', 'chart', 'badge', 'compare'];

type LoadState =
  | { status: 'loading' }
  | { status: 'subject'; scorecard: Scorecard }
  | { status: 'election'; election: ElectionDetail }
  | { status: 'failed'; failure: Failure };

/** Every warning the widget logs starts with this, so a partner can find (or filter) them. */
export const WARNING_PREFIX = '[da-scorecard]';

/**
 * `<da-scorecard>`: a person's scorecard (or an election's comparison) from the public API,
 * for partner websites. It never throws into the host page: whatever fails, it shows a small
 * fallback and logs exactly one warning starting with `[da-scorecard]`.
 *
 * @fires da-scorecard-ready - after a scorecard (not the fallback) has rendered; bubbles out of the shadow root.
 * @csspart card - the widget's box
 * @csspart header - name, role and overall grade
 * @csspart name - the person's or election's name (`name-link` is its link)
 * @csspart grade - every grade tile (letter on a coloured tile)
 * @csspart overall - the overall score and coverage line
 * @csspart standards - the list of the ten standards (card)
 * @csspart standard - one standard's row (card) or title (badge)
 * @csspart bar - one standard's bar (card)
 * @csspart chart - the radar chart's box (chart)
 * @csspart table - a table of grades (chart's text alternative, compare)
 * @csspart footer - the "as of" date, demo label and links
 * @csspart as-of - the "as of" date
 * @csspart demo - the "Demo data" label
 * @csspart link - every link to the scorecard site
 * @csspart fallback - shown when the scorecard cannot be loaded
 * @csspart loading - shown while loading
 */
export class DaScorecard extends LitElement {
  static styles = scorecardStyles;

  /** Base URL of the scorecard site; set once by the define module from the script's own URL. */
  static siteBase = '';

  static properties = {
    subject: { type: String },
    variant: { type: String },
    standard: { type: String },
    election: { type: String },
    lang: { type: String },
    _state: { state: true },
    _coalition: { state: true },
  };

  /** The person's slug (every variant except `compare`). */
  declare subject: string | null;
  /** `card` (default), `chart`, `badge` or `compare`. */
  declare variant: string | null;
  /** The standard's slug, for `variant="badge"`. */
  declare standard: string | null;
  /** The election's slug, for `variant="compare"`. */
  declare election: string | null;
  /** Language of the widget's words: `en` (default) or `es`. */
  declare lang: string;
  declare private _state: LoadState;
  /** The coalition's name from the site's identity; null until known (or when unreachable). */
  declare private _coalition: string | null;

  private _loadCount = 0;
  private _chart: RadarChart | null = null;
  /** The canvas and scorecard a chart is drawn (or being drawn) for, so it is drawn once. */
  private _chartFor: { canvas: HTMLCanvasElement; scorecard: Scorecard } | null = null;
  private _announced = -1;

  constructor() {
    super();
    this.subject = null;
    this.variant = null;
    this.standard = null;
    this.election = null;
    this._state = { status: 'loading' };
    this._coalition = null;
  }

  private get _variant(): Variant {
    return VARIANTS.find((v) => v === this.variant) ?? 'card';
  }

  private get _context(): ViewContext {
    const { lang, strings } = stringsFor(this.lang);
    return { lang, strings, siteBase: DaScorecard.siteBase, coalition: this._coalition };
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (['subject', 'election', 'variant', 'standard', 'lang'].some((p) => changed.has(p as keyof DaScorecard))) void this._load();
  }

  private async _load(): Promise<void> {
    const load = ++this._loadCount;
    const compare = this._variant === 'compare';
    const slug = compare ? this.election : this.subject;
    // What the reader is told is missing, if the API says 404: the election, the person, or the badge's standard.
    let kind: Failure['kind'] = compare ? 'election' : 'person';
    this._state = { status: 'loading' };
    void fetchSiteIdentity(DaScorecard.siteBase).then((site) => (this._coalition = site?.coalitionName ?? null));
    try {
      if (!slug) throw new Error(compare ? 'the compare variant needs an election="…" attribute' : 'needs a subject="…" attribute');
      let next: LoadState;
      if (compare) {
        next = { status: 'election', election: await fetchElection(DaScorecard.siteBase, slug, this._context.lang) };
      } else {
        const scorecard = await fetchScorecard(DaScorecard.siteBase, slug, this._context.lang);
        if (this._variant === 'badge' && !scorecard.standards.some((s) => s.slug === this.standard)) {
          kind = 'standard';
          throw new ScorecardUnavailable(`no standard "${this.standard ?? ''}" (the badge variant needs standard="…")`, 'not-found');
        }
        next = { status: 'subject', scorecard };
      }
      if (load === this._loadCount) this._state = next;
    } catch (err) {
      if (load !== this._loadCount) return;
      console.warn(`${WARNING_PREFIX} ${slug ?? 'scorecard'}: ${(err as Error).message}`);
      const reason = err instanceof ScorecardUnavailable ? err.reason : 'unavailable';
      const missing = kind === 'standard' ? (this.standard ?? '') : (slug ?? '');
      this._state = { status: 'failed', failure: { reason, kind, slug: missing } };
    }
  }

  protected render(): TemplateResult {
    const ctx = this._context;
    const state = this._state;
    let body: TemplateResult;
    try {
      if (state.status === 'loading') body = loadingView(ctx);
      else if (state.status === 'failed') body = fallbackView(ctx, state.failure);
      else if (state.status === 'election') body = compareView(ctx, state.election);
      else body = this._subjectView(ctx, state.scorecard);
    } catch (err) {
      // An answer of an unexpected shape must not become an error on the partner's page.
      console.warn(`${WARNING_PREFIX} could not show the scorecard: ${(err as Error).message}`);
      const failure: Failure = { reason: 'unavailable', kind: 'person', slug: '' };
      this._state = { status: 'failed', failure };
      body = fallbackView(ctx, failure);
    }
    return html`<div class="root" lang=${ctx.lang}>${body}</div>`;
  }

  private _subjectView(ctx: ViewContext, scorecard: Scorecard): TemplateResult {
    switch (this._variant) {
      case 'chart':
        return chartView(ctx, scorecard);
      case 'badge': {
        // _load checked that the standard exists before showing this scorecard.
        const standard = scorecard.standards.find((s) => s.slug === this.standard);
        return standard ? badgeView(ctx, scorecard, standard) : cardView(ctx, scorecard);
      }
      default:
        return cardView(ctx, scorecard);
    }
  }

  protected updated(): void {
    // Through the CSSOM, not a style="" attribute: partner pages with a strict
    // Content-Security-Policy (no 'unsafe-inline' styles) block style attributes.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.bar[data-score]')) {
      bar.style.setProperty('--score', `${bar.dataset.score}%`);
    }
    const state = this._state;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || state.status !== 'subject') this._destroyChart();
    else void this._drawChart(canvas, state.scorecard);
    if ((state.status === 'subject' || state.status === 'election') && this._announced !== this._loadCount) {
      this._announced = this._loadCount;
      this.dispatchEvent(new CustomEvent('da-scorecard-ready', { bubbles: true, composed: true }));
    }
  }

  private async _drawChart(canvas: HTMLCanvasElement, scorecard: Scorecard): Promise<void> {
    if (this._chartFor?.canvas === canvas && this._chartFor.scorecard === scorecard) return;
    this._destroyChart();
    this._chartFor = { canvas, scorecard };
    const load = this._loadCount;
    try {
      // chart.js is large: only pages that show a chart download it, as a separate chunk.
      const { drawRadarChart } = await import('./radar-chart.js');
      if (load !== this._loadCount || this._chartFor?.canvas !== canvas || !canvas.isConnected) return;
      this._chart = drawRadarChart(
        canvas,
        scorecard,
        scorecard.standards.map((s) => standardLabel(this._context, s)),
        getComputedStyle(this),
      );
    } catch (err) {
      console.warn(`${WARNING_PREFIX} could not draw the chart: ${(err as Error).message}`);
    }
  }

  private _destroyChart(): void {
    this._chart?.destroy();
    this._chart = null;
    this._chartFor = null;
  }

  connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the chart was destroyed on disconnect, so draw it again.
    if (this.hasUpdated) this.requestUpdate();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._destroyChart();
  }
}
