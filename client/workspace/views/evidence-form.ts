import { html, nothing, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { signedRating } from '../../../i18n/format.js';
import type { Methodology } from '../../../server/schemas/methodology.js';
import type { WorkspaceEvidence } from '../../../server/schemas/evidence-workspace.js';
import type { PublicStandard } from '../../../server/schemas/standards.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { draftKey } from '../drafts.js';
import { api, fieldErrors, publicList } from '../api.js';
import type { ErrorResponse } from '../../../server/schemas/common.js';
import { precheckEvidence } from '../../../core/evidence-checks.js';
import { WorkspaceView } from '../workspace-view.js';

interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  archiveUrl: string;
}

/** What the volunteer has typed, exactly as typed; stored in localStorage on every keystroke. */
interface EvidenceDraft {
  subject: string;
  standard: string;
  rating: string;
  kind: string;
  occurredOn: string;
  title: string;
  summary: string;
  /** The optional Spanish title and summary, shown on the Spanish pages. */
  titleEs: string;
  summaryEs: string;
  sources: SourceDraft[];
}

const RATINGS = ['-2', '-1', '0', '1', '2'];
const emptySource = (): SourceDraft => ({ url: '', title: '', publisher: '', archiveUrl: '' });
const emptyDraft = (): EvidenceDraft => ({
  subject: '',
  standard: '',
  rating: '',
  kind: '',
  occurredOn: '',
  title: '',
  summary: '',
  titleEs: '',
  summaryEs: '',
  sources: [emptySource()],
});
const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The API body: empty optional cells are left out, empty required ones sent so the server names
 * them. When editing, an emptied Spanish field is sent as null, which clears it.
 */
function toBody(d: EvidenceDraft, editing = false) {
  const opt = (v: string) => (v.trim() === '' ? undefined : v);
  const spanish = (v: string) => opt(v) ?? (editing ? null : undefined);
  const es = { title: spanish(d.titleEs), summary: spanish(d.summaryEs) };
  return {
    subject: opt(d.subject),
    standard: opt(d.standard),
    rating: d.rating === '' ? undefined : Number(d.rating),
    kind: opt(d.kind),
    occurredOn: opt(d.occurredOn),
    title: d.title,
    summary: d.summary,
    sources: d.sources.map((s) => ({ url: s.url, title: s.title, publisher: opt(s.publisher), archiveUrl: opt(s.archiveUrl) })),
    translations: es.title === undefined && es.summary === undefined ? undefined : { es },
  };
}

function fromEntry(e: WorkspaceEvidence): EvidenceDraft {
  return {
    subject: e.subject,
    standard: e.standard,
    rating: String(e.rating),
    kind: e.kind,
    occurredOn: e.occurredOn,
    title: e.title,
    summary: e.summary,
    titleEs: e.translations?.es.title ?? '',
    summaryEs: e.translations?.es.summary ?? '',
    sources: e.sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher ?? '', archiveUrl: s.archiveUrl ?? '' })),
  };
}

/**
 * The evidence form, for a new entry or for editing one's own pending entry. Obvious mistakes
 * are caught in the browser with the server's own rules and words (evidence-checks.ts); the
 * server's 400 field details are shown the same way; the typed values always stay. The draft lives in localStorage
 * until the server has stored it, so neither a reload nor a failed request loses it.
 */
export class EvidenceForm extends WorkspaceView {
  static properties = {
    entryId: { type: Number, attribute: 'entry-id' },
    _state: { state: true },
    _draft: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _restored: { state: true },
    _saved: { state: true },
  };
  /** The entry to edit; absent for a new entry. */
  declare entryId: number | undefined;
  /**
   * The form once loaded. Saving stays a state of its own, not a Task: the typed draft must stay
   * on screen while it is sent, and a failed save shows next to the fields, not instead of them.
   */
  declare _state: 'ready' | 'saving' | 'done';
  declare _draft: EvidenceDraft;
  declare _errors: Map<string, string>;
  declare _formError: string | null;
  declare _restored: boolean;
  declare _saved: WorkspaceEvidence | null;
  private _subjects: PublicSubject[] = [];
  private _standards: PublicStandard[] = [];
  private _weights: Record<string, number> = {};

  constructor() {
    super();
    this._state = 'ready';
    this._draft = emptyDraft();
    this._errors = new Map();
    this._formError = null;
    this._restored = false;
    this._saved = null;
  }

  /** The signed-in account's own draft: another account in this browser never reads it. */
  private get _draftKey() {
    return draftKey(this.account?.id, this.entryId ?? null);
  }

  /**
   * Loads the people, standards and kind weights (and the entry being edited) when the screen
   * opens; renderTask shows loading and failure with a retry. Answers whether the form may be
   * filled in, or is `locked` (someone else's entry, or no longer pending).
   */
  private readonly _loader = new Task(this, {
    task: async ([id]: readonly [number | undefined]): Promise<'form' | 'locked'> => {
      const [subjects, standards, method, entry] = await Promise.all([
        publicList<PublicSubject[]>('/api/subjects'),
        publicList<PublicStandard[]>('/api/standards'),
        publicList<Methodology>('/api/methodology'),
        id ? api<WorkspaceEvidence>('GET', `/api/evidence/${id}`) : Promise.resolve(null),
      ]);
      if (!subjects.ok || !standards.ok || !method.ok || (entry && !entry.ok)) throw new Error('The form could not be loaded');
      this._subjects = subjects.body;
      this._standards = standards.body;
      this._weights = method.body.kindWeights;
      if (entry?.ok && (entry.body.status !== 'pending' || entry.body.submittedBy?.id !== this.account?.id)) return 'locked';
      const stored = this._readDraft();
      if (stored) {
        this._draft = stored;
        this._restored = true;
      } else if (entry?.ok) {
        this._draft = fromEntry(entry.body);
      }
      return 'form';
    },
    args: () => [this.entryId] as const,
  });

  private _readDraft(): EvidenceDraft | null {
    try {
      const raw = localStorage.getItem(this._draftKey);
      const parsed = raw ? (JSON.parse(raw) as EvidenceDraft) : null;
      return parsed && Array.isArray(parsed.sources) && parsed.sources.length ? { ...emptyDraft(), ...parsed } : null;
    } catch {
      return null;
    }
  }

  private _update(change: Partial<EvidenceDraft>) {
    this._draft = { ...this._draft, ...change };
    try {
      localStorage.setItem(this._draftKey, JSON.stringify(this._draft));
    } catch {
      // Storage full or blocked: the form still works, only without a saved draft.
    }
  }

  private _updateSource(i: number, change: Partial<SourceDraft>) {
    this._update({ sources: this._draft.sources.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  }

  private _addSource() {
    this._update({ sources: [...this._draft.sources, emptySource()] });
    void this.updateComplete.then(() => this.querySelector<HTMLInputElement>(`#source-${this._draft.sources.length - 1}-url`)?.focus());
  }

  private _removeSource(i: number) {
    this._update({ sources: this._draft.sources.filter((_, j) => j !== i) });
    // Errors are keyed by position; after a removal they no longer point at the right row.
    this._errors = new Map([...this._errors].filter(([k]) => !k.startsWith('sources.')));
    void this.updateComplete.then(() => this.querySelector<HTMLButtonElement>('#add-source')?.focus());
  }

  private _clear() {
    localStorage.removeItem(this._draftKey);
    this._draft = emptyDraft();
    this._errors = new Map();
    this._formError = null;
    this._restored = false;
    this._saved = null;
    this._state = 'ready';
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#subject')?.focus());
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    if (this._state === 'saving') return;
    const w = this.ws;
    this._state = 'saving';
    this._formError = null;
    const body = toBody(this._draft, this.entryId !== undefined);
    // The obvious mistakes are caught here, in the server's own words, before a round trip.
    const problems = precheckEvidence(body);
    if (problems.length) {
      this._state = 'ready';
      return this._showFieldErrors({ error: 'validation', message: '', details: problems });
    }
    const result = this.entryId
      ? await api<WorkspaceEvidence>('PATCH', `/api/evidence/${this.entryId}`, body)
      : await api<WorkspaceEvidence>('POST', '/api/evidence', body);
    if (result.ok) {
      localStorage.removeItem(this._draftKey);
      this._saved = result.body;
      this._errors = new Map();
      this._state = 'done';
      await this.updateComplete;
      this.querySelector<HTMLElement>('#saved-heading')?.focus();
      return;
    }
    this._state = 'ready';
    // A 400's fields, and a refusal that names a field (409: the person was archived meanwhile).
    if (result.error.details?.length) return this._showFieldErrors(result.error);
    this._formError = result.status === 0 ? w.networkError : w.serverError(result.error.message);
    await this.updateComplete;
    this.querySelector<HTMLElement>('#form-error')?.focus();
  }

  /** Shows each problem next to its field and moves focus to the first one. */
  private async _showFieldErrors(error: ErrorResponse) {
    this._errors = fieldErrors(error);
    this._formError = this.ws.fixFields(this._errors.size);
    await this.updateComplete;
    this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** A field's error paragraph, and the attributes that tie it to its control. */
  private _error(field: string): TemplateResult | typeof nothing {
    const message = this._errors.get(field);
    return message ? html`<p class="field-error" id="${this._errorId(field)}">${message}</p>` : nothing;
  }
  private _errorId(field: string) {
    return `error-${field.replaceAll('.', '-')}`;
  }
  private _describedBy(field: string, ...more: string[]) {
    const ids = [...more, ...(this._errors.has(field) ? [this._errorId(field)] : [])];
    return ids.length ? ids.join(' ') : nothing;
  }
  private _invalid(field: string) {
    return this._errors.has(field) ? 'true' : 'false';
  }

  render() {
    const w = this.ws;
    const f = w.form;
    const heading = this.entryId ? w.titles['evidence-edit'] : w.titles['evidence-new'];
    // The screen keeps its heading while it loads or when loading failed.
    if (this._loader.status !== TaskStatus.COMPLETE) return html`<h1>${heading}</h1>${this.renderTask(this._loader, () => html``)}`;
    if (this._loader.value === 'locked')
      return html`<h1>${heading}</h1><p>${f.notEditable}</p><p><a href="/workspace/evidence/${this.entryId}">${w.form.viewEntry}</a></p>`;
    if (this._state === 'done' && this._saved) {
      return html`<section class="panel success" aria-labelledby="saved-heading">
        <h1 id="saved-heading" tabindex="-1">${this.entryId ? f.savedTitle : f.successTitle}</h1>
        <p>${f.successBody}</p>
        ${
          this._saved.duplicates?.length
            ? html`<p class="notice" data-testid="duplicates"><strong>${w.duplicates.flag}:</strong> ${this._saved.duplicates.map((id, i) => html`${i ? ', ' : ''}<a href="/workspace/evidence/${id}">${w.duplicates.sameSource(id)}</a>`)}</p>`
            : nothing
        }
        <p><a class="button" href="/workspace/evidence/${this._saved.id}">${f.viewEntry}: ${this._saved.title}</a></p>
        ${this.entryId ? nothing : html`<p><button type="button" class="button button--quiet" @click=${this._clear}>${f.logAnother}</button></p>`}
      </section>`;
    }
    const d = this._draft;
    const standard = this._standards.find((s) => s.slug === d.standard);
    return html`<h1>${heading}</h1>
      <p class="lede">${f.intro}</p>
      ${this._restored ? html`<p class="notice" role="status">${f.draftRestored}</p>` : nothing}
      ${this._formError ? html`<p class="form-error" id="form-error" role="alert" tabindex="-1">${this._formError}</p>` : nothing}
      <form class="ws-form" novalidate @submit=${this._onSubmit}>
        <div class="field">
          <label for="subject">${f.person}</label>
          <select id="subject" aria-invalid=${this._invalid('subject')} aria-describedby=${this._describedBy('subject')} @change=${(e: Event) => this._update({ subject: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${d.subject === ''}>${f.choosePerson}</option>
            ${this._subjects.map((s) => html`<option value=${s.slug} ?selected=${d.subject === s.slug}>${s.name}</option>`)}
          </select>
          ${this._error('subject')}
        </div>

        <div class="field">
          <label for="standard">${f.standard}</label>
          <select id="standard" aria-invalid=${this._invalid('standard')} aria-describedby=${this._describedBy('standard', ...(standard ? ['standard-help'] : []))} @change=${(e: Event) => this._update({ standard: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${d.standard === ''}>${f.chooseStandard}</option>
            ${this._standards.map((s) => html`<option value=${s.slug} ?selected=${d.standard === s.slug}>${s.number}. ${s.title}</option>`)}
          </select>
          ${this._error('standard')}
          ${
            standard
              ? html`<div class="help standard-help" id="standard-help">
                <p><strong>${f.standardHelp}:</strong> ${standard.summary}</p>
                <p><strong>${f.daPower}:</strong> ${standard.daPower}</p>
                <p><strong>${f.indicators}:</strong></p>
                <ul>${standard.indicators.map((i) => html`<li>${i}</li>`)}</ul>
              </div>`
              : nothing
          }
        </div>

        <fieldset class="field choices" aria-describedby=${this._describedBy('rating', 'rating-help')}>
          <legend>${f.rating}</legend>
          <p class="help" id="rating-help">${f.ratingHelp}</p>
          ${RATINGS.map(
            (
              r,
            ) => html`<label class="choice"><input type="radio" name="rating" value=${r} aria-invalid=${this._invalid('rating')} .checked=${d.rating === r} @change=${() => this._update({ rating: r })}>
              <span><strong>${signedRating(Number(r))}</strong> ${this.msg.ratings[r]}</span></label>`,
          )}
          ${this._error('rating')}
        </fieldset>

        <fieldset class="field choices" aria-describedby=${this._describedBy('kind')}>
          <legend>${f.kind}</legend>
          ${Object.entries(this._weights).map(
            ([
              kind,
              weight,
            ]) => html`<label class="choice"><input type="radio" name="kind" value=${kind} aria-invalid=${this._invalid('kind')} .checked=${d.kind === kind} @change=${() => this._update({ kind })}>
              <span><strong>${this.msg.kinds[kind] ?? kind}</strong>: ${f.kindHelp[kind] ?? ''} ${f.weight(weight)}</span></label>`,
          )}
          ${this._error('kind')}
        </fieldset>

        <div class="field">
          <label for="occurredOn">${f.occurredOn}</label>
          <input id="occurredOn" type="date" max=${todayIso()} .value=${d.occurredOn} aria-invalid=${this._invalid('occurredOn')} aria-describedby=${this._describedBy('occurredOn')}
            @input=${(e: Event) => this._update({ occurredOn: (e.target as HTMLInputElement).value })}>
          ${this._error('occurredOn')}
        </div>

        <div class="field">
          <label for="title">${f.title}</label>
          <input id="title" type="text" maxlength="300" .value=${d.title} aria-invalid=${this._invalid('title')} aria-describedby=${this._describedBy('title', 'title-help')}
            @input=${(e: Event) => this._update({ title: (e.target as HTMLInputElement).value })}>
          <p class="help" id="title-help">${f.titleHelp}</p>
          ${this._error('title')}
        </div>

        <div class="field">
          <label for="summary">${f.summary}</label>
          <textarea id="summary" rows="5" maxlength="5000" .value=${d.summary} aria-invalid=${this._invalid('summary')} aria-describedby=${this._describedBy('summary', 'summary-help')}
            @input=${(e: Event) => this._update({ summary: (e.target as HTMLTextAreaElement).value })}></textarea>
          <p class="help" id="summary-help">${f.summaryHelp}</p>
          ${this._error('summary')}
        </div>

        <fieldset class="field" aria-describedby="spanish-help">
          <legend>${f.spanishHeading} <span class="muted">(${w.optional})</span></legend>
          <p class="help" id="spanish-help">${f.spanishHelp}</p>
          <div class="field">
            <label for="title-es">${f.titleEs}</label>
            <input id="title-es" lang="es" type="text" maxlength="300" .value=${d.titleEs} aria-invalid=${this._invalid('translations.es.title')} aria-describedby=${this._describedBy('translations.es.title')}
              @input=${(e: Event) => this._update({ titleEs: (e.target as HTMLInputElement).value })}>
            ${this._error('translations.es.title')}
          </div>
          <div class="field">
            <label for="summary-es">${f.summaryEs}</label>
            <textarea id="summary-es" lang="es" rows="4" maxlength="5000" .value=${d.summaryEs} aria-invalid=${this._invalid('translations.es.summary')} aria-describedby=${this._describedBy('translations.es.summary')}
              @input=${(e: Event) => this._update({ summaryEs: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${this._error('translations.es.summary')}
          </div>
        </fieldset>

        <fieldset class="field sources" aria-describedby=${this._describedBy('sources', 'sources-help')}>
          <legend>${f.sources}</legend>
          <p class="help" id="sources-help">${f.sourcesHelp}</p>
          ${this._error('sources')}
          ${d.sources.map((s, i) => this._sourceRow(s, i))}
          <button type="button" class="button button--quiet" id="add-source" @click=${this._addSource}>${f.addSource}</button>
        </fieldset>

        <div class="actions">
          <button type="submit" class="button" ?disabled=${this._state === 'saving'}>${this._state === 'saving' ? w.saving : this.entryId ? f.save : f.submit}</button>
          <button type="button" class="button button--quiet" @click=${this._clear}>${f.discardDraft}</button>
        </div>
      </form>`;
  }

  private _sourceRow(s: SourceDraft, i: number) {
    const f = this.ws.form;
    const input = (field: keyof SourceDraft, label: string, type: string, optional = false) => {
      const key = `sources.${i}.${field}`;
      return html`<div class="field">
        <label for="source-${i}-${field}">${label}${optional ? html` <span class="muted">(${this.ws.optional})</span>` : nothing}</label>
        <input id="source-${i}-${field}" type=${type} .value=${s[field]} aria-invalid=${this._invalid(key)} aria-describedby=${this._describedBy(key)}
          @input=${(e: Event) => this._updateSource(i, { [field]: (e.target as HTMLInputElement).value })}>
        ${this._error(key)}
      </div>`;
    };
    return html`<fieldset class="source">
      <legend>${f.source(i + 1)}</legend>
      ${input('url', f.sourceUrl, 'url')} ${input('title', f.sourceTitle, 'text')} ${input('publisher', f.sourcePublisher, 'text', true)}
      ${input('archiveUrl', f.sourceArchive, 'url', true)}
      ${this._draft.sources.length > 1 ? html`<button type="button" class="button button--quiet" @click=${() => this._removeSource(i)}>${f.removeSource(i + 1)}</button>` : nothing}
    </fieldset>`;
  }
}
