import { Chart, Filler, LineElement, PointElement, RadarController, RadialLinearScale } from 'chart.js';
import type { Scorecard } from './scorecard-source.js';

// Only the parts a radar chart uses, so the chunk stays as small as chart.js allows.
Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler);

export interface RadarChart {
  destroy(): void;
}

/**
 * Draws a person's ten standard scores as a radar chart. Colours come from the widget's
 * custom properties, so a partner's theme reaches the canvas too. Standards without
 * evidence are gaps, not zeros.
 */
/** Two short lines fit around a small chart where one long line would be cut at the edge. */
function twoLines(label: string): string | string[] {
  const words = label.split(' ');
  if (words.length < 2) return label;
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

/** Below this canvas width, the chart's labels are the standards' numbers. */
const NAMED_LABELS_MIN_WIDTH = 400;

export function drawRadarChart(canvas: HTMLCanvasElement, scorecard: Scorecard, labels: string[], style: CSSStyleDeclaration): RadarChart {
  const prop = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const accent = prop('--da-scorecard-accent', '#0b5cad');
  const muted = prop('--da-scorecard-muted', '#59636e');
  const grid = prop('--da-scorecard-border', '#d0d7de');
  const chart = new Chart(canvas, {
    type: 'radar',
    data: {
      labels: labels.map(twoLines),
      datasets: [
        {
          label: scorecard.subject.name,
          data: scorecard.standards.map((s) => s.score),
          borderColor: accent,
          backgroundColor: prop('--da-scorecard-chart-fill', 'rgba(11, 92, 173, 0.18)'),
          pointBackgroundColor: accent,
          fill: true,
          spanGaps: false,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: 1,
      events: [],
      layout: { padding: 2 },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 20, display: false },
          grid: { color: grid },
          angleLines: { color: grid },
          pointLabels: {
            color: muted,
            font: { size: 11 },
            // In a narrow column even two short lines would be cut at the canvas's edge: show the
            // standards' numbers there (the table below names them). Read at every resize.
            callback: (label, index) => (canvas.clientWidth < NAMED_LABELS_MIN_WIDTH ? String(index + 1) : label),
          },
        },
      },
    },
  });
  return { destroy: () => chart.destroy() };
}
