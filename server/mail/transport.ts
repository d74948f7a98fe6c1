import { domainToASCII } from 'node:url';
import type { Transporter } from 'nodemailer';
import { loadNodemailer } from '../lazy-modules.js';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sent as List-Unsubscribe with RFC 8058's one-click List-Unsubscribe-Post. */
  unsubscribeUrl?: string | null;
}

/** Hands one message to a mail server; rejects when it was not accepted. */
export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/**
 * A URL nodemailer surely accepts: one the WHATWG parser reads whose host is a plain name or
 * address. nodemailer (shared/url.js) parses exactly so, and refuses only what the WHATWG
 * parser refuses (unless its legacy fallback takes it) or a host it cannot map.
 */
function plainSmtpUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return /^[a-z0-9.-]*$/i.test(parsed.hostname) && (parsed.hostname === '' || domainToASCII(parsed.hostname) !== '');
}

/**
 * SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://...` (TLS from the start). Connection and greeting timeouts are short so a dead
 * server fails an attempt quickly and the worker retries later.
 *
 * nodemailer is loaded for the first message, not at start (server/lazy-modules.ts). A URL it
 * might refuse is handed to it at once, so a misconfigured SMTP_URL still stops the start with
 * nodemailer's own error rather than failing every send later.
 */
export async function smtpTransport(url: string, from: string): Promise<MailTransport> {
  let transporter: Promise<Transporter> | undefined;
  const connect = () =>
    (transporter ??= loadNodemailer().then((nodemailer) => {
      const created = nodemailer.createTransport(url, { from });
      // The URL's options are merged by nodemailer; timeouts are ours.
      Object.assign(created.options, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
      return created;
    }));
  if (!plainSmtpUrl(url)) await connect();
  return {
    async send({ unsubscribeUrl, ...message }) {
      await (
        await connect()
      ).sendMail({
        ...message,
        ...(unsubscribeUrl
          ? { list: { unsubscribe: { url: unsubscribeUrl } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
          : {}),
      });
    },
    close() {
      // Nothing to close when no message was ever sent.
      void transporter?.then(
        (created) => created.close(),
        () => undefined,
      );
    },
  };
}
