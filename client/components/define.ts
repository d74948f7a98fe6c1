import { BarChart } from './bar-chart.js';
import { EvidenceFilter } from './evidence-filter.js';
import { GradeBadge } from './grade-badge.js';
import { PrioritiesPanel } from './priorities-panel.js';
import { RadarChart } from './radar-chart.js';
import { TrendChart } from './trend-chart.js';

const TAGS: Record<string, CustomElementConstructor> = {
  'sc-grade': GradeBadge,
  'sc-radar-chart': RadarChart,
  'sc-bar-chart': BarChart,
  'sc-trend-chart': TrendChart,
  'sc-priorities': PrioritiesPanel,
  'sc-evidence-filter': EvidenceFilter,
};

/** Registers the shared components, skipping any tag already registered (the script may load twice). */
export function defineComponents(): void {
  for (const [tag, ctor] of Object.entries(TAGS)) {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sc-grade': GradeBadge;
    'sc-radar-chart': RadarChart;
    'sc-bar-chart': BarChart;
    'sc-trend-chart': TrendChart;
    'sc-priorities': PrioritiesPanel;
    'sc-evidence-filter': EvidenceFilter;
  }
}
