import { html, nothing } from 'lit';
import { LOGO_ACCEPT, MAX_LOGO_BYTES, MAX_LOGO_MEGABYTES, MAX_LOGO_SIDE } from '../../../../core/site-logo.js';
import type { SiteIdentityResponse } from '../../../../server/schemas/site.js';
import { AdminSection, load, values } from './admin-section.js';

/**
 * Who publishes the scorecard: the coalition's name (widgets, badges, print) and its logo (the
 * header of every page, link previews, print). The logo's limits are on its label before a file
 * is chosen; removing it asks first, as every destructive admin action does.
 */
export class AdminSite extends AdminSection<SiteIdentityResponse> {
  protected load() {
    return load<SiteIdentityResponse>('/api/site');
  }

  protected fieldLabels() {
    const s = this.ws.site;
    return { coalitionName: s.name, logo: s.logoFile(MAX_LOGO_MEGABYTES) };
  }

  /** The logo goes up as multipart/form-data (a file, not JSON); same-origin fetch carries the cookie and Origin. */
  private async _upload(event: Event) {
    event.preventDefault();
    const w = this.ws;
    const form = event.target as HTMLFormElement;
    const file = form.querySelector<HTMLInputElement>('input[type=file]')?.files?.[0];
    if (!file) return this._show({ ok: false, text: w.records.chooseFile });
    // Said before anything is sent; the limit is on the label too.
    if (file.size > MAX_LOGO_BYTES) return this._show({ ok: false, text: w.site.logoTooLarge(file.name, MAX_LOGO_MEGABYTES) });
    let message: { ok: boolean; text: string };
    try {
      const res = await fetch('/api/site/logo', { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
      const body = (await res.json().catch(() => ({}))) as { message?: string; details?: Array<{ message: string }> };
      message = {
        ok: res.ok,
        text: res.ok
          ? w.site.logoSaved
          : res.status === 413
            ? w.site.logoTooLarge(file.name, MAX_LOGO_MEGABYTES)
            : w.serverError(
                body.details?.map((d) => `${w.site.logoHeading}: ${d.message}`).join('; ') || body.message || String(res.status),
              ),
      };
      if (res.ok) {
        form.reset();
        await this._list.run();
      }
    } catch {
      message = { ok: false, text: w.networkError };
    }
    await this._show(message);
  }

  private async _removeLogo() {
    const s = this.ws.site;
    const answer = await this._confirm({ title: s.removeLogoTitle, body: [s.removeLogoBody], confirm: s.removeLogo, danger: true });
    if (answer === 'confirm') await this._write('DELETE', '/api/site/logo', undefined, s.logoRemoved);
  }

  protected renderLoaded(site: SiteIdentityResponse) {
    const s = this.ws.site;
    return html`<p class="lede">${s.intro}</p>
      <section class="panel" aria-labelledby="site-name-heading"><h2 id="site-name-heading">${s.nameHeading}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          const v = values(e.target as HTMLFormElement);
          void this._write('PATCH', '/api/site', { coalitionName: v.coalitionName }, this.ws.admin.saved);
        }}>
          ${this._field('coalitionName', s.name, 'text', site.coalitionName, { prefix: 'site' })}
          <div class="actions"><button type="submit" class="button">${s.saveName}</button></div>
        </form></section>
      <section class="panel" aria-labelledby="site-logo-heading"><h2 id="site-logo-heading">${s.logoHeading}</h2>
        ${
          site.logo
            ? html`<figure class="site-logo-preview"><img src=${site.logo.url} alt=${site.coalitionName} width=${site.logo.width} height=${site.logo.height}><figcaption>${s.currentLogo} (${site.logo.width}×${site.logo.height})</figcaption></figure>`
            : html`<p>${s.noLogo}</p>`
        }
        <form class="ws-form" novalidate @submit=${(e: Event) => this._upload(e)}>
          <div class="field"><label for="site-logo-file">${s.logoFile(MAX_LOGO_MEGABYTES)}</label>
            <input id="site-logo-file" name="logo" type="file" accept=${LOGO_ACCEPT} aria-describedby="site-logo-help">
            <p class="help" id="site-logo-help">${s.logoHelp(MAX_LOGO_SIDE)}</p></div>
          <div class="actions"><button type="submit" class="button">${s.uploadLogo}</button>
            ${site.logo ? html`<button type="button" class="button button--quiet" @click=${() => this._removeLogo()}>${s.removeLogo}</button>` : nothing}</div>
        </form></section>`;
  }
}
