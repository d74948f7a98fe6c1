import nodemailer from 'nodemailer';

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
 * SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://...` (TLS from the start). Connection and greeting timeouts are short so a dead
 * server fails an attempt quickly and the worker retries later.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { from });
  // The URL's options are merged by nodemailer; timeouts are ours.
  Object.assign(transporter.options, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send({ unsubscribeUrl, ...message }) {
      await transporter.sendMail({
        ...message,
        ...(unsubscribeUrl
          ? { list: { unsubscribe: { url: unsubscribeUrl } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
          : {}),
      });
    },
    close() {
      transporter.close();
    },
  };
}
