import { html, type SafeHtml } from '../../html/html.js';
import { widgetAttributes, type WidgetChoice } from './snippets.js';

/**
 * /embed/:slug: the widget alone on a page, for partner sites that accept only an iframe.
 * The widget renders itself; widget-frame.js reports the page's height to the parent.
 */
export function framePage(choice: WidgetChoice, title: string, fullUrl: string, lang: string): string {
  const attrs = widgetAttributes(choice).map(([name, value]) => html` ${name}="${value}"`);
  return page(
    title,
    lang,
    html`<da-scorecard${attrs}></da-scorecard>
<noscript><p><a href="${fullUrl}" target="_blank" rel="noopener">${title}</a></p></noscript>`,
  );
}

/** The iframe page for a slug that does not exist: still a page, so the frame explains itself. */
export function missingFramePage(message: string, siteUrl: string, lang: string): string {
  return page(
    message,
    lang,
    html`<p class="missing">${message}. <a href="${siteUrl}" target="_blank" rel="noopener">${siteUrl}</a></p>`,
  );
}

function page(title: string, lang: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>
  html, body { margin: 0; background: transparent; }
  body { padding: 2px; font: 14px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; }
  da-scorecard { max-width: none; }
  .missing { margin: 0; padding: 1em; border: 1px solid #d0d7de; border-radius: 10px; }
</style>
<script type="module" src="/widget.js"></script>
<script type="module" src="/widget-frame.js"></script>
</head>
<body>
${body}
</body>
</html>`.value;
}
