import { html, nothing } from 'lit';
import { Task } from '@lit/task';
import type { AccountSettings as Settings, SessionInfo as Session, TotpSetup as Setup } from '../../../server/schemas/accounts.js';
import { api, fieldErrors } from '../api.js';
import { removeAllDrafts } from '../drafts.js';
import { WorkspaceView } from '../workspace-view.js';
import { isLocale } from '../../../i18n/locales.js';
import { pageLocale, workspacePath } from '../language.js';

const formValues = (event: Event) =>
  Object.fromEntries([...new FormData(event.target as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)]));

/**
 * /workspace/account: display name and email language, password, the optional emails (one
 * click turns them all off), two-factor sign-in with its QR code and recovery codes, and the
 * sessions with "sign out everywhere". Each section reports its own outcome next to it.
 */
export class AccountPage extends WorkspaceView {
  static properties = {
    _settings: { state: true },
    _sessions: { state: true },
    _setup: { state: true },
    _recovery: { state: true },
    _notice: { state: true },
    _fields: { state: true },
  };
  /** The settings as last loaded, or as a save changed them; null until the first load. */
  declare _settings: Settings | null;
  declare _sessions: Session[];
  declare _setup: Setup | null;
  declare _recovery: string[] | null;
  /** The outcome of the last action, shown in the section it belongs to. */
  declare _notice: { section: string; ok: boolean; text: string } | null;
  declare _fields: Map<string, string>;

  constructor() {
    super();
    this._settings = null;
    this._sessions = [];
    this._setup = null;
    this._recovery = null;
    this._notice = null;
    this._fields = new Map();
  }

  /**
   * Loads the settings and sessions when the screen opens; renderTask shows loading and failure
   * with a retry. A save reruns it (`_load`) to show what the server now holds; the sections
   * stay on screen meanwhile (see render), so a save's outcome and the focus are not lost.
   */
  private readonly _loader = new Task(this, {
    task: async () => {
      const [settings, sessions] = await Promise.all([
        api<Settings>('GET', '/api/auth/account'),
        api<Session[]>('GET', '/api/auth/sessions'),
      ]);
      if (!settings.ok) throw new Error('The account could not be loaded');
      this._settings = settings.body;
      this._sessions = sessions.ok ? sessions.body : [];
      return settings.body;
    },
    args: () => [],
    onComplete: () => void this._scrollToTarget(),
  });
  private _scrolled = false;

  /** Sent here to set up two-factor sign-in, or from an email's "turn these off" link: once, after the first load. */
  private async _scrollToTarget() {
    if (this._scrolled) return;
    this._scrolled = true;
    await this.updateComplete;
    const target = new URLSearchParams(location.search).get('setup') === 'two-factor' ? 'two-factor' : location.hash.slice(1);
    if (target) this.querySelector<HTMLElement>(`#${CSS.escape(target)}`)?.scrollIntoView();
  }

  private async _load() {
    await this._loader.run();
    await this.updateComplete;
  }

  private async _send(section: string, method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, done: string) {
    const w = this.ws;
    const res = await api<Record<string, unknown>>(method, path, body);
    this._fields = !res.ok && res.status === 400 ? fieldErrors(res.error) : new Map();
    this._notice = {
      section,
      ok: res.ok,
      text: res.ok ? done : res.status === 0 ? w.networkError : res.status === 400 ? w.fixFields(this._fields.size) : res.error.message,
    };
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#${section}-notice`)?.focus();
    return res;
  }

  private _noticeFor(section: string) {
    const n = this._notice;
    return n && n.section === section
      ? html`<p id="${section}-notice" tabindex="-1" class=${n.ok ? 'notice' : 'form-error'} role=${n.ok ? 'status' : 'alert'}>${n.text}</p>`
      : nothing;
  }

  private _fieldError(field: string, id: string) {
    return this._fields.has(field) ? html`<p class="field-error" id="${id}-error">${this._fields.get(field)}</p>` : nothing;
  }

  render() {
    const w = this.ws;
    const a = w.account;
    const s = this._settings;
    // Loaded once, the page stays while a save reloads it; before that, the Task's states.
    if (s === null) return html`<h1>${w.titles.account}</h1>${this.renderTask(this._loader, () => html``)}`;
    return html`<h1>${w.titles.account}</h1>
      <p class="lede">${a.intro} ${s.email}</p>
      ${this._profile(s)} ${this._twoFactor(s)} ${this._notifications(s)} ${this._password()} ${this._sessionList()}`;
  }

  private _profile(s: Settings) {
    const a = this.ws.account;
    const onSubmit = async (e: Event) => {
      e.preventDefault();
      const v = formValues(e);
      const res = await this._send('profile', 'PATCH', '/api/auth/me', { displayName: v.displayName, language: v.language }, a.saved);
      // The workspace follows the account's language: a new language opens this page in it.
      if (res.ok && isLocale(v.language) && v.language !== pageLocale()) location.assign(workspacePath('/workspace/account', v.language));
      else if (res.ok) void this._load();
    };
    return html`<section class="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">${a.profileHeading}</h2>
      ${this._noticeFor('profile')}
      <form class="ws-form narrow" novalidate @submit=${onSubmit}>
        <div class="field"><label for="displayName">${a.displayName}</label>
          <input id="displayName" name="displayName" type="text" autocomplete="name" maxlength="100" .value=${s.displayName} aria-invalid=${this._fields.has('displayName') ? 'true' : 'false'}>
          ${this._fieldError('displayName', 'displayName')}</div>
        <div class="field"><label for="language">${a.language}</label>
          <select id="language" name="language">${Object.entries(this.ws.admin.languages).map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${s.language === code}>${name}</option>`)}</select></div>
        <div class="actions"><button type="submit" class="button">${a.saveProfile}</button></div>
      </form></section>`;
  }

  private _password() {
    const a = this.ws.account;
    const onSubmit = async (e: Event) => {
      e.preventDefault();
      const v = formValues(e);
      const res = await this._send(
        'password',
        'POST',
        '/api/auth/password',
        { currentPassword: v.currentPassword, newPassword: v.newPassword },
        a.passwordChanged,
      );
      if (res.ok) (e.target as HTMLFormElement).reset();
    };
    return html`<section class="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">${a.passwordHeading}</h2>
      ${this._noticeFor('password')}
      <form class="ws-form narrow" novalidate @submit=${onSubmit}>
        <div class="field"><label for="currentPassword">${a.currentPassword}</label>
          <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password"></div>
        <div class="field"><label for="newPassword">${a.newPassword}</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" aria-invalid=${this._fields.has('newPassword') ? 'true' : 'false'} aria-describedby=${this._fields.has('newPassword') ? 'newPassword-error' : nothing}>
          ${this._fieldError('newPassword', 'newPassword')}</div>
        <div class="actions"><button type="submit" class="button">${a.savePassword}</button></div>
      </form></section>`;
  }

  private _notifications(s: Settings) {
    const a = this.ws.account;
    const save = async (notifications: Settings['notifications']) => {
      const res = await this._send('notifications', 'PATCH', '/api/auth/me', { notifications }, a.saved);
      if (res.ok) this._settings = { ...s, notifications };
    };
    const onSubmit = (e: Event) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).checked;
      void save({ reviewQueue: checked('reviewQueue'), decisions: checked('decisions'), changesAndReplies: checked('changesAndReplies') });
    };
    const box = (name: keyof Settings['notifications'], label: string) =>
      html`<div class="field field--check"><input id="notify-${name}" name=${name} type="checkbox" .checked=${s.notifications[name]}><label for="notify-${name}">${label}</label></div>`;
    return html`<section class="panel" id="notifications" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">${a.notificationsHeading}</h2>
      ${this._noticeFor('notifications')}
      <p>${a.notificationsIntro}</p>
      <form class="ws-form" novalidate @submit=${onSubmit}>
        ${box('decisions', a.decisions)} ${box('reviewQueue', a.reviewQueue)} ${box('changesAndReplies', a.changesAndReplies)}
        <div class="actions"><button type="submit" class="button">${a.saveNotifications}</button>
          <button type="button" class="button button--quiet" @click=${() => save({ reviewQueue: false, decisions: false, changesAndReplies: false })}>${a.allOff}</button></div>
      </form></section>`;
  }

  private _twoFactor(s: Settings) {
    const a = this.ws.account;
    const start = async () => {
      const res = await api<Setup>('POST', '/api/auth/totp/setup');
      if (res.ok) {
        this._setup = res.body;
        await this.updateComplete;
        this.querySelector<HTMLElement>('#totp-code')?.focus();
      } else this._notice = { section: 'two-factor', ok: false, text: res.status === 0 ? this.ws.networkError : res.error.message };
    };
    const enable = async (e: Event) => {
      e.preventDefault();
      const res = await this._send('two-factor', 'POST', '/api/auth/totp/enable', { code: formValues(e).code }, a.saved);
      if (res.ok) {
        this._recovery = (res.body as { recoveryCodes: string[] }).recoveryCodes;
        this._setup = null;
        await this._load();
        this.querySelector<HTMLElement>('#recovery-heading')?.focus();
      }
    };
    const disable = async (e: Event) => {
      e.preventDefault();
      const res = await this._send('two-factor', 'POST', '/api/auth/totp/disable', { password: formValues(e).password }, a.turnedOff);
      if (res.ok) void this._load();
    };
    return html`<section class="panel" id="two-factor" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">${a.twoFactorHeading}</h2>
      ${s.totp.required && !s.totp.enabled ? html`<p class="notice" role="status">${a.twoFactorRequired}</p>` : nothing}
      ${this._noticeFor('two-factor')}
      ${
        this._recovery
          ? html`<h3 id="recovery-heading" tabindex="-1">${a.recoveryHeading}</h3><p>${a.recoveryIntro}</p>
            <ul class="recovery-codes">${this._recovery.map((c) => html`<li><code>${c}</code></li>`)}</ul>`
          : nothing
      }
      ${
        s.totp.enabled
          ? html`<p>${a.twoFactorOn(s.totp.recoveryCodesLeft)}</p>
            ${
              s.totp.required
                ? nothing
                : html`<form class="ws-form narrow" novalidate @submit=${disable}>
                  <div class="field"><label for="totp-off-password">${a.turnOffPassword}</label><input id="totp-off-password" name="password" type="password" autocomplete="current-password"></div>
                  <div class="actions"><button type="submit" class="button button--quiet">${a.turnOff}</button></div></form>`
            }`
          : this._setup
            ? html`<p id="scan-help">${a.scan}</p>
              <img class="qr-code" src=${this._setup.qrCode} alt=${a.qrAlt} width="240" height="240">
              <p>${a.secret}: <code class="totp-secret">${this._setup.secret}</code></p>
              <form class="ws-form narrow" novalidate @submit=${enable}>
                <div class="field"><label for="totp-code">${a.confirmCode}</label>
                  <input id="totp-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" aria-invalid=${this._fields.has('code') ? 'true' : 'false'} aria-describedby=${this._fields.has('code') ? 'totp-code-error' : 'scan-help'}>
                  ${this._fieldError('code', 'totp-code')}</div>
                <div class="actions"><button type="submit" class="button">${a.enable}</button></div>
              </form>`
            : html`<p>${a.twoFactorOff}</p><button type="button" class="button" @click=${start}>${a.setUp}</button>`
      }
    </section>`;
  }

  private _sessionList() {
    const a = this.ws.account;
    const everywhere = async () => {
      const answer = await this._confirm({
        title: a.signOutEverywhereTitle,
        body: [a.signOutEverywhereBody],
        confirm: a.signOutEverywhere,
        danger: true,
      });
      if (answer !== 'confirm') return;
      const res = await api('DELETE', '/api/auth/sessions');
      if (res.ok) {
        removeAllDrafts();
        location.assign(this.link('/workspace'));
      } else this._notice = { section: 'sessions', ok: false, text: res.status === 0 ? this.ws.networkError : res.error.message };
    };
    return html`<section class="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">${a.sessionsHeading}</h2>
      ${this._noticeFor('sessions')}
      <ul>${this._sessions.map(
        (x) =>
          html`<li>${x.userAgent ?? a.unknownBrowser} · ${a.since(new Date(x.createdAt).toLocaleString(this.msg.langTag))}${x.current ? html` · <strong>${a.thisBrowser}</strong>` : nothing}</li>`,
      )}</ul>
      <button type="button" class="button button--quiet" @click=${everywhere}>${a.signOutEverywhere}</button>
    </section>`;
  }
}
