import type { ChartConfiguration } from 'chart.js';
import { CHART_FONT, ChartElement, SERIES_COLOURS } from './chart-element.js';

export interface RadarAxis {
  short: string;
  score: number | null;
}

/** One person's ten standard scores as a radar chart (0 to 100); a standard without evidence leaves a gap. */
export class RadarChart extends ChartElement {
  static properties = { ...ChartElement.properties, axes: { attribute: false }, name: {} };

  /** The standards in order, with their short names and scores. */
  declare axes: RadarAxis[];
  /** Whose scores these are, for the text alternative. */
  declare name: string;

  constructor() {
    super();
    this.axes = [];
    this.name = '';
  }

  protected loadChart() {
    return import('./charts/radar-parts.js').then((m) => m.Chart);
  }

  protected chartLabel(): string {
    const list = this.axes.map((a) => `${a.short} ${a.score ?? this.msg.charts.noScore}`).join(', ');
    return this.msg.person.radarLabel(this.name, list);
  }

  protected chartConfig(): ChartConfiguration<'radar'> | null {
    if (this.axes.length === 0) return null;
    // On a phone the standards' names need the room more than the ring does.
    const narrow = this.clientWidth > 0 && this.clientWidth < 420;
    return {
      type: 'radar',
      data: {
        labels: this.axes.map((a) => a.short),
        datasets: [
          {
            label: this.name,
            data: this.axes.map((a) => a.score),
            borderColor: SERIES_COLOURS[0],
            backgroundColor: 'rgba(31, 58, 95, 0.14)',
            pointBackgroundColor: SERIES_COLOURS[0],
            pointRadius: 3,
            borderWidth: 2,
            fill: true,
            spanGaps: false,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: narrow ? 0 : 8 },
        scales: {
          r: {
            min: 0,
            max: 100,
            ticks: { stepSize: 20, backdropColor: 'transparent', color: '#4a5563', font: { ...CHART_FONT, size: narrow ? 9 : 11 } },
            pointLabels: { color: '#1b2430', font: { ...CHART_FONT, size: narrow ? 10 : 12, weight: 600 }, padding: narrow ? 4 : 8 },
            grid: { color: '#d5dbe3' },
            angleLines: { color: '#d5dbe3' },
          },
        },
        plugins: { tooltip: { enabled: true } },
      },
    };
  }

  render() {
    return this.canvasTemplate('chart-frame chart-frame--radar');
  }
}
