import { messagesFor, type Messages } from '../../../i18n/catalog.js';
import { LOCALES, pagePath, type Locale } from '../../../i18n/locales.js';
import type { ClientEntry } from '../../plugins/static-assets.js';
import { renderDocument } from '../../html/document.js';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from '../../share/render.js';
import { BRAND_COLOUR } from '../../share/site-icon.js';
import { html, type SafeHtml } from '../../html/html.js';
import { fullSiteName, type SiteIdentity } from '../../repositories/site.js';

/** The site's mark (server/share/site-icon.ts, served by routes/app-icons): not a grade letter. */
const FAVICON = '/favicon.svg';

/** Without JavaScript the phone menu cannot open, so its list stays shown and the button hidden. */
const NO_SCRIPT_MENU =
  '.site-header__inner { flex-wrap: wrap !important; } .site-menu .site-nav { display: flex !important; } .site-menu .menu-button { display: none !important; }';

/** Which page this is: the browser app picks the components to enhance it by this name. */
export type PageName =
  | 'home'
  | 'person'
  | 'election'
  | 'standard'
  | 'methodology'
  | 'events'
  | 'evidence'
  | 'reply'
  | 'unsubscribe'
  | 'embed'
  | 'not-found'
  | 'error';

export interface PageContext {
  locale: Locale;
  msg: Messages;
  /** Absolute origin for canonical and Open Graph URLs, e.g. "https://scorecard.example". */
  origin: string;
  entry: ClientEntry;
  /** The path of the current election's page, for the main navigation (null when none). */
  electionPath: string | null;
  /** Who publishes the scorecard: the coalition's name and logo, in the header and on paper. */
  site: SiteIdentity;
}

export interface PageDocument {
  name: PageName;
  title: string;
  description: string;
  /** The locale-independent path (`/people/x`); the locale prefix is added here. */
  path: string;
  body: SafeHtml;
  /** Shows the "demo data" banner. */
  demo: boolean;
  /** JSON the page's components read, in a non-executing data block. */
  pageData?: unknown;
  ogType?: 'website' | 'profile' | 'article';
  /** Announces the page to oEmbed consumers (WordPress embeds a pasted link of it). */
  oembed?: boolean;
  /** Module scripts beyond the web app's (the partner kit loads the widget's). */
  scripts?: string[];
  /**
   * What a shared link's preview shows beyond the page's title: its picture (a site path such
   * as `/share/people/x.png?lang=es`) and a title that carries the grade.
   */
  share?: { image: string; title?: string };
  /** A page for one holder of a secret link: never cached, never indexed. */
  private?: boolean;
  /**
   * The query parameters that change this page (`w`, `standard`: those its page cache keys on),
   * kept by the language switch so a weighted or filtered page stays so in the other language.
   */
  query?: Record<string, string>;
}

/** The link to this page in another language: its path there, its own parameters, and `lang` (a cookie remembers the choice). */
function languageSwitchHref(locale: Locale, path: string, query: Record<string, string> = {}): string {
  return `${pagePath(locale, path)}?${new URLSearchParams({ ...query, lang: locale })}`;
}

/** A public page as a whole document: meta tags for sharing, the header, the footer. */
export function renderPage(ctx: PageContext, page: PageDocument): string {
  const { msg, locale, entry, site } = ctx;
  const logo = site.logo && { src: site.logo.url, alt: site.coalitionName, width: site.logo.width, height: site.logo.height };
  const link = (path: string) => pagePath(locale, path);
  const canonical = `${ctx.origin}${link(page.path)}`;
  // The same page in the other languages; `?lang=` makes the visitor's choice stick (a cookie).
  const others = LOCALES.filter((l) => l !== locale);
  const navItem = (path: string, label: string, name: PageName) =>
    html`<li><a href="${link(path)}"${page.name === name ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return renderDocument({
    head: {
      lang: locale,
      title: page.name === 'home' ? `${msg.siteName} · ${msg.siteTagline}` : `${page.title} · ${msg.siteName}`,
      description: page.description,
      noindex: page.private,
      share: {
        canonical,
        type: page.ogType ?? 'website',
        // Named as the manifest names the site: link previews say who publishes the grades.
        siteName: fullSiteName(msg.siteName, site.coalitionName),
        title: page.share?.title ?? page.title,
        description: page.description,
        locale: msg.langTag.replace('-', '_'),
        image: page.share && {
          url: `${ctx.origin}${page.share.image}`,
          alt: msg.share.imageAlt(page.title),
          width: SHARE_IMAGE_WIDTH,
          height: SHARE_IMAGE_HEIGHT,
        },
        alternates: LOCALES.map((l) => ({ hreflang: l, href: `${ctx.origin}${pagePath(l, page.path)}` })),
        oembed: page.oembed ? `${ctx.origin}/oembed?${new URLSearchParams({ url: canonical, format: 'json' })}` : undefined,
      },
      themeColor: BRAND_COLOUR,
      icon: FAVICON,
      appleTouchIcon: '/apple-touch-icon.png',
      manifest: pagePath(locale, '/manifest.webmanifest'),
      noscriptStyle: NO_SCRIPT_MENU,
      entry,
      scripts: page.scripts,
    },
    bodyData: { page: page.name },
    body: {
      kind: 'site',
      skipLink: msg.skipToContent,
      home: { href: link('/'), title: msg.siteName, tagline: msg.siteTagline, logo },
      printMasthead: { name: site.coalitionName, logo },
      // On a phone the list folds behind a menu button (client/app/site-menu.ts); without
      // JavaScript the head's <noscript> style (NO_SCRIPT_MENU) keeps it open and the button away.
      nav: html`<nav class="site-menu" data-menu="closed" aria-label="${msg.navLabel}">
      <button type="button" class="menu-button" aria-expanded="false" aria-controls="site-nav"><span class="menu-button__icon" aria-hidden="true"></span>${msg.menu}</button>
      <ul class="site-nav" id="site-nav">
        ${navItem('/', msg.nav.home, 'home')}
        ${ctx.electionPath ? navItem(ctx.electionPath, msg.nav.election, 'election') : ''}
        ${navItem('/methodology', msg.nav.methodology, 'methodology')}
        ${navItem('/events', msg.nav.events, 'events')}
        ${others.map((l) => html`<li><a class="lang-switch" href="${languageSwitchHref(l, page.path, page.query)}" hreflang="${l}" lang="${l}">${messagesFor(l).languageName}</a></li>`)}
      </ul>
    </nav>`,
      banner: page.demo
        ? html`<aside class="demo-banner" aria-label="${msg.demoLabel}"><div class="wrap"><strong>${msg.demoBadge}</strong> <span class="demo-banner__short">${msg.demoBannerShort}</span><span class="demo-banner__long">${msg.demoBanner}</span></div></aside>`
        : undefined,
      content: page.body,
      footer: html`<footer class="site-footer">
  <div class="wrap">
    <p>${msg.footerAbout}</p>
    <p><strong>${msg.footerData}:</strong>
      <a href="${link('/methodology')}">${msg.nav.methodology}</a> ·
      <a href="/api/export/evidence.csv">${msg.exportCsv}</a> ·
      <a href="/api/export/evidence.json">${msg.exportJson}</a> ·
      <a href="/api/docs">${msg.apiDocs}</a></p>
    <p><a href="${link('/embed')}">${msg.embed.footerLink}</a></p>
  </div>
</footer>`,
    },
    pageData: page.pageData,
  });
}
