import { html } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import type { Scorecard } from '../../server/schemas/scorecard.js';
import { formatDay, formatMonth } from '../../i18n/format.js';
import { CHART_FONT, ChartElement, SERIES_COLOURS } from './chart-element.js';
import { trendDates } from '../../core/trend-dates.js';

interface TrendPoint {
  asOf: string;
  overall: number | null;
  standards: Array<number | null>;
}

/** At most this many scorecard requests in flight, to be gentle with the server. */
const CONCURRENCY = 4;

/**
 * A person's overall score (and, on demand, each standard's) over time, drawn from the
 * public API's `?asOf=` scorecards at the end of each period, with the numbers as a table.
 */
export class TrendChart extends ChartElement {
  static properties = {
    ...ChartElement.properties,
    subject: {},
    from: {},
    to: {},
    name: {},
    _state: { state: true },
    _points: { state: true },
    _labels: { state: true },
  };

  /** The person's slug. */
  declare subject: string;
  /** The first day with evidence (YYYY-MM-DD); null when there is none. */
  declare from: string | null;
  /** The last day, usually today (YYYY-MM-DD). */
  declare to: string;
  /** Whose scores these are, for the text alternative. */
  declare name: string;
  declare _state: 'idle' | 'loading' | 'error' | 'empty' | 'ready';
  declare _points: TrendPoint[];
  declare _labels: string[];

  constructor() {
    super();
    this.subject = '';
    this.from = null;
    this.to = '';
    this.name = '';
    this._state = 'idle';
    this._points = [];
    this._labels = [];
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('subject') || changed.has('from') || changed.has('to')) this._loadWhenReady();
  }

  protected onNearScreen(): void {
    this._loadWhenReady();
  }

  /** The history is fetched once the element is near the screen and knows whose it is. */
  private _loadWhenReady(): void {
    if (this.nearScreen && this.subject && this.to && this._state === 'idle') void this.load();
  }

  /** Fetches the scorecards; public so "Try again" can call it. */
  async load(): Promise<void> {
    if (!this.from) {
      this._state = 'empty';
      return;
    }
    const days = trendDates(this.from, this.to);
    this._state = 'loading';
    try {
      const cards: Scorecard[] = new Array(days.length);
      let next = 0;
      const worker = async () => {
        while (next < days.length) {
          const i = next++;
          const res = await fetch(`/api/subjects/${encodeURIComponent(this.subject)}/scorecard?asOf=${days[i]}`);
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          cards[i] = (await res.json()) as Scorecard;
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, days.length) }, worker));
      this._labels = cards[0]?.standards.map((s) => this.msg.standardShort[s.slug] ?? s.title) ?? [];
      this._points = cards.map((c) => ({ asOf: c.asOf, overall: c.overall.score, standards: c.standards.map((s) => s.score) }));
      this._state = 'ready';
    } catch (err) {
      console.warn('[scorecard] the history could not be loaded', err);
      this._state = 'error';
    }
  }

  protected loadChart() {
    return import('./charts/line-parts.js').then((m) => m.Chart);
  }

  private _day(asOf: string): string {
    return formatDay(this.msg, asOf);
  }

  protected chartLabel(): string {
    const first = this._points[0];
    const last = this._points[this._points.length - 1];
    return first && last ? this.msg.charts.trendLabel(this.name, this._day(first.asOf), this._day(last.asOf)) : '';
  }

  protected chartConfig(): ChartConfiguration<'line'> | null {
    if (this._state !== 'ready') return null;
    const standardsSets = this._labels.map((label, i) => ({
      label,
      data: this._points.map((p) => p.standards[i]),
      borderColor: SERIES_COLOURS[1 + (i % (SERIES_COLOURS.length - 1))],
      backgroundColor: SERIES_COLOURS[1 + (i % (SERIES_COLOURS.length - 1))],
      borderWidth: 1.5,
      borderDash: [4, 3],
      pointRadius: 2,
      hidden: true,
      spanGaps: false,
    }));
    return {
      type: 'line',
      data: {
        labels: this._points.map((p) => formatMonth(this.msg, p.asOf)),
        datasets: [
          {
            label: this.msg.charts.overall,
            data: this._points.map((p) => p.overall),
            borderColor: SERIES_COLOURS[0],
            backgroundColor: SERIES_COLOURS[0],
            borderWidth: 3,
            pointRadius: 3,
            spanGaps: false,
          },
          ...standardsSets,
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: {
            min: 0,
            max: 100,
            ticks: { stepSize: 20, color: '#4a5563', font: CHART_FONT },
            title: { display: true, text: this.msg.charts.scoreAxis, color: '#4a5563' },
          },
          x: { ticks: { color: '#4a5563', font: CHART_FONT, maxRotation: 0, autoSkip: true }, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom', align: 'start', labels: { color: '#1b2430', font: CHART_FONT, boxWidth: 12 } },
          tooltip: { enabled: true },
        },
      },
    };
  }

  render() {
    const msg = this.msg;
    switch (this._state) {
      case 'idle':
      case 'loading':
        return html`<p class="status-line" role="status">${msg.charts.trendLoading}</p>`;
      case 'error':
        return html`<p class="error-line" role="alert">${msg.charts.trendError}</p>
          <button type="button" class="button button--quiet" @click=${() => this.load()}>${msg.retry}</button>`;
      case 'empty':
        return html`<p class="empty">${msg.charts.trendEmpty}</p>`;
      default:
        return html`${this.canvasTemplate()}
          <details class="chart-table">
            <summary>${msg.charts.showTable}</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=${msg.person.trendHeading}>
              <table class="trend-table">
                <thead>
                  <tr>
                    <th scope="col">${msg.charts.date}</th>
                    <th scope="col">${msg.charts.overall}</th>
                    ${this._labels.map((l) => html`<th scope="col">${l}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${this._points.map(
                    (p) => html`<tr>
                      <th scope="row">${this._day(p.asOf)}</th>
                      <td>${p.overall ?? msg.charts.noScore}</td>
                      ${p.standards.map((s) => html`<td>${s ?? msg.charts.noScore}</td>`)}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </details>`;
    }
  }
}
