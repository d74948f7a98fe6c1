import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openDatabase, type Db } from '../db/connection.js';
import { loadConfig, type AppConfig } from '../server/config.js';
import { readEnvironment } from '../server/environment.js';

/** What every command accepts besides its own options. */
const COMMON_OPTIONS = {
  /** Settings from this file instead of ENV_FILE or `.env` beside the app (server/environment.ts). */
  'env-file': { type: 'string' },
  /** Allows creating a database file that does not exist yet. */
  create: { type: 'boolean', default: false },
} as const;

/** A command's options, by name: strings, or booleans for flags. */
type Values = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  values: Values;
  positionals: string[];
  /** The server's own configuration, read the same way (environment, then the env file). */
  config: AppConfig;
  fail(message: string): never;
  /**
   * Opens the configured database. A file that does not exist is an error unless the command
   * was given `--create`: a missing or mistyped DATABASE_PATH must not quietly start a second,
   * empty database beside the real one.
   */
  openDatabase(): Db;
}

/** Parses a command's arguments with the common ones (`--env-file`, `--create`) and reads the configuration. */
export function command(name: string, options: NonNullable<ParseArgsConfig['options']>, usage: string): Command {
  const fail = (message: string): never => {
    process.stderr.write(`${name}: ${message}\n`);
    process.exit(1);
  };
  // Whatever a command creates (a database, a backup, a restored copy) holds password hashes:
  // readable by its owner only, whatever the shell's umask.
  process.umask(0o077);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ options: { ...options, ...COMMON_OPTIONS }, allowPositionals: true });
  } catch (err) {
    return fail(`${(err as Error).message}\nusage: ${usage}`);
  }
  let config: AppConfig;
  try {
    config = loadConfig(readEnvironment(parsed.values['env-file'] as string | undefined));
  } catch (err) {
    return fail((err as Error).message);
  }
  const values = parsed.values;
  return {
    name,
    values,
    positionals: parsed.positionals,
    config,
    fail,
    openDatabase() {
      const path = config.databasePath;
      if (path !== ':memory:' && !existsSync(path) && !values.create) {
        fail(
          `there is no database at ${path}. Set DATABASE_PATH (in the environment, ENV_FILE, --env-file or .env beside the app) ` +
            'to the server’s database, or pass --create to make a new one there',
        );
      }
      return openDatabase(path);
    },
  };
}
