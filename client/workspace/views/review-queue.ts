import { html, nothing } from 'lit';
import { formatDay, signedRating } from '../../../i18n/format.js';
import type { PublicEvidence } from '../../../server/schemas/evidence.js';
import type { EvidenceDetail, WorkspaceEvidence } from '../../../server/schemas/evidence-workspace.js';
import type { PublicStandard } from '../../../server/schemas/standards.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { api, publicList } from '../api.js';
import { previewGrade, type GradePreview } from '../grade-preview.js';
import { historyLinks } from '../history-links.js';
import { WorkspaceView } from '../workspace-view.js';
import { DecisionQueue, type Decision } from './decision-queue.js';

interface Paged<T> {
  items: T[];
  total: number;
}

/**
 * The review screen: a tab per queue (new entries, proposed changes, replies), each a link
 * of its own (`/workspace/review`, `/workspace/review/changes`, `/workspace/review/replies`).
 */
export class ReviewQueue extends WorkspaceView {
  render() {
    const w = this.ws;
    const r = w.review;
    const tab = this.page.section === 'changes' || this.page.section === 'replies' ? this.page.section : 'entries';
    const tabs: Array<[string, string, string]> = [
      ['entries', '/workspace/review', r.tabs.entries],
      ['changes', '/workspace/review/changes', r.tabs.changes],
      ['replies', '/workspace/review/replies', r.tabs.replies],
    ];
    return html`<h1>${w.titles.review}</h1>
      <nav aria-label=${r.tabs.label}><ul class="tabs">
        ${tabs.map(([name, href, label]) => html`<li><a href=${href} aria-current=${name === tab ? 'page' : nothing}>${label}</a></li>`)}
      </ul></nav>
      <p class="lede">${tab === 'entries' ? r.intro : tab === 'changes' ? r.changesIntro : r.repliesIntro}</p>
      <details class="shortcuts"><summary>${r.shortcutsHeading}</summary>
        <dl>${(tab === 'entries' ? r.shortcuts : tab === 'changes' ? r.changeShortcuts : r.replyShortcuts).map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${what}</dd></div>`)}</dl>
        <p class="muted">${r.shortcutsNote}</p>
      </details>
      ${tab === 'entries' ? html`<sc-entry-queue></sc-entry-queue>` : tab === 'changes' ? html`<sc-change-queue></sc-change-queue>` : html`<sc-reply-queue></sc-reply-queue>`}`;
  }
}

/** Entries per page of the queue. */
export const QUEUE_PAGE = 50;

/** The queue's filters, from the address (`/workspace/review?subject=&standard=`). */
function queueFilters() {
  const from = new URLSearchParams(location.search);
  return { subject: from.get('subject') ?? '', standard: from.get('standard') ?? '' };
}

/**
 * Pending entries oldest first, never the reviewer's own, a page at a time, optionally for
 * one person or standard. Each shows everything that will become public (every source with
 * its archive link) and the person's grade on that standard now and if published; a
 * publication updates the preview of every other waiting entry on the same person and
 * standard. A decision names the revision shown: if the entry changed meanwhile, the server
 * refuses (409 stale) and the queue shows the new version and says why.
 *
 * Pages follow the entries' ids (`after=`), not page numbers: decided entries leave the
 * queue, and a page number would then skip as many waiting ones.
 */
export class EntryQueue extends DecisionQueue<WorkspaceEvidence> {
  static properties = { ...DecisionQueue.properties, _total: { state: true } };
  declare _total: number;
  protected readonly idPrefix = 'entry';
  private _previews = new Map<number, GradePreview>();
  private _names = new Map<string, string>();
  private _people: PublicSubject[] = [];
  private _standards: PublicStandard[] = [];
  private _filters = queueFilters();
  /** Where each page shown so far starts: the id it comes after (0: the first) and its position in the queue. */
  private _pages: Array<{ after: number; start: number }> = [{ after: 0, start: 0 }];
  /** The last id the current page was read up to, and how many entries it held then. */
  private _lastId = 0;
  private _fetched = 0;

  constructor() {
    super();
    this._total = 0;
  }

  protected async fetchItems() {
    const { after } = this._pages[this._pages.length - 1];
    const query = new URLSearchParams({
      status: 'pending',
      notMine: 'true',
      sort: 'submitted',
      order: 'asc',
      pageSize: String(QUEUE_PAGE),
    });
    if (after) query.set('after', String(after));
    if (this._filters.subject) query.set('subject', this._filters.subject);
    if (this._filters.standard) query.set('standard', this._filters.standard);
    const [res, people, standards] = await Promise.all([
      api<Paged<WorkspaceEvidence>>('GET', `/api/evidence?${query}`),
      publicList<PublicSubject[]>('/api/subjects'),
      publicList<PublicStandard[]>('/api/standards'),
    ]);
    if (people.ok) {
      this._people = people.body;
      this._names = new Map(people.body.map((s) => [s.slug, s.name]));
    }
    if (standards.ok) this._standards = standards.body;
    if (!res.ok) return null;
    const entries = res.body.items;
    this._total = res.body.total;
    this._lastId = entries.at(-1)?.id ?? after;
    this._fetched = entries.length;
    await this._preview(entries);
    return entries;
  }

  /** One public read per person and standard, however many entries share them. */
  private async _preview(entries: WorkspaceEvidence[]) {
    const pairs = [...new Set(entries.map((e) => `${e.subject}|${e.standard}`))];
    const evidence = new Map(
      await Promise.all(
        pairs.map(async (pair) => {
          const [subject, standard] = pair.split('|');
          const r = await api<PublicEvidence[]>('GET', `/api/subjects/${subject}/evidence?standard=${standard}`);
          return [pair, r.ok ? r.body : null] as const;
        }),
      ),
    );
    for (const e of entries) {
      const existing = evidence.get(`${e.subject}|${e.standard}`);
      if (existing) this._previews.set(e.id, previewGrade(existing, e));
    }
  }

  /** After a decision: one fewer waiting, and a publication changes the grade every entry on that person and standard starts from. */
  protected async decide(entry: WorkspaceEvidence, decision: Decision) {
    await super.decide(entry, decision);
    if (!Array.isArray(this._items) || this._items.some((e) => e.id === entry.id)) return;
    this._total = Math.max(0, this._total - 1);
    // A page worked through while more wait: the same place in the queue now holds the next ones.
    if (this._items.length === 0 && this._total > 0) return void this.reload();
    if (decision !== 'yes') return;
    const same = this._items.filter((e) => e.subject === entry.subject && e.standard === entry.standard);
    if (same.length === 0) return;
    await this._preview(same);
    this.requestUpdate();
  }

  private _turn(direction: 1 | -1) {
    if (direction === 1) {
      const { start } = this._pages[this._pages.length - 1];
      const left = Array.isArray(this._items) ? this._items.length : 0;
      this._pages = [...this._pages, { after: this._lastId, start: start + left }];
    } else if (this._pages.length > 1) this._pages = this._pages.slice(0, -1);
    void this.reload().then(() => this.querySelector<HTMLElement>('#queue-range')?.focus());
  }

  private _onFilter(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this._filters = { subject: String(data.get('subject') ?? ''), standard: String(data.get('standard') ?? '') };
    const query = new URLSearchParams();
    if (this._filters.subject) query.set('subject', this._filters.subject);
    if (this._filters.standard) query.set('standard', this._filters.standard);
    history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
    this._pages = [{ after: 0, start: 0 }];
    void this.reload();
  }

  private _filterForm() {
    const f = this.ws.finding;
    const select = (name: 'subject' | 'standard', label: string, any: string, options: Array<[string, string]>) =>
      html`<div class="field"><label for="queue-${name}">${label}</label>
        <select id="queue-${name}" name=${name}>
          <option value="">${any}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${this._filters[name] === value}>${text}</option>`)}
        </select></div>`;
    return html`<form class="audit-filters" aria-label=${f.queue.filtersLabel} @submit=${this._onFilter}>
      <div class="finder-grid">
        ${select(
          'subject',
          f.person,
          f.anyPerson,
          this._people.map((p) => [p.slug, p.name]),
        )}
        ${select(
          'standard',
          f.standard,
          f.anyStandard,
          this._standards.map((s) => [s.slug, `${s.number}. ${this.msg.standardShort[s.slug] ?? s.title}`]),
        )}
      </div>
      <p><button type="submit" class="button button--quiet">${f.queue.apply}</button></p>
    </form>`;
  }

  private _pager() {
    const q = this.ws.finding.queue;
    if (!Array.isArray(this._items)) return nothing;
    const { start } = this._pages[this._pages.length - 1];
    const shown = this._items.length;
    const more = this._fetched === QUEUE_PAGE;
    const first = this._pages.length === 1;
    return html`${shown ? html`<p id="queue-range" tabindex="-1">${q.range(start + 1, start + shown, this._total)}</p>` : nothing}
      ${
        first && !more
          ? nothing
          : html`<nav class="pager" aria-label=${q.pagesLabel}>
            <button type="button" class="button button--quiet" ?disabled=${first} @click=${() => this._turn(-1)}>${q.previous}</button>
            <button type="button" class="button button--quiet" ?disabled=${!more} @click=${() => this._turn(1)}>${q.next}</button>
          </nav>`
      }`;
  }

  protected async send(entry: WorkspaceEvidence, decision: Decision, note: string) {
    const body = { decision: decision === 'yes' ? 'publish' : 'reject', revision: entry.revision, ...(note ? { note } : {}) };
    const res = await api('POST', `/api/evidence/${entry.id}/review`, body);
    if (res.ok) return null;
    if (res.status === 409 && res.error.error === 'stale') {
      const fresh = await api<EvidenceDetail>('GET', `/api/evidence/${entry.id}`);
      if (fresh.ok && Array.isArray(this._items)) {
        const { revisions: _r, ...latest } = fresh.body;
        await this._preview([latest]);
        this._items =
          fresh.body.status === 'pending'
            ? this._items.map((e) => (e.id === entry.id ? latest : e))
            : this._items.filter((e) => e.id !== entry.id);
      }
      return this.ws.review.stale(entry.title);
    }
    return res.status === 0 ? this.ws.networkError : this.ws.serverError(res.error.message);
  }

  protected firstLink(entry: WorkspaceEvidence) {
    return entry.sources[0]?.url ?? null;
  }

  protected decidedText(entry: WorkspaceEvidence, decision: Decision) {
    return decision === 'yes' ? this.ws.review.published(entry.title) : this.ws.review.rejected(entry.title);
  }

  protected heldText(entry: WorkspaceEvidence, decision: Decision) {
    return decision === 'yes' ? this.ws.review.publishing(entry.title) : this.ws.review.rejecting(entry.title);
  }

  private _grade(value: GradePreview['before']) {
    const r = this.ws.review;
    return value
      ? html`<span class="grade-pill" data-grade=${value.grade}>${r.gradeValue(value.grade, value.score)}</span>`
      : html`<span class="muted">${r.noGrade}</span>`;
  }

  protected renderItem(e: WorkspaceEvidence) {
    const w = this.ws;
    const r = w.review;
    const preview = this._previews.get(e.id);
    return html`<h2 id="entry-${e.id}-title">${e.title}</h2>
      ${e.submittedBy ? html`<p class="muted">${r.submittedOn(formatDay(this.msg, e.createdAt.slice(0, 10)), e.submittedBy.displayName)} · ${r.revision(e.revision)}</p>` : nothing}
      ${
        e.duplicates.length
          ? html`<p class="notice" data-testid="duplicates"><strong>${w.duplicates.flag}:</strong> ${e.duplicates.map((id, i) => html`${i ? ', ' : ''}<a href="/workspace/evidence/${id}">${w.duplicates.sameSource(id)}</a>`)}</p>`
          : nothing
      }
      <dl class="facts">
        <div><dt>${w.entry.person}</dt><dd>${this._names.get(e.subject) ?? e.subject}</dd></div>
        <div><dt>${w.entry.standard}</dt><dd>${this.msg.standardShort[e.standard] ?? e.standard}</dd></div>
        <div><dt>${w.entry.rating}</dt><dd>${signedRating(e.rating)} ${this.msg.ratings[String(e.rating)]}</dd></div>
        <div><dt>${w.entry.kind}</dt><dd>${this.msg.kinds[e.kind] ?? e.kind}</dd></div>
        <div><dt>${w.entry.occurredOn}</dt><dd>${formatDay(this.msg, e.occurredOn)}</dd></div>
      </dl>
      <p class="summary-text">${e.summary}</p>
      <h3>${r.sources}</h3>
      <ul>${e.sources.map(
        (
          s,
        ) => html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a>${s.publisher ? html` (${s.publisher})` : nothing}
          ${s.archiveUrl ? html` · <a href=${s.archiveUrl} target="_blank" rel="noopener noreferrer">${w.entry.archive}</a>` : html` · <span class="muted">${r.noArchive}</span>`}</li>`,
      )}</ul>
      ${
        preview
          ? html`<dl class="facts grade-preview">
            <div><dt>${r.grade}: ${r.now}</dt><dd data-testid="grade-now">${this._grade(preview.before)}</dd></div>
            <div><dt>${r.ifPublished}</dt><dd data-testid="grade-after">${this._grade(preview.after)}</dd></div>
          </dl>`
          : nothing
      }
      <div class="field">
        <label for="entry-note-${e.id}">${r.note} <span class="muted">(${w.optional})</span></label>
        <textarea id="entry-note-${e.id}" rows="2" maxlength="2000"></textarea>
      </div>
      <div class="actions">
        <button type="button" class="button" aria-label=${r.publish(e.title)} @click=${() => this.decide(e, 'yes')}>${r.publishShort}</button>
        <button type="button" class="button button--danger" aria-label=${r.reject(e.title)} @click=${() => this.decide(e, 'no')}>${r.rejectShort}</button>
        <a href="/workspace/evidence/${e.id}">${r.open}</a>
      </div>
      ${historyLinks(w, e, this._names.get(e.subject) ?? e.subject)}`;
  }

  render() {
    return html`${this._filterForm()}${this.renderList(this.ws.review.empty, () => this.ws.review.count(this._total))}${this._pager()}`;
  }
}
