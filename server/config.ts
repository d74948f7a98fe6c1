import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from '../db/connection.js';
import { PRESSURE_OFF, type PressureOptions } from './plugins/pressure.js';

/** Settings from the environment; the README's "Configuration" lists the public ones. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when a reverse proxy terminates TLS in front of the server. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** smtp://user:pass@host:587 or smtps://...; without it, mail stays in the admin's outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('DA scorecard <scorecard@localhost>'),
  /** The site's address as people reach it, for links in emails (default http://HOST:PORT). */
  PUBLIC_URL: z.url().optional(),
  /** `reviewer`: reviewers and admins must turn on two-factor sign-in; `admin`: admins only. */
  REQUIRE_2FA_FOR: z.enum(['', 'reviewer', 'admin']).default(''),
  /**
   * 0 turns the overload guard off. The tests' server processes set it: on a shared test machine
   * the machine, not the app, is slow, and a 503 there is noise (tests/README.md).
   */
  OVERLOAD_GUARD: z.enum(['0', '1']).default('1'),
});

export interface MailConfig {
  /** Null: no SMTP server; messages are held in the outbox (/workspace/admin/outbox). */
  smtpUrl: string | null;
  from: string;
  /** The site's public address, for links in emails. */
  publicUrl: string;
  /** `timer`: the server sends on its own; `manual`: tests call `fastify.mail.drain()`. */
  worker: 'timer' | 'manual';
}

export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  seedDemo: boolean;
  production: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** Where the built client lives (dist/client); pages are served from it. */
  clientDist?: string;
  /** Overload thresholds; PRESSURE_OFF in tests. Defaults in plugins/pressure.ts. */
  pressure?: PressureOptions;
  /** Email; tests leave it out: no SMTP, a manual worker, links to http://localhost. */
  mail?: MailConfig;
  /** The least role that must use two-factor sign-in; null: nobody must. */
  require2faFor?: 'reviewer' | 'admin' | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    // Absolute from here on: the flyers folder and static file serving need absolute paths,
    // and a relative path would otherwise change meaning with the working directory.
    databasePath: e.DATABASE_PATH === ':memory:' ? e.DATABASE_PATH : resolve(e.DATABASE_PATH),
    seedDemo: e.SEED_DEMO === '1',
    production: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1',
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM,
      publicUrl: e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
      worker: 'timer',
    },
    require2faFor: e.REQUIRE_2FA_FOR || null,
    ...(e.OVERLOAD_GUARD === '0' ? { pressure: PRESSURE_OFF } : {}),
  };
}
