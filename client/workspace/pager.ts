import { html, nothing } from 'lit';
import type { WorkspaceMessages } from '../../i18n/workspace-catalog.js';

/**
 * The one pager of the workspace's long lists (submissions, found entries, audit log,
 * outbox): "Previous page", "Page 2 of 5", "Next page". Nothing when everything fits on
 * one page. `go` gets the page asked for.
 */
export function pager(ws: WorkspaceMessages, page: number, total: number, pageSize: number, go: (page: number) => void) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return nothing;
  const h = ws.home;
  return html`<nav class="pager" aria-label=${h.pageOf(page, pages)}>
    <button type="button" class="button button--quiet" ?disabled=${page <= 1} @click=${() => go(page - 1)}>${h.previous}</button>
    <span>${h.pageOf(page, pages)}</span>
    <button type="button" class="button button--quiet" ?disabled=${page >= pages} @click=${() => go(page + 1)}>${h.next}</button>
  </nav>`;
}
