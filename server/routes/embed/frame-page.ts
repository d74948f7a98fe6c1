import { renderDocument } from '../../html/document.js';
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
  return page(message, lang, html`<p class="missing">${message}. <a href="${siteUrl}" target="_blank" rel="noopener">${siteUrl}</a></p>`);
}

/** The frame's few styles, inline: it loads only the widget's scripts, no stylesheet. */
const FRAME_STYLE = `
  html, body { margin: 0; background: transparent; }
  body { padding: 2px; font: 14px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; }
  da-scorecard { max-width: none; }
  .missing { margin: 0; padding: 1em; border: 1px solid #d0d7de; border-radius: 10px; }
`;

function page(title: string, lang: string, content: SafeHtml): string {
  return renderDocument({
    head: {
      lang,
      title,
      noindex: true,
      icon: 'data:,',
      inlineStyle: FRAME_STYLE,
      scripts: ['/widget.js', '/widget-frame.js'],
    },
    body: { kind: 'bare', content },
  });
}
