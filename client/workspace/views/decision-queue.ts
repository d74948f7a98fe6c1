import { html, nothing, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import { WorkspaceView } from '../workspace-view.js';

/** Seconds a shortcut's decision waits, with "Undo", before it is sent. */
export const UNDO_SECONDS = 5;

/** Keys that act on the current item; ignored while typing in a field. */
const SHORTCUT_KEYS = new Set(['j', 'k', 'o', 'n', 'p', 'r', 'u']);

export type Decision = 'yes' | 'no';

/**
 * What the three review queues share (new entries, proposed changes, replies): one list,
 * `j`/`k` to move, `o` to open the first link, `n` to write a note, `p`/`r` to decide. A button
 * decides at once; a single-letter shortcut never does: it offers "Undo" (or `u`) for a few
 * seconds and only then sends the decision.
 */
export abstract class DecisionQueue<T extends { id: number }> extends WorkspaceView {
  static properties = {
    _items: { state: true },
    _current: { state: true },
    _announce: { state: true },
    _error: { state: true },
    _held: { state: true },
  };
  /** What is left to decide: loaded by `_loader`, then trimmed as decisions are sent. */
  declare _items: T[];
  declare _current: number;
  declare _announce: string;
  declare _error: string | null;
  /** A shortcut's decision waiting out its undo time. */
  declare _held: { item: T; decision: Decision; timer: ReturnType<typeof setTimeout> } | null;
  private _busy = false;

  /** Loads the queue when the screen opens and on `reload()`; renderTask shows its loading and failed states. */
  private readonly _loader = new Task(this, {
    task: async () => {
      const items = await this.fetchItems();
      if (!items) throw new Error('The queue could not be loaded');
      this._items = items;
      this._current = 0;
      return items;
    },
    args: () => [],
  });

  constructor() {
    super();
    this._items = [];
    this._current = 0;
    this._announce = '';
    this._error = null;
    this._held = null;
  }

  /** A prefix for element ids (`entry-5`, `entry-note-5`), so two queues never share one. */
  protected abstract readonly idPrefix: string;
  protected abstract fetchItems(): Promise<T[] | null>;
  /** Sends the decision; answers an error message, or null when done. */
  protected abstract send(item: T, decision: Decision, note: string): Promise<string | null>;
  protected abstract renderItem(item: T): TemplateResult;
  protected abstract firstLink(item: T): string | null;
  protected abstract decidedText(item: T, decision: Decision): string;
  protected abstract heldText(item: T, decision: Decision): string;

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('keydown', this._onKey);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this._onKey);
    if (this._held) clearTimeout(this._held.timer);
  }

  protected reload(): Promise<void> {
    return this._loader.run();
  }

  private _onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !SHORTCUT_KEYS.has(event.key)) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.key === 'u') {
      if (this._held) {
        event.preventDefault();
        this._undo();
      }
      return;
    }
    if (this._items.length === 0) return;
    const item = this._items[this._current];
    event.preventDefault();
    switch (event.key) {
      case 'j':
        return void this.focusItem(Math.min(this._current + 1, this._items.length - 1));
      case 'k':
        return void this.focusItem(Math.max(this._current - 1, 0));
      case 'o': {
        const url = this.firstLink(item);
        if (url) window.open(url, '_blank', 'noopener');
        return;
      }
      case 'n':
        return this.querySelector<HTMLTextAreaElement>(`#${this.idPrefix}-note-${item.id}`)?.focus();
      case 'p':
        return this._hold(item, 'yes');
      case 'r':
        return this._hold(item, 'no');
    }
  };

  private _hold(item: T, decision: Decision) {
    if (this._held) this._release();
    const timer = setTimeout(() => this._release(), UNDO_SECONDS * 1000);
    this._held = { item, decision, timer };
    void this.updateComplete.then(() => this.querySelector<HTMLButtonElement>(`#${this.idPrefix}-undo`)?.focus());
  }

  private _release() {
    const held = this._held;
    if (!held) return;
    clearTimeout(held.timer);
    this._held = null;
    void this.decide(held.item, held.decision);
  }

  private _undo() {
    const held = this._held;
    if (!held) return;
    clearTimeout(held.timer);
    this._held = null;
    this._announce = this.ws.review.undone;
    void this.focusItem(this._current);
  }

  protected async focusItem(index: number) {
    this._current = index;
    await this.updateComplete;
    const items = this._items;
    const card = this.querySelector<HTMLElement>(`#${this.idPrefix}-${items[index]?.id}`);
    card?.focus();
    card?.scrollIntoView({ block: 'nearest' });
  }

  protected noteOf(item: T) {
    return this.querySelector<HTMLTextAreaElement>(`#${this.idPrefix}-note-${item.id}`)?.value.trim() ?? '';
  }

  /** Sends a decision now (a button, or a shortcut after its undo time). */
  protected async decide(item: T, decision: Decision) {
    if (this._busy) return;
    this._busy = true;
    this._error = null;
    const error = await this.send(item, decision, this.noteOf(item));
    this._busy = false;
    if (error !== null) {
      this._error = error;
      return;
    }
    const items = this._items.filter((e) => e.id !== item.id);
    this._items = items;
    this._announce = this.decidedText(item, decision);
    if (items.length) void this.focusItem(Math.min(this._current, items.length - 1));
  }

  protected renderHeld() {
    const held = this._held;
    if (!held) return nothing;
    return html`<div class="notice undo-bar" role="status">
      <span>${this.heldText(held.item, held.decision)}</span>
      <button type="button" class="button" id="${this.idPrefix}-undo" @click=${() => this._undo()}>${this.ws.review.undo}</button>
      <button type="button" class="button button--quiet" @click=${() => this._release()}>${this.ws.review.sendNow}</button>
    </div>`;
  }

  protected renderList(empty: string, count: (n: number) => string) {
    const status = html`<p class="visually-hidden" role="status">${this._announce}</p>
      ${this._error ? html`<p class="form-error" role="alert">${this._error}</p>` : nothing}${this.renderHeld()}`;
    return html`${status}${this.renderTask(this._loader, () => {
      if (this._items.length === 0) return html`<p class="empty">${empty}</p>`;
      return html`<p><strong>${count(this._items.length)}</strong></p>
        <ol class="queue">
          ${this._items.map(
            (item, i) => html`<li>
              <article class="panel queue-entry ${i === this._current ? 'is-current' : ''}" id="${this.idPrefix}-${item.id}" tabindex="-1" aria-labelledby="${this.idPrefix}-${item.id}-title" @focusin=${() => (this._current = i)}>
                ${this.renderItem(item)}
              </article>
            </li>`,
          )}
        </ol>`;
    })}`;
  }
}
