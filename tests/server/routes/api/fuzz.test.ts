import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../../../server/app.js';
import { canSignIn, createAccount, signIn } from '../../../accounts.js';
import { tableContents } from '../../../database-dump.js';
import { errorShapeProblem } from '../../../error-shape.js';
import { sql } from 'drizzle-orm';
import { isPostgres } from '../../../../db/engine.js';
import { buildTestApp, runSql, selectSql, TEST_ENGINE, type TestApp } from '../../../helper.js';
import { discoverEndpoints, knownValues, routeKey, type Endpoint } from '../../../route-catalogue.js';
import {
  bodyText,
  contentType,
  fieldValue,
  hostileScalar,
  oversizedBody,
  rawPathSegment,
  rawQueryPiece,
  unicodeText,
  validValue,
  type JsonSchema,
} from '../../../hostile-input.js';

/**
 * Every endpoint the app serves (tests/route-catalogue.ts), fuzzed with generated requests
 * (tests/hostile-input.ts), shaped by each route's own schema where it has one. A route
 * added later is therefore covered without touching this file.
 *
 * Invariants, whoever calls: never a 5xx; every API or JSON error is the documented shape,
 * and no error leaks internals; no response carries a file from outside what is meant to be served;
 * nothing is polluted through prototype keys; and a rejected request changes nothing stored
 * (every table is compared before and after, on SQLite or PostgreSQL: tests/database-dump.ts).
 *
 * Runs per endpoint and caller are bounded to keep `npm test` fast; FUZZ_RUNS=500 digs deeper.
 * The second pass on PostgreSQL (the `postgres` project) runs 10 by default: it is there for
 * what the engine answers differently (its errors, types and limits), which a few runs per
 * route reach, and every request there costs a round trip to the server.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (TEST_ENGINE === 'postgres' ? 10 : 25));

/** Where `app.inject` requests appear to come from (its default Host is localhost:80). */
const SAME_SITE_ORIGIN = 'http://localhost';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** For the 413 path; the same for every route, so built once (it is a quarter of a megabyte). */
const OVERSIZED_BODY = oversizedBody(BODY_LIMIT);

/**
 * Tables a rejected request may still write, per route, and why. A refused sign-in may be
 * recorded (audit trail, lockout counters): that is a defence, not a leak of the refusal.
 */
const REJECTED_MAY_RECORD: Record<string, string[]> = {
  'POST /api/auth/login': ['audit_log', 'sign_in_failures'],
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent refuses lone surrogates; the raw segments send those percent-encoded instead. */
const encode = (value: unknown) =>
  encodeURIComponent((typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).replace(LONE_SURROGATE, '\uFFFD'));

function pathSegment(schema: JsonSchema | undefined, known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: known.length ? 3 : 0, arbitrary: known.length ? fc.constantFrom(...known).map(encode) : fc.constant('x') },
    { weight: schema ? 2 : 0, arbitrary: validValue(schema).map(encode) },
    { weight: 2, arbitrary: hostileScalar.map(encode) },
    { weight: 2, arbitrary: rawPathSegment },
  );
}

function queryString(query: Record<string, JsonSchema>): fc.Arbitrary<string> {
  const names = Object.keys(query);
  const pair = names.length
    ? fc.constantFrom(...names).chain((name) => fieldValue(query[name]).map((v) => `${encode(name)}=${encode(v)}`))
    : fc.constant('');
  // Repeating the array of pairs repeats names too: `?asOf=a&asOf=b`.
  return fc
    .tuple(fc.array(pair, { maxLength: 4 }), fc.option(rawQueryPiece, { nil: undefined }), fc.option(unicodeText(8), { nil: undefined }))
    .map(([pairs, raw, junkName]) => {
      const pieces = pairs.filter(Boolean);
      if (raw) pieces.push(raw);
      if (junkName !== undefined) pieces.push(`${encode(junkName)}=1`);
      return pieces.length ? `?${pieces.join('&')}` : '';
    });
}

function requestFor(endpoint: Endpoint, known: Record<string, string[]>, cookie?: string): fc.Arbitrary<InjectOptions> {
  const segments = Object.keys(endpoint.params).map((name) =>
    pathSegment(endpoint.params[name], known[name] ?? []).map((value) => [name, value] as const),
  );
  const writes = WRITE_METHODS.has(endpoint.method);
  const body = writes
    ? fc.oneof(
        { weight: 12, arbitrary: bodyText(endpoint.body) },
        { weight: 1, arbitrary: fc.constant(OVERSIZED_BODY) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.option(bodyText(undefined), { nil: undefined, freq: 10 });
  return fc
    .record({
      method: fc.oneof(
        { weight: 10, arbitrary: fc.constant(endpoint.method) },
        { weight: 1, arbitrary: fc.constantFrom('HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST') },
      ),
      segments: fc.tuple(...segments),
      query: queryString(endpoint.query),
      body,
      contentType: fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 3, arbitrary: contentType }),
      extra: fc.record(
        {
          'if-none-match': fc.constantFrom('*', 'W/"x"', '"\u0000"'),
          accept: fc.constantFrom('text/csv', 'application/xml', '*/*', '\u00ff'),
          origin: fc.constantFrom('https://partner.example', 'null', 'https://evil.example'),
          'x-forwarded-for': fc.constantFrom('10.0.0.1, 127.0.0.1', '../../', '::1'),
          cookie: fc.constantFrom('session=forged', 'sid=%00', '__proto__=1', 'session=' + 'a'.repeat(4_000)),
        },
        { requiredKeys: [] },
      ),
      tamperCookie: fc.boolean(),
    })
    .map(({ method, segments: values, query, body: payload, contentType: type, extra, tamperCookie }) => {
      let url = endpoint.path;
      for (const [name, value] of values) url = name === '*' ? url.replace('*', value) : url.replace(`:${name}`, value);
      // A signed-in page of this site sends its own Origin with every write (CSRF defence);
      // the generated headers replace it with another site's some of the time.
      const headers: Record<string, string> = { ...(cookie ? { origin: SAME_SITE_ORIGIN } : {}), ...extra };
      if (cookie) headers.cookie = tamperCookie ? cookie.replace(/=(.)/, '=X$1') : cookie;
      if (payload !== undefined && type) headers['content-type'] = type;
      return { method: method as InjectOptions['method'], url: url + query, headers, ...(payload !== undefined ? { payload } : {}) };
    });
}

/**
 * The read a well-behaved caller sends: the route's own method, stored slugs or ids in its path,
 * no query, body or stray headers. It is the first example of every read's fuzz run, so the
 * route's ordinary path is always exercised: the generated requests can all stop earlier (a
 * foreign method, an unknown content type), and once, with 3 runs, the fuzzer's self-test never
 * reached the handler it meant to catch. Writes get none: a bodiless plain write would be the
 * same request each time (a sign-out, a removal of the demo data) rather than a generated one.
 * Undefined when a path parameter has no stored value to use.
 */
function plainRead(endpoint: Endpoint, known: Record<string, string[]>, cookie?: string): InjectOptions | undefined {
  if (WRITE_METHODS.has(endpoint.method)) return undefined;
  let url = endpoint.path;
  for (const name of Object.keys(endpoint.params)) {
    const value = known[name]?.[0];
    if (value === undefined) return undefined;
    url = name === '*' ? url.replace('*', encode(value)) : url.replace(`:${name}`, encode(value));
  }
  const headers: Record<string, string> = cookie ? { origin: SAME_SITE_ORIGIN, cookie } : {};
  return { method: endpoint.method as InjectOptions['method'], url, headers };
}

/** Never served, whatever the path says: a system file, the project's own manifest. */
const FOREIGN_FILE_MARKERS = ['root:x:0:0', '"name": "da-scorecard"', '[fonts]'];
/** Internals an error must never show: SQL errors (either engine's), file paths, stack frames. */
const INTERNALS =
  /SqliteError|SQLITE_|DatabaseError|duplicate key value|violates .* constraint|relation "|node_modules|\/work\/|at [\w.<>]+ \(|\.ts:\d+/;

/** zod's own wording, for programmers: a refusal says a field's problem in plain words (server/schemas/plain-messages.ts). */
const PROGRAMMER_WORDING =
  /Invalid input|Invalid option|expected \w+, received|Too (small|big)|Unrecognized key|Invalid (string|email|url)/;

function describeRequest(req: InjectOptions, res: LightMyRequestResponse) {
  const body = typeof req.payload === 'string' ? req.payload.slice(0, 200) : '';
  return `${req.method} ${String(req.url).slice(0, 300)} [${JSON.stringify(req.headers)}] ${body}\n-> ${res.statusCode} ${res.body.slice(0, 400)}`;
}

/**
 * Checks one answer against the invariants; returns the new baseline dump of the database.
 * `written` says whether the request wrote anything at all; when it did not, the stored data
 * is the baseline still.
 */
async function checkAnswer(
  app: FastifyInstance,
  endpoint: Endpoint,
  req: InjectOptions,
  res: LightMyRequestResponse,
  baseline: Record<string, unknown>,
  written: boolean,
): Promise<Record<string, unknown>> {
  // Each invariant is tested in plain code and handed to expect (for its message) only when it
  // breaks: an expect() per check, thousands of times a run, cost more than the checks.
  const where = () => describeRequest(req, res);
  // oEmbed's spec answers 501 for a format it does not serve (xml): documented, not a failure.
  const oembedXml = res.statusCode === 501 && /^\/oembed\?(.*&)?format=xml(&|$)/.test(String(req.url));
  if (!oembedXml && res.statusCode >= 500) expect(res.statusCode, `5xx for ${where()}`).toBeLessThan(500);
  const polluted = ({} as Record<string, unknown>).polluted;
  if (polluted !== undefined) expect(polluted, `prototype polluted by ${where()}`).toBeUndefined();
  if (FOREIGN_FILE_MARKERS.some((marker) => res.body.includes(marker))) expect.fail(`served a foreign file for ${where()}`);

  if (res.statusCode >= 400 && req.method !== 'HEAD') {
    // The API and every JSON answer use the documented error shape; a page or a badge that
    // is not found answers in its own kind (an HTML page, an SVG badge) for people.
    const json = String(res.headers['content-type'] ?? '').includes('json');
    const problem = String(req.url).startsWith('/api/') || json ? errorShapeProblem(res) : null;
    if (problem !== null) expect(problem, `error shape of ${where()}`).toBeNull();
    if (INTERNALS.test(res.body)) expect(res.body, `internals leaked by ${where()}`).not.toMatch(INTERNALS);
    if (json && PROGRAMMER_WORDING.test(res.body)) expect(res.body, `programmer's words in ${where()}`).not.toMatch(PROGRAMMER_WORDING);
  }
  if (res.statusCode < 300 && String(res.headers['content-type']).startsWith('application/json') && res.body) {
    try {
      JSON.parse(res.body);
    } catch {
      expect(() => JSON.parse(res.body), `invalid JSON from ${where()}`).not.toThrow();
    }
  }

  if (!written) return baseline;
  const after = await tableContents(app);
  if (res.statusCode < 400) return after;
  const mayRecord = new Set(REJECTED_MAY_RECORD[routeKey(endpoint.method, endpoint.path)] ?? []);
  const changed = Object.keys({ ...baseline, ...after }).filter(
    (table) => !mayRecord.has(table) && !isDeepStrictEqual(baseline[table], after[table]),
  );
  expect(changed, `rejected request changed stored data: ${where()}`).toEqual([]);
  return after;
}

/**
 * A number that moves whenever anything stored changes. While it stays the same, the
 * before/after comparison of every table, the costly part of each run, is skipped.
 * On SQLite: rows this connection has inserted, updated or deleted since it opened (triggers
 * included); the app writes only through this connection. On PostgreSQL: the schema's
 * data_version row, which a statement trigger on every table moves in the writing transaction,
 * whichever pooled connection wrote (migrations/pg/0001_data_version.sql).
 */
async function totalChanges(app: FastifyInstance): Promise<number> {
  if (!isPostgres(app.db)) {
    const client = app.db.$client;
    let statement = totalChangesStatements.get(client);
    if (!statement) totalChangesStatements.set(client, (statement = client.prepare('select total_changes()').pluck()));
    return statement.get() as number;
  }
  const [row] = await selectSql<{ value: string }>({ app }, sql`select value from data_version where id = 1`);
  return Number(row!.value);
}
/** Asked before and after every request: prepared once per connection, not each time. */
const totalChangesStatements = new WeakMap<object, { get(): unknown }>();

/**
 * Something worked out from the stored data, kept with the write counter it was read at: while
 * the counter stays the same, nothing stored has changed (totalChanges), so it still holds.
 * The dump of every table and the known slugs and ids were read again for every route and
 * caller, though between routes almost nothing is written; now only after a write.
 */
type Stored<T> = WeakMap<FastifyInstance, { changes: number; value: T }>;
async function storedAt<T>(cache: Stored<T>, app: FastifyInstance, changes: number, read: () => Promise<T>): Promise<T> {
  const kept = cache.get(app);
  if (kept?.changes === changes) return kept.value;
  const value = await read();
  cache.set(app, { changes, value });
  return value;
}
const dumps: Stored<Record<string, unknown>> = new WeakMap();
const knownByApp: Stored<Record<string, string[]>> = new WeakMap();

async function fuzzEndpoint(app: FastifyInstance, endpoint: Endpoint, cookie?: () => Promise<string>, runs = RUNS) {
  const session = cookie ? await cookie() : undefined;
  // Read after the session check, which may have signed in again (a write).
  let baselineChanges = await totalChanges(app);
  const known = await storedAt(knownByApp, app, baselineChanges, () => knownValues(app));
  let baseline = await storedAt(dumps, app, baselineChanges, () => tableContents(app));
  const plain = plainRead(endpoint, known, session);
  await fc.assert(
    fc.asyncProperty(requestFor(endpoint, known, session), async (req) => {
      const res = await app.inject(req);
      const changes = await totalChanges(app);
      baseline = await checkAnswer(app, endpoint, req, res, baseline, changes !== baselineChanges);
      baselineChanges = changes;
    }),
    { numRuns: runs, examples: plain ? [[plain]] : [] },
  );
  // The last dump is what is stored at the last count: the next route starts from it.
  dumps.set(app, { changes: baselineChanges, value: baseline });
}

// The overload guard is off, as in every test app: the fuzzer and the server share one event
// loop, so the guard would measure the fuzzer's own work (tests/server/plugins/pressure.test.ts covers it).
const anonymous: TestApp = await buildTestApp();
afterAll(() => anonymous.close());
const endpoints = await discoverEndpoints(anonymous.app);

describe('fuzzing every endpoint', () => {
  it('finds the routes from the app itself', () => {
    const keys = endpoints.map((e) => routeKey(e.method, e.path));
    for (const route of ['GET /api/subjects/:slug/scorecard', 'GET /api/elections/:slug', 'GET /api/standards', 'GET /healthz']) {
      expect(keys).toContain(route);
    }
  });

  describe('anonymous callers', () => {
    for (const endpoint of endpoints) {
      it(`${endpoint.method} ${endpoint.path}`, () => fuzzEndpoint(anonymous.app, endpoint));
    }
  });
});

/** fast-check reports the broken invariant as the cause of its own "Property failed" error. */
async function failureOf(run: Promise<void>): Promise<string> {
  try {
    await run;
    return 'no failure';
  } catch (err) {
    return String((err as Error).cause ?? err);
  }
}

describe('the fuzzer itself', () => {
  // Routes that break the invariants on purpose: if these passed, the fuzzer would prove nothing.
  it('catches a route that stores something and then rejects the request, one that crashes, and each other broken invariant', async () => {
    const broken = await buildTestApp({}, (app) => {
      // A GET, so that no cross-site or sign-in check stands between the fuzzer and the flaw.
      app.get('/test/stores-then-rejects', async (_request, reply) => {
        await runSql({ app }, sql`update standards set title = title || '!' where number = 1`);
        return reply.code(400).send({ error: 'validation', message: 'rejected after writing' });
      });
      app.get('/test/crashes', async () => {
        throw new Error('boom');
      });
      app.get('/test/fine', async () => ({ ok: true }));
      app.get('/test/leaks-internals', async (_request, reply) =>
        reply.code(400).send({ error: 'validation', message: 'SqliteError: no such column: x' }),
      );
      app.get('/test/misshapen-error', async (_request, reply) => reply.code(400).send({ oops: true }));
      app.get('/test/programmer-words', async (_request, reply) =>
        reply.code(400).send({
          error: 'validation',
          message: 'query.x: Invalid input: expected string, received undefined',
          details: [{ field: 'query.x', message: 'Invalid input: expected string, received undefined' }],
        }),
      );
      app.get('/test/broken-json', async (_request, reply) => reply.type('application/json').send('{"a":'));
      app.get('/test/serves-a-foreign-file', async (_request, reply) => reply.type('text/plain').send('root:x:0:0:root:/root'));
    });
    const route = (path: string): Endpoint => ({ method: 'GET', path, params: {}, query: {} });
    try {
      // A harmless route first, so the flawed one starts from the dump kept since (storedAt).
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/fine'), undefined, 3))).toBe('no failure');
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/stores-then-rejects'), undefined, 3))).toMatch(
        /rejected request changed stored data/,
      );
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/crashes'), undefined, 3))).toMatch(/5xx for/);
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/leaks-internals'), undefined, 3))).toMatch(/internals leaked by/);
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/misshapen-error'), undefined, 3))).toMatch(/error shape of/);
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/broken-json'), undefined, 3))).toMatch(/invalid JSON from/);
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/programmer-words'), undefined, 3))).toMatch(/programmer's words in/);
      expect(await failureOf(fuzzEndpoint(broken.app, route('/test/serves-a-foreign-file'), undefined, 3))).toMatch(
        /served a foreign file for/,
      );
    } finally {
      await broken.close();
    }
  });
});

const ME_ROUTE = '/api/auth/me';

describe('fuzzing every endpoint, signed in', () => {
  // The roles' sessions live on a database of their own, so anonymous fuzzing of the sign-in
  // route (and any rate limit it trips) cannot disturb them.
  let signedIn: TestApp | undefined;
  afterAll(() => signedIn?.close());

  for (const role of ['volunteer', 'reviewer', 'admin'] as const) {
    it(`as ${role === 'admin' ? 'an' : 'a'} ${role}, every endpoint keeps the invariants`, async (context) => {
      signedIn ??= await buildTestApp();
      const { app } = signedIn;
      if (!canSignIn(app)) {
        console.warn(`[fuzz] SKIPPED signed-in fuzzing as ${role}: the app has no POST /api/auth/login. It runs once that route exists.`);
        context.skip();
        return;
      }
      let account = await createAccount(app.db, { role, email: `fuzz-${role}@example.org`, displayName: `Fuzz ${role}` });
      let cookie = await signIn(app, account);
      let replaced = 0;
      let confirmedAt: number | undefined;
      // Fuzzing one route may end the session (sign-out, a password change) or, as an admin,
      // disable the account: check before each route, and sign in again (as a fresh account
      // if need be) only then, so the sign-in rate limits are not spent on the fuzzer.
      // Sessions and accounts are stored rows, so while nothing stored has changed since the
      // session last worked (totalChanges), it still works and the check is skipped.
      const session = async () => {
        if (confirmedAt === (await totalChanges(app))) return cookie;
        const me = await app.inject({ method: 'GET', url: ME_ROUTE, headers: { cookie } });
        if (me.statusCode !== 200) {
          try {
            cookie = await signIn(app, account);
          } catch {
            account = await createAccount(app.db, { role, email: `fuzz-${role}-${++replaced}@example.org`, displayName: `Fuzz ${role}` });
            cookie = await signIn(app, account);
          }
        }
        confirmedAt = await totalChanges(app);
        return cookie;
      };
      const routes = await discoverEndpoints(app);
      // Signing out last keeps the session for every other route.
      routes.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
      for (const endpoint of routes) {
        await fuzzEndpoint(app, endpoint, session, Math.max(5, Math.round(RUNS * 0.6)));
      }
    }, 240_000);
  }
});
