import { chmodSync, closeSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';

/**
 * Files at rest hold password hashes, sessions, volunteers' emails and unpublished evidence:
 * only the server's user may read them. Node and SQLite create files as `mode & ~umask`, so
 * a permissive umask (0000, 0002) would leave them readable by others; every creation here is
 * followed by a chmod to the exact mode, whatever the umask.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and missing parents) and sets it to 0700. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(path, PRIVATE_DIR_MODE);
}

/** Writes a new file readable by the server's user only. */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data, { mode: PRIVATE_FILE_MODE });
  chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Creates the file empty when missing, and in any case sets it to 0600: before SQLite opens a
 * database, so its -wal and -shm files (which SQLite creates with the database file's mode)
 * are private too.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  if ((statSync(path).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
}
