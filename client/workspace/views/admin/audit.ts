import { html } from 'lit';
import { AdminSection, load, type Paged } from './admin-section.js';

interface AuditEntry {
  id: number;
  actor: { displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  createdAt: string;
}

const AUDIT_PAGE = 50;

/** The audit log, newest first, a page at a time. */
export class AdminAudit extends AdminSection<Paged<AuditEntry>> {
  static properties = { ...AdminSection.properties, _page: { state: true } };
  declare _page: number;

  constructor() {
    super();
    this._page = 1;
  }

  protected loadArgs() {
    return [this._page];
  }

  protected load() {
    return load<Paged<AuditEntry>>(`/api/audit?page=${this._page}&pageSize=${AUDIT_PAGE}`);
  }

  protected renderLoaded({ items, total }: Paged<AuditEntry>) {
    const a = this.ws.admin;
    const h = this.ws.home;
    const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE));
    return html`<div class="table-scroll" role="region" aria-label=${a.auditHeading} tabindex="0">
      <table class="ws-table">
        <thead><tr><th scope="col">${a.auditColumns.when}</th><th scope="col">${a.auditColumns.who}</th><th scope="col">${a.auditColumns.action}</th><th scope="col">${a.auditColumns.entity}</th></tr></thead>
        <tbody>${items.map(
          (
            e,
          ) => html`<tr><td><time datetime=${e.createdAt}>${new Date(e.createdAt).toLocaleString(this.msg.langTag)}</time></td><td>${e.actor?.displayName ?? a.system}</td><td><code>${e.action}</code></td>
            <td>${e.entityType === 'evidence' && e.entityId ? html`<a href="/workspace/evidence/${e.entityId}">${e.entityType} ${e.entityId}</a>` : `${e.entityType} ${e.entityId ?? ''}`}</td></tr>`,
        )}</tbody>
      </table></div>
      <nav class="pager" aria-label=${h.pageOf(this._page, pages)}>
        <button type="button" class="button button--quiet" ?disabled=${this._page <= 1} @click=${() => (this._page -= 1)}>${h.previous}</button>
        <span>${h.pageOf(this._page, pages)}</span>
        <button type="button" class="button button--quiet" ?disabled=${this._page >= pages} @click=${() => (this._page += 1)}>${h.next}</button>
      </nav>`;
  }
}
