import { messagesFor, type Messages } from '../../../i18n/catalog.js';
import { LOCALES, pagePath, type Locale } from '../../../i18n/locales.js';
import type { ClientEntry } from '../../plugins/static-assets.js';
import { html, jsonBlock, type SafeHtml } from './html.js';

/** The site icon inline, so browsers ask for no /favicon.ico. */
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%231f3a5f'/%3E%3Ctext x='16' y='23' font-family='sans-serif' font-size='19' font-weight='700' fill='white' text-anchor='middle'%3EA%3C/text%3E%3C/svg%3E";

/** Which page this is: the browser app picks the components to enhance it by this name. */
export type PageName = 'home' | 'person' | 'election' | 'standard' | 'methodology' | 'events' | 'embed' | 'not-found' | 'error';

export interface PageContext {
  locale: Locale;
  msg: Messages;
  /** Absolute origin for canonical and Open Graph URLs, e.g. "https://scorecard.example". */
  origin: string;
  entry: ClientEntry;
  /** The path of the current election's page, for the main navigation (null when none). */
  electionPath: string | null;
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
}

/** The whole HTML document around a page's body: meta tags for sharing, the header, the footer. */
export function renderDocument(ctx: PageContext, page: PageDocument): string {
  const { msg, locale, entry } = ctx;
  const link = (path: string) => pagePath(locale, path);
  const canonical = `${ctx.origin}${link(page.path)}`;
  const fullTitle = page.name === 'home' ? `${msg.siteName} · ${msg.siteTagline}` : `${page.title} · ${msg.siteName}`;
  // The same page in the other languages; `?lang=` makes the visitor's choice stick (a cookie).
  const others = LOCALES.filter((l) => l !== locale);
  const navItem = (path: string, label: string, name: PageName) =>
    html`<li><a href="${link(path)}"${page.name === name ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const doc = html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
<link rel="canonical" href="${canonical}">
<meta property="og:type" content="${page.ogType ?? 'website'}">
<meta property="og:site_name" content="${msg.siteName}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${msg.langTag.replace('-', '_')}">
${LOCALES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${ctx.origin}${pagePath(l, page.path)}">
`)}
${page.oembed ? html`<link rel="alternate" type="application/json+oembed" href="${ctx.origin}/oembed?${new URLSearchParams({ url: canonical, format: 'json' }).toString()}" title="${page.title}">
` : ''}<meta name="twitter:card" content="summary">
<meta name="theme-color" content="#1f3a5f">
<link rel="icon" href="${FAVICON}">
${entry.styles.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}${entry.preloads.map((href) => html`<link rel="modulepreload" href="${href}">\n`)}${entry.script ? html`<script type="module" src="${entry.script}"></script>` : ''}${(page.scripts ?? []).map((src) => html`
<script type="module" src="${src}"></script>`)}
</head>
<body data-page="${page.name}">
<a class="skip-link" href="#main">${msg.skipToContent}</a>
<header class="site-header">
  <div class="wrap site-header__inner">
    <a class="site-name" href="${link('/')}"><span class="site-name__title">${msg.siteName}</span> <span class="site-name__tagline">${msg.siteTagline}</span></a>
    <nav aria-label="${msg.navLabel}">
      <ul class="site-nav">
        ${navItem('/', msg.nav.home, 'home')}
        ${ctx.electionPath ? navItem(ctx.electionPath, msg.nav.election, 'election') : ''}
        ${navItem('/methodology', msg.nav.methodology, 'methodology')}
        ${navItem('/events', msg.nav.events, 'events')}
        ${others.map((l) => html`<li><a class="lang-switch" href="${pagePath(l, page.path)}?lang=${l}" hreflang="${l}" lang="${l}">${messagesFor(l).languageName}</a></li>`)}
      </ul>
    </nav>
  </div>
</header>
${page.demo ? html`<aside class="demo-banner" aria-label="${msg.demoLabel}"><div class="wrap"><strong>${msg.demoBadge}</strong> ${msg.demoBanner}</div></aside>` : ''}
<main id="main" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${msg.footerAbout}</p>
    <p><strong>${msg.footerData}:</strong>
      <a href="${link('/methodology')}">${msg.nav.methodology}</a> ·
      <a href="/api/export/evidence.csv">${msg.exportCsv}</a> ·
      <a href="/api/export/evidence.json">${msg.exportJson}</a> ·
      <a href="/api/docs">${msg.apiDocs}</a></p>
    <p><a href="${link('/embed')}">${msg.embed.footerLink}</a></p>
  </div>
</footer>
${page.pageData === undefined ? '' : jsonBlock('page-data', page.pageData)}
</body>
</html>
`;
  return doc.value;
}
