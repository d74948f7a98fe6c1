import { html, nothing } from 'lit';
import { formatDay, signedRating } from '../../../i18n/format.js';
import type { PublicEvidence } from '../../../server/schemas/evidence.js';
import type { EvidenceDetail, WorkspaceEvidence } from '../../../server/schemas/evidence-workspace.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { api, publicList } from '../api.js';
import { previewGrade, type GradePreview } from '../grade-preview.js';
import { WorkspaceView } from '../workspace-view.js';
import { DecisionQueue, type Decision } from './decision-queue.js';
import { spanishText } from './spanish-text.js';

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

/**
 * Pending entries oldest first, never the reviewer's own. Each shows everything that will
 * become public (every source with its archive link) and the person's grade on that standard
 * now and if published. A decision names the revision shown: if the entry changed meanwhile,
 * the server refuses (409 stale) and the queue shows the new version and says why.
 */
export class EntryQueue extends DecisionQueue<WorkspaceEvidence> {
  protected readonly idPrefix = 'entry';
  private _previews = new Map<number, GradePreview>();
  private _names = new Map<string, string>();

  protected async fetchItems() {
    const [res, people] = await Promise.all([
      api<Paged<WorkspaceEvidence>>('GET', '/api/evidence?status=pending&pageSize=100'),
      publicList<PublicSubject[]>('/api/subjects'),
    ]);
    if (!res.ok) return null;
    if (people.ok) this._names = new Map(people.body.map((s) => [s.slug, s.name]));
    const mine = this.account?.id;
    const entries = res.body.items.filter((e) => e.submittedBy?.id !== mine);
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
      ${spanishText(w, e)}
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
      </div>`;
  }

  render() {
    return this.renderList(this.ws.review.empty, this.ws.review.count);
  }
}
