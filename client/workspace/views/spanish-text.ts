import { html, nothing } from 'lit';
import type { WorkspaceEvidence } from '../../../server/schemas/evidence-workspace.js';
import type { WorkspaceMessages } from '../../../i18n/workspace-catalog.js';

/**
 * An entry's Spanish title and summary as a reviewer reads them, beside the English: marked
 * lang="es" so a screen reader speaks them in Spanish; said plainly when there are none.
 */
export function spanishText(ws: WorkspaceMessages, e: Pick<WorkspaceEvidence, 'id' | 'translations'>) {
  const es = e.translations?.es;
  if (!es?.title && !es?.summary) return html`<p class="muted" data-testid="no-spanish">${ws.review.noSpanish}</p>`;
  return html`<section class="spanish-text" aria-labelledby="entry-${e.id}-spanish" data-testid="spanish-text">
    <h3 id="entry-${e.id}-spanish">${ws.review.spanishHeading}</h3>
    ${es.title ? html`<p lang="es"><strong>${es.title}</strong></p>` : html`<p class="muted">${ws.review.noSpanishTitle}</p>`}
    ${es.summary ? html`<p class="summary-text" lang="es">${es.summary}</p>` : nothing}
  </section>`;
}
