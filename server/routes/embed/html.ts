/** Markup that is already safe: produced by `html`, so it is not escaped a second time. */
export class SafeMarkup {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and XML (SVG) alike: element content and quoted attribute values. */
export function escapeMarkup(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function interpolate(value: unknown): string {
  if (value instanceof SafeMarkup) return value.markup;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeMarkup(value);
}

/**
 * A tagged template for these pages: every interpolated value is escaped unless it is itself
 * `html` output, so stored text (names, titles) can never become markup.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeMarkup {
  return new SafeMarkup(strings.reduce((out, s, i) => out + s + (i < values.length ? interpolate(values[i]) : ''), ''));
}
