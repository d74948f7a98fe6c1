import { html, nothing, type TemplateResult } from 'lit';
import { api, fieldErrors } from '../api.js';
import type { PublicStandard } from '../../../server/schemas/standards.js';
import type { PublicSubject } from '../../../server/schemas/subjects.js';
import { WorkspaceView } from '../workspace-view.js';

interface Account {
  id: number;
  email: string;
  displayName: string;
  role: string;
  disabled: boolean;
}
interface AuditEntry {
  id: number;
  actor: { displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  createdAt: string;
}
interface OpenInvite {
  id: number;
  email: string;
  role: string;
  expiresAt: string;
}
interface OutboxMessage {
  id: number;
  kind: string;
  toAddress: string;
  subject: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}
interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const ROLES = ['volunteer', 'reviewer', 'admin'];
const AUDIT_PAGE = 50;

/** Reads a form's named fields as strings. */
function values(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
}
const optional = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const lines = (v: string | undefined) => (v ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/**
 * The admin screens, kept plain: one section at a time (users and invites, people,
 * elections, events, the standards' text, the audit log), each a list and a form on the API.
 */
export class AdminScreens extends WorkspaceView {
  static properties = { section: {}, _rows: { state: true }, _message: { state: true }, _errors: { state: true }, _inviteLink: { state: true }, _page: { state: true } };
  /** Which section is shown. */
  declare section: string;
  declare _rows: unknown[] | 'loading' | 'failed';
  declare _message: { ok: boolean; text: string } | null;
  declare _errors: Map<string, string>;
  declare _inviteLink: string | null;
  declare _page: number;
  private _total = 0;
  private _invites: OpenInvite[] = [];
  private _accounts: Account[] = [];
  private _outboxSending = false;
  /** An invite refused because the email has an account: offer that account a reset link. */
  private _taken: Account | null = null;
  private _resetLink: { name: string; url: string } | null = null;

  constructor() {
    super();
    this.section = 'users';
    this._rows = 'loading';
    this._message = null;
    this._errors = new Map();
    this._inviteLink = null;
    this._page = 1;
  }

  connectedCallback() {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    this._rows = 'loading';
    const paged = async <T>(path: string) => {
      const r = await api<Paged<T>>('GET', path);
      if (r.ok) this._total = r.body.total;
      return r.ok ? r.body.items : null;
    };
    const list = async <T>(path: string) => {
      const r = await api<T[]>('GET', path);
      return r.ok ? r.body : null;
    };
    if (this.section === 'users') {
      const open = await api<OpenInvite[]>('GET', '/api/invites');
      this._invites = open.ok ? open.body : [];
    }
    if (this.section === 'outbox') {
      const r = await api<Paged<OutboxMessage> & { sending: boolean }>('GET', `/api/outbox?page=${this._page}&pageSize=${AUDIT_PAGE}`);
      if (r.ok) {
        this._total = r.body.total;
        this._outboxSending = r.body.sending;
      }
      this._rows = r.ok ? r.body.items : 'failed';
      return;
    }
    const rows =
      this.section === 'users'
        ? await paged<Account>(`/api/users?page=${this._page}&pageSize=100`)
        : this.section === 'audit'
          ? await paged<AuditEntry>(`/api/audit?page=${this._page}&pageSize=${AUDIT_PAGE}`)
          : this.section === 'people'
            ? await list<PublicSubject>('/api/subjects')
            : this.section === 'elections'
              ? await list('/api/elections')
              : this.section === 'events'
                ? await list('/api/events')
                : await list<PublicStandard>('/api/standards');
    this._rows = rows ?? 'failed';
    if (this.section === 'users' && rows) this._accounts = rows as Account[];
  }

  /** Sends a write, shows its outcome next to the form, and reloads the list. */
  private async _write(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, done: string) {
    const w = this.ws;
    const res = await api<Record<string, unknown>>(method, path, body);
    if (res.ok) {
      this._errors = new Map();
      this._message = { ok: true, text: done };
      await this._load();
    } else {
      this._errors = res.status === 400 ? fieldErrors(res.error) : new Map();
      this._message = { ok: false, text: res.status === 0 ? w.networkError : w.serverError(res.error.message) };
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('#admin-message')?.focus();
    return res;
  }

  private _field(name: string, label: string, type = 'text', value = '', extra: { optional?: boolean; rows?: number; prefix?: string } = {}): TemplateResult {
    const id = `${extra.prefix ?? 'f'}-${name}`;
    const error = this._errors.get(name);
    const control =
      type === 'textarea'
        ? html`<textarea id=${id} name=${name} rows=${extra.rows ?? 3} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}></textarea>`
        : html`<input id=${id} name=${name} type=${type} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}>`;
    return html`<div class="field"><label for=${id}>${label}${extra.optional ? html` <span class="muted">(${this.ws.optional})</span>` : nothing}</label>${control}${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}</div>`;
  }

  render() {
    const w = this.ws;
    const a = w.admin;
    return html`<h1>${w.titles.admin}: ${a.sections[this.section]}</h1>
      <nav aria-label=${a.sectionsLabel}><ul class="tabs">
        ${Object.keys(a.sections).map((s) => html`<li><a href="/workspace/admin/${s}" aria-current=${s === this.section ? 'page' : nothing}>${a.sections[s]}</a></li>`)}
      </ul></nav>
      ${this._message ? html`<p id="admin-message" tabindex="-1" class=${this._message.ok ? 'notice' : 'form-error'} role=${this._message.ok ? 'status' : 'alert'}>${this._message.text}</p>` : nothing}
      ${this._rows === 'loading'
        ? html`<p class="muted" role="status">${this.msg.loading}</p>`
        : this._rows === 'failed'
          ? html`<p role="alert">${w.loadError}</p><button type="button" class="button" @click=${this._load}>${w.retry}</button>`
          : this._section(this._rows)}`;
  }

  private _section(rows: unknown[]) {
    switch (this.section) {
      case 'users':
        return this._users(rows as Account[]);
      case 'audit':
        return this._audit(rows as AuditEntry[]);
      case 'outbox':
        return this._outbox(rows as OutboxMessage[]);
      case 'people':
        return this._people(rows as PublicSubject[]);
      case 'elections':
        return this._elections(rows as Array<{ slug: string; name: string; electionDate: string; candidates: Array<{ slug: string }> }>);
      case 'events':
        return this._events(rows as Array<{ id: number; title: string; startsAt: string; place: string; flyerUrl: string | null }>);
      default:
        return this._standards(rows as PublicStandard[]);
    }
  }

  private _users(accounts: Account[]) {
    const a = this.ws.admin;
    const me = this.account?.id;
    const onInvite = async (e: Event) => {
      e.preventDefault();
      const v = values(e.target as HTMLFormElement);
      this._inviteLink = null;
      this._taken = null;
      this._resetLink = null;
      const res = await this._write('POST', '/api/invites', { email: v.email, role: v.role, language: v.language }, a.saved);
      if (res.ok) this._inviteLink = `${location.origin}${String(res.body.acceptPath)}`;
      else if (res.error.error === 'email-taken') {
        const email = v.email.trim().toLowerCase();
        this._taken = this._accounts.find((u) => u.email === email) ?? null;
        this._message = { ok: false, text: a.emailTaken(email) };
        this.requestUpdate();
      }
    };
    const resetOffer = (u: Account) =>
      html`<button type="button" class="button button--quiet" @click=${() => this._sendReset(u)}>${a.sendReset(u.displayName)}</button>`;
    return html`<section class="panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">${a.inviteHeading}</h2>
        <form class="ws-form" novalidate @submit=${onInvite}>
          ${this._field('email', a.inviteEmail, 'email', '', { prefix: 'invite' })}
          <div class="field"><label for="invite-role">${a.inviteRole}</label>
            <select id="invite-role" name="role">${ROLES.map((r) => html`<option value=${r}>${a.roles[r]}</option>`)}</select></div>
          <div class="field"><label for="invite-language">${a.inviteLanguage}</label>
            <select id="invite-language" name="language">${Object.entries(a.languages).map(([code, name]) => html`<option value=${code} lang=${code}>${name}</option>`)}</select></div>
          <div class="actions"><button type="submit" class="button">${a.inviteSubmit}</button></div>
        </form>
        ${this._taken ? html`<p>${resetOffer(this._taken)}</p>` : nothing}
        ${this._resetLink
          ? html`<div class="field"><label for="reset-link">${a.resetLink(this._resetLink.name)}</label>
              <input id="reset-link" type="text" readonly .value=${this._resetLink.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()}></div>`
          : nothing}
        ${this._inviteLink
          ? html`<div class="field"><label for="invite-link">${a.inviteLink}</label>
              <input id="invite-link" type="text" readonly .value=${this._inviteLink} @focus=${(e: Event) => (e.target as HTMLInputElement).select()}>
              <button type="button" class="button button--quiet" @click=${() => navigator.clipboard?.writeText(this._inviteLink!).then(() => (this._message = { ok: true, text: a.copied }))}>${a.copy}</button></div>`
          : nothing}
      </section>
      ${this._invites.length
        ? html`<h2>${a.openInvites}</h2>
            <ul>${this._invites.map((i) => html`<li>${i.email} (${a.roles[i.role] ?? i.role}), ${a.expires(new Date(i.expiresAt).toLocaleDateString(this.msg.langTag))}</li>`)}</ul>`
        : nothing}
      <h2>${a.usersHeading}</h2>
      <div class="table-scroll" role="region" aria-label=${a.usersHeading} tabindex="0">
      <table class="ws-table">
        <thead><tr><th scope="col">${a.columns.name}</th><th scope="col">${a.columns.email}</th><th scope="col">${a.columns.role}</th><th scope="col">${a.columns.status}</th><th scope="col">${a.columns.actions}</th></tr></thead>
        <tbody>${accounts.map(
          (u) => html`<tr>
            <td>${u.displayName}</td><td>${u.email}</td>
            <td>${u.id === me
              ? a.roles[u.role]
              : html`<select aria-label=${a.roleOf(u.displayName)} @change=${(e: Event) => this._write('PATCH', `/api/users/${u.id}`, { role: (e.target as HTMLSelectElement).value }, a.saved)}>
                  ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${a.roles[r]}</option>`)}</select>`}</td>
            <td>${u.disabled ? a.disabled : a.active}</td>
            <td>${u.id === me
              ? nothing
              : html`<button type="button" class="button button--quiet" @click=${() => this._write('PATCH', `/api/users/${u.id}`, { disabled: !u.disabled }, a.saved)}>${u.disabled ? a.enable(u.displayName) : a.disable(u.displayName)}</button>
                  ${u.disabled ? nothing : resetOffer(u)}`}</td>
          </tr>`,
        )}</tbody>
      </table></div>`;
  }

  /** Sends a reset link (the API emails it too) and shows it, for an admin to pass on by hand. */
  private async _sendReset(u: Account) {
    const res = await this._write('POST', `/api/users/${u.id}/password-reset`, undefined, this.ws.admin.saved);
    if (res.ok) {
      this._taken = null;
      this._resetLink = { name: u.displayName, url: String(res.body.url) };
      await this.updateComplete;
      this.querySelector<HTMLElement>('#reset-link')?.focus();
    }
  }

  private _outbox(messages: OutboxMessage[]) {
    const a = this.ws.admin;
    const h = this.ws.home;
    const pages = Math.max(1, Math.ceil(this._total / AUDIT_PAGE));
    const go = (page: number) => {
      this._page = page;
      void this._load();
    };
    return html`<p class="lede">${this._outboxSending ? a.outboxSending : a.outboxHeld}</p>
      ${messages.length === 0
        ? html`<p>${a.outboxEmpty}</p>`
        : html`<ul class="outbox">${messages.map(
            (m) => html`<li class="panel">
              <p><strong>${m.subject}</strong></p>
              <p>${a.outboxColumns.to}: ${m.toAddress} · <time datetime=${m.createdAt}>${new Date(m.createdAt).toLocaleString(this.msg.langTag)}</time> ·
                <span class="status status--${m.status}">${a.mailStatus[m.status] ?? m.status}</span>${m.attempts ? html` · ${a.attempts(m.attempts, m.lastError)}` : nothing}</p>
              <details><summary>${a.readMessage(m.subject)}</summary><pre class="mail-text">${m.text}</pre></details>
            </li>`,
          )}</ul>
          <nav class="pager" aria-label=${h.pageOf(this._page, pages)}>
            <button type="button" class="button button--quiet" ?disabled=${this._page <= 1} @click=${() => go(this._page - 1)}>${h.previous}</button>
            <span>${h.pageOf(this._page, pages)}</span>
            <button type="button" class="button button--quiet" ?disabled=${this._page >= pages} @click=${() => go(this._page + 1)}>${h.next}</button>
          </nav>`}`;
  }

  private _audit(entries: AuditEntry[]) {
    const a = this.ws.admin;
    const h = this.ws.home;
    const pages = Math.max(1, Math.ceil(this._total / AUDIT_PAGE));
    const go = (page: number) => {
      this._page = page;
      void this._load();
    };
    return html`<div class="table-scroll" role="region" aria-label=${a.auditHeading} tabindex="0">
      <table class="ws-table">
        <thead><tr><th scope="col">${a.auditColumns.when}</th><th scope="col">${a.auditColumns.who}</th><th scope="col">${a.auditColumns.action}</th><th scope="col">${a.auditColumns.entity}</th></tr></thead>
        <tbody>${entries.map(
          (e) => html`<tr><td><time datetime=${e.createdAt}>${new Date(e.createdAt).toLocaleString(this.msg.langTag)}</time></td><td>${e.actor?.displayName ?? a.system}</td><td><code>${e.action}</code></td>
            <td>${e.entityType === 'evidence' && e.entityId ? html`<a href="/workspace/evidence/${e.entityId}">${e.entityType} ${e.entityId}</a>` : `${e.entityType} ${e.entityId ?? ''}`}</td></tr>`,
        )}</tbody>
      </table></div>
      <nav class="pager" aria-label=${h.pageOf(this._page, pages)}>
        <button type="button" class="button button--quiet" ?disabled=${this._page <= 1} @click=${() => go(this._page - 1)}>${h.previous}</button>
        <span>${h.pageOf(this._page, pages)}</span>
        <button type="button" class="button button--quiet" ?disabled=${this._page >= pages} @click=${() => go(this._page + 1)}>${h.next}</button>
      </nav>`;
  }

  private _subjectFields(s: Partial<PublicSubject>, prefix: string) {
    const a = this.ws.admin;
    return html`${prefix === 'new' ? this._field('slug', a.slug, 'text', '', { prefix }) : nothing}
      ${this._field('name', a.name, 'text', s.name ?? '', { prefix })}
      <div class="field"><label for="${prefix}-role">${a.role}</label><select id="${prefix}-role" name="role">
        ${['incumbent', 'candidate', 'former'].map((r) => html`<option value=${r} ?selected=${s.role === r}>${this.msg.roles[r]}</option>`)}</select></div>
      ${this._field('office', a.office, 'text', s.office ?? '', { prefix })}
      ${this._field('bio', a.bio, 'textarea', s.bio ?? '', { prefix, optional: true })}
      ${this._field('photoUrl', a.photoUrl, 'url', s.photoUrl ?? '', { prefix, optional: true })}
      ${this._field('website', a.website, 'url', s.website ?? '', { prefix, optional: true })}`;
  }

  private _people(people: PublicSubject[]) {
    const a = this.ws.admin;
    const body = (v: Record<string, string>, clear: boolean) => ({
      name: v.name,
      role: v.role,
      office: v.office,
      bio: optional(v.bio) ?? (clear ? null : undefined),
      photoUrl: optional(v.photoUrl) ?? (clear ? null : undefined),
      website: optional(v.website) ?? (clear ? null : undefined),
    });
    return html`<section class="panel" aria-labelledby="add-person"><h2 id="add-person">${a.addPerson}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => { e.preventDefault(); const v = values(e.target as HTMLFormElement); void this._write('POST', '/api/subjects', { slug: v.slug, ...body(v, false) }, a.saved); }}>
          ${this._subjectFields({}, 'new')}
          <div class="actions"><button type="submit" class="button">${a.createPerson}</button></div>
        </form></section>
      <h2>${a.peopleHeading}</h2>
      ${people.map(
        (p) => html`<details class="panel"><summary>${a.editPerson(p.name)}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void this._write('PATCH', `/api/subjects/${p.slug}`, body(values(e.target as HTMLFormElement), true), a.saved); }}>
            ${this._subjectFields(p, `p-${p.slug}`)}
            <div class="actions"><button type="submit" class="button">${a.savePerson(p.name)}</button></div>
          </form></details>`,
      )}`;
  }

  private _elections(elections: Array<{ slug: string; name: string; electionDate: string; candidates: Array<{ slug: string }> }>) {
    const a = this.ws.admin;
    const body = (v: Record<string, string>) => ({
      name: v.name,
      electionDate: v.electionDate,
      registrationDeadline: optional(v.registrationDeadline),
      infoUrl: optional(v.infoUrl),
      candidates: lines(v.candidates),
    });
    const fields = (el: Partial<{ name: string; electionDate: string; registrationDeadline: string | null; infoUrl: string | null; candidates: Array<{ slug: string }> }>, prefix: string) =>
      html`${this._field('name', a.name, 'text', el.name ?? '', { prefix })}
        ${this._field('electionDate', a.electionDate, 'date', el.electionDate ?? '', { prefix })}
        ${this._field('registrationDeadline', a.registrationDeadline, 'date', el.registrationDeadline ?? '', { prefix, optional: true })}
        ${this._field('infoUrl', a.infoUrl, 'url', el.infoUrl ?? '', { prefix, optional: true })}
        ${this._field('candidates', a.candidates, 'textarea', (el.candidates ?? []).map((c) => c.slug).join('\n'), { prefix })}`;
    return html`<section class="panel" aria-labelledby="add-election"><h2 id="add-election">${a.addElection}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => { e.preventDefault(); const v = values(e.target as HTMLFormElement); void this._write('POST', '/api/elections', { slug: v.slug, ...body(v) }, a.saved); }}>
          ${this._field('slug', a.slug, 'text', '', { prefix: 'new-election' })}${fields({}, 'new-election')}
          <div class="actions"><button type="submit" class="button">${a.createElection}</button></div>
        </form></section>
      <h2>${a.electionsHeading}</h2>
      ${elections.map(
        (el) => html`<details class="panel"><summary>${el.name}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void this._write('PATCH', `/api/elections/${el.slug}`, body(values(e.target as HTMLFormElement)), a.saved); }}>
            ${fields(el, `e-${el.slug}`)}
            <div class="actions"><button type="submit" class="button">${a.saveElection(el.name)}</button></div>
          </form></details>`,
      )}`;
  }

  private _events(events: Array<{ id: number; title: string; startsAt: string; place: string; flyerUrl: string | null }>) {
    const a = this.ws.admin;
    const onCreate = (e: Event) => {
      e.preventDefault();
      const v = values(e.target as HTMLFormElement);
      // A datetime-local value has no offset; the API wants one, and events happen in Sacramento.
      const startsAt = v.startsAt ? new Date(v.startsAt).toISOString() : '';
      void this._write('POST', '/api/events', { title: v.title, startsAt, place: v.place, description: optional(v.description), url: optional(v.url), subjects: lines(v.subjects) }, a.saved);
    };
    return html`<section class="panel" aria-labelledby="add-event"><h2 id="add-event">${a.addEvent}</h2>
        <form class="ws-form" novalidate @submit=${onCreate}>
          ${this._field('title', a.eventTitle, 'text', '', { prefix: 'ev' })}
          ${this._field('startsAt', a.startsAt, 'datetime-local', '', { prefix: 'ev' })}
          ${this._field('place', a.place, 'text', '', { prefix: 'ev' })}
          ${this._field('description', a.description, 'textarea', '', { prefix: 'ev', optional: true })}
          ${this._field('url', a.url, 'url', '', { prefix: 'ev', optional: true })}
          ${this._field('subjects', a.eventSubjects, 'textarea', '', { prefix: 'ev', optional: true })}
          <div class="actions"><button type="submit" class="button">${a.createEvent}</button></div>
        </form></section>
      <h2>${a.eventsHeading}</h2>
      <ul class="event-list">${events.map(
        (ev) => html`<li class="panel">${ev.title}, ${new Date(ev.startsAt).toLocaleString(this.msg.langTag)}, ${ev.place}
          ${ev.flyerUrl ? html`<p><a href=${ev.flyerUrl}>${a.currentFlyer}</a></p>` : nothing}
          <form class="ws-form" novalidate @submit=${(e: Event) => this._uploadFlyer(e, ev.id)}>
            <div class="field"><label for="flyer-${ev.id}">${a.flyerFor(ev.title)}</label><input id="flyer-${ev.id}" name="flyer" type="file" accept="image/png,image/jpeg,image/webp"></div>
            <div class="actions"><button type="submit" class="button button--quiet">${a.uploadFlyer(ev.title)}</button>
              <button type="button" class="button button--quiet" @click=${() => this._write('DELETE', `/api/events/${ev.id}`, undefined, a.saved)}>${a.deleteEvent(ev.title)}</button></div>
          </form></li>`,
      )}</ul>`;
  }

  /** Flyers go up as multipart/form-data (a file, not JSON); same-origin fetch carries the cookie and Origin. */
  private async _uploadFlyer(event: Event, id: number) {
    event.preventDefault();
    const w = this.ws;
    const form = new FormData(event.target as HTMLFormElement);
    let text: string;
    try {
      const res = await fetch(`/api/events/${id}/flyer`, { method: 'POST', body: form, credentials: 'same-origin' });
      const body = (await res.json().catch(() => ({}))) as { message?: string; details?: Array<{ message: string }> };
      text = res.ok ? w.admin.saved : w.serverError(body.details?.map((d) => d.message).join('; ') || body.message || String(res.status));
      this._message = { ok: res.ok, text };
      if (res.ok) await this._load();
    } catch {
      this._message = { ok: false, text: w.networkError };
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('#admin-message')?.focus();
  }

  private _standards(standards: PublicStandard[]) {
    const a = this.ws.admin;
    return html`<h2>${a.standardsHeading}</h2>
      ${standards.map(
        (s) => html`<details class="panel"><summary>${s.number}. ${s.title}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => {
            e.preventDefault();
            const v = values(e.target as HTMLFormElement);
            void this._write('PATCH', `/api/standards/${s.slug}`, { title: v.title, summary: v.summary, daPower: v.daPower, indicators: lines(v.indicators) }, a.saved);
          }}>
            ${this._field('title', a.standardTitle, 'text', s.title, { prefix: `s-${s.slug}` })}
            ${this._field('summary', a.summary, 'textarea', s.summary, { prefix: `s-${s.slug}`, rows: 4 })}
            ${this._field('daPower', a.daPower, 'textarea', s.daPower, { prefix: `s-${s.slug}`, rows: 3 })}
            ${this._field('indicators', a.indicators, 'textarea', s.indicators.join('\n'), { prefix: `s-${s.slug}`, rows: 4 })}
            <div class="actions"><button type="submit" class="button">${a.saveStandard(s.number)}</button></div>
          </form></details>`,
      )}`;
  }
}

