import { html } from 'lit';
import type { WorkspaceMessages } from '../../i18n/workspace-catalog.js';

/** The audit log filtered to one entry, or to one person's own record (reviewers and admins). */
export const entryHistoryPath = (id: number) => `/workspace/history?entityType=evidence&entityId=${id}`;
export const personHistoryPath = (slug: string) => `/workspace/history?subject=${encodeURIComponent(slug)}`;

/** "History" of an entry and of its person, wherever a reviewer sees the entry. */
export function historyLinks(ws: WorkspaceMessages, entry: { id: number; title: string; subject: string }, personName: string) {
  const f = ws.finding;
  return html`<p class="history-links"><a href=${entryHistoryPath(entry.id)}>${f.entryHistory(entry.title)}</a> ·
    <a href=${personHistoryPath(entry.subject)}>${f.personHistory(personName)}</a></p>`;
}
