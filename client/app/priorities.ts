import { messagesFor } from '../../i18n/catalog.js';
import { describeOverall, describeWeighting } from '../../i18n/format.js';
import type { PrioritiesPageData } from '../../core/page-data.js';
import { MIN_COVERAGE, overallScore } from '../../core/scoring/method.js';
import { formatWeights, isEqualWeighting, parseWeights } from '../../core/scoring/weights.js';
import type { GradeBadge } from '../components/grade-badge.js';
import type { PrioritiesChangeEvent } from '../components/priorities-panel.js';

/**
 * Connects the "Your priorities" panel to the page: every change recomputes each person's
 * overall grade with the published method (the same module the server uses), rewrites the
 * address's `w=` so the view can be shared, and updates every sentence naming the weighting.
 */
export function connectPriorities(data: PrioritiesPageData): void {
  const panel = document.querySelector('sc-priorities');
  if (!panel) return;
  const msg = messagesFor(document.documentElement.lang);
  const slugs = data.standards.map((s) => s.slug);
  const initial = parseWeights(new URL(location.href).searchParams.get('w'), slugs);
  panel.standards = data.standards;
  panel.weights = initial;
  panel.open = panel.open || !isEqualWeighting(initial);

  panel.addEventListener('priorities-change', (event) => {
    const { weights } = (event as PrioritiesChangeEvent).detail;
    const url = new URL(location.href);
    const w = formatWeights(weights, slugs);
    if (w) url.searchParams.set('w', w);
    else url.searchParams.delete('w');
    history.replaceState(history.state, '', url);

    const results: string[] = [];
    for (const subject of data.subjects) {
      const overall = isEqualWeighting(weights) ? subject.official : overallScore(subject.scores, weights);
      for (const badge of document.querySelectorAll<GradeBadge>(`sc-grade[data-subject="${subject.slug}"]`)) {
        badge.grade = overall.grade;
        badge.score = overall.score;
      }
      const note = describeOverall(msg, overall, MIN_COVERAGE);
      for (const element of document.querySelectorAll(`[data-overall-note="${subject.slug}"]`)) element.textContent = note;
      results.push(`${subject.name}: ${overall.grade && overall.score !== null ? msg.grade.label(overall.grade, overall.score) : note}`);
    }
    panel.result = `${results.join('. ')}.`;
    const sentence = describeWeighting(msg, weights, slugs);
    for (const note of document.querySelectorAll('[data-weighting-note]')) note.textContent = sentence;
  });
}
