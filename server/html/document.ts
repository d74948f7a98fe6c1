import type { ClientEntry } from '../plugins/static-assets.js';
import { html, jsonBlock, SafeHtml } from './html.js';

/** What a shared link shows (canonical URL, Open Graph, the page in other languages). */
export interface SharedPage {
  canonical: string;
  type: 'website' | 'profile' | 'article';
  siteName: string;
  /** The page's own title, without the site name. */
  title: string;
  description: string;
  /** Open Graph's spelling of the language, e.g. "es_US". */
  locale: string;
  /** The same page in every language, for `<link rel="alternate" hreflang>`. */
  alternates: Array<{ hreflang: string; href: string }>;
  /** The page's oEmbed answer, for consumers such as WordPress that embed a pasted link. */
  oembed?: string;
  /** A picture for the link preview (absolute URL); previews then show a large card. */
  image?: { url: string; alt: string; width: number; height: number };
}

export interface DocumentHead {
  lang: string;
  /** The whole `<title>`, site name included where the page wants it. */
  title: string;
  description?: string;
  /** Per-user and framed pages are kept out of search engines. */
  noindex?: boolean;
  share?: SharedPage;
  themeColor?: string;
  /** The tab's icon as a URL (a data: URL keeps browsers from asking for /favicon.ico). */
  icon?: string;
  /** The home-screen icon iOS uses (`apple-touch-icon`). */
  appleTouchIcon?: string;
  /** The web app manifest (`/manifest.webmanifest`). */
  manifest?: string;
  /**
   * CSS for readers without JavaScript, in `<noscript>` in the head (e.g. the phone menu's
   * list kept open). A constant of the code, never text from a request: it is not escaped.
   */
  noscriptStyle?: string;
  /**
   * CSS written into the page, for pages that load no Vite entry (the iframe). A constant of
   * the code, never text from a request or the database: it is not escaped.
   */
  inlineStyle?: string;
  /** The Vite entry the page loads: its stylesheets, preloaded chunks and module. */
  entry?: ClientEntry;
  /** Module scripts outside Vite's manifest (the widget's own files), after the entry. */
  scripts?: string[];
}

/** A logo in the header: its address, alternative text and size in pixels (reserves its space). */
export interface HeaderLogo {
  src: string;
  alt: string;
  width: number;
  height: number;
}

/** The header, navigation, main landmark and footer the public pages and the workspace share. */
export interface SiteChrome {
  kind: 'site';
  /** The skip link's text ("Skip to content"). */
  skipLink: string;
  /**
   * The site name in the header: where it leads, its title and the line after it, and the
   * coalition's logo before them when an admin has set one (its alt text the coalition's name).
   */
  home: { href: string; title: string; tagline: string; logo?: HeaderLogo | null };
  /**
   * Who publishes the site, for paper: the screen header is not printed, so a printed page
   * carries the coalition's logo and name in this line instead (shown only in print).
   */
  printMasthead?: { name: string; logo?: HeaderLogo | null };
  /** The `<nav>` (or nothing, e.g. for a signed-out workspace visitor). */
  nav: SafeHtml | '';
  /** A notice between the header and the content (the demo-data banner). */
  banner?: SafeHtml;
  /** Classes of `<main>`, besides the layout's `wrap`. */
  mainClass?: string;
  content: SafeHtml;
  footer: SafeHtml;
}

/** No chrome at all: the content alone, e.g. the widget in a partner's iframe. */
export interface BareChrome {
  kind: 'bare';
  content: SafeHtml;
}

export interface HtmlDocument {
  head: DocumentHead;
  /** `data-*` attributes of `<body>`; the browser entry picks what to enhance by them. */
  bodyData?: Record<string, string>;
  body: SiteChrome | BareChrome;
  /** JSON the page's components read, in a non-executing `<script id="page-data">` block. */
  pageData?: unknown;
}

function headElements(head: DocumentHead): SafeHtml[] {
  const share = head.share;
  const entry = head.entry;
  return [
    html`<meta charset="utf-8">`,
    html`<meta name="viewport" content="width=device-width, initial-scale=1">`,
    head.noindex ? html`<meta name="robots" content="noindex">` : null,
    html`<title>${head.title}</title>`,
    head.description === undefined ? null : html`<meta name="description" content="${head.description}">`,
    ...(share
      ? [
          html`<link rel="canonical" href="${share.canonical}">`,
          html`<meta property="og:type" content="${share.type}">`,
          html`<meta property="og:site_name" content="${share.siteName}">`,
          html`<meta property="og:title" content="${share.title}">`,
          html`<meta property="og:description" content="${share.description}">`,
          html`<meta property="og:url" content="${share.canonical}">`,
          html`<meta property="og:locale" content="${share.locale}">`,
          ...share.alternates.map((a) => html`<link rel="alternate" hreflang="${a.hreflang}" href="${a.href}">`),
          share.oembed === undefined
            ? null
            : html`<link rel="alternate" type="application/json+oembed" href="${share.oembed}" title="${share.title}">`,
          ...(share.image
            ? [
                html`<meta property="og:image" content="${share.image.url}">`,
                html`<meta property="og:image:type" content="image/png">`,
                html`<meta property="og:image:width" content="${share.image.width}">`,
                html`<meta property="og:image:height" content="${share.image.height}">`,
                html`<meta property="og:image:alt" content="${share.image.alt}">`,
                html`<meta name="twitter:card" content="summary_large_image">`,
                html`<meta name="twitter:image" content="${share.image.url}">`,
              ]
            : [html`<meta name="twitter:card" content="summary">`]),
        ].filter((e) => e !== null)
      : []),
    head.themeColor === undefined ? null : html`<meta name="theme-color" content="${head.themeColor}">`,
    head.icon === undefined
      ? null
      : html`<link rel="icon" href="${head.icon}"${head.icon.endsWith('.svg') ? html` type="image/svg+xml"` : ''}>`,
    head.appleTouchIcon === undefined ? null : html`<link rel="apple-touch-icon" href="${head.appleTouchIcon}">`,
    head.manifest === undefined ? null : html`<link rel="manifest" href="${head.manifest}">`,
    head.inlineStyle === undefined ? null : html`<style>${new SafeHtml(head.inlineStyle)}</style>`,
    head.noscriptStyle === undefined ? null : html`<noscript><style>${new SafeHtml(head.noscriptStyle)}</style></noscript>`,
    ...(entry?.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`),
    ...(entry?.preloads ?? []).map((href) => html`<link rel="modulepreload" href="${href}">`),
    entry?.script ? html`<script type="module" src="${entry.script}"></script>` : null,
    ...(head.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`),
  ].filter((e): e is SafeHtml => e !== null);
}

/** The header's home link: the title and tagline, after the coalition's logo when there is one. */
function homeLink(home: SiteChrome['home']): SafeHtml {
  const names = html`<span class="site-name__title">${home.title}</span> <span class="site-name__tagline">${home.tagline}</span>`;
  if (!home.logo) return html`<a class="site-name" href="${home.href}">${names}</a>`;
  const { src, alt, width, height } = home.logo;
  return html`<a class="site-name site-name--logo" href="${home.href}"><img class="site-logo" src="${src}" alt="${alt}" width="${width}" height="${height}"> <span class="site-name__text">${names}</span></a>`;
}

function printMasthead(masthead: NonNullable<SiteChrome['printMasthead']>): SafeHtml {
  // The name follows as text, so the picture beside it says nothing more (alt="").
  const logo = masthead.logo
    ? html`<img class="print-masthead__logo" src="${masthead.logo.src}" alt="" width="${masthead.logo.width}" height="${masthead.logo.height}"> `
    : '';
  return html`<div class="print-masthead">${logo}<span class="print-masthead__name">${masthead.name}</span></div>`;
}

function bodyElements(body: SiteChrome | BareChrome): SafeHtml[] {
  if (body.kind === 'bare') return [body.content];
  return [
    html`<a class="skip-link" href="#main">${body.skipLink}</a>`,
    html`<header class="site-header">
  <div class="wrap site-header__inner">
    ${homeLink(body.home)}
    ${body.nav}
  </div>
</header>`,
    ...(body.printMasthead ? [printMasthead(body.printMasthead)] : []),
    ...(body.banner ? [body.banner] : []),
    html`<main id="main" class="${body.mainClass ? `wrap ${body.mainClass}` : 'wrap'}" tabindex="-1">
${body.content}
</main>`,
    body.footer,
  ];
}

/**
 * The one HTML document every page of the site is: public pages, the workspace, the embed
 * pages. Everything in it goes through the escaping `html` tag, so no page can forget to.
 */
export function renderDocument(doc: HtmlDocument): string {
  const lines = (elements: SafeHtml[]) => new SafeHtml(elements.map((e) => e.value).join('\n'));
  const data = Object.entries(doc.bodyData ?? {}).map(([name, value]) => html` data-${name}="${value}"`);
  return html`<!doctype html>
<html lang="${doc.head.lang}">
<head>
${lines(headElements(doc.head))}
</head>
<body${data}>
${lines([...bodyElements(doc.body), ...(doc.pageData === undefined ? [] : [jsonBlock('page-data', doc.pageData)])])}
</body>
</html>
`.value;
}
