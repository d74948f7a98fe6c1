import { html, nothing } from 'lit';
import { pager } from '../../pager.js';
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
          ${pager(this.ws, this._page, total, OUTBOX_PAGE, (page) => (this._page = page))}`
      }`;
  }
}
