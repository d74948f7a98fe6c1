import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor } from '../../../i18n/catalog.js';
import { workspaceMessagesFor } from '../../../i18n/workspace-catalog.js';
import { DEFAULT_LOCALE, isLocale, LOCALES, localePrefix, pagePath, type Locale } from '../../../i18n/locales.js';
import { negotiateLanguage } from '../../i18n/language.js';
import { LANGUAGE_COOKIE } from '../pages/language-redirect.js';
import type { UserRole } from '../../../db/schema/index.js';
import { readClientEntry } from '../../plugins/static-assets.js';
import { hasRole } from '../../repositories/users.js';
import { renderDocument } from '../../html/document.js';
import { html } from '../../html/html.js';
import {
  ADMIN_SECTIONS,
  REVIEW_TABS,
  type AdminSection,
  type ReviewTab,
  type WorkspacePageData,
  type WorkspaceView,
} from '../../../core/workspace-page-data.js';

export interface WorkspacePageOptions {
  clientDist: string;
  /** The language of these screens; every locale but English is registered under its prefix (`/es`). */
  locale?: Locale;
}

/** Only a path inside the workspace is a place to return to after signing in (no open redirect). */
export function safeNext(next: unknown): string | null {
  return typeof next === 'string' && /^\/workspace(\/[^/\\]|$|\?|#)/.test(next) && !next.includes('//') ? next : null;
}

/**
 * The workspace's pages: one HTML shell per URL that names its screen, drawn by the
 * workspace's own browser entry from the JSON API. Per-user pages: never cached, never indexed.
 * Signed-out visitors of any screen but sign-in and the invite are sent to sign-in with the
 * way back in `?next=` (a path without the language prefix: the account's language decides).
 *
 * Registered once per locale (`/workspace/...`, `/es/workspace/...`). The language follows the
 * account: a signed-in account on an unprefixed screen is sent to the same screen in its
 * language; signed out, the language switch's cookie, then Accept-Language, decide, as on the
 * public pages. A prefixed URL is itself a choice and is never redirected away from.
 */
const workspacePages: FastifyPluginAsync<WorkspacePageOptions> = async (fastify, opts) => {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const entry = readClientEntry(opts.clientDist, 'client/workspace/main.ts');
  const msg = messagesFor(locale);
  const w = workspaceMessagesFor(locale);
  const link = (path: string) => pagePath(locale, path);
  const prefix = localePrefix(locale);

  fastify.addHook('onRequest', async (request, reply) => {
    const url = new URL(request.url, 'http://page.invalid');
    const path = url.pathname.slice(prefix.length) || '/';
    const redirectTo = (lang: Locale) => {
      url.searchParams.delete('lang');
      return reply.header('cache-control', 'no-store').redirect(pagePath(lang, path) + url.search, 302);
    };
    const remember = (lang: Locale) =>
      reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });
    // The language switch (`?lang=`), as on the public pages: remembered, then the clean URL.
    const chosen = url.searchParams.get('lang');
    if (isLocale(chosen)) {
      remember(chosen);
      return redirectTo(chosen);
    }
    const remembered = request.cookies[LANGUAGE_COOKIE];
    if (locale !== DEFAULT_LOCALE) {
      if (remembered !== locale) remember(locale);
      return;
    }
    const wanted = request.account
      ? request.account.language
      : isLocale(remembered)
        ? remembered
        : negotiateLanguage(undefined, request.headers['accept-language']);
    if (wanted !== locale) return redirectTo(wanted);
  });

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    view: WorkspaceView,
    extra: Partial<WorkspacePageData> = {},
    status = 200,
  ) {
    const account = request.account;
    // The coalition's logo heads the workspace too, so volunteers see whose scorecard they work on.
    const site = await fastify.repositories.site.identity();
    const logo = site.logo && { src: site.logo.url, alt: site.coalitionName, width: site.logo.width, height: site.logo.height };
    const data: WorkspacePageData = {
      view,
      id: null,
      section: null,
      account: account && { id: account.id, displayName: account.displayName, email: account.email, role: account.role },
      next: null,
      ...extra,
    };
    const navLink = (path: string, label: string, current: boolean) =>
      html`<li><a href="${link(path)}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`;
    const can = (role: UserRole) => account !== null && hasRole(account, role);
    // The same switch as the public pages (`?lang=`), keeping the screen and its query.
    const url = new URL(request.url, 'http://page.invalid');
    const screenPath = url.pathname.slice(prefix.length) || '/';
    const languageSwitch = LOCALES.filter((l) => l !== locale).map((l) => {
      const query = new URLSearchParams(url.search);
      query.delete('lang');
      query.set('lang', l);
      return html`<li><a class="lang-switch" href="${pagePath(l, screenPath)}?${query.toString()}" hreflang="${l}" lang="${l}">${messagesFor(l).languageName}</a></li>`;
    });
    const nav = account
      ? html`<nav aria-label="${w.navLabel}"><ul class="site-nav">
      ${navLink('/workspace', w.nav.home, view === 'home')}
      ${navLink('/workspace/evidence/new', w.nav.newEvidence, view === 'evidence-new')}
      ${navLink('/workspace/import', w.nav.import, view === 'import')}
      ${navLink('/workspace/evidence', w.finding.nav, view === 'evidence-list')}
      ${can('reviewer') ? navLink('/workspace/review', w.nav.review, view === 'review') : ''}
      ${can('admin') ? navLink('/workspace/admin', w.nav.admin, view === 'admin') : ''}
      ${navLink('/workspace/account', w.nav.account, view === 'account')}
      <li><button type="button" class="link-button" id="sign-out">${w.nav.signOut}</button></li>
      ${languageSwitch}
    </ul></nav>`
      : html`<nav aria-label="${w.navLabel}"><ul class="site-nav">${languageSwitch}</ul></nav>`;
    const title = w.titles[view];
    const doc = renderDocument({
      head: { lang: locale, title: `${title} · ${w.name}`, noindex: true, entry },
      bodyData: { page: 'workspace', view },
      body: {
        kind: 'site',
        skipLink: msg.skipToContent,
        home: { href: link('/workspace'), title: w.name, tagline: account ? w.signedInAs(account.displayName) : msg.siteName, logo },
        nav,
        mainClass: 'workspace',
        content: html`<sc-workspace><h1>${title}</h1><p class="muted">${entry.script ? msg.loading : w.needsScript}</p></sc-workspace>`,
        footer: html`<footer class="site-footer"><div class="wrap"><p><a href="${link('/')}">${w.publicSite}</a> · <a href="${link('/methodology')}">${msg.nav.methodology}</a></p></div></footer>`,
      },
      pageData: data,
    });
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(doc);
  }

  /** Sends signed-out visitors to sign-in, and those below `role` to a plain "not for your role" screen. */
  function gate(role: UserRole, view: WorkspaceView, extra: Partial<WorkspacePageData> = {}) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.account)
        return reply.redirect(`${link('/workspace')}?next=${encodeURIComponent(request.url.slice(prefix.length))}`, 302);
      if (!hasRole(request.account, role)) return send(request, reply, 'forbidden', {}, 403);
      // A role that must use two-factor sign-in sets it up before any review or admin screen.
      if (role !== 'volunteer' && (await fastify.twoFactor.missing(request.account)))
        return reply.redirect(link('/workspace/account?setup=two-factor'), 302);
      return send(request, reply, view, extra);
    };
  }

  fastify.get('/workspace', async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    if (!request.account) return send(request, reply, 'sign-in', { next });
    if (next && next !== '/workspace') return reply.redirect(link(next), 302);
    return send(request, reply, 'home');
  });
  // A typed or pasted "/workspace/" should not be a dead end.
  fastify.get('/workspace/', async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`${link('/workspace')}${query === -1 ? '' : request.url.slice(query)}`, 301);
  });
  fastify.get('/workspace/invite', async (request, reply) => send(request, reply, 'invite'));
  // Open to everyone: someone who forgot their password is not signed in.
  fastify.get('/workspace/forgot-password', async (request, reply) => send(request, reply, 'forgot-password'));
  fastify.get('/workspace/reset-password', async (request, reply) => send(request, reply, 'reset-password'));
  fastify.get('/workspace/account', gate('volunteer', 'account'));
  fastify.get('/workspace/evidence/new', gate('volunteer', 'evidence-new'));
  // Finding any entry (volunteers: their own); its filters live in the query string, read by the browser.
  fastify.get('/workspace/evidence', gate('volunteer', 'evidence-list'));
  // The audit log filtered to one entry or person (?entityType=&entityId=, ?subject=): reviewers and admins.
  fastify.get('/workspace/history', gate('reviewer', 'history'));
  fastify.get('/workspace/review', gate('reviewer', 'review'));
  fastify.get('/workspace/review/:tab', async (request, reply) => {
    const tab = (request.params as { tab: string }).tab;
    if (!(REVIEW_TABS as readonly string[]).includes(tab)) return reply.callNotFound();
    return gate('reviewer', 'review', { section: tab as ReviewTab })(request, reply);
  });
  fastify.get('/workspace/import', gate('volunteer', 'import'));
  fastify.get('/workspace/admin', gate('admin', 'admin', { section: 'users' }));

  const idOf = (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id);
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  };
  for (const [suffix, view] of [
    ['', 'evidence'],
    ['/edit', 'evidence-edit'],
  ] as const) {
    fastify.get(`/workspace/evidence/:id${suffix}`, async (request, reply) => {
      const id = idOf(request);
      if (id === null) return reply.callNotFound();
      return gate('volunteer', view, { id })(request, reply);
    });
  }
  fastify.get('/workspace/admin/:section', async (request, reply) => {
    const section = (request.params as { section: string }).section;
    if (!(ADMIN_SECTIONS as readonly string[]).includes(section)) return reply.callNotFound();
    return gate('admin', 'admin', { section: section as AdminSection })(request, reply);
  });
};

export default workspacePages;
