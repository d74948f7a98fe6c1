import { html, nothing } from 'lit';
import type { PublicSubject } from '../../../../server/schemas/subjects.js';
import { api } from '../../api.js';
import { AdminSection, load, optional, values } from './admin-section.js';

/** The people scored: add one, edit one, mark who is in office, delete or archive one. */
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

  /** Archived people too: this is where they are restored. */
  protected load() {
    return load<PublicSubject[]>('/api/subjects?include=archived');
  }

  protected fieldLabels() {
    const a = this.ws.admin;
    return {
      slug: this.ws.records.slug,
      name: a.name,
      role: a.role,
      office: a.office,
      bio: a.bio,
      photoUrl: a.photoUrl,
      website: a.website,
    };
  }

  private _fields(s: Partial<PublicSubject>, prefix: string) {
    const a = this.ws.admin;
    return html`${prefix === 'new' ? this._nameAndSlug(prefix, '/people/', a.name) : this._field('name', a.name, 'text', s.name ?? '', { prefix })}
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
    const answer = await this._confirm({
      title: this.ws.records.removeDemoTitle,
      body: [a.removeDemoConfirm],
      confirm: a.removeDemo,
      danger: true,
    });
    if (answer !== 'confirm') return;
    const res = await api<{ people: number; elections: number; events: number; evidence: number }>('POST', '/api/admin/demo/remove');
    await this._show(
      res.ok
        ? { ok: true, text: a.demoRemoved(res.body) }
        : { ok: false, text: res.status === 0 ? this.ws.networkError : this.ws.serverError(res.error.message) },
    );
    if (res.ok) await this._list.run();
  }

  private _inOffice(people: PublicSubject[]) {
    const r = this.ws.records;
    const current = people.find((p) => p.inOffice);
    return html`<section class="panel" aria-labelledby="in-office-heading"><h2 id="in-office-heading">${r.inOfficeHeading}</h2>
      <p class="help">${r.inOfficeIntro}</p>
      ${
        current
          ? html`<p><strong>${r.inOfficeNow(current.name)}</strong>${current.demo ? html` ${r.inOfficeDemo}` : nothing}</p>
            <div class="actions"><button type="button" class="button button--quiet" @click=${() =>
              this._write(
                'DELETE',
                `/api/subjects/${current.slug}/in-office`,
                undefined,
                r.unmarked,
              )}>${r.unmarkInOffice(current.name)}</button></div>`
          : html`<p>${r.inOfficeNone}</p>`
      }</section>`;
  }

  protected renderLoaded(people: PublicSubject[]) {
    const a = this.ws.admin;
    const r = this.ws.records;
    const active = people.filter((p) => !p.archivedAt);
    const archived = people.filter((p) => p.archivedAt);
    const demo = active.some((p) => p.demo)
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
    return html`${demo}${this._inOffice(active)}
      <section class="panel" aria-labelledby="add-person"><h2 id="add-person">${a.addPerson}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          const v = values(e.target as HTMLFormElement);
          void this._write('POST', '/api/subjects', { slug: v.slug, ...body(v, false) }, a.saved);
        }}>
          ${this._fields({}, 'new')}
          <div class="actions"><button type="submit" class="button">${a.createPerson}</button></div>
        </form></section>
      <h2>${a.peopleHeading}</h2>
      ${active.map(
        (
          p,
        ) => html`<details class="panel"><summary>${a.editPerson(p.name)}${p.inOffice ? html`<span class="record-tag record-tag--office">${r.inOfficeTag}</span>` : nothing}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => {
            e.preventDefault();
            void this._write('PATCH', `/api/subjects/${p.slug}`, body(values(e.target as HTMLFormElement), true), a.saved);
          }}>
            ${this._fields(p, `p-${p.slug}`)}
            <div class="actions"><button type="submit" class="button">${a.savePerson(p.name)}</button></div>
          </form>
          <div class="actions">
            ${
              p.inOffice
                ? nothing
                : html`<button type="button" class="button button--quiet" @click=${() =>
                    this._write(
                      'POST',
                      `/api/subjects/${p.slug}/in-office`,
                      undefined,
                      r.marked(p.name),
                    )}>${r.markInOffice(p.name)}</button>`
            }
            <button type="button" class="button button--quiet" @click=${() => this._remove(`/api/subjects/${p.slug}`, p.name)}>${r.remove(p.name)}</button>
          </div>
          <h3>${a.replyHeading}</h3>
          <p class="help">${a.replyIntro}</p>
          <button type="button" class="button button--quiet" @click=${() => this._createReplyLink(p.slug)}>${a.createReplyLink(p.name)}</button>
          ${
            this._replyLink?.slug === p.slug
              ? html`<div class="field"><label for="reply-link-${p.slug}">${a.replyLink(this._replyLink.expiresAt.slice(0, 10))}</label>
                <input id="reply-link-${p.slug}" type="text" readonly .value=${this._replyLink.url}></div>`
              : nothing
          }</details>`,
      )}
      ${archived.length ? this._archivedList(archived) : nothing}`;
  }

  private _archivedList(people: PublicSubject[]) {
    const r = this.ws.records;
    return html`<h2 id="archived-people">${r.archivedHeading}</h2>
      <ul class="archived-list" aria-labelledby="archived-people">${people.map(
        (p) => html`<li class="panel"><a href="/people/${p.slug}">${p.name}</a><span class="record-tag">${r.archivedTag}</span>
          <button type="button" class="button button--quiet" @click=${() => this._write('POST', `/api/subjects/${p.slug}/restore`, undefined, r.restored(p.name))}>${r.restore(p.name)}</button></li>`,
      )}</ul>`;
  }
}
