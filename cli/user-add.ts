// Creates an account of any role from the command line; the way to make the first admin.
//   npm run user:add -- --email E [--role volunteer|reviewer|admin] [--name "Display name"] [--generate]
//   npm run user:add -- --email E --reset     (an existing account: prints and emails a password-reset link)
// The password comes from standard input when it is not a terminal (the first line), is asked
// for without echo when it is, or is made up and printed once with --generate. It writes to the
// server's database (the same configuration, cli/command.ts), and works while the server runs
// (WAL, busy timeout). `--create` makes the database when it does not exist yet.
import { command } from './command.js';
import { migrateDatabase } from '../db/migrate.js';
import { inTransaction } from '../db/unit-of-work.js';
import { userRoles, type UserRole } from '../db/schema/index.js';
import { generatePassword, hashPassword } from '../server/auth/password.js';
import { HttpError } from '../server/errors.js';
import { newToken } from '../server/auth/token.js';
import { Notifications } from '../server/mail/notifications.js';
import { MailRepository } from '../server/repositories/mail.js';
import { normalizeEmail, PasswordResetRepository, UserRepository } from '../server/repositories/users.js';
import { displayName as displayNameSchema, email as emailSchema, newPassword } from '../server/schemas/accounts.js';

const cli = command(
  'user:add',
  {
    email: { type: 'string' },
    role: { type: 'string', default: 'volunteer' },
    name: { type: 'string' },
    generate: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
  },
  'npm run user:add -- --email E [--role volunteer|reviewer|admin] [--name NAME] [--generate] [--reset] [--env-file FILE] [--create]',
);
// Annotated, so TypeScript narrows after a call (a never-returning function must be declared so).
const fail: (message: string) => never = cli.fail;
const values = cli.values as { email?: string; role: string; name?: string; generate: boolean; reset: boolean };

/** The first line of a piped standard input. */
async function readLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal with echo off: raw mode, handling Enter, Backspace and Ctrl-C. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    // Echo goes off before the prompt shows, so nothing typed in answer can be echoed.
    stdin.setRawMode(true);
    process.stdout.write(prompt);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const onData = (chars: string) => {
      for (const ch of chars) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          process.stdout.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function choosePassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  if (generate) return { password: generatePassword(), generated: true };
  if (!process.stdin.isTTY) return { password: await readLine(), generated: false };
  const first = await askHidden('Password: ');
  const again = await askHidden('Same password again: ');
  if (first !== again) fail('the two passwords differ');
  return { password: first, generated: false };
}

const email = emailSchema.safeParse(values.email ?? '');
if (!email.success) fail('--email needs an email address');
if (!userRoles.includes(values.role as UserRole)) fail(`--role must be one of ${userRoles.join(', ')}`);
const displayName = values.name ?? normalizeEmail(email.data).split('@')[0];
if (!displayNameSchema.safeParse(displayName).success) fail('--name must be 1 to 100 characters');

// Before asking for a password, so a wrong DATABASE_PATH is said at once.
const db = cli.openDatabase();

/**
 * A password-reset link for an existing account, queued as an email too: the running server's
 * mail worker sends it (or holds it in the outbox without SMTP_URL).
 */
async function sendReset(address: string): Promise<never> {
  try {
    migrateDatabase(db);
    const users = new UserRepository(db);
    const found = await users.credentialsByEmail(address);
    if (!found) fail(`no account uses ${normalizeEmail(address)}; leave out --reset to create one`);
    if (found.disabled) fail(`the account of ${found.email} is disabled; an admin can enable it in the workspace`);
    const token = newToken();
    const notifications = new Notifications(new MailRepository(db), cli.config.mail?.publicUrl ?? 'http://localhost:3000');
    const url = await inTransaction(db, async (tx) => {
      await new PasswordResetRepository(db, users).create(found.id, token, null, tx);
      return await notifications.passwordReset(found.id, token, true, tx);
    });
    process.stdout.write(`Password-reset link for ${found.email} (works once, for one hour; also emailed):\n${url}\n`);
  } finally {
    db.$client.close();
  }
  process.exit(0);
}

if (values.reset) await sendReset(email.data);

const { password, generated } = await choosePassword(values.generate);
const checked = newPassword.safeParse(password);
if (!checked.success) fail(`the password ${checked.error.issues[0]?.message}`);

try {
  migrateDatabase(db);
  const users = new UserRepository(db);
  const account = await users.create(
    { email: email.data, displayName, role: values.role as UserRole, passwordHash: await hashPassword(password) },
    null,
    'cli',
  );
  process.stdout.write(`Created ${account.role} ${account.email} (id ${account.id}).\n`);
  if (generated) process.stdout.write(`Password (shown only this once): ${password}\n`);
} catch (err) {
  if (err instanceof HttpError && err.code === 'email-taken') {
    fail(`${err.message}\n  npm run user:add -- --email ${normalizeEmail(email.data)} --reset`);
  }
  fail(err instanceof HttpError ? err.message : String(err));
} finally {
  db.$client.close();
}
