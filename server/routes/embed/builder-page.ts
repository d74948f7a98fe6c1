import type { PublicSubject } from '../../schemas/subjects.js';
import { html, SafeHtml } from '../../html/html.js';
import { messagesFor } from '../../../i18n/catalog.js';
import { LANGUAGES } from '../../i18n/language.js';
import { badgePath, framePath, FRAME_HEIGHTS, snippets, VARIANTS, widgetAttributes, type Variant, type WidgetChoice } from './snippets.js';

export interface BuilderOptions {
  origin: string;
  choice: WidgetChoice;
  subjects: PublicSubject[];
  standards: Array<{ slug: string; number: number; title: string }>;
  elections: Array<{ slug: string; name: string }>;
  /** The chosen widget in words: the iframe's title. */
  title: string;
  /** The image's alt text (null for an election: images show one person). */
  imageAlt: string | null;
}

const VARIANT_TEXT: Record<Variant, { name: string; hint: string }> = {
  card: { name: 'Card', hint: 'a person’s overall grade and the ten standards' },
  chart: { name: 'Chart', hint: 'a person’s ten scores as a radar chart, with a table' },
  badge: { name: 'One standard', hint: 'a person’s grade on one standard' },
  compare: { name: 'Election', hint: 'an election’s candidates side by side' },
};

function options<T>(items: T[], value: (t: T) => string, label: (t: T) => string, selected: string): SafeHtml[] {
  return items.map((t) => html`<option value="${value(t)}"${value(t) === selected ? html` selected` : ''}>${label(t)}</option>`);
}

function snippetBlock(id: string, heading: string, text: string, help: SafeHtml, rows: number): SafeHtml {
  return html`<section class="snippet" aria-labelledby="${id}-heading">
  <h3 id="${id}-heading">${heading}</h3>
  ${help}
  <label class="visually-hidden" for="${id}">${heading}: code to copy</label>
  <textarea id="${id}" readonly rows="${rows}" spellcheck="false">${text}</textarea>
  <button type="button" class="copy" data-copy="${id}" hidden>Copy ${heading.toLowerCase()} code</button>
</section>`;
}

/** The preview and snippets; also what widget-builder.js swaps in when the choice changes. */
function result(o: BuilderOptions): SafeHtml {
  const { choice, origin } = o;
  const code = snippets(origin, choice, o.title, o.imageAlt);
  const badge = badgePath(choice);
  const attrs = widgetAttributes(choice).map(([name, value]) => html` ${name}="${value}"`);
  return html`<div id="result">
  <h2>Preview</h2>
  <div class="preview"><da-scorecard${attrs}></da-scorecard></div>
  <h2>Copy a snippet</h2>
  ${snippetBlock(
    'snippet-script',
    'Script',
    code.script,
    html`<p>Best where your site accepts HTML with scripts. It follows your page’s width and can be themed (see below).</p>`,
    3,
  )}
  ${snippetBlock(
    'snippet-iframe',
    'Iframe',
    code.iframe,
    html`<p>For site builders that accept only an iframe. The script line is optional: it lets the frame grow to fit.</p>
  <details class="frame-preview"><summary>Preview the iframe</summary>
  <iframe src="${framePath(choice)}" title="${o.title}" width="100%" height="${FRAME_HEIGHTS[choice.variant]}" loading="lazy"></iframe>
  </details>`,
    6,
  )}
  ${
    code.image && code.markdown && badge
      ? html`${snippetBlock(
          'snippet-image',
          'Image',
          code.image,
          html`<p>For email, forums and anywhere scripts and frames are not allowed.</p>
  <p class="image-preview"><img src="${badge}" alt="${o.imageAlt}" width="360" height="76"></p>`,
          4,
        )}
  ${snippetBlock('snippet-markdown', 'Markdown', code.markdown, html`<p>The same image for forums and Markdown pages.</p>`, 3)}`
      : html`<p class="note">Images show one person: choose Card, Chart or One standard for an image snippet.</p>`
  }
</div>`;
}

const STYLE = `
  :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #0b5cad; --bg-soft: #f6f8fa; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--fg); }
  a { color: var(--accent); }
  .site { padding: 0.75rem 1.25rem; border-bottom: 1px solid var(--line); }
  .site a { font-weight: 650; text-decoration: none; color: var(--fg); }
  main { max-width: 72rem; margin: 0 auto; padding: 1.25rem; }
  h1 { font-size: 1.75rem; margin: 0.5rem 0; }
  h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
  h3 { font-size: 1.05rem; margin: 0 0 0.25rem; }
  .intro { color: var(--muted); max-width: 48rem; }
  .layout { display: grid; gap: 2rem; grid-template-columns: minmax(16rem, 22rem) 1fr; align-items: start; }
  @media (max-width: 48rem) { .layout { grid-template-columns: 1fr; } }
  form { position: sticky; top: 1rem; padding: 1rem; border: 1px solid var(--line); border-radius: 10px; background: var(--bg-soft); }
  fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
  legend, label.field-label { font-weight: 650; display: block; margin-bottom: 0.35rem; }
  .choice { display: flex; gap: 0.5rem; align-items: baseline; margin: 0.25rem 0; }
  .choice small { display: block; color: var(--muted); }
  .field { margin: 0 0 1rem; }
  select { width: 100%; font: inherit; padding: 0.4rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
  button { font: inherit; padding: 0.45rem 0.9rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
  button:focus-visible, select:focus-visible, textarea:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .preview { padding: 1rem; border: 1px dashed var(--line); border-radius: 10px; }
  .snippet { margin: 1rem 0 1.5rem; }
  .snippet p { margin: 0 0 0.5rem; color: var(--muted); }
  textarea { width: 100%; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 0.6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg-soft); resize: vertical; }
  .copy { margin-top: 0.4rem; }
  .frame-preview { margin: 0.5rem 0; }
  .frame-preview iframe { border: 1px dashed var(--line); max-width: 480px; display: block; margin-top: 0.5rem; }
  .image-preview img { max-width: 100%; height: auto; }
  .note { color: var(--muted); }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; background: var(--bg-soft); padding: 0 0.25em; border-radius: 4px; }
  table { border-collapse: collapse; }
  th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** /embed: partners choose what to show, see it live, and copy the snippet their site accepts. */
export function builderPage(o: BuilderOptions): string {
  const { choice } = o;
  const empty = o.subjects.length === 0;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Put the scorecard on your site · DA scorecard</title>
<link rel="icon" href="data:,">
<meta name="description" content="Embed the District Attorney scorecard on a partner website: a script, an iframe or an image.">
<style>${new SafeHtml(STYLE)}</style>
<script type="module" src="/widget.js"></script>
<script type="module" src="/widget-builder.js"></script>
</head>
<body>
<header class="site"><a href="/">DA scorecard</a></header>
<main>
<h1>Put the scorecard on your site</h1>
<p class="intro">Choose a person, a standard or an election and how to show it. The preview is what your
visitors will see; copy the snippet your website accepts. Every widget shows the date its grades are
from and links back to the full scorecard and to how grades work.</p>
${
  empty
    ? html`<p>There are no scorecards to embed yet.</p>`
    : html`<div class="layout">
<form id="builder" method="get" action="/embed">
  <fieldset>
    <legend>Show</legend>
    ${VARIANTS.map(
      (v) => html`<div class="choice"><input type="radio" id="variant-${v}" name="variant" value="${v}"${v === choice.variant ? html` checked` : ''}>
    <label for="variant-${v}">${VARIANT_TEXT[v].name}<small>${VARIANT_TEXT[v].hint}</small></label></div>`,
    )}
  </fieldset>
  <div class="field" data-variants="card chart badge">
    <label class="field-label" for="subject">Person</label>
    <select id="subject" name="subject">${options(o.subjects, (s) => s.slug, (s) => s.name, choice.subject)}</select>
  </div>
  <div class="field" data-variants="badge">
    <label class="field-label" for="standard">Standard</label>
    <select id="standard" name="standard">${options(o.standards, (s) => s.slug, (s) => `${s.number}. ${s.title}`, choice.standard)}</select>
  </div>
  <div class="field" data-variants="compare">
    <label class="field-label" for="election">Election</label>
    <select id="election" name="election">${options(o.elections, (e) => e.slug, (e) => e.name, choice.election)}</select>
  </div>
  <fieldset>
    <legend>Language of the widget</legend>
    ${LANGUAGES.map(
      (l) => html`<div class="choice"><input type="radio" id="lang-${l}" name="lang" value="${l}"${l === choice.lang ? html` checked` : ''}>
    <label for="lang-${l}" lang="${l}">${messagesFor(l).languageName}</label></div>`,
    )}
  </fieldset>
  <button type="submit" id="update">Update the preview</button>
</form>
<div>
${result(o)}
<h2>Make it match your site</h2>
<p>The script widget takes these attributes: <code>subject</code> (a person), <code>variant</code>
(<code>card</code>, <code>chart</code>, <code>badge</code> or <code>compare</code>), <code>standard</code>
(with <code>badge</code>), <code>election</code> (with <code>compare</code>) and <code>lang</code>.
Colours and fonts follow CSS custom properties set on the element, for example:</p>
<textarea readonly rows="6" aria-label="Theming example" spellcheck="false">da-scorecard {
  --da-scorecard-font: Georgia, serif;
  --da-scorecard-accent: #6b21a8;
  --da-scorecard-radius: 0;
  --da-scorecard-max-width: 100%;
}</textarea>
<p>The full list of properties and parts is in the project’s README, under “Widgets for partner sites”.</p>
</div>
</div>`
}
<p id="copy-status" class="visually-hidden" role="status" aria-live="polite"></p>
</main>
</body>
</html>`.value;
}
