import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

/** The project root, found from this file whether it runs from server/ (tsx) or dist/server/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The env file read when neither `--env-file` nor `ENV_FILE` names one: `.env` beside the app. */
export function defaultEnvFile(): string {
  return join(projectRoot(), '.env');
}

/**
 * The settings every process starts from, the server and every command (cli/) alike, so a
 * command can never quietly use another database than the server: the process's environment,
 * completed by an env file (`KEY=value` lines, as Node's `--env-file` reads them). The file is
 * the one `envFile` names (a command's `--env-file`), else `ENV_FILE`, else `.env` beside the
 * app when it exists. A variable set in the environment wins over the file, as with systemd's
 * `Environment=` beside an env file. A file that was named but is missing is an error: a typo
 * must not start the server on the defaults.
 */
export function readEnvironment(envFile?: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const named = envFile ?? env.ENV_FILE;
  const path = named ? resolve(named) : defaultEnvFile();
  if (!existsSync(path)) {
    if (named) throw new Error(`The env file ${path} does not exist (named by ${envFile ? '--env-file' : 'ENV_FILE'})`);
    return { ...env };
  }
  let fromFile: NodeJS.Dict<string>;
  try {
    fromFile = parseEnv(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read the env file ${path}: ${(err as Error).message}`, { cause: err });
  }
  return { ...fromFile, ...env };
}
