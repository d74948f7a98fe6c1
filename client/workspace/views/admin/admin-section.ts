import { html, nothing, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import { api, fieldErrors } from '../../api.js';
import { WorkspaceView } from '../../workspace-view.js';

export const ROLES = ['volunteer', 'reviewer', 'admin'];

/** Reads a form's named fields as strings. */
export function values(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
}
export const optional = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
export const lines = (v: string | undefined) =>
  (v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The list behind a paged API answer, and how many there are in all. */
export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** GETs `path`; null when it fails (the section then offers to try again). */
export async function load<T>(path: string): Promise<T | null> {
  const r = await api<T>('GET', path);
  return r.ok ? r.body : null;
}

/**
 * One section of the admin screen: a list loaded from the API (`load`, run by a Task that
 * draws the loading and failed states), drawn by `renderLoaded`, with forms whose writes go
 * through `write`: the outcome is shown above the list and the list reloads.
 */
export abstract class AdminSection<Loaded> extends WorkspaceView {
  static properties = { _message: { state: true }, _errors: { state: true } };
  declare _message: { ok: boolean; text: string } | null;
  declare _errors: Map<string, string>;

  /** Loads this section's list; reruns when `loadArgs` changes (e.g. the page of a long list). */
  protected readonly _list = new Task(this, {
    task: async () => {
      const loaded = await this.load();
      if (loaded === null) throw new Error('failed to load');
      return loaded;
    },
    args: () => this.loadArgs(),
  });

  constructor() {
    super();
    this._message = null;
    this._errors = new Map();
  }

  /** What this section lists; null when the API could not be read. */
  protected abstract load(): Promise<Loaded | null>;
  protected abstract renderLoaded(loaded: Loaded): TemplateResult;
  protected loadArgs(): unknown[] {
    return [];
  }

  render() {
    return html`${this._message ? html`<p id="admin-message" tabindex="-1" class=${this._message.ok ? 'notice' : 'form-error'} role=${this._message.ok ? 'status' : 'alert'}>${this._message.text}</p>` : nothing}
      ${this.renderTask(this._list, (loaded) => this.renderLoaded(loaded))}`;
  }

  /** Shows an outcome above the list and moves focus to it, so it is read out. */
  protected async _show(message: { ok: boolean; text: string }) {
    this._message = message;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#admin-message')?.focus();
  }

  /** Sends a write, shows its outcome next to the form, and reloads the list. */
  protected async _write(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, done: string) {
    const w = this.ws;
    const res = await api<Record<string, unknown>>(method, path, body);
    if (res.ok) {
      this._errors = new Map();
      this._message = { ok: true, text: done };
      await this._list.run();
    } else {
      this._errors = res.status === 400 ? fieldErrors(res.error) : new Map();
      this._message = { ok: false, text: res.status === 0 ? w.networkError : w.serverError(res.error.message) };
    }
    await this._show(this._message);
    return res;
  }

  protected _field(
    name: string,
    label: string,
    type = 'text',
    value = '',
    extra: { optional?: boolean; rows?: number; prefix?: string; lang?: string } = {},
  ): TemplateResult {
    const id = `${extra.prefix ?? 'f'}-${name}`;
    const error = this._errors.get(name);
    const control =
      type === 'textarea'
        ? html`<textarea id=${id} name=${name} lang=${extra.lang ?? nothing} rows=${extra.rows ?? 3} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}></textarea>`
        : html`<input id=${id} name=${name} lang=${extra.lang ?? nothing} type=${type} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}>`;
    return html`<div class="field"><label for=${id}>${label}${extra.optional ? html` <span class="muted">(${this.ws.optional})</span>` : nothing}</label>${control}${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}</div>`;
  }
}
