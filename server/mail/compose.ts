import type { MailStrings } from '../../i18n/mail.js';
import { html } from '../html/html.js';

/** What a message says, before it becomes plain text and HTML. */
export interface Letter {
  subject: string;
  /** The recipient's display name, or null when there is no account yet (an invitation). */
  name: string | null;
  paragraphs: string[];
  action: { label: string; url: string };
  /** Optional messages end with the link that turns them off. */
  optOutUrl?: string;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * Plain text for every mail program, and a simple HTML twin: no images, no remote styles, one
 * button-like link. Every value is escaped, so an entry's title or a note cannot inject markup.
 */
export function compose(s: MailStrings, letter: Letter): MailContent {
  const footer = letter.optOutUrl ? [`--`, s.optionalFooter, `${s.turnOff}: ${letter.optOutUrl}`] : [`--`, s.signature];
  const text = [
    s.greeting(letter.name),
    '',
    ...letter.paragraphs.flatMap((p) => [p, '']),
    `${letter.action.label}:`,
    letter.action.url,
    '',
    ...footer,
    '',
  ].join('\n');
  const body = html`<!doctype html>
<html><head><meta charset="utf-8"><title>${letter.subject}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:1rem">
<p>${s.greeting(letter.name)}</p>
${letter.paragraphs.map((p) => html`<p>${p}</p>\n`)}<p><a href="${letter.action.url}" style="display:inline-block;padding:.6rem 1rem;background:#0b5394;color:#fff;text-decoration:none;border-radius:4px">${letter.action.label}</a></p>
<p style="font-size:.9em;color:#555">${letter.action.url}</p>
<hr>
<p style="font-size:.9em;color:#555">${letter.optOutUrl ? html`${s.optionalFooter} <a href="${letter.optOutUrl}">${s.turnOff}</a>.` : s.signature}</p>
</body></html>
`;
  return { subject: letter.subject, text, html: body.value };
}
