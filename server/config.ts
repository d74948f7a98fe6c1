import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from '../db/connection.js';
import { readEnvironment } from './environment.js';
import { PRESSURE_OFF, type PressureOptions } from './plugins/pressure.js';

/**
 * Settings from the environment and the env file (server/environment.ts), read the same way by
 * the server and every command; the README's "Configuration" lists them.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  /** postgres://… selects PostgreSQL (`?schema=name` for a schema other than public); unset: the SQLite file at DATABASE_PATH. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//i, 'must start with postgres:// (leave it unset for the SQLite file at DATABASE_PATH)')
    .optional(),
  /** Demo data only on request in production: one start without it would add demo people for good. */
  SEED_DEMO: z.enum(['0', '1']).optional(),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which proxies in front may set X-Forwarded-*: a hop count, or their addresses/CIDRs. */
  TRUST_PROXY: z.string().default('0'),
  /** The address readers use, e.g. https://scorecard.example.org; every absolute URL we write starts with it. */
  PUBLIC_ORIGIN: z.string().optional(),
  /** smtp://user:pass@host:587 or smtps://...; without it, mail stays in the admin's outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('DA scorecard <scorecard@localhost>'),
  /** redis://[user:pass@]host:6379[/db]: rate-limit counters shared by every instance; without it, each instance counts alone. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  /** `reviewer`: reviewers and admins must turn on two-factor sign-in; `admin`: admins only. */
  REQUIRE_2FA_FOR: z.enum(['', 'reviewer', 'admin']).default(''),
  /**
   * 0 turns the overload guard off. The tests' server processes set it: on a shared test machine
   * the machine, not the app, is slow, and a 503 there is noise (tests/README.md).
   */
  OVERLOAD_GUARD: z.enum(['0', '1']).default('1'),
});

/**
 * Fastify's `trustProxy` from TRUST_PROXY: `0` trusts nothing, a whole number trusts that many
 * hops (the right-most entries of X-Forwarded-For), otherwise a comma list of the proxies'
 * addresses or CIDRs. Never `true`: trusting every hop lets any client choose its own address.
 */
export function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim();
  if (v === '' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || rest.length || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
      throw new Error(`Invalid configuration: TRUST_PROXY: "${entry}" is neither a hop count nor an address or CIDR (e.g. 1, 10.0.0.0/8)`);
    }
  }
  return entries;
}

/** PUBLIC_ORIGIN reduced to scheme://host[:port], or an error naming the variable. */
export function parsePublicOrigin(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`Invalid configuration: PUBLIC_ORIGIN: "${value}" is not a URL such as https://scorecard.example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('Invalid configuration: PUBLIC_ORIGIN: must start with https:// (or http://)');
  }
  return url.origin;
}

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
  /** DATABASE_URL: PostgreSQL instead of the SQLite file at databasePath (db/pg/). */
  databaseUrl?: string | null;
  seedDemo: boolean;
  production: boolean;
  logLevel: string;
  /** See parseTrustProxy: false, a hop count or the proxies' addresses. */
  trustProxy: false | number | string[];
  /** PUBLIC_ORIGIN; null falls back to the listening address (plugins/public-origin.ts). */
  publicOrigin?: string | null;
  /** Where the built client lives (dist/client); pages are served from it. */
  clientDist?: string;
  /** Bytes the in-memory response and page cache may hold (plugins/caching.ts); default 48 MB. */
  cacheBudget?: number;
  /** Expensive requests (exports, asOf history) in flight at once; default in plugins/rate-limit.ts. */
  expensiveConcurrency?: number;
  /** REDIS_URL: where @fastify/rate-limit keeps its counters, shared by every instance; null: in memory. */
  redisUrl?: string | null;
  /** New share images one address may have drawn per minute (default 30); tests lower it. */
  shareDrawsPerMinute?: number;
  /** Overload thresholds; PRESSURE_OFF in tests. Defaults in plugins/pressure.ts. */
  pressure?: PressureOptions;
  /** Email; tests leave it out: no SMTP, a manual worker, links to http://localhost. */
  mail?: MailConfig;
  /** The least role that must use two-factor sign-in; null: nobody must. */
  require2faFor?: 'reviewer' | 'admin' | null;
  /**
   * How long one plugin may take to load before the start fails (Fastify's pluginTimeout). Default
   * 120 s (PLUGIN_TIMEOUT_MS in app.ts), not Fastify's 10 s: on a loaded two-core machine the route folder's autoload (importing
   * every route file) and the migrations took longer than 10 s, and a start that would have
   * succeeded failed. Tests pass 0, no limit: the test's own deadline bounds a start that hangs.
   */
  pluginTimeout?: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): AppConfig {
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
    databaseUrl: e.DATABASE_URL || null,
    seedDemo: (e.SEED_DEMO ?? (e.NODE_ENV === 'production' ? '0' : '1')) === '1',
    production: e.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    publicOrigin: parsePublicOrigin(e.PUBLIC_ORIGIN),
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM,
      // Links in emails use the same public address as every other absolute URL.
      publicUrl: parsePublicOrigin(e.PUBLIC_ORIGIN) ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
      worker: 'timer',
    },
    require2faFor: e.REQUIRE_2FA_FOR || null,
    redisUrl: e.REDIS_URL ?? null,
    ...(e.OVERLOAD_GUARD === '0' ? { pressure: PRESSURE_OFF } : {}),
  };
}
