import { html, type TemplateResult } from 'lit';
import type { Chart, ChartConfiguration } from 'chart.js';
import { LightElement } from './light-element.js';

/** A calm palette with enough contrast against white for lines and bars (≥ 3:1). */
export const SERIES_COLOURS = ['#1f3a5f', '#0f766e', '#b45309', '#7c3aed', '#be123c'];

export const CHART_FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12 };

/**
 * The shared life cycle of the charts: chart.js is imported only when a chart is drawn (a
 * separate chunk), and a chart is drawn only when it comes near the screen, so a phone
 * does not pay for charts below the fold while the page loads. It is updated when its data
 * changes and destroyed when the element leaves the page. The canvas carries a text
 * alternative; the page shows the same numbers in a table.
 */
export abstract class ChartElement extends LightElement {
  static properties = { _failed: { state: true } };

  declare _failed: boolean;
  private _chart: Chart | undefined;
  private _observer: IntersectionObserver | undefined;
  /** True once the element has come near the screen. */
  protected nearScreen = false;

  constructor() {
    super();
    this._failed = false;
  }

  /** Imports chart.js with only the parts this chart uses. */
  protected abstract loadChart(): Promise<typeof Chart>;
  protected abstract chartConfig(): ChartConfiguration | null;
  /** What the chart shows, in words, for screen readers. */
  protected abstract chartLabel(): string;

  protected canvasTemplate(frameClass = 'chart-frame', style = ''): TemplateResult {
    if (this._failed) return html`<p class="muted">${this.msg.charts.loadFailed}</p>`;
    return html`<div class=${frameClass} style=${style}><canvas role="img" aria-label=${this.chartLabel()}></canvas></div>`;
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (this.nearScreen) return;
    if (!('IntersectionObserver' in window)) {
      this.nearScreen = true;
      return;
    }
    this._observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this._observer?.disconnect();
        this.nearScreen = true;
        this.onNearScreen();
      },
      { rootMargin: '200px' },
    );
    this._observer.observe(this);
  }

  /** Called once when the element comes near the screen. */
  protected onNearScreen(): void {
    void this.drawChart();
  }

  protected updated(): void {
    if (this.nearScreen) void this.drawChart();
  }

  private async drawChart(): Promise<void> {
    const config = this.chartConfig();
    const canvas = this.querySelector('canvas');
    if (!config || !canvas) return;
    try {
      const ChartClass = await this.loadChart();
      if (this._chart && this._chart.canvas === canvas) {
        this._chart.data = config.data;
        this._chart.update();
      } else {
        this._chart?.destroy();
        this._chart = new ChartClass(canvas, config);
      }
    } catch (err) {
      console.warn('[scorecard] the chart could not be drawn', err);
      this._failed = true;
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
    this._chart?.destroy();
    this._chart = undefined;
  }
}
