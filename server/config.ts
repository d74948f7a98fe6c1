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
  /**
   * 0 turns the overload guard off. The tests' server processes set it: on a shared test machine
   * the machine, not the app, is slow, and a 503 there is noise (tests/README.md).
   */
  OVERLOAD_GUARD: z.enum(['0', '1']).default('1'),
});

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
    ...(e.OVERLOAD_GUARD === '0' ? { pressure: PRESSURE_OFF } : {}),
  };
}
