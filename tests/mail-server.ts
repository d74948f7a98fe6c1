import { SMTPServer } from 'smtp-server';
import { buildTestApp, createSignedInUser, NO_PRESSURE, type TestApp } from './helper.js';

/** One message as it arrived: envelope, decoded subject and the text and HTML parts. */
export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface TestMailServer {
  /** The SMTP_URL that points at it. */
  url: string;
  messages: CapturedMail[];
  /** Waits (polling, with a deadline) until a message matching `match` has arrived. */
  waitFor(match: (m: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Makes the server refuse the next `n` messages (a mail server that is down or refusing). */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), as nodemailer writes non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function splitPart(part: string): { headers: Record<string, string>; body: string } {
  const at = part.search(/\r?\n\r?\n/);
  const head = at < 0 ? part : part.slice(0, at);
  const body = at < 0 ? '' : part.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** Enough MIME for what nodemailer writes: one part, or multipart/alternative of text and HTML. */
export function parseMail(raw: string): Pick<CapturedMail, 'subject' | 'text' | 'html'> {
  const { headers, body } = splitPart(raw);
  const subject = decodeHeader(headers.subject ?? '');
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  let text = '';
  let html = '';
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const p of parts) {
    const part = splitPart(p.replace(/^\r?\n/, ''));
    const partType = part.headers['content-type'] ?? type;
    const decoded = decodeBody(part.headers, part.body);
    if (partType.startsWith('text/html')) html = decoded;
    else if (partType.startsWith('text/plain')) text = decoded;
  }
  return { subject, text: text.replace(/\r\n/g, '\n'), html };
}

/** A real SMTP server in this process, on a free loopback port, that keeps what it receives. */
export async function startMailServer(): Promise<TestMailServer> {
  const messages: CapturedMail[] = [];
  let refusing = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing > 0) {
          refusing--;
          callback(Object.assign(new Error('Mailbox unavailable (test)'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext(n) {
      refusing = n;
    },
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `No matching email within ${timeoutMs} ms; received: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'nothing'}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first workspace link in a message's text, e.g. the reset or invitation link. */
export function linkIn(mail: CapturedMail, path: string): string {
  const found = mail.text.split(/\s+/).find((w) => w.includes(path));
  if (!found) throw new Error(`No ${path} link in: ${mail.text}`);
  return found;
}

export interface MailTestApp extends TestApp {
  /** The SMTP server the app mails to. */
  smtp: TestMailServer;
}

/**
 * The app without demo data (the review queue starts empty), mailing a real SMTP server in this
 * process, with its mail queue worked by hand (`t.app.mail.tick()` / `drain()`), and one person,
 * demo-jordan-sample, for entries to be about (`evidenceBody()`; the reviewers' digest counts
 * entries about people who exist). `close()` closes both the app and the SMTP server.
 */
export async function mailTestApp(): Promise<MailTestApp> {
  const smtp = await startMailServer();
  let t: TestApp | undefined;
  try {
    t = await buildTestApp({
      ...NO_PRESSURE,
      seedDemo: false,
      mail: { smtpUrl: smtp.url, from: 'scorecard@example.org', publicUrl: 'http://scorecard.test', worker: 'manual' },
    });
    const admin = await createSignedInUser(t, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/subjects',
      headers: admin.headers,
      payload: { slug: 'demo-jordan-sample', name: 'Jordan Sample (demo)', role: 'candidate', office: 'District Attorney' },
    });
    if (created.statusCode !== 201) throw new Error(`Adding the person failed: ${created.statusCode} ${created.body}`);
  } catch (err) {
    await t?.close().catch(() => undefined);
    await smtp.close();
    throw err;
  }
  const app = t;
  return {
    ...app,
    smtp,
    close: async () => {
      await app.close();
      await smtp.close();
    },
  };
}
