import { html, nothing } from 'lit';
import { api, fieldErrors } from '../api.js';
import { AccountForm } from './account-form.js';

/**
 * Accepting an invitation. The token travels in the URL fragment, which browsers never send
 * to servers or put in Referer headers, so it stays out of logs.
 */
export class InviteAccept extends AccountForm {
  private get _token() {
    return decodeURIComponent(location.hash.replace(/^#/, ''));
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const w = this.ws;
    this._busy = true;
    const result = await api('POST', '/api/invites/accept', {
      token: this._token,
      displayName: this._value(event, 'displayName'),
      password: this._value(event, 'password'),
    });
    this._busy = false;
    if (result.ok) {
      history.replaceState(null, '', this.link('/workspace/invite'));
      location.assign(this.link('/workspace'));
      return;
    }
    this._fields = result.status === 400 ? fieldErrors(result.error) : new Map();
    this._error =
      result.status === 410
        ? w.invite.invalid
        : result.status === 400
          ? w.fixFields(this._fields.size)
          : result.status === 0
            ? w.networkError
            : result.error.message;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#invite-error')?.focus();
  }

  render() {
    const w = this.ws;
    const s = w.invite;
    if (!this._token) return html`<h1>${w.titles.invite}</h1><p role="alert">${s.noToken}</p>`;
    return html`<h1>${w.titles.invite}</h1>
      <p class="lede" id="invite-intro">${s.intro}</p>
      ${this._error ? html`<p class="form-error" id="invite-error" role="alert" tabindex="-1">${this._error}</p>` : nothing}
      <form class="ws-form narrow" novalidate @submit=${this._onSubmit}>
        <div class="field">
          <label for="displayName">${s.displayName}</label>
          <input id="displayName" name="displayName" type="text" autocomplete="name" maxlength="100" aria-invalid=${this._invalid('displayName')} aria-describedby=${this._describedBy('displayName')}>
          ${this._fieldError('displayName')}
        </div>
        <div class="field">
          <label for="password">${s.password}</label>
          <input id="password" name="password" type="password" autocomplete="new-password" aria-invalid=${this._invalid('password')} aria-describedby=${this._describedBy('password', 'invite-intro')}>
          ${this._fieldError('password')}
        </div>
        <div class="actions"><button type="submit" class="button" ?disabled=${this._busy}>${s.submit}</button></div>
      </form>`;
  }
}
