import { html, nothing } from 'lit';
import { formatDay } from '../../../i18n/format.js';
import type { ReviewerReply } from '../../../server/schemas/replies.js';
import { api } from '../api.js';
import { DecisionQueue, type Decision } from './decision-queue.js';

/**
 * Replies from the offices of the people graded, oldest first. Reviewers check them for
 * abuse only, never for agreement; a published reply never changes a score.
 */
export class ReplyQueue extends DecisionQueue<ReviewerReply> {
  protected readonly idPrefix = 'reply';

  protected async fetchItems() {
    const res = await api<{ items: ReviewerReply[] }>('GET', '/api/replies?status=pending&pageSize=100');
    return res.ok ? res.body.items : null;
  }

  protected async send(reply: ReviewerReply, decision: Decision, note: string) {
    const res = await api('POST', `/api/replies/${reply.id}/review`, {
      decision: decision === 'yes' ? 'publish' : 'reject',
      ...(note ? { note } : {}),
    });
    if (res.ok) return null;
    return res.status === 0 ? this.ws.networkError : this.ws.serverError(res.error.message);
  }

  protected firstLink(reply: ReviewerReply) {
    return reply.url;
  }

  protected decidedText(reply: ReviewerReply, decision: Decision) {
    return decision === 'yes' ? this.ws.replies.published(reply.subjectName) : this.ws.replies.rejected(reply.subjectName);
  }

  protected heldText(reply: ReviewerReply, decision: Decision) {
    return decision === 'yes' ? this.ws.replies.publishing(reply.subjectName) : this.ws.replies.rejecting(reply.subjectName);
  }

  protected renderItem(reply: ReviewerReply) {
    const w = this.ws;
    const t = w.replies;
    return html`<h2 id="reply-${reply.id}-title">${t.from(reply.subjectName)}</h2>
      <p class="muted">${t.receivedOn(formatDay(this.msg, reply.createdAt.slice(0, 10)))}</p>
      <p>${
        reply.evidenceId !== null
          ? html`${t.aboutEntry} <a href="/evidence/${reply.evidenceId}" target="_blank" rel="noopener">${reply.evidenceTitle}</a>`
          : html`${t.aboutStandard} ${this.msg.standardShort[reply.standard ?? ''] ?? reply.standard}`
      }</p>
      <blockquote class="summary-text">${reply.body}</blockquote>
      ${reply.url ? html`<p><a href=${reply.url} target="_blank" rel="noopener noreferrer nofollow">${reply.url}</a></p>` : nothing}
      <div class="field">
        <label for="reply-note-${reply.id}">${t.note} <span class="muted">(${w.optional})</span></label>
        <textarea id="reply-note-${reply.id}" rows="2" maxlength="2000"></textarea>
      </div>
      <div class="actions">
        <button type="button" class="button" aria-label=${t.publish(reply.subjectName)} @click=${() => this.decide(reply, 'yes')}>${w.review.publishShort}</button>
        <button type="button" class="button button--danger" aria-label=${t.reject(reply.subjectName)} @click=${() => this.decide(reply, 'no')}>${w.review.rejectShort}</button>
      </div>`;
  }

  render() {
    return this.renderList(this.ws.replies.empty, this.ws.replies.count);
  }
}
