import type { ChartConfiguration } from 'chart.js';
import { CHART_FONT, ChartElement, SERIES_COLOURS } from './chart-element.js';

export interface BarSeries {
  name: string;
  scores: Array<number | null>;
}

/** Candidates side by side: one group of horizontal bars per standard, one bar per candidate. */
export class BarChart extends ChartElement {
  static properties = { ...ChartElement.properties, labels: { attribute: false }, series: { attribute: false } };

  /** The standards' short names, in order. */
  declare labels: string[];
  /** One series per candidate, scores in the standards' order (null: no evidence). */
  declare series: BarSeries[];

  constructor() {
    super();
    this.labels = [];
    this.series = [];
  }

  protected loadChart() {
    return import('./charts/bar-parts.js').then((m) => m.Chart);
  }

  protected chartLabel(): string {
    const list = this.series
      .map((s) => `${s.name}: ${s.scores.map((score, i) => `${this.labels[i]} ${score ?? this.msg.charts.noScore}`).join(', ')}.`)
      .join(' ');
    return this.msg.election.chartLabel(list);
  }

  protected chartConfig(): ChartConfiguration<'bar'> | null {
    if (this.series.length === 0) return null;
    return {
      type: 'bar',
      data: {
        labels: this.labels,
        datasets: this.series.map((s, i) => ({
          label: s.name,
          data: s.scores,
          backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
          borderRadius: 2,
          barPercentage: 0.85,
          categoryPercentage: 0.8,
        })),
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: 0, max: 100, ticks: { stepSize: 20, color: '#4a5563', font: CHART_FONT }, grid: { color: '#e3e7ed' } },
          y: { ticks: { color: '#1b2430', font: { ...CHART_FONT, weight: 600 } }, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'top', align: 'start', labels: { color: '#1b2430', font: CHART_FONT, boxWidth: 14 } },
          tooltip: { enabled: true },
        },
      },
    };
  }

  render() {
    // Tall enough that every bar stays readable on a phone.
    const height = Math.max(280, this.labels.length * Math.max(1, this.series.length) * 16 + 90);
    return this.canvasTemplate('chart-frame', `height: ${height}px`);
  }
}
