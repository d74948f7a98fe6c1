import { html, nothing } from 'lit';
import { AdminSection, load, ROLES, values, type Paged } from './admin-section.js';

interface Account {
  id: number;
  email: string;
  displayName: string;
  role: string;
  disabled: boolean;
}
interface OpenInvite {
  id: number;
  email: string;
  role: string;
  expiresAt: string;
}

/**
 * Users and invitations: invite someone by email (the link is shown too), change a role,
 * disable an account, send a password-reset link. An invite for an email that already has an
 * account offers that account a reset link instead.
 */
export class AdminUsers extends AdminSection<{ accounts: Account[]; invites: OpenInvite[] }> {
  static properties = { ...AdminSection.properties, _inviteLink: { state: true }, _taken: { state: true }, _resetLink: { state: true } };
  declare _inviteLink: string | null;
  declare _taken: Account | null;
  declare _resetLink: { name: string; url: string } | null;
  private _accounts: Account[] = [];

  constructor() {
    super();
    this._inviteLink = null;
    this._taken = null;
    this._resetLink = null;
  }

  protected async load() {
    const invites = await load<OpenInvite[]>('/api/invites');
    const accounts = await load<Paged<Account>>('/api/users?page=1&pageSize=100');
    if (accounts) this._accounts = accounts.items;
    return accounts && { accounts: accounts.items, invites: invites ?? [] };
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

  /** A role gives or takes away access: asked first, and the list shows the old role if cancelled (issue 14). */
  private async _changeRole(u: Account, select: HTMLSelectElement) {
    const a = this.ws.admin;
    const r = this.ws.records;
    const to = select.value;
    const answer = await this._confirm({
      title: r.roleTitle(u.displayName),
      body: [r.roleBody(a.roles[u.role] ?? u.role, a.roles[to] ?? to), r.roleAccess[to] ?? ''],
      confirm: r.roleConfirm(a.roles[to] ?? to),
    });
    if (answer !== 'confirm') {
      select.value = u.role;
      return;
    }
    await this._write('PATCH', `/api/users/${u.id}`, { role: to }, a.saved);
  }

  /** Disabling signs someone out everywhere; enabling lets them back in: both asked first. */
  private async _toggleDisabled(u: Account) {
    const a = this.ws.admin;
    const r = this.ws.records;
    const answer = await this._confirm(
      u.disabled
        ? { title: r.enableTitle(u.displayName), body: [r.enableBody], confirm: a.enable(u.displayName) }
        : { title: r.disableTitle(u.displayName), body: [r.disableBody], confirm: a.disable(u.displayName), danger: true },
    );
    if (answer === 'confirm') await this._write('PATCH', `/api/users/${u.id}`, { disabled: !u.disabled }, a.saved);
  }

  private _resetOffer(u: Account) {
    return html`<button type="button" class="button button--quiet" @click=${() => this._sendReset(u)}>${this.ws.admin.sendReset(u.displayName)}</button>`;
  }

  private async _onInvite(e: Event) {
    e.preventDefault();
    const v = values(e.target as HTMLFormElement);
    this._inviteLink = null;
    this._taken = null;
    this._resetLink = null;
    const res = await this._write('POST', '/api/invites', { email: v.email, role: v.role, language: v.language }, this.ws.admin.saved);
    if (res.ok) this._inviteLink = `${location.origin}${String(res.body.acceptPath)}`;
    else if (res.error.error === 'email-taken') {
      const email = v.email.trim().toLowerCase();
      this._taken = this._accounts.find((u) => u.email === email) ?? null;
      await this._show({ ok: false, text: this.ws.admin.emailTaken(email) });
    }
  }

  protected renderLoaded({ accounts, invites }: { accounts: Account[]; invites: OpenInvite[] }) {
    const a = this.ws.admin;
    const me = this.account?.id;
    return html`<section class="panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">${a.inviteHeading}</h2>
        <form class="ws-form" novalidate @submit=${this._onInvite}>
          ${this._field('email', a.inviteEmail, 'email', '', { prefix: 'invite' })}
          <div class="field"><label for="invite-role">${a.inviteRole}</label>
            <select id="invite-role" name="role">${ROLES.map((r) => html`<option value=${r}>${a.roles[r]}</option>`)}</select></div>
          <div class="field"><label for="invite-language">${a.inviteLanguage}</label>
            <select id="invite-language" name="language">${Object.entries(a.languages).map(([code, name]) => html`<option value=${code} lang=${code}>${name}</option>`)}</select></div>
          <div class="actions"><button type="submit" class="button">${a.inviteSubmit}</button></div>
        </form>
        ${this._taken ? html`<p>${this._resetOffer(this._taken)}</p>` : nothing}
        ${
          this._resetLink
            ? html`<div class="field"><label for="reset-link">${a.resetLink(this._resetLink.name)}</label>
              <input id="reset-link" type="text" readonly .value=${this._resetLink.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()}></div>`
            : nothing
        }
        ${
          this._inviteLink
            ? html`<div class="field"><label for="invite-link">${a.inviteLink}</label>
              <input id="invite-link" type="text" readonly .value=${this._inviteLink} @focus=${(e: Event) => (e.target as HTMLInputElement).select()}>
              <button type="button" class="button button--quiet" @click=${() => navigator.clipboard?.writeText(this._inviteLink!).then(() => (this._message = { ok: true, text: a.copied }))}>${a.copy}</button></div>`
            : nothing
        }
      </section>
      ${
        invites.length
          ? html`<h2>${a.openInvites}</h2>
            <ul>${invites.map((i) => html`<li>${i.email} (${a.roles[i.role] ?? i.role}), ${a.expires(new Date(i.expiresAt).toLocaleDateString(this.msg.langTag))}</li>`)}</ul>`
          : nothing
      }
      <h2>${a.usersHeading}</h2>
      <div class="table-scroll" role="region" aria-label=${a.usersHeading} tabindex="0">
      <table class="ws-table">
        <thead><tr><th scope="col">${a.columns.name}</th><th scope="col">${a.columns.email}</th><th scope="col">${a.columns.role}</th><th scope="col">${a.columns.status}</th><th scope="col">${a.columns.actions}</th></tr></thead>
        <tbody>${accounts.map(
          (u) => html`<tr>
            <td>${u.displayName}</td><td>${u.email}</td>
            <td>${
              u.id === me
                ? a.roles[u.role]
                : html`<select aria-label=${a.roleOf(u.displayName)} @change=${(e: Event) => this._changeRole(u, e.target as HTMLSelectElement)}>
                  ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${a.roles[r]}</option>`)}</select>`
            }</td>
            <td>${u.disabled ? a.disabled : a.active}</td>
            <td>${
              u.id === me
                ? nothing
                : html`<button type="button" class="button button--quiet" @click=${() => this._toggleDisabled(u)}>${u.disabled ? a.enable(u.displayName) : a.disable(u.displayName)}</button>
                  ${u.disabled ? nothing : this._resetOffer(u)}`
            }</td>
          </tr>`,
        )}</tbody>
      </table></div>`;
  }
}
