import { html, nothing } from 'lit';
import { formatDay, signedRating } from '../../../i18n/format.js';
import type { PublicEvidence } from '../../../server/schemas/evidence.js';
import type { WorkspaceEvidence } from '../../../server/schemas/evidence-workspace.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { api, publicList } from '../api.js';
import { previewGrade, type GradePreview } from '../grade-preview.js';
import { WorkspaceView } from '../workspace-view.js';

interface Paged<T> {
  items: T[];
  total: number;
}

/** Keys that act on the current entry; ignored while typing in a field. */
const SHORTCUT_KEYS = new Set(['j', 'k', 'o', 'n', 'p', 'r']);

/**
 * The review queue: pending entries oldest first, never the reviewer's own. Each shows its
 * sources and the person's grade on that standard now and if published; publish or reject
 * with a note, by button or by keyboard shortcut.
 */
export class ReviewQueue extends WorkspaceView {
  static properties = { _entries: { state: true }, _current: { state: true }, _announce: { state: true }, _error: { state: true } };
  declare _entries: WorkspaceEvidence[] | 'loading' | 'failed';
  declare _current: number;
  declare _announce: string;
  declare _error: string | null;
  private _previews = new Map<number, GradePreview>();
  private _names = new Map<string, string>();
  private _busy = false;

  constructor() {
    super();
    this._entries = 'loading';
    this._current = 0;
    this._announce = '';
    this._error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('keydown', this._onKey);
    void this._load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this._onKey);
  }

  private async _load() {
    this._entries = 'loading';
    const [res, people] = await Promise.all([api<Paged<WorkspaceEvidence>>('GET', '/api/evidence?status=pending&pageSize=100'), publicList<PublicSubject[]>('/api/subjects')]);
    if (!res.ok) {
      this._entries = 'failed';
      return;
    }
    if (people.ok) this._names = new Map(people.body.map((s) => [s.slug, s.name]));
    const mine = this.account?.id;
    const entries = res.body.items.filter((e) => e.submittedBy?.id !== mine);
    // One public read per person and standard, however many entries share them.
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
    this._entries = entries;
    this._current = 0;
  }

  private _onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !SHORTCUT_KEYS.has(event.key)) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (!Array.isArray(this._entries) || this._entries.length === 0) return;
    const entry = this._entries[this._current];
    event.preventDefault();
    switch (event.key) {
      case 'j':
        return this._focus(Math.min(this._current + 1, this._entries.length - 1));
      case 'k':
        return this._focus(Math.max(this._current - 1, 0));
      case 'o':
        if (entry.sources[0]) window.open(entry.sources[0].url, '_blank', 'noopener');
        return;
      case 'n':
        return this.querySelector<HTMLTextAreaElement>(`#note-${entry.id}`)?.focus();
      case 'p':
        return void this._decide(entry, 'publish');
      case 'r':
        return void this._decide(entry, 'reject');
    }
  };

  private async _focus(index: number) {
    this._current = index;
    await this.updateComplete;
    const entries = this._entries as WorkspaceEvidence[];
    const card = this.querySelector<HTMLElement>(`#entry-${entries[index]?.id}`);
    card?.focus();
    card?.scrollIntoView({ block: 'nearest' });
  }

  private async _decide(entry: WorkspaceEvidence, decision: 'publish' | 'reject') {
    if (this._busy) return;
    const r = this.ws.review;
    const note = this.querySelector<HTMLTextAreaElement>(`#note-${entry.id}`)?.value.trim() ?? '';
    this._busy = true;
    this._error = null;
    const res = await api('POST', `/api/evidence/${entry.id}/review`, note ? { decision, note } : { decision });
    this._busy = false;
    if (!res.ok) {
      this._error = res.status === 0 ? this.ws.networkError : this.ws.serverError(res.error.message);
      return;
    }
    const entries = (this._entries as WorkspaceEvidence[]).filter((e) => e.id !== entry.id);
    this._entries = entries;
    this._announce = decision === 'publish' ? r.published(entry.title) : r.rejected(entry.title);
    if (entries.length) void this._focus(Math.min(this._current, entries.length - 1));
  }

  private _grade(value: GradePreview['before']) {
    const r = this.ws.review;
    return value ? html`<span class="grade-pill" data-grade=${value.grade}>${r.gradeValue(value.grade, value.score)}</span>` : html`<span class="muted">${r.noGrade}</span>`;
  }

  render() {
    const w = this.ws;
    const r = w.review;
    const head = html`<h1>${w.titles.review}</h1>
      <p class="lede">${r.intro}</p>
      <details class="shortcuts"><summary>${r.shortcutsHeading}</summary>
        <dl>${r.shortcuts.map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${what}</dd></div>`)}</dl>
        <p class="muted">${r.shortcutsNote}</p>
      </details>
      <p class="visually-hidden" role="status">${this._announce}</p>
      ${this._error ? html`<p class="form-error" role="alert">${this._error}</p>` : nothing}`;
    if (this._entries === 'loading') return html`${head}<p class="muted" role="status">${this.msg.loading}</p>`;
    if (this._entries === 'failed') return html`${head}<p role="alert">${w.loadError}</p><button type="button" class="button" @click=${this._load}>${w.retry}</button>`;
    if (this._entries.length === 0) return html`${head}<p class="empty">${r.empty}</p>`;
    return html`${head}
      <p><strong>${r.count(this._entries.length)}</strong></p>
      <ol class="queue">
        ${this._entries.map((e, i) => {
          const preview = this._previews.get(e.id);
          return html`<li>
            <article class="panel queue-entry ${i === this._current ? 'is-current' : ''}" id="entry-${e.id}" tabindex="-1" aria-labelledby="entry-${e.id}-title" @focusin=${() => (this._current = i)}>
              <h2 id="entry-${e.id}-title">${e.title}</h2>
              ${e.submittedBy ? html`<p class="muted">${r.submittedOn(formatDay(this.msg, e.createdAt.slice(0, 10)), e.submittedBy.displayName)}</p>` : nothing}
              <dl class="facts">
                <div><dt>${w.entry.person}</dt><dd>${this._names.get(e.subject) ?? e.subject}</dd></div>
                <div><dt>${w.entry.standard}</dt><dd>${this.msg.standardShort[e.standard] ?? e.standard}</dd></div>
                <div><dt>${w.entry.rating}</dt><dd>${signedRating(e.rating)} ${this.msg.ratings[String(e.rating)]}</dd></div>
                <div><dt>${w.entry.kind}</dt><dd>${this.msg.kinds[e.kind] ?? e.kind}</dd></div>
                <div><dt>${w.entry.occurredOn}</dt><dd>${formatDay(this.msg, e.occurredOn)}</dd></div>
              </dl>
              <p class="summary-text">${e.summary}</p>
              <h3>${r.sources}</h3>
              <ul>${e.sources.map((s) => html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a>${s.publisher ? html` (${s.publisher})` : nothing}</li>`)}</ul>
              ${preview
                ? html`<dl class="facts grade-preview">
                    <div><dt>${r.grade}: ${r.now}</dt><dd data-testid="grade-now">${this._grade(preview.before)}</dd></div>
                    <div><dt>${r.ifPublished}</dt><dd data-testid="grade-after">${this._grade(preview.after)}</dd></div>
                  </dl>`
                : nothing}
              <div class="field">
                <label for="note-${e.id}">${r.note} <span class="muted">(${w.optional})</span></label>
                <textarea id="note-${e.id}" rows="2" maxlength="2000"></textarea>
              </div>
              <div class="actions">
                <button type="button" class="button" aria-label=${r.publish(e.title)} @click=${() => this._decide(e, 'publish')}>${r.publishShort}</button>
                <button type="button" class="button button--danger" aria-label=${r.reject(e.title)} @click=${() => this._decide(e, 'reject')}>${r.rejectShort}</button>
                <a href="/workspace/evidence/${e.id}">${r.open}</a>
              </div>
            </article>
          </li>`;
        })}
      </ol>`;
  }
}
