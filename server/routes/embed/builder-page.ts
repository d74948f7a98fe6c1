import type { PublicSubject } from '../../schemas/subjects.js';
import { html, type SafeHtml } from '../../html/html.js';
import { messagesFor, type Messages } from '../../../i18n/catalog.js';
import { pagePath, type Locale } from '../../../i18n/locales.js';
import { LANGUAGES } from '../../i18n/language.js';
import {
  badgePath,
  FRAME_HEIGHTS,
  FRAME_HEIGHTS_BY_WIDTH,
  framePath,
  snippets,
  VARIANTS,
  WIDTH_BANDS,
  widgetAttributes,
  type WidgetChoice,
} from './snippets.js';
import { BADGE_WIDTH } from './badge-svg.js';

/** The widths a partner can preview the widget at: from a phone's sidebar to a full page. */
export const PREVIEW_WIDTHS = ['240', '284', '360', '480', '700', '1200'] as const;
export type PreviewWidth = (typeof PREVIEW_WIDTHS)[number];

export interface BuilderOptions {
  origin: string;
  /** The page's language (the widget's language is `choice.lang`). */
  locale: Locale;
  choice: WidgetChoice;
  width: PreviewWidth;
  subjects: PublicSubject[];
  standards: Array<{ slug: string; number: number; title: string }>;
  elections: Array<{ slug: string; name: string }>;
  /** The chosen widget in words: the iframe's title. */
  title: string;
  /** The image's alt text (null for an election: images show one person). */
  imageAlt: string | null;
}

function options<T>(items: readonly T[], value: (t: T) => string, label: (t: T) => string, selected: string): SafeHtml[] {
  return items.map((t) => html`<option value="${value(t)}"${value(t) === selected ? html` selected` : ''}>${label(t)}</option>`);
}

function snippetBlock(t: Messages['embed'], id: string, heading: string, text: string, help: SafeHtml, rows: number): SafeHtml {
  return html`<section class="snippet" aria-labelledby="${id}-heading">
  <h3 id="${id}-heading">${heading}</h3>
  ${help}
  <label class="visually-hidden" for="${id}">${t.codeToCopy(heading)}</label>
  <textarea id="${id}" readonly rows="${rows}" spellcheck="false">${text}</textarea>
  <button type="button" class="button copy" data-copy="${id}" data-copied="${t.copiedButton}" data-status="${t.copied(heading)}" hidden>${t.copy(heading)}</button>
</section>`;
}

/** The preview and snippets; also what widget-builder.js swaps in when the choice changes. */
function result(o: BuilderOptions, t: Messages['embed']): SafeHtml {
  const { choice, origin } = o;
  const code = snippets(origin, choice, o.title, o.imageAlt);
  const badge = badgePath(choice);
  const attrs = widgetAttributes(choice).map(([name, value]) => html` ${name}="${value}"`);
  return html`<div id="result">
  <h2>${t.preview}</h2>
  <p class="embed-kit__note">${t.previewAt(Number(o.width))}</p>
  <div class="embed-kit__stage"><div class="embed-kit__preview" data-width="${o.width}"><da-scorecard${attrs}></da-scorecard></div></div>
  <h2>${t.copyHeading}</h2>
  ${snippetBlock(t, 'snippet-script', t.script, code.script, html`<p>${t.scriptHelp}</p>`, 3)}
  ${snippetBlock(
    t,
    'snippet-iframe',
    t.iframe,
    code.iframe,
    html`<p>${t.iframeHelp}</p>
  <details class="embed-kit__frame"><summary>${t.previewIframe}</summary>
  <iframe src="${framePath(choice)}" title="${o.title}" width="100%" height="${FRAME_HEIGHTS[choice.variant]}" loading="lazy"></iframe>
  </details>`,
    6,
  )}
  ${
    code.image && code.markdown && badge
      ? html`${snippetBlock(
          t,
          'snippet-image',
          t.image,
          code.image,
          html`<p>${t.imageHelp}</p>
  <p class="embed-kit__image"><img src="${badge}" alt="${o.imageAlt}" width="${BADGE_WIDTH}"></p>`,
          4,
        )}
  ${snippetBlock(t, 'snippet-markdown', t.markdown, code.markdown, html`<p>${t.markdownHelp}</p>`, 3)}`
      : html`<p class="embed-kit__note">${t.imageNote}</p>`
  }
</div>`;
}

/** The heights a fixed-height embed box needs, per variant and box width. */
function heightsTable(t: Messages['embed']): SafeHtml {
  return html`<div class="table-scroll"><table class="simple-table">
<caption>${t.heightsCaption}</caption>
<thead><tr><th scope="col">${t.variantColumn}</th>${WIDTH_BANDS.map((b) => html`<th scope="col">${t.widthColumn(b.from, b.to)}</th>`)}</tr></thead>
<tbody>
${VARIANTS.map(
  (v) => html`<tr><th scope="row">${t.variants[v].name}</th>${FRAME_HEIGHTS_BY_WIDTH[v].map((h) => html`<td>${h} px</td>`)}</tr>
`,
)}</tbody>
</table></div>`;
}

/**
 * /embed and /es/embed, the partner kit: choose what to show, see it live at a chosen width,
 * copy the snippet the partner's site accepts, and follow the steps for its site builder.
 * Works without JavaScript (a GET form); widget-builder.js makes it live.
 */
export function builderBody(o: BuilderOptions): SafeHtml {
  const { choice } = o;
  const t = messagesFor(o.locale).embed;
  if (o.subjects.length === 0) return html`<h1>${t.title}</h1><p>${t.empty}</p>`;
  const shields = `${o.origin}/badge/${encodeURIComponent(o.subjects[0].slug)}.json`;
  return html`<div class="embed-kit">
<h1>${t.title}</h1>
<p class="lede">${t.intro}</p>
<div class="embed-kit__layout">
<form id="builder" class="panel embed-kit__form" method="get" action="${pagePath(o.locale, '/embed')}">
  <fieldset>
    <legend>${t.show}</legend>
    ${VARIANTS.map(
      (
        v,
      ) => html`<div class="embed-kit__choice"><input type="radio" id="variant-${v}" name="variant" value="${v}"${v === choice.variant ? html` checked` : ''}>
    <label for="variant-${v}">${t.variants[v].name}<small>${t.variants[v].hint}</small></label></div>`,
    )}
  </fieldset>
  <div class="embed-kit__field" data-variants="card chart badge">
    <label for="subject">${t.person}</label>
    <select id="subject" name="subject">${options(
      o.subjects,
      (s) => s.slug,
      (s) => s.name,
      choice.subject,
    )}</select>
  </div>
  <div class="embed-kit__field" data-variants="badge">
    <label for="standard">${t.standard}</label>
    <select id="standard" name="standard">${options(
      o.standards,
      (s) => s.slug,
      (s) => `${s.number}. ${s.title}`,
      choice.standard,
    )}</select>
  </div>
  <div class="embed-kit__field" data-variants="compare">
    <label for="election">${t.election}</label>
    <select id="election" name="election">${options(
      o.elections,
      (e) => e.slug,
      (e) => e.name,
      choice.election,
    )}</select>
  </div>
  <fieldset>
    <legend>${t.widgetLanguage}</legend>
    ${LANGUAGES.map(
      (
        l,
      ) => html`<div class="embed-kit__choice"><input type="radio" id="lang-${l}" name="lang" value="${l}"${l === choice.lang ? html` checked` : ''}>
    <label for="lang-${l}" lang="${l}">${messagesFor(l).languageName}</label></div>`,
    )}
  </fieldset>
  <div class="embed-kit__field">
    <label for="width">${t.previewWidth}</label>
    <select id="width" name="width">${options(
      PREVIEW_WIDTHS,
      (w) => w,
      (w) => t.widthOption(Number(w)),
      o.width,
    )}</select>
  </div>
  <button type="submit" class="button" id="update">${t.update}</button>
</form>
<div class="embed-kit__main">
${result(o, t)}
<h2>${t.stepsHeading}</h2>
${(['wix', 'squarespace', 'wordpress', 'html'] as const).map(
  (k) => html`<section class="embed-kit__steps" aria-labelledby="steps-${k}"><h3 id="steps-${k}">${t.steps[k].name}</h3>
<ol>${t.steps[k].steps.map((step) => html`<li>${step}</li>`)}</ol></section>
`,
)}
<h2>${t.heightsHeading}</h2>
<p>${t.heightsIntro}</p>
${heightsTable(t)}
<h2>${t.themeHeading}</h2>
<p>${t.themeIntro}</p>
<textarea readonly rows="6" aria-label="${t.themeExample}" spellcheck="false">da-scorecard {
  --da-scorecard-font: Georgia, serif;
  --da-scorecard-accent: #6b21a8;
  --da-scorecard-radius: 0;
  --da-scorecard-max-width: 100%;
}</textarea>
<p>${t.themeMore}</p>
<h2>${t.shieldsHeading}</h2>
<p>${t.shieldsIntro} <code>${shields}</code></p>
</div>
</div>
<p id="copy-status" class="visually-hidden" role="status" aria-live="polite"></p>
</div>`;
}
