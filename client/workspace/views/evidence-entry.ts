import { html, nothing, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { formatDay, signedRating } from '../../../i18n/format.js';
import type { EvidenceDetail } from '../../../server/schemas/evidence-workspace.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { api, fieldErrors, publicList } from '../api.js';
import { historyLinks } from '../history-links.js';
import { WorkspaceView } from '../workspace-view.js';
import { spanishText } from './spanish-text.js';

/**
 * One entry as its submitter and the reviewers see it: the facts, the sources, the review
 * and every revision. Reviewers (never on their own entries) correct or retract published
 * entries here, always with the reason that is then shown publicly.
 */
export class EvidenceEntry extends WorkspaceView {
  static properties = {
    entryId: { type: Number, attribute: 'entry-id' },
    _entry: { state: true },
    _message: { state: true },
    _errors: { state: true },
  };
  /** The evidence id. */
  declare entryId: number;
  /** The entry as last loaded or answered by an action; null when it is not this account's to see. */
  declare _entry: EvidenceDetail | null;
  declare _message: { kind: 'ok' | 'error'; text: string } | null;
  declare _errors: Map<string, string>;
  private _names = new Map<string, string>();

  /** Loads the entry (and the people's names) when the screen opens; renderTask shows loading and failure. */
  private readonly _loader = new Task(this, {
    task: async ([id]: readonly [number]) => {
      const [res, people] = await Promise.all([
        api<EvidenceDetail>('GET', `/api/evidence/${id}`),
        publicList<PublicSubject[]>('/api/subjects'),
      ]);
      if (people.ok) this._names = new Map(people.body.map((s) => [s.slug, s.name]));
      if (!res.ok && res.status !== 403 && res.status !== 404) throw new Error('The entry could not be loaded');
      this._entry = res.ok ? res.body : null;
      return this._entry;
    },
    args: () => [this.entryId] as const,
  });

  constructor() {
    super();
    this._entry = null;
    this._message = null;
    this._errors = new Map();
  }

  private async _onCorrect(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const entry = this._entry!;
    const body: Record<string, unknown> = { note: value('note') };
    if (Number(value('rating')) !== entry.rating) body.rating = Number(value('rating'));
    if (value('title') !== entry.title) body.title = value('title');
    if (value('summary') !== entry.summary) body.summary = value('summary');
    if (value('kind') !== entry.kind) body.kind = value('kind');
    if (value('occurredOn') !== entry.occurredOn) body.occurredOn = value('occurredOn');
    if (await this._send(`/api/evidence/${this.entryId}/correct`, body, this.ws.entry.corrected)) form.reset();
  }

  private async _onRetract(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (
      await this._send(
        `/api/evidence/${this.entryId}/retract`,
        { reason: (form.elements.namedItem('reason') as HTMLTextAreaElement).value },
        this.ws.entry.retracted,
      )
    )
      form.reset();
  }

  private async _onWithdraw() {
    const t = this.ws.entry;
    const answer = await this._confirm({ title: t.withdrawTitle, body: [t.withdrawBody], confirm: t.withdraw, danger: true });
    if (answer !== 'confirm') return;
    await this._send(`/api/evidence/${this.entryId}/withdraw`, undefined, this.ws.entry.withdrawn);
  }

  /** Sends one action; a proposal (202) leaves the entry as it is, anything else answers the entry. */
  private async _send(path: string, body: unknown, done: string): Promise<boolean> {
    const w = this.ws;
    const res = await api<EvidenceDetail>('POST', path, body);
    if (res.ok) {
      if (res.status !== 202) this._entry = res.body;
      this._errors = new Map();
      this._message = { kind: 'ok', text: done };
    } else {
      this._errors = res.status === 400 ? fieldErrors(res.error) : new Map();
      this._message = { kind: 'error', text: res.status === 0 ? w.networkError : w.serverError(res.error.message) };
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('#entry-message')?.focus();
    return res.ok;
  }

  private _err(field: string) {
    const m = this._errors.get(field);
    return m ? html`<p class="field-error" id="error-${field}">${m}</p>` : nothing;
  }

  render() {
    const w = this.ws;
    // The screen keeps its heading while the entry loads or when it cannot be shown.
    const heading = this._loader.status === TaskStatus.COMPLETE && this._entry ? nothing : html`<h1>${w.titles.evidence}</h1>`;
    return html`${heading}${this.renderTask(this._loader, () => (this._entry ? this._renderEntry(this._entry) : html`<p>${w.forbidden}</p>`))}`;
  }

  private _renderEntry(e: EvidenceDetail): TemplateResult {
    const w = this.ws;
    const t = w.entry;
    const me = this.account;
    const own = e.submittedBy?.id === me?.id;
    const reviewer = me?.role === 'reviewer' || me?.role === 'admin';
    return html`<p class="eyebrow"><span class="status status--${e.status}">${w.status[e.status] ?? e.status}</span></p>
      <h1>${e.title}</h1>
      ${this._message ? html`<p id="entry-message" tabindex="-1" class=${this._message.kind === 'ok' ? 'notice' : 'form-error'} role=${this._message.kind === 'ok' ? 'status' : 'alert'}>${this._message.text}</p>` : nothing}
      <dl class="facts">
        <div><dt>${t.person}</dt><dd>${this._names.get(e.subject) ?? e.subject}</dd></div>
        <div><dt>${t.standard}</dt><dd>${this.msg.standardShort[e.standard] ?? e.standard}</dd></div>
        <div><dt>${t.rating}</dt><dd>${signedRating(e.rating)} ${this.msg.ratings[String(e.rating)]}</dd></div>
        <div><dt>${t.kind}</dt><dd>${this.msg.kinds[e.kind] ?? e.kind}</dd></div>
        <div><dt>${t.occurredOn}</dt><dd>${formatDay(this.msg, e.occurredOn)}</dd></div>
        <div><dt>${t.submittedBy}</dt><dd>${e.submittedBy?.displayName ?? ''}</dd></div>
        ${e.reviewNote ? html`<div><dt>${t.reviewNote}</dt><dd>${e.reviewNote}</dd></div>` : nothing}
      </dl>
      ${e.retractionReason ? html`<p class="notice">${t.retractedReason(e.retractionReason)}</p>` : nothing}
      ${e.correctionNote ? html`<p class="notice">${t.correctionNote(e.correctionNote)}</p>` : nothing}
      <p class="summary-text">${e.summary}</p>
      ${spanishText(this.ws, e)}
      <h2>${t.sources}</h2>
      <ul>${e.sources.map((s) => html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a>${s.publisher ? html` (${s.publisher})` : nothing}${s.archiveUrl ? html` · <a href=${s.archiveUrl} target="_blank" rel="noopener noreferrer">${t.archive}</a>` : nothing}</li>`)}</ul>
      <p class="page-header__links">
        ${own && e.status === 'pending' ? html`<a class="button" href="/workspace/evidence/${e.id}/edit">${t.edit}</a> <button type="button" class="button button--danger" @click=${this._onWithdraw}>${t.withdraw}</button>` : nothing}
        ${e.status === 'published' || e.status === 'retracted' ? html`<a href="/evidence/${e.id}">${t.publicPage}</a>` : nothing}
      </p>
      ${reviewer ? historyLinks(this.ws, e, this._names.get(e.subject) ?? e.subject) : nothing}
      <h2>${t.history}</h2>
      ${
        e.revisions.length === 0
          ? html`<p class="muted">${t.historyEmpty}</p>`
          : html`<ol class="history">
            ${e.revisions.map(
              (
                r,
              ) => html`<li><strong>${t.actions[r.action] ?? r.action}</strong> ${r.actor ? t.by(r.actor.displayName) : nothing}, <time datetime=${r.createdAt}>${new Date(r.createdAt).toLocaleString(this.msg.langTag)}</time>
                ${r.action === 'edit' || r.action === 'correct' ? html`<br><span class="muted">${t.changed(Object.keys(r.changes).join(', '))}</span>` : nothing}</li>`,
            )}
          </ol>`
      }
      ${reviewer && e.status === 'published' ? (own ? html`<p class="muted">${t.ownEntry}</p>${this._retractForm()}` : html`${this._correctForm(e)}${this._retractForm()}`) : nothing}`;
  }

  private _correctForm(e: EvidenceDetail) {
    const t = this.ws.entry;
    return html`<section class="panel" aria-labelledby="correct-heading">
        <h2 id="correct-heading">${t.correctHeading}</h2>
        <p class="help">${t.correctIntro}</p>
        <form class="ws-form" novalidate @submit=${this._onCorrect}>
          <div class="field"><label for="correct-rating">${t.rating}</label>
            <select id="correct-rating" name="rating">${[-2, -1, 0, 1, 2].map((r) => html`<option value=${r} ?selected=${r === e.rating}>${signedRating(r)} ${this.msg.ratings[String(r)]}</option>`)}</select>${this._err('rating')}</div>
          <div class="field"><label for="correct-kind">${t.kind}</label>
            <select id="correct-kind" name="kind">${(['action', 'data', 'statement'] as const).map((k) => html`<option value=${k} ?selected=${k === e.kind}>${this.msg.kinds[k] ?? k}</option>`)}</select>${this._err('kind')}</div>
          <div class="field"><label for="correct-date">${t.occurredOn}</label><input id="correct-date" name="occurredOn" type="date" .value=${e.occurredOn}>${this._err('occurredOn')}</div>
          <div class="field"><label for="correct-title">${this.ws.form.title}</label><input id="correct-title" name="title" type="text" .value=${e.title}>${this._err('title')}</div>
          <div class="field"><label for="correct-summary">${this.ws.form.summary}</label><textarea id="correct-summary" name="summary" rows="4" .value=${e.summary}></textarea>${this._err('summary')}</div>
          <div class="field"><label for="correct-note">${t.correctNote}</label><textarea id="correct-note" name="note" rows="2"></textarea>${this._err('note')}</div>
          <div class="actions"><button type="submit" class="button">${t.correctSubmit}</button></div>
        </form>
      </section>`;
  }

  private _retractForm() {
    const t = this.ws.entry;
    return html`<section class="panel" aria-labelledby="retract-heading">
        <h2 id="retract-heading">${t.retractHeading}</h2>
        <p class="help">${t.retractIntro}</p>
        <form class="ws-form" novalidate @submit=${this._onRetract}>
          <div class="field"><label for="retract-reason">${t.retractReason}</label><textarea id="retract-reason" name="reason" rows="2"></textarea>${this._err('reason')}</div>
          <div class="actions"><button type="submit" class="button button--danger">${t.retractSubmit}</button></div>
        </form>
      </section>`;
  }
}
