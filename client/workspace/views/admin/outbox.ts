import { html, nothing } from 'lit';
import { AdminSection, load, type Paged } from './admin-section.js';

interface OutboxMessage {
  id: number;
  kind: string;
  toAddress: string;
  subject: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}
type Outbox = Paged<OutboxMessage> & { sending: boolean };

const OUTBOX_PAGE = 50;

/**
 * Every email the app wrote, newest first. Without SMTP_URL this is where invitations and
 * reset links wait for an admin to read and pass on; with it, failed messages show why.
 */
export class AdminOutbox extends AdminSection<Outbox> {
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
    return load<Outbox>(`/api/outbox?page=${this._page}&pageSize=${OUTBOX_PAGE}`);
  }

  protected renderLoaded({ items, total, sending }: Outbox) {
    const a = this.ws.admin;
    const h = this.ws.home;
    const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE));
    return html`<p class="lede">${sending ? a.outboxSending : a.outboxHeld}</p>
      ${
        items.length === 0
          ? html`<p>${a.outboxEmpty}</p>`
          : html`<ul class="outbox">${items.map(
              (m) => html`<li class="panel">
              <p><strong>${m.subject}</strong></p>
              <p>${a.outboxColumns.to}: ${m.toAddress} · <time datetime=${m.createdAt}>${new Date(m.createdAt).toLocaleString(this.msg.langTag)}</time> ·
                <span class="status status--${m.status}">${a.mailStatus[m.status] ?? m.status}</span>${m.attempts ? html` · ${a.attempts(m.attempts, m.lastError)}` : nothing}</p>
              <details><summary>${a.readMessage(m.subject)}</summary><pre class="mail-text">${m.text}</pre></details>
            </li>`,
            )}</ul>
          <nav class="pager" aria-label=${h.pageOf(this._page, pages)}>
            <button type="button" class="button button--quiet" ?disabled=${this._page <= 1} @click=${() => (this._page -= 1)}>${h.previous}</button>
            <span>${h.pageOf(this._page, pages)}</span>
            <button type="button" class="button button--quiet" ?disabled=${this._page >= pages} @click=${() => (this._page += 1)}>${h.next}</button>
          </nav>`
      }`;
  }
}
