import { html, nothing } from 'lit';
import { Task } from '@lit/task';
import { live } from 'lit/directives/live.js';
import { formatDay, signedRating } from '../../../i18n/format.js';
import type { EvidenceSort, WorkspaceEvidence } from '../../../server/schemas/evidence-workspace.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import type { PublicStandard } from '../../../server/schemas/standards.js';
import { api, publicList } from '../api.js';
import { historyLinks } from '../history-links.js';
import { pager } from '../pager.js';
import { WorkspaceView } from '../workspace-view.js';

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const PAGE_SIZE = 25;
const STATUSES: Array<WorkspaceEvidence['status']> = ['pending', 'published', 'rejected', 'retracted', 'withdrawn'];
/** The query parameters the form sets; anything else in the address is dropped. */
const FILTERS = ['q', 'status', 'subject', 'standard', 'submitter', 'from', 'to', 'duplicates', 'sort', 'order', 'page'] as const;

/** The search and filters as the address says them, so a found list can be bookmarked, shared and gone back to. */
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
 * Finding any entry (`/workspace/evidence`): search words, filters, an order, and a page of
 * entries each linking to its page, where corrections, retractions and its history start.
 * Reviewers and admins search every entry; volunteers only their own (the API sees to that).
 */
export class EvidenceFinder extends WorkspaceView {
  static properties = { _query: { state: true } };
  declare _query: URLSearchParams;
  private _names = new Map<string, string>();
  private _people: PublicSubject[] = [];
  private _standards: PublicStandard[] = [];
  private _submitters: Array<{ id: number; displayName: string }> = [];

  private readonly _results = new Task(this, {
    task: async ([query]: readonly [string]) => {
      const params = new URLSearchParams(query);
      params.set('pageSize', String(PAGE_SIZE));
      const [res] = await Promise.all([api<Page<WorkspaceEvidence>>('GET', `/api/evidence?${params}`), this._loadChoices()]);
      if (!res.ok) throw new Error('failed to load');
      return res.body;
    },
    args: () => [this._query.toString()] as const,
  });

  constructor() {
    super();
    this._query = readQuery();
  }

  private get _reviewer() {
    return this.account?.role === 'reviewer' || this.account?.role === 'admin';
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

  private _choicesLoaded = false;
  /** Whether the order was chosen in the form, rather than left to the default. */
  private _orderChosen = false;
  /** The people, standards and submitters the filters offer, read once. */
  private async _loadChoices() {
    if (this._choicesLoaded) return;
    const [people, standards, submitters] = await Promise.all([
      publicList<PublicSubject[]>('/api/subjects'),
      publicList<PublicStandard[]>('/api/standards'),
      this._reviewer ? api<Array<{ id: number; displayName: string }>>('GET', '/api/evidence/submitters') : Promise.resolve(null),
    ]);
    if (people.ok) {
      this._people = people.body;
      this._names = new Map(people.body.map((s) => [s.slug, s.name]));
    }
    if (standards.ok) this._standards = standards.body;
    if (submitters?.ok) this._submitters = submitters.body;
    this._choicesLoaded = people.ok && standards.ok;
  }

  /** Moves to a new search: the address changes (so Back returns here) and the list reloads. */
  private _go(query: URLSearchParams) {
    this._orderChosen = false;
    const search = query.toString();
    history.pushState(null, '', `/workspace/evidence${search ? `?${search}` : ''}`);
    this._query = query;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const query = new URLSearchParams();
    for (const [key, raw] of new FormData(form).entries()) {
      const value = String(raw).trim();
      if (!value) continue;
      if (key === 'order-by') {
        // Untouched, the order stays the default: best match when searching, else by submission.
        if (!this._orderChosen && !this._query.get('sort')) continue;
        const [sort, order] = value.split(':');
        query.set('sort', sort);
        query.set('order', order);
      } else query.set(key, value);
    }
    // "Best match" without words to match means nothing: fall back to the default order.
    if (query.get('sort') === 'relevance' && !query.get('q')) {
      query.delete('sort');
      query.delete('order');
    }
    this._go(query);
    void this._results.taskComplete.then(() => this.querySelector<HTMLElement>('#finder-count')?.focus());
  }

  private _page(page: number) {
    const query = new URLSearchParams(this._query);
    if (page > 1) query.set('page', String(page));
    else query.delete('page');
    this._go(query);
    void this._results.taskComplete.then(() => this.querySelector<HTMLElement>('#finder-count')?.focus());
  }

  private _select(name: string, label: string, any: string, options: Array<[string, string]>) {
    const current = this._query.get(name) ?? '';
    return html`<div class="field"><label for="finder-${name}">${label}</label>
      <select id="finder-${name}" name=${name} .value=${live(current)}>
        <option value="">${any}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${value === current}>${text}</option>`)}
      </select></div>`;
  }

  private _form() {
    const f = this.ws.finding;
    const q = this._query;
    const sort = q.get('sort') as EvidenceSort | null;
    const orderBy = sort
      ? `${sort}:${q.get('order') ?? (sort === 'submitted' || sort === 'occurred' || sort === 'updated' ? 'desc' : 'asc')}`
      : '';
    const filtered = FILTERS.some((key) => key !== 'q' && key !== 'page' && key !== 'sort' && key !== 'order' && q.get(key));
    return html`<form class="finder-form" role="search" aria-label=${f.title} @submit=${this._onSubmit}>
      <div class="finder-search">
        <div class="field"><label for="finder-q">${f.searchLabel}</label>
          <input id="finder-q" name="q" type="search" maxlength="200" .value=${live(q.get('q') ?? '')}></div>
        <button type="submit" class="button">${f.search}</button>
      </div>
      <details class="finder-filters" ?open=${filtered}>
        <summary>${f.filters}</summary>
        <div class="finder-grid">
          ${this._select(
            'status',
            f.status,
            f.anyStatus,
            STATUSES.map((s) => [s, this.ws.status[s]]),
          )}
          ${this._select(
            'subject',
            f.person,
            f.anyPerson,
            this._people.map((p) => [p.slug, p.name]),
          )}
          ${this._select(
            'standard',
            f.standard,
            f.anyStandard,
            this._standards.map((s) => [s.slug, `${s.number}. ${this.msg.standardShort[s.slug] ?? s.title}`]),
          )}
          ${
            this._reviewer
              ? this._select(
                  'submitter',
                  f.submitter,
                  f.anySubmitter,
                  this._submitters.map((u) => [String(u.id), u.displayName]),
                )
              : nothing
          }
          <div class="field"><label for="finder-from">${f.from}</label><input id="finder-from" name="from" type="date" .value=${live(q.get('from') ?? '')}></div>
          <div class="field"><label for="finder-to">${f.to}</label><input id="finder-to" name="to" type="date" .value=${live(q.get('to') ?? '')}></div>
          ${this._select('duplicates', f.duplicates, f.duplicatesAny, [
            ['true', f.duplicatesOnly],
            ['false', f.duplicatesNone],
          ])}
        </div>
      </details>
      <div class="finder-order">
        <div class="field"><label for="finder-order-by">${f.sort}</label>
          <select id="finder-order-by" name="order-by" @change=${() => (this._orderChosen = true)}>
            ${Object.entries(f.sorts).map(
              ([value, text]) =>
                html`<option value=${value} ?selected=${value === orderBy || (!orderBy && value === (q.get('q') ? 'relevance:asc' : 'submitted:desc'))}>${text}</option>`,
            )}
          </select></div>
        <a class="finder-clear" href="/workspace/evidence" @click=${(e: Event) => {
          e.preventDefault();
          this._go(new URLSearchParams());
        }}>${f.clear}</a>
      </div>
    </form>`;
  }

  private _renderResults({ items, total, page }: Page<WorkspaceEvidence>) {
    const w = this.ws;
    const f = w.finding;
    return html`<p id="finder-count" class="finder-count" tabindex="-1" role="status"><strong>${f.found(total)}</strong></p>
      ${
        items.length === 0
          ? html`<p class="empty">${f.empty}</p>`
          : html`<ol class="finder-results" aria-label=${f.resultsLabel}>
          ${items.map(
            (e) => html`<li class="panel finder-entry" data-id=${e.id}>
              <h2 class="finder-entry__title"><a href="/workspace/evidence/${e.id}">${e.title}</a></h2>
              <p class="finder-entry__facts">
                <span class="status status--${e.status}">${w.status[e.status] ?? e.status}</span>
                <span>${this._names.get(e.subject) ?? e.subject}</span>
                <span>${this.msg.standardShort[e.standard] ?? e.standard}</span>
                <span>${w.entry.rating} ${signedRating(e.rating)}</span>
                <span><time datetime=${e.occurredOn}>${formatDay(this.msg, e.occurredOn)}</time></span>
                ${this._reviewer && e.submittedBy ? html`<span>${f.submittedBy(e.submittedBy.displayName)}</span>` : nothing}
              </p>
              ${e.duplicates.length ? html`<p class="finder-entry__flag"><strong>${w.duplicates.flag}:</strong> ${f.sharedSource}</p>` : nothing}
              ${this._reviewer ? historyLinks(w, e, this._names.get(e.subject) ?? e.subject) : nothing}
            </li>`,
          )}
        </ol>`
      }
      ${pager(w, page, total, PAGE_SIZE, (p) => this._page(p))}`;
  }

  render() {
    const w = this.ws;
    const f = w.finding;
    return html`<h1>${w.titles['evidence-list']}</h1>
      <p class="lede">${this._reviewer ? f.introReviewer : f.introVolunteer}</p>
      ${this._form()}
      ${this.renderTask(this._results, (page) => this._renderResults(page))}`;
  }
}
