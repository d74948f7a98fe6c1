import type { Messages } from '../../../../i18n/catalog.js';
import { formatDay } from '../../../../i18n/format.js';
import { evidencePath } from '../../../../core/evidence-links.js';
import type { PublicEvidence } from '../../../schemas/evidence.js';
import type { PublicStandard } from '../../../schemas/standards.js';
import type { PublicSubject } from '../../../schemas/subjects.js';
import { html, type SafeHtml } from '../../../html/html.js';

export interface ReplyPageView {
  subject: PublicSubject;
  standards: PublicStandard[];
  evidence: PublicEvidence[];
}

/**
 * The reply form for a graded person's office: one reply at a time, to a published entry or
 * to a standard as a whole. The browser sends it as JSON (`client/app/pages/reply.ts`).
 */
export function replyPageBody(msg: Messages, view: ReplyPageView, link: (path: string) => string): SafeHtml {
  const r = msg.replyPage;
  const published = view.evidence.filter((e) => e.status === 'published');
  return html`<section class="reply-page">
  <h1>${r.title(view.subject.name)}</h1>
  <p class="lede">${r.intro(view.subject.name)}</p>
  <form class="reply-form" data-reply-form data-sent="${r.sent}" data-failed="${r.failed('')}" novalidate>
    <p class="field"><label for="reply-about">${r.about}</label>
      <select id="reply-about" name="about" required>
        <optgroup label="${r.aboutStandards}">${view.standards.map((s) => html`<option value="standard:${s.slug}">${s.number}. ${s.title}</option>`)}</optgroup>
        ${published.length ? html`<optgroup label="${r.aboutEntries}">${published.map((e) => html`<option value="evidence:${e.id}">${e.title} (${formatDay(msg, e.occurredOn)})</option>`)}</optgroup>` : ''}
      </select></p>
    <p class="field"><label for="reply-body">${r.body}</label>
      <textarea id="reply-body" name="body" rows="8" maxlength="2000" required aria-describedby="reply-body-help"></textarea>
      <span class="muted" id="reply-body-help">${r.bodyHelp}</span></p>
    <p class="field"><label for="reply-url">${r.url}</label>
      <input id="reply-url" name="url" type="url" inputmode="url" aria-describedby="reply-url-help">
      <span class="muted" id="reply-url-help">${r.urlHelp}</span></p>
    <p><button type="submit" class="button">${r.submit}</button></p>
    <p role="status" data-reply-status></p>
    <noscript><p>${r.needsScript}</p></noscript>
  </form>
  <h2>${r.entriesHeading}</h2>
  <ul>${published.map((e) => html`<li><a href="${link(evidencePath(e.id))}">${e.title}</a> (<time datetime="${e.occurredOn}">${formatDay(msg, e.occurredOn)}</time>)</li>`)}</ul>
  <h2>${r.standardsHeading}</h2>
  <ol>${view.standards.map((s) => html`<li><a href="${link(`/standards/${s.slug}`)}">${s.title}</a></li>`)}</ol>
</section>`;
}
