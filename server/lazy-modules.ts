import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

/**
 * Libraries loaded on first use, not at start. Each took milliseconds to tens of milliseconds to
 * load (sharp 120, ioredis 80, nodemailer 60, qrcode 40, otplib 30, csv-parse 17, csv-stringify
 * 7, the argon2 native module, exceljs more; Fastify's own schema compilers, at the end, 50),
 * and only some requests, or only some settings, need each; loading them all at start kept the
 * server's first answer past a second. Each loader is defined once, here, and its promise is
 * kept, so the library is loaded once. Their users import only types from the libraries.
 * tests/server/start.test.ts checks that a start loads none of them.
 */

/** `load` runs on the first call; every call answers the same promise. */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** Password hashing (a native module): the first sign-in, invite or new password. */
export const loadArgon2 = lazyImport(() => import('@node-rs/argon2'));
/** Re-encoding uploaded flyers and logos. */
export const loadSharp = lazyImport(() => import('sharp').then((module) => module.default));
/** Rate-limit counters shared through Redis, only with REDIS_URL. */
export const loadRedis = lazyImport(() => import('ioredis').then((module) => module.Redis));
/** Sending mail, only with SMTP_URL. */
export const loadNodemailer = lazyImport(() => import('nodemailer').then((module) => module.default));
/** Two-factor sign-in: secrets and code checks. */
export const loadOtplib = lazyImport(() => import('otplib'));
/** Two-factor set-up: the QR code an authenticator app scans. */
export const loadQrCode = lazyImport(() => import('qrcode').then((module) => module.default));
/** Evidence imports from CSV. */
export const loadCsvParse = lazyImport(() => import('csv-parse').then((module) => module.parse));
/** The evidence export as CSV, and the import template. */
export const loadCsvStringify = lazyImport(() => import('csv-stringify/sync').then((module) => module.stringify));
/** Evidence imports from Excel and the import template (with its zip and XML parsers). */
export const loadExcel = lazyImport(() => import('exceljs').then((module) => module.default));

/**
 * Fastify's own JSON-schema compilers (ajv for validation, fast-json-stringify for answers),
 * built only if a route ever asks for one. Fastify loads both when it starts unless it is given
 * builders; the app sets zod's compilers on the root instance (server/app.ts), so no route asks,
 * and loading them (ajv, twice) was a good part of the start. Loaded from fastify's own
 * dependencies, as fastify would, so the same versions answer if one is ever needed.
 */
const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
let validatorFactory: ValidatorFactory | undefined;
let serializerFactory: SerializerFactory | undefined;
export const fastifyCompilersOnDemand: { buildValidator: ValidatorFactory; buildSerializer: SerializerFactory } = {
  buildValidator: (...args) => (validatorFactory ??= (requireFromFastify('@fastify/ajv-compiler') as () => ValidatorFactory)())(...args),
  buildSerializer: (...args) =>
    (serializerFactory ??= (requireFromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)())(...args),
};
