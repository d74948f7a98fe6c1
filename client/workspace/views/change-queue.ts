import { html, nothing } from 'lit';
import { formatDay, signedRating } from '../../../i18n/format.js';
import type { ProposedChange } from '../../../server/schemas/evidence-changes.js';
import type { PublicSource } from '../../../server/schemas/evidence.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { api, publicList } from '../api.js';
import { DecisionQueue, type Decision } from './decision-queue.js';

interface Paged<T> {
  items: T[];
}

type Graded = ProposedChange['grades'][number]['now'];

/**
 * Proposed corrections and retractions of published evidence, oldest first: every field as
 * it is and as it would become, and the person's grade now and if approved. Proposals you
 * made, and changes to entries you submitted, are left out: a second person decides.
 */
export class ChangeQueue extends DecisionQueue<ProposedChange> {
  protected readonly idPrefix = 'change';
  private _names = new Map<string, string>();

  protected async fetchItems() {
    const [res, people] = await Promise.all([
      api<Paged<ProposedChange>>('GET', '/api/changes?status=pending&pageSize=100'),
      publicList<PublicSubject[]>('/api/subjects'),
    ]);
    if (!res.ok) return null;
    if (people.ok) this._names = new Map(people.body.map((s) => [s.slug, s.name]));
    const me = this.account?.id;
    return res.body.items.filter((c) => c.proposedBy?.id !== me && c.entry.submittedBy?.id !== me);
  }

  protected async send(change: ProposedChange, decision: Decision, note: string) {
    const res = await api('POST', `/api/changes/${change.id}/review`, {
      decision: decision === 'yes' ? 'approve' : 'reject',
      ...(note ? { note } : {}),
    });
    if (res.ok) return null;
    return res.status === 0 ? this.ws.networkError : this.ws.serverError(res.error.message);
  }

  protected firstLink(change: ProposedChange) {
    const sources = change.fields.find((f) => f.field === 'sources')?.after as PublicSource[] | undefined;
    return sources?.[0]?.url ?? null;
  }

  protected decidedText(change: ProposedChange, decision: Decision) {
    return decision === 'yes' ? this.ws.changes.approved(change.entry.title) : this.ws.changes.rejected(change.entry.title);
  }

  protected heldText(change: ProposedChange, decision: Decision) {
    return decision === 'yes' ? this.ws.changes.approving(change.entry.title) : this.ws.changes.rejecting(change.entry.title);
  }

  private _value(field: string, value: unknown) {
    switch (field) {
      case 'subject':
        return this._names.get(String(value)) ?? String(value);
      case 'standard':
        return this.msg.standardShort[String(value)] ?? String(value);
      case 'rating':
        return `${signedRating(Number(value))} ${this.msg.ratings[String(value)] ?? ''}`;
      case 'kind':
        return this.msg.kinds[String(value)] ?? String(value);
      case 'occurredOn':
        return formatDay(this.msg, String(value));
      case 'sources':
        return html`<ul>${(value as PublicSource[]).map(
          (s) =>
            html`<li><a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a>${s.publisher ? ` (${s.publisher})` : ''}${s.archiveUrl ? html` · <a href=${s.archiveUrl} target="_blank" rel="noopener noreferrer">${this.ws.entry.archive}</a>` : nothing}</li>`,
        )}</ul>`;
      case 'titleEs':
      case 'summaryEs':
        return value ? html`<span class="summary-text" lang="es">${String(value)}</span>` : html`<span class="muted">–</span>`;
      default:
        return html`<span class="summary-text">${String(value)}</span>`;
    }
  }

  private _grade(value: Graded) {
    const r = this.ws.review;
    return value
      ? html`<span class="grade-pill" data-grade=${value.grade}>${r.gradeValue(value.grade, value.score)}</span>`
      : html`<span class="muted">${r.noGrade}</span>`;
  }

  protected renderItem(c: ProposedChange) {
    const w = this.ws;
    const t = w.changes;
    const r = w.review;
    return html`<h2 id="change-${c.id}-title">${c.kind === 'correction' ? t.correctionOf(c.entry.title) : t.retractionOf(c.entry.title)}</h2>
      <p class="muted">${t.proposedOn(formatDay(this.msg, c.createdAt.slice(0, 10)), c.proposedBy?.displayName ?? '')}</p>
      ${c.stale ? html`<p class="form-error">${t.stale}</p>` : nothing}
      <p><strong>${c.kind === 'correction' ? t.note : t.reason}:</strong> ${c.note}</p>
      <div class="table-scroll" role="region" tabindex="0" aria-label=${t.fieldsLabel(c.entry.title)}>
        <table class="ws-table change-fields">
          <thead><tr><th scope="col">${t.field}</th><th scope="col">${t.now}</th><th scope="col">${c.kind === 'correction' ? t.proposed : t.afterRetraction}</th></tr></thead>
          <tbody>
            ${c.fields.map(
              (f) => html`<tr class=${f.changed ? 'is-changed' : ''} data-field=${f.field}>
                <th scope="row">${t.fields[f.field] ?? f.field}${f.changed ? html` <strong class="changed-flag">${t.changed}</strong>` : nothing}</th>
                <td>${this._value(f.field, f.before)}</td>
                <td>${f.changed ? this._value(f.field, f.after) : html`<span class="muted">${t.unchanged}</span>`}</td>
              </tr>`,
            )}
            ${c.kind === 'retraction' ? html`<tr class="is-changed"><th scope="row">${t.status}</th><td>${w.status[c.entry.status] ?? c.entry.status}</td><td>${w.status.retracted}</td></tr>` : nothing}
          </tbody>
        </table>
      </div>
      ${c.grades.map(
        (g) => html`<dl class="facts grade-preview" data-testid="change-grade">
          <div><dt>${t.gradeOf(this._names.get(g.subject) ?? g.subject, this.msg.standardShort[g.standard] ?? g.standard)}: ${r.now}</dt><dd>${this._grade(g.now)}</dd></div>
          <div><dt>${t.ifApproved}</dt><dd>${this._grade(g.after)}</dd></div>
        </dl>`,
      )}
      <div class="field">
        <label for="change-note-${c.id}">${t.decisionNote} <span class="muted">(${w.optional})</span></label>
        <textarea id="change-note-${c.id}" rows="2" maxlength="2000"></textarea>
      </div>
      <div class="actions">
        <button type="button" class="button" ?disabled=${c.stale} aria-label=${t.approve(c.entry.title)} @click=${() => this.decide(c, 'yes')}>${t.approveShort}</button>
        <button type="button" class="button button--danger" aria-label=${t.reject(c.entry.title)} @click=${() => this.decide(c, 'no')}>${t.rejectShort}</button>
        <a href="/workspace/evidence/${c.entry.id}">${r.open}</a>
      </div>`;
  }

  render() {
    return this.renderList(this.ws.changes.empty, this.ws.changes.count);
  }
}
