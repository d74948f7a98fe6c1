import type { PersonPageData } from '../../../core/page-data.js';
import { readPageData } from '../page-data.js';
import { connectPriorities } from '../priorities.js';

/** A person's scorecard: radar and trend charts, and "Your priorities". */
export function enhancePersonPage(): void {
  const data = readPageData<PersonPageData>();
  if (!data || data.page !== 'person') return;
  const subject = data.subjects[0];
  const radar = document.querySelector('sc-radar-chart');
  if (radar) {
    radar.name = subject.name;
    radar.axes = data.radar;
  }
  const trend = document.querySelector('sc-trend-chart');
  if (trend) {
    trend.name = subject.name;
    trend.from = data.firstEvidenceOn;
    trend.to = data.asOf;
  }
  connectPriorities(data);
}
