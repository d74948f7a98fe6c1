import { html } from 'lit';
import { Task } from '@lit/task';
import type { ChartConfiguration, PointStyle } from 'chart.js';
import type { Scorecard } from '../../server/schemas/scorecard.js';
import { formatDay, formatMonth } from '../../i18n/format.js';
import { CHART_FONT, ChartElement, SERIES_COLOURS } from './chart-element.js';
import { trendDates } from '../../core/trend-dates.js';

interface TrendPoint {
  asOf: string;
  overall: number | null;
  standards: Array<number | null>;
}

interface TrendHistory {
  /** The standards in order, as the scorecards name them. */
  standards: Array<{ slug: string; label: string }>;
  points: TrendPoint[];
}

/** At most this many scorecard requests in flight, to be gentle with the server. */
const CONCURRENCY = 4;

/**
 * One look per standard's line, so no two lines are told apart by colour alone: a colour
 * (each ≥ 3:1 on white), a marker shape and a dash pattern. The overall score keeps the
 * site's navy, a solid thick line and round markers.
 */
const STANDARD_LINES: Array<{ colour: string; point: PointStyle; rotation?: number; dash: number[] }> = [
  { colour: '#0f766e', point: 'rect', dash: [] },
  { colour: '#b45309', point: 'triangle', dash: [6, 3] },
  { colour: '#7c3aed', point: 'rectRot', dash: [2, 2] },
  { colour: '#be123c', point: 'star', dash: [] },
  { colour: '#1d4ed8', point: 'crossRot', dash: [6, 3] },
  { colour: '#a21caf', point: 'cross', dash: [2, 2] },
  { colour: '#4d6b0f', point: 'rectRounded', dash: [] },
  { colour: '#9a3412', point: 'triangle', rotation: 180, dash: [6, 3] },
  { colour: '#0e7490', point: 'circle', dash: [2, 2] },
  { colour: '#57534e', point: 'line', rotation: 90, dash: [8, 2, 2, 2] },
];

/**
 * A person's overall score over time, and the line of each standard the reader chooses (none
 * at first), drawn from the public API's `?asOf=` scorecards from the first evidence's day to
 * today, with every number in a table. Loading runs as a @lit/task once the chart is near the
 * screen, so its pending, error and empty states are the task's.
 */
export class TrendChart extends ChartElement {
  static properties = {
    ...ChartElement.properties,
    subject: {},
    from: {},
    to: {},
    name: {},
    _visible: { state: true },
    _chosen: { state: true },
  };

  /** The person's slug. */
  declare subject: string;
  /** The first day with evidence (YYYY-MM-DD); null when there is none. */
  declare from: string | null;
  /** The last day, usually today (YYYY-MM-DD). */
  declare to: string;
  /** Whose scores these are, for the text alternative. */
  declare name: string;
  declare _visible: boolean;
  /** Slugs of the standards whose lines are drawn beside the overall score. */
  declare _chosen: ReadonlySet<string>;

  private _history = new Task(this, {
    task: ([subject, from, to, visible], { signal }) => this._load(subject, from, to, visible, signal),
    args: () => [this.subject, this.from, this.to, this._visible] as const,
  });

  constructor() {
    super();
    this.subject = '';
    this.from = null;
    this.to = '';
    this.name = '';
    this._visible = false;
    this._chosen = new Set();
  }

  protected onNearScreen(): void {
    this._visible = true;
  }

  /** Null until there is something to ask for (near the screen, whose, up to when). */
  private async _load(
    subject: string,
    from: string | null,
    to: string,
    visible: boolean,
    signal: AbortSignal,
  ): Promise<TrendHistory | null> {
    if (!visible || !subject || !to) return null;
    if (!from) return { standards: [], points: [] };
    const days = trendDates(from, to);
    const cards: Scorecard[] = new Array(days.length);
    let next = 0;
    const worker = async () => {
      while (next < days.length) {
        const i = next++;
        const res = await fetch(`/api/subjects/${encodeURIComponent(subject)}/scorecard?asOf=${days[i]}`, { signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        cards[i] = (await res.json()) as Scorecard;
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, days.length) }, worker));
    } catch (err) {
      if (!signal.aborted) console.warn('[scorecard] the history could not be loaded', err);
      throw err;
    }
    return {
      standards: cards[0]?.standards.map((s) => ({ slug: s.slug, label: this.msg.standardShort[s.slug] ?? s.title })) ?? [],
      points: cards.map((c) => ({ asOf: c.asOf, overall: c.overall.score, standards: c.standards.map((s) => s.score) })),
    };
  }

  /** Fetches the history again; public so "Try again" can call it. */
  load(): Promise<void> {
    return this._history.run();
  }

  protected loadChart() {
    return import('./charts/line-parts.js').then((m) => m.Chart);
  }

  private _day(asOf: string): string {
    return formatDay(this.msg, asOf);
  }

  private get _ready(): TrendHistory | null {
    const value = this._history.value;
    return value && value.points.length ? value : null;
  }

  protected chartLabel(): string {
    const history = this._ready;
    if (!history) return '';
    const first = history.points[0];
    const last = history.points[history.points.length - 1];
    const chosen = history.standards.filter((s) => this._chosen.has(s.slug)).map((s) => s.label);
    const label = this.msg.charts.trendLabel(this.name, this._day(first.asOf), this._day(last.asOf));
    return chosen.length ? `${label} ${this.msg.charts.trendAlso(chosen.join(', '))}` : label;
  }

  protected chartConfig(): ChartConfiguration<'line'> | null {
    const history = this._ready;
    if (!history) return null;
    const { points } = history;
    const standardSets = history.standards.flatMap((s, i) => {
      if (!this._chosen.has(s.slug)) return [];
      const look = STANDARD_LINES[i % STANDARD_LINES.length];
      return [
        {
          label: s.label,
          data: points.map((p) => p.standards[i]),
          borderColor: look.colour,
          backgroundColor: look.colour,
          borderWidth: 2,
          borderDash: look.dash,
          pointStyle: look.point,
          pointRotation: look.rotation ?? 0,
          pointRadius: 4,
          pointHoverRadius: 6,
          spanGaps: false,
        },
      ];
    });
    // The axis starts at the first evidence's day; the first and last labels are whole dates.
    const labels = points.map((p, i) => (i === 0 || i === points.length - 1 ? this._day(p.asOf) : formatMonth(this.msg, p.asOf)));
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: this.msg.charts.overall,
            data: points.map((p) => p.overall),
            borderColor: SERIES_COLOURS[0],
            backgroundColor: SERIES_COLOURS[0],
            borderWidth: 3,
            pointStyle: 'circle',
            pointRadius: 4,
            spanGaps: false,
          },
          ...standardSets,
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
          // The chooser below adds and removes lines; the legend only names them, with their markers.
          legend: {
            position: 'bottom',
            align: 'start',
            onClick: () => undefined,
            labels: { color: '#1b2430', font: CHART_FONT, boxWidth: 12, usePointStyle: true },
          },
          tooltip: { enabled: true },
        },
      },
    };
  }

  private _onChoose(event: Event): void {
    const box = event.target as HTMLInputElement;
    const chosen = new Set(this._chosen);
    if (box.checked) chosen.add(box.value);
    else chosen.delete(box.value);
    this._chosen = chosen;
  }

  private _chooser(history: TrendHistory) {
    const msg = this.msg;
    return html`<fieldset class="trend-chooser">
      <legend>${msg.charts.trendChoose}</legend>
      ${history.standards.map(
        (s, i) =>
          html`<label class="trend-chooser__option"
            ><input type="checkbox" value=${s.slug} .checked=${this._chosen.has(s.slug)} @change=${this._onChoose} />
            <span class="trend-chooser__swatch" style="--swatch: ${STANDARD_LINES[i % STANDARD_LINES.length].colour}" aria-hidden="true"></span>
            ${s.label}</label
          >`,
      )}
    </fieldset>`;
  }

  private _table(history: TrendHistory) {
    const msg = this.msg;
    return html`<details class="chart-table">
      <summary>${msg.charts.showTable}</summary>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${msg.charts.trendTable}>
        <table class="trend-table">
          <thead>
            <tr>
              <th scope="col">${msg.charts.date}</th>
              <th scope="col">${msg.charts.overall}</th>
              ${history.standards.map((s) => html`<th scope="col">${s.label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${history.points.map(
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

  render() {
    const msg = this.msg;
    const loading = () => html`<p class="status-line" role="status">${msg.charts.trendLoading}</p>`;
    return this._history.render({
      initial: loading,
      pending: loading,
      error: () =>
        html`<p class="error-line" role="alert">${msg.charts.trendError}</p>
          <button type="button" class="button button--quiet" @click=${() => this.load()}>${msg.retry}</button>`,
      complete: (history) => {
        if (!history) return loading();
        if (!history.points.length) return html`<p class="empty">${msg.charts.trendEmpty}</p>`;
        return html`${this.canvasTemplate()}${this._chooser(history)}${this._table(history)}`;
      },
    });
  }
}
