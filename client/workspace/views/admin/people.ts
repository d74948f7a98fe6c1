import { html, nothing } from 'lit';
import type { PublicSubject } from '../../../../server/schemas/subjects.js';
import { api } from '../../api.js';
import { AdminSection, load, optional, values } from './admin-section.js';

/** The people scored: add one, edit one. */
export class AdminPeople extends AdminSection<PublicSubject[]> {
  static properties = { ...AdminSection.properties, _replyLink: { state: true } };
  /** A reply link just created, shown once (only its hash is stored). */
  declare _replyLink: { slug: string; url: string; expiresAt: string } | null;

  constructor() {
    super();
    this._replyLink = null;
  }

  private async _createReplyLink(slug: string) {
    const res = await this._write('POST', `/api/subjects/${slug}/reply-links`, {}, this.ws.admin.replyLinkCreated);
    if (res.ok) this._replyLink = { slug, url: String(res.body.url), expiresAt: String(res.body.expiresAt) };
  }

  protected load() {
    return load<PublicSubject[]>('/api/subjects');
  }

  private _fields(s: Partial<PublicSubject>, prefix: string) {
    const a = this.ws.admin;
    return html`${prefix === 'new' ? this._field('slug', a.slug, 'text', '', { prefix }) : nothing}
      ${this._field('name', a.name, 'text', s.name ?? '', { prefix })}
      <div class="field"><label for="${prefix}-role">${a.role}</label><select id="${prefix}-role" name="role">
        ${['incumbent', 'candidate', 'former'].map((r) => html`<option value=${r} ?selected=${s.role === r}>${this.msg.roles[r]}</option>`)}</select></div>
      ${this._field('office', a.office, 'text', s.office ?? '', { prefix })}
      ${this._field('bio', a.bio, 'textarea', s.bio ?? '', { prefix, optional: true })}
      ${this._field('officeEs', a.officeEs, 'text', s.translations?.es.office ?? '', { prefix, optional: true, lang: 'es' })}
      ${this._field('bioEs', a.bioEs, 'textarea', s.translations?.es.bio ?? '', { prefix, optional: true, lang: 'es' })}
      ${this._field('photoUrl', a.photoUrl, 'url', s.photoUrl ?? '', { prefix, optional: true })}
      ${this._field('website', a.website, 'url', s.website ?? '', { prefix, optional: true })}`;
  }

  /** Asks first, since it cannot be undone; then reloads the list without the demo people. */
  private async _removeDemo() {
    const a = this.ws.admin;
    if (!window.confirm(a.removeDemoConfirm)) return;
    const res = await api<{ people: number; elections: number; events: number; evidence: number }>('POST', '/api/admin/demo/remove');
    await this._show(
      res.ok
        ? { ok: true, text: a.demoRemoved(res.body) }
        : { ok: false, text: res.status === 0 ? this.ws.networkError : this.ws.serverError(res.error.message) },
    );
    if (res.ok) await this._list.run();
  }

  protected renderLoaded(people: PublicSubject[]) {
    const a = this.ws.admin;
    const demo = people.some((p) => p.demo)
      ? html`<section class="panel" aria-labelledby="demo-data"><h2 id="demo-data">${a.demoHeading}</h2><p>${a.demoIntro}</p>
          <div class="actions"><button type="button" class="button button--danger" @click=${() => void this._removeDemo()}>${a.removeDemo}</button></div></section>`
      : nothing;
    // An emptied optional field clears it when editing; when adding, it is simply left out.
    const body = (v: Record<string, string>, clear: boolean) => ({
      name: v.name,
      role: v.role,
      office: v.office,
      bio: optional(v.bio) ?? (clear ? null : undefined),
      photoUrl: optional(v.photoUrl) ?? (clear ? null : undefined),
      website: optional(v.website) ?? (clear ? null : undefined),
      translations: {
        es: { office: optional(v.officeEs) ?? (clear ? null : undefined), bio: optional(v.bioEs) ?? (clear ? null : undefined) },
      },
    });
    return html`${demo}<section class="panel" aria-labelledby="add-person"><h2 id="add-person">${a.addPerson}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          const v = values(e.target as HTMLFormElement);
          void this._write('POST', '/api/subjects', { slug: v.slug, ...body(v, false) }, a.saved);
        }}>
          ${this._fields({}, 'new')}
          <div class="actions"><button type="submit" class="button">${a.createPerson}</button></div>
        </form></section>
      <h2>${a.peopleHeading}</h2>
      ${people.map(
        (p) => html`<details class="panel"><summary>${a.editPerson(p.name)}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => {
            e.preventDefault();
            void this._write('PATCH', `/api/subjects/${p.slug}`, body(values(e.target as HTMLFormElement), true), a.saved);
          }}>
            ${this._fields(p, `p-${p.slug}`)}
            <div class="actions"><button type="submit" class="button">${a.savePerson(p.name)}</button></div>
          </form>
          <h3>${a.replyHeading}</h3>
          <p class="help">${a.replyIntro}</p>
          <button type="button" class="button button--quiet" @click=${() => this._createReplyLink(p.slug)}>${a.createReplyLink(p.name)}</button>
          ${
            this._replyLink?.slug === p.slug
              ? html`<div class="field"><label for="reply-link-${p.slug}">${a.replyLink(this._replyLink.expiresAt.slice(0, 10))}</label>
                <input id="reply-link-${p.slug}" type="text" readonly .value=${this._replyLink.url}></div>`
              : nothing
          }</details>`,
      )}`;
  }
}
