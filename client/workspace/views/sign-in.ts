import { html, nothing } from 'lit';
import { api, fieldErrors } from '../api.js';
import { AccountForm } from './account-form.js';
import { isLocale } from '../../../i18n/locales.js';
import { workspacePath } from '../language.js';

/** Sign-in; afterwards back to the workspace screen the visitor was going to. */
export class SignIn extends AccountForm {
  static properties = { ...AccountForm.properties, _needCode: { state: true } };
  /** Set once the server answered totp-required: the code field appears. */
  declare _needCode: boolean;

  constructor() {
    super();
    this._needCode = false;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const w = this.ws;
    this._busy = true;
    const code = this._needCode ? this._value(event, 'code').trim() : '';
    const result = await api<{ language: string }>('POST', '/api/auth/login', {
      email: this._value(event, 'email'),
      password: this._value(event, 'password'),
      ...(code ? { code } : {}),
    });
    this._busy = false;
    if (result.ok) {
      // The workspace opens in the account's language, whichever language signed in.
      const language = isLocale(result.body.language) ? result.body.language : undefined;
      location.assign(workspacePath(this.page.next ?? '/workspace', language));
      return;
    }
    this._fields = result.status === 400 ? fieldErrors(result.error) : new Map();
    if (result.status === 401 && result.error.error === 'totp-required') {
      this._needCode = true;
      this._error = null;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#code')?.focus();
      return;
    }
    this._error =
      result.status === 401
        ? result.error.error === 'invalid-code'
          ? w.signIn.badCode
          : w.signIn.failed
        : result.status === 0
          ? w.networkError
          : result.error.message;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#sign-in-error')?.focus();
  }

  render() {
    const w = this.ws;
    const s = w.signIn;
    return html`<h1>${w.titles['sign-in']}</h1>
      <p class="lede">${s.intro}</p>
      ${this.page.next ? html`<p class="notice">${s.returnTo(this.page.next)}</p>` : nothing}
      ${this._error ? html`<p class="form-error" id="sign-in-error" role="alert" tabindex="-1">${this._error}</p>` : nothing}
      <form class="ws-form narrow" novalidate @submit=${this._onSubmit}>
        <div class="field">
          <label for="email">${s.email}</label>
          <input id="email" name="email" type="email" autocomplete="username" required aria-invalid=${this._invalid('email')} aria-describedby=${this._describedBy('email')}>
          ${this._fieldError('email')}
        </div>
        <div class="field">
          <label for="password">${s.password}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required aria-invalid=${this._invalid('password')} aria-describedby=${this._describedBy('password')}>
          ${this._fieldError('password')}
        </div>
        ${
          this._needCode
            ? html`<div class="field">
              <p id="code-intro">${s.codeIntro}</p>
              <label for="code">${s.code}</label>
              <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required aria-describedby="code-intro">
            </div>`
            : nothing
        }
        <div class="actions"><button type="submit" class="button" ?disabled=${this._busy}>${s.submit}</button></div>
      </form>
      <p><a href="${this.link('/workspace/forgot-password')}">${s.forgot}</a></p>`;
  }
}
