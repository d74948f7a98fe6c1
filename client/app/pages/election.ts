import type { ElectionPageData } from '../../../core/page-data.js';
import { readPageData } from '../page-data.js';
import { connectPriorities } from '../priorities.js';

/** An election: the grouped bar chart, "Your priorities" and the print button. */
export function enhanceElectionPage(): void {
  const data = readPageData<ElectionPageData>();
  if (!data || data.page !== 'election') return;
  const bars = document.querySelector('sc-bar-chart');
  if (bars) {
    bars.labels = data.standards.map((s) => s.short);
    bars.series = data.bars;
  }
  const print = document.querySelector<HTMLButtonElement>('[data-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', () => window.print());
  }
  connectPriorities(data);
}
