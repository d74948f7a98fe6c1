import { html, nothing, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import type { ErrorResponse } from '../../../../server/schemas/common.js';
import type { RemovalPlanResponse as RemovalPlan } from '../../../../server/schemas/removal.js';
import { api, inPageLanguage } from '../../api.js';
import { WorkspaceView } from '../../workspace-view.js';
import { slugFromName } from '../../../../core/slugs.js';

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

  /**
   * Each form field's name as the screen shows it (its label), so a refusal from the server
   * reads "Election date: must be a real calendar date", never `body.electionDate` (issue 14).
   */
  protected fieldLabels(): Record<string, string> {
    return {};
  }

  /**
   * A 400's problems by form field (`body.candidates.1` is the candidates field's), and one
   * sentence naming each field by its label, for the message above the list.
   */
  protected _explain(error: ErrorResponse): { fields: Map<string, string>; text: string } {
    const labels = this.fieldLabels();
    const fields = new Map<string, string>();
    for (const d of error.details ?? []) {
      const field = d.field.replace(/^body\.?/, '').split('.')[0] || 'form';
      if (!fields.has(field)) fields.set(field, inPageLanguage(d.message));
    }
    if (fields.size === 0) return { fields, text: this.ws.serverError(error.message) };
    const named = [...fields].map(([field, message]) => `${labels[field] ?? this.ws.records.fixFields}: ${message}`);
    return { fields, text: `${this.ws.records.fixFields} ${named.join('; ')}` };
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
    } else if (res.status === 400) {
      const { fields, text } = this._explain(res.error);
      this._errors = fields;
      this._message = { ok: false, text };
    } else {
      this._errors = new Map();
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
    extra: { optional?: boolean; rows?: number; prefix?: string; lang?: string; help?: string; onInput?: (e: Event) => void } = {},
  ): TemplateResult {
    const id = `${extra.prefix ?? 'f'}-${name}`;
    // A Spanish field's API error is reported under translations.es.<field>.
    const error = this._errors.get(name) ?? (name.endsWith('Es') ? this._errors.get(`translations.es.${name.slice(0, -2)}`) : undefined);
    const control =
      type === 'textarea'
        ? html`<textarea id=${id} name=${name} lang=${extra.lang ?? nothing} rows=${extra.rows ?? 3} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}></textarea>`
        : html`<input id=${id} name=${name} lang=${extra.lang ?? nothing} type=${type} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${[error ? `${id}-error` : '', extra.help ? `${id}-help` : ''].join(' ').trim() || nothing} @input=${extra.onInput}>`;
    return html`<div class="field"><label for=${id}>${label}${extra.optional ? html` <span class="muted">(${this.ws.optional})</span>` : nothing}</label>${control}${extra.help ? html`<p class="help" id="${id}-help">${extra.help}</p>` : nothing}${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}</div>`;
  }

  /**
   * A new record's name and slug (issue 14): the slug is suggested from the name as it is typed,
   * until the admin edits the slug themselves; the address it makes is shown under it.
   */
  protected _nameAndSlug(prefix: string, pagePath: string, nameLabel: string): TemplateResult {
    const r = this.ws.records;
    const slugInput = () => this.querySelector<HTMLInputElement>(`#${prefix}-slug`);
    const preview = (slug: string) => {
      const help = this.querySelector<HTMLElement>(`#${prefix}-slug-help`);
      if (help) help.textContent = r.slugPreview(`${pagePath}${slug || '…'}`);
    };
    const onName = (e: Event) => {
      const slug = slugInput();
      if (!slug || slug.dataset.edited === 'true') return;
      slug.value = slugFromName((e.target as HTMLInputElement).value);
      preview(slug.value);
    };
    const onSlug = (e: Event) => {
      const slug = e.target as HTMLInputElement;
      // Emptied, it follows the name again.
      slug.dataset.edited = slug.value ? 'true' : 'false';
      preview(slug.value);
    };
    return html`${this._field('name', nameLabel, 'text', '', { prefix, onInput: onName })}
      ${this._field('slug', r.slug, 'text', '', { prefix, onInput: onSlug, help: r.slugPreview(`${pagePath}…`) })}`;
  }

  /**
   * Delete or archive a person, election or event at `path` (issue 14): first what it would do
   * (GET `path/removal`), then a confirmation saying so — delete, with what goes with it, or,
   * when something published depends on it, archive instead — then the write.
   */
  protected async _remove(path: string, name: string) {
    const r = this.ws.records;
    const plan = await api<RemovalPlan>('GET', `${path}/removal`);
    if (!plan.ok) {
      await this._show({ ok: false, text: plan.status === 0 ? this.ws.networkError : this.ws.serverError(plan.error.message) });
      return;
    }
    const counted = (counts: Record<string, number>, words: Record<string, (n: number) => string>) =>
      Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => words[kind](n));
    const archive = () => this._write('POST', `${path}/archive`, undefined, r.archived(name));
    if (plan.body.outcome === 'archive') {
      const answer = await this._confirm({
        title: r.archiveTitle(name),
        body: [r.archiveBecause, counted(plan.body.keptBy, r.keptBy), r.archiveBody],
        confirm: r.archiveConfirm(name),
      });
      if (answer === 'confirm') await archive();
      return;
    }
    const goes = counted(plan.body.deletedWith, r.deletedWith);
    const answer = await this._confirm({
      title: r.deleteTitle(name),
      body: [r.deleteBody, ...(goes.length ? [r.deletesWith, goes] : []), r.archiveBody],
      confirm: r.deleteConfirm(name),
      alternative: plan.body.archivedAt ? undefined : r.archiveInstead,
      danger: true,
    });
    if (answer === 'confirm') await this._write('DELETE', path, undefined, r.deleted(name));
    else if (answer === 'alternative') await archive();
  }
}
