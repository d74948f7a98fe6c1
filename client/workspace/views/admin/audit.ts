import { html, nothing } from 'lit';
import { Task } from '@lit/task';
import { api } from '../../api.js';
import { pager } from '../../pager.js';
import { WorkspaceView } from '../../workspace-view.js';
import type { Paged } from './admin-section.js';

interface AuditRow {
  id: number;
  actor: { id: number; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  target: string | null;
  entryId: number | null;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  createdAt: string;
}

const AUDIT_PAGE = 50;
/** The query parameters the log's address may carry; the API takes the same names. */
const FILTERS = ['actorId', 'action', 'entityType', 'entityId', 'subject', 'from', 'to', 'signIns', 'page'] as const;
/** Actions whose sentence needs no "to what": the actor is what they are about. */
const SELF_ACTIONS = new Set([
  'user.settings',
  'user.recovery-code',
  'invite.accept',
  'session.create',
  'session.revoke',
  'session.revoke-all',
  'demo.remove',
  'methodology.update',
  'site.update',
]);
/** A value in the before/after table: long text is cut, structures shown as compact JSON. */
const MAX_VALUE = 300;
/** Stands for the target inside a sentence, so the translated word order can put a link there. */
const TARGET = '\u0000';

function readQuery(): URLSearchParams {
  const from = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const key of FILTERS) {
    const value = from.get(key)?.trim();
    if (value) query.set(key, value);
  }
  return query;
}

/**
 * The audit log (the admin's "Audit log" section, and `/workspace/history` for reviewers):
 * each row a sentence (who did what to what, when) with the fields it changed before and
 * after; filters by who, action, kind of record and day, in the address so "History" links
 * open it filtered to one entry or person. Sign-ins are left out unless asked for.
 */
export class AdminAudit extends WorkspaceView {
  static properties = { _query: { state: true } };
  declare _query: URLSearchParams;
  private _actors: Array<{ id: number; label: string }> = [];
  private _actorsLoaded = false;

  private readonly _log = new Task(this, {
    task: async ([query]: readonly [string]) => {
      const params = new URLSearchParams(query);
      params.set('pageSize', String(AUDIT_PAGE));
      const [res] = await Promise.all([api<Paged<AuditRow>>('GET', `/api/audit?${params}`), this._loadActors()]);
      if (!res.ok) throw new Error('failed to load');
      return res.body;
    },
    args: () => [this._query.toString()] as const,
  });

  constructor() {
    super();
    this._query = readQuery();
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this._onPopState);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this._onPopState);
  }

  private _onPopState = () => {
    this._query = readQuery();
  };

  private get _admin() {
    return this.account?.role === 'admin';
  }

  /** Admins choose "done by" among the accounts; reviewers have no list of accounts. */
  private async _loadActors() {
    if (this._actorsLoaded || !this._admin) return;
    const res = await api<Paged<{ id: number; displayName: string; email: string }>>('GET', '/api/users?pageSize=100');
    if (res.ok) this._actors = res.body.items.map((u) => ({ id: u.id, label: `${u.displayName} (${u.email})` }));
    this._actorsLoaded = res.ok;
  }

  private _go(query: URLSearchParams) {
    const search = query.toString();
    history.pushState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
    this._query = query;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    const query = new URLSearchParams();
    // What the log is filtered to (one entry, one person) stays until "Show the whole log".
    for (const key of ['entityId', 'subject'] as const) {
      const kept = this._query.get(key);
      if (kept) query.set(key, kept);
    }
    for (const [key, raw] of new FormData(event.target as HTMLFormElement).entries()) {
      const value = String(raw).trim();
      if (value) query.set(key, value);
    }
    this._go(query);
  }

  private _value(value: unknown, field: string): string {
    const a = this.ws.finding.audit;
    if (value === null || value === undefined || value === '') return a.nothing;
    if (field === 'status' && typeof value === 'string') return this.ws.status[value as keyof typeof this.ws.status] ?? value;
    // A person recorded with a change ({ id, displayName }) reads as their name.
    const named = value && typeof value === 'object' && 'displayName' in value ? (value as { displayName: unknown }).displayName : value;
    const text = typeof named === 'string' ? named : JSON.stringify(named);
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
  }

  private _sentence(row: AuditRow) {
    const a = this.ws.finding.audit;
    const who = row.actor?.displayName ?? a.commandLine;
    const did = a.actions[row.action] ?? a.unknownAction(row.action);
    const kind = a.entityKind[row.entityType] ?? row.entityType;
    const what = SELF_ACTIONS.has(row.action) ? '' : row.target ? a.quoted(row.target) : row.entityId ? a.numbered(kind, row.entityId) : '';
    if (!what || row.entryId === null) return a.sentence(who, did, what);
    const [before, after] = a.sentence(who, did, TARGET).split(TARGET);
    return html`${before}<a href="/workspace/evidence/${row.entryId}">${what}</a>${after}`;
  }

  private _filters() {
    const a = this.ws.finding.audit;
    const q = this._query;
    const select = (name: string, label: string, any: string, options: Array<[string, string]>) =>
      html`<div class="field"><label for="audit-${name}">${label}</label>
        <select id="audit-${name}" name=${name}>
          <option value="">${any}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${q.get(name) === value}>${text}</option>`)}
        </select></div>`;
    const entities = Object.entries(a.entities).filter(([type]) => this._admin || !['user', 'invite', 'reply', 'site'].includes(type));
    const filtered = ['actorId', 'action', 'entityType', 'from', 'to', 'signIns'].some((key) => q.get(key));
    return html`<details class="finder-filters" ?open=${filtered}><summary>${a.filtersLabel}</summary>
      <form class="audit-filters" aria-label=${a.filtersLabel} @submit=${this._onSubmit}>
      <div class="finder-grid">
        ${
          this._admin
            ? select(
                'actorId',
                a.actor,
                a.anyActor,
                this._actors.map((u) => [String(u.id), u.label]),
              )
            : nothing
        }
        ${select('action', a.action, a.anyAction, Object.entries(a.actions))}
        ${select('entityType', a.entity, a.anyEntity, entities)}
        <div class="field"><label for="audit-from">${a.from}</label><input id="audit-from" name="from" type="date" .value=${q.get('from') ?? ''}></div>
        <div class="field"><label for="audit-to">${a.to}</label><input id="audit-to" name="to" type="date" .value=${q.get('to') ?? ''}></div>
      </div>
      <label class="check-inline"><input type="checkbox" name="signIns" value="true" ?checked=${q.get('signIns') === 'true'}> ${a.signIns}</label>
      <p><button type="submit" class="button">${a.apply}</button></p>
    </form></details>`;
  }

  private _rows({ items, total, page }: Paged<AuditRow>) {
    const a = this.ws.finding.audit;
    return html`<p id="audit-count" role="status"><strong>${a.found(total)}</strong></p>
      ${
        items.length === 0
          ? html`<p class="empty">${a.empty}</p>`
          : html`<ol class="audit-rows">${items.map(
              (row) => html`<li class="panel audit-row" data-action=${row.action}>
                <p>${this._sentence(row)} · <time datetime=${row.createdAt}>${new Date(row.createdAt).toLocaleString(this.msg.langTag)}</time></p>
                ${
                  row.changes.length
                    ? html`<details><summary>${a.changes} (${row.changes.length})</summary>
                      <div class="table-scroll" role="region" aria-label=${a.changes} tabindex="0">
                      <table class="ws-table audit-changes">
                        <thead><tr><th scope="col">${a.field}</th><th scope="col">${a.before}</th><th scope="col">${a.after}</th></tr></thead>
                        <tbody>${row.changes.map(
                          (c) =>
                            html`<tr><th scope="row">${a.fields[c.field] ?? html`<code>${c.field}</code>`}</th><td>${this._value(c.before, c.field)}</td><td>${this._value(c.after, c.field)}</td></tr>`,
                        )}</tbody>
                      </table></div></details>`
                    : nothing
                }
              </li>`,
            )}</ol>`
      }
      ${pager(this.ws, page, total, AUDIT_PAGE, (p) => {
        const query = new URLSearchParams(this._query);
        if (p > 1) query.set('page', String(p));
        else query.delete('page');
        this._go(query);
      })}`;
  }

  render() {
    const a = this.ws.finding.audit;
    const q = this._query;
    const narrowed = q.get('entityId') || q.get('subject');
    // Named by the title its rows give, else by its kind and number.
    // (Narrowed to one thing, every row is about it.)
    const named = this._log.value?.items.find((row) => row.target)?.target;
    const what =
      (named ? (q.get('subject') ? named : a.quoted(named)) : null) ??
      q.get('subject') ??
      (q.get('entityId') ? a.numbered(a.entityKind[q.get('entityType') ?? ''] ?? q.get('entityType') ?? '', q.get('entityId')!) : '');
    return html`<p class="lede">${a.intro}</p>
      ${
        narrowed
          ? html`<p class="notice">${a.filteredTo(what)} <a href=${location.pathname} @click=${(e: Event) => {
              e.preventDefault();
              this._go(new URLSearchParams());
            }}>${a.showAll}</a></p>`
          : nothing
      }
      ${this._filters()}
      ${this.renderTask(this._log, (page) => this._rows(page))}`;
  }
}
