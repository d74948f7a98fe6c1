import { html, nothing } from 'lit';
import { Task } from '@lit/task';
import { formatDay } from '../../../i18n/format.js';
import type { WorkspaceEvidence } from '../../../server/schemas/evidence-workspace.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { api, publicList } from '../api.js';
import { pager } from '../pager.js';
import { WorkspaceView } from '../workspace-view.js';

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const PAGE_SIZE = 25;

/** The volunteer's home: everything they submitted, newest first, with its review status. */
export class MySubmissions extends WorkspaceView {
  static properties = { _page: { state: true }, _message: { state: true } };
  declare _page: number;
  /** The outcome of a withdrawal, above the list; it takes the focus, as the row's buttons go. */
  declare _message: { ok: boolean; text: string } | null;
  private _names = new Map<string, string>();
  /** The page of submissions; reruns when the page changes. */
  private readonly _submissions = new Task(this, {
    task: async ([page]: readonly [number]) => {
      const [res, people] = await Promise.all([
        api<Page<WorkspaceEvidence>>('GET', `/api/evidence?mine=true&page=${page}&pageSize=${PAGE_SIZE}`),
        publicList<PublicSubject[]>('/api/subjects'),
      ]);
      if (people.ok) this._names = new Map(people.body.map((s) => [s.slug, s.name]));
      if (!res.ok) throw new Error('failed to load');
      return res.body;
    },
    args: () => [this._page] as const,
  });

  constructor() {
    super();
    this._page = 1;
    this._message = null;
  }

  /** Withdrawing cannot be undone, so it asks first. */
  private async _withdraw(entry: WorkspaceEvidence) {
    const h = this.ws.home;
    const answer = await this._confirm({
      title: h.withdrawTitle(entry.title),
      body: [h.withdrawBody],
      confirm: h.withdraw(entry.title),
      danger: true,
    });
    if (answer !== 'confirm') return;
    const res = await api('POST', `/api/evidence/${entry.id}/withdraw`);
    this._message = res.ok
      ? { ok: true, text: h.withdrawnNotice(entry.title) }
      : { ok: false, text: res.status === 0 ? this.ws.networkError : this.ws.serverError(res.error.message) };
    if (res.ok) await this._submissions.run();
    await this.updateComplete;
    this.querySelector<HTMLElement>('#submissions-message')?.focus();
  }

  private _go(page: number) {
    this._page = page;
  }

  render() {
    const w = this.ws;
    const h = w.home;
    const head = html`<h1>${w.titles.home}</h1>
      <p class="lede">${h.intro}</p>
      <p class="page-header__links"><a class="button" href="/workspace/evidence/new">${h.logNew}</a> <a class="button button--quiet" href="/workspace/import">${h.importCsv}</a></p>`;
    const m = this._message;
    const message = m
      ? html`<p id="submissions-message" tabindex="-1" class=${m.ok ? 'notice' : 'form-error'} role=${m.ok ? 'status' : 'alert'}>${m.text}</p>`
      : nothing;
    return html`${head}${message}${this.renderTask(this._submissions, (result) => this._list(result))}`;
  }

  private _list({ items, total }: Page<WorkspaceEvidence>) {
    const w = this.ws;
    const h = w.home;
    if (total === 0) return html`<p class="empty">${h.empty}</p>`;
    return html`
      <div class="table-scroll" role="region" aria-labelledby="submissions-caption" tabindex="0">
      <table class="ws-table">
        <caption id="submissions-caption" class="visually-hidden">${w.titles.home}</caption>
        <thead><tr><th scope="col">${h.columns.title}</th><th scope="col">${h.columns.person}</th><th scope="col">${h.columns.standard}</th><th scope="col">${h.columns.status}</th><th scope="col">${h.columns.note}</th><th scope="col">${h.columns.actions}</th></tr></thead>
        <tbody>
          ${items.map(
            (e) => html`<tr data-id=${e.id}>
              <td><a href="/workspace/evidence/${e.id}">${e.title}</a><br><span class="muted">${formatDay(this.msg, e.occurredOn)}</span></td>
              <td>${this._names.get(e.subject) ?? e.subject}</td>
              <td>${this.msg.standardShort[e.standard] ?? e.standard}</td>
              <td><span class="status status--${e.status}">${w.status[e.status] ?? e.status}</span></td>
              <td>${e.reviewNote ?? ''}</td>
              <td>${
                e.status === 'pending'
                  ? html`<a href="/workspace/evidence/${e.id}/edit" aria-label=${h.edit(e.title)}>${h.editShort}</a>
                    <button type="button" class="button button--quiet" aria-label=${h.withdraw(e.title)} @click=${() => this._withdraw(e)}>${h.withdrawShort}</button>`
                  : nothing
              }</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      ${pager(w, this._page, total, PAGE_SIZE, (page) => this._go(page))}`;
  }
}
