import { html, nothing } from 'lit';
import { api, fieldErrors } from '../api.js';
import { AccountForm } from './account-form.js';

/** "Forgot your password?": asks for the email; the answer is the same whether or not it has an account. */
export class ForgotPassword extends AccountForm {
  static properties = { ...AccountForm.properties, _sent: { state: true } };
  declare _sent: boolean;

  constructor() {
    super();
    this._sent = false;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const w = this.ws;
    this._busy = true;
    const result = await api('POST', '/api/auth/password-reset', { email: this._value(event, 'email') });
    this._busy = false;
    if (result.ok) {
      this._sent = true;
      this._error = null;
    } else {
      this._fields = result.status === 400 ? fieldErrors(result.error) : new Map();
      this._error = result.status === 400 ? w.fixFields(this._fields.size) : result.status === 0 ? w.networkError : result.error.message;
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>(result.ok ? '#forgot-sent' : '#forgot-error')?.focus();
  }

  render() {
    const w = this.ws;
    const s = w.forgot;
    return html`<h1>${w.titles['forgot-password']}</h1>
      ${
        this._sent
          ? html`<p class="notice" id="forgot-sent" role="status" tabindex="-1">${s.sent}</p><p><a href="/workspace">${s.backToSignIn}</a></p>`
          : html`<p class="lede" id="forgot-intro">${s.intro}</p>
            ${this._error ? html`<p class="form-error" id="forgot-error" role="alert" tabindex="-1">${this._error}</p>` : nothing}
            <form class="ws-form narrow" novalidate @submit=${this._onSubmit}>
              <div class="field">
                <label for="email">${s.email}</label>
                <input id="email" name="email" type="email" autocomplete="username" required aria-invalid=${this._invalid('email')} aria-describedby=${this._describedBy('email', 'forgot-intro')}>
                ${this._fieldError('email')}
              </div>
              <div class="actions"><button type="submit" class="button" ?disabled=${this._busy}>${s.submit}</button></div>
            </form>
            <p><a href="/workspace">${s.backToSignIn}</a></p>`
      }`;
  }
}

/**
 * Choosing a new password from the emailed link. The token travels in the URL fragment, like
 * an invitation's, so it never reaches a server log or a Referer header.
 */
export class ResetPassword extends AccountForm {
  static properties = { ...AccountForm.properties, _done: { state: true } };
  declare _done: boolean;
  private readonly _token = decodeURIComponent(location.hash.replace(/^#/, ''));

  constructor() {
    super();
    this._done = false;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const w = this.ws;
    this._busy = true;
    const result = await api('POST', '/api/auth/password-reset/confirm', { token: this._token, password: this._value(event, 'password') });
    this._busy = false;
    if (result.ok) {
      // The link is spent: keep it out of the history.
      history.replaceState(null, '', this.link('/workspace/reset-password'));
      this._done = true;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#reset-done')?.focus();
      return;
    }
    this._fields = result.status === 400 ? fieldErrors(result.error) : new Map();
    this._error =
      result.status === 410
        ? w.reset.invalid
        : result.status === 400
          ? w.fixFields(this._fields.size)
          : result.status === 0
            ? w.networkError
            : result.error.message;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#reset-error')?.focus();
  }

  render() {
    const w = this.ws;
    const s = w.reset;
    if (this._done)
      return html`<h1>${w.titles['reset-password']}</h1><p class="notice" id="reset-done" role="status" tabindex="-1">${s.done}</p><p><a class="button" href="/workspace">${s.signIn}</a></p>`;
    if (!this._token)
      return html`<h1>${w.titles['reset-password']}</h1><p role="alert">${s.noToken}</p><p><a href="/workspace/forgot-password">${s.askAgain}</a></p>`;
    return html`<h1>${w.titles['reset-password']}</h1>
      <p class="lede" id="reset-intro">${s.intro}</p>
      ${
        this._error
          ? html`<p class="form-error" id="reset-error" role="alert" tabindex="-1">${this._error}</p>${this._error === s.invalid ? html`<p><a href="/workspace/forgot-password">${s.askAgain}</a></p>` : nothing}`
          : nothing
      }
      <form class="ws-form narrow" novalidate @submit=${this._onSubmit}>
        <div class="field">
          <label for="password">${s.password}</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required aria-invalid=${this._invalid('password')} aria-describedby=${this._describedBy('password', 'reset-intro')}>
          ${this._fieldError('password')}
        </div>
        <div class="actions"><button type="submit" class="button" ?disabled=${this._busy}>${s.submit}</button></div>
      </form>`;
  }
}
