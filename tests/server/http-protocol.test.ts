import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShapeProblem } from '../error-shape.js';
import { startTestServer, type TestApp } from '../helper.js';
import { unicodeText } from '../hostile-input.js';

/**
 * Below the routes: raw bytes on a real socket, for what `app.inject` cannot send (broken
 * request lines, smuggling attempts with both Content-Length and Transfer-Encoding, header
 * floods). Whatever arrives, the server answers a 4xx in the error shape or closes the
 * connection, never a 5xx, and keeps serving.
 */
let t: TestApp & { origin: string };
beforeAll(async () => {
  t = await startTestServer();
  // When the client half-closes, answer what it sent and then close, instead of dropping the
  // requests in progress (Node's default): each exchange then ends when the server is done,
  // and an incomplete request is refused at once rather than after the request timeout.
  (t.app.server as typeof t.app.server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
});
afterAll(() => t.close());

const CRLF = '\r\n';
const target = fc.constantFrom(
  '/api/standards',
  '/api/subjects/demo-avery-placeholder/scorecard',
  '/api/evidence',
  '/healthz',
  '*',
  'http://evil.example/',
);

const rawRequest = fc.oneof(
  unicodeText(80).map((junk) => `${junk}${CRLF}${CRLF}`),
  fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'G\u0000T', 'PATCH ', 'CONNECT', 'TRACE', 'get'),
      target,
      fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', 'HTTP/1.1 extra', ''),
    )
    .map(([method, path, version]) => `${method} ${path} ${version}${CRLF}Host: 127.0.0.1${CRLF}Connection: close${CRLF}${CRLF}`),
  target.map(
    (path) =>
      `POST ${path} HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 4${CRLF}Transfer-Encoding: chunked${CRLF}Connection: close${CRLF}${CRLF}0${CRLF}${CRLF}`,
  ),
  target.map(
    (path) =>
      `POST ${path} HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 4${CRLF}Content-Length: 40${CRLF}Connection: close${CRLF}${CRLF}{}{}`,
  ),
  target.map(
    (path) =>
      `POST ${path} HTTP/1.1${CRLF}Host: x${CRLF}Transfer-Encoding: chunked${CRLF}Connection: close${CRLF}${CRLF}zz${CRLF}{}${CRLF}0${CRLF}${CRLF}`,
  ),
  target.map((path) => `POST ${path} HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: -1${CRLF}Connection: close${CRLF}${CRLF}`),
  fc
    .integer({ min: 20_000, max: 80_000 })
    .map((n) => `GET /api/standards HTTP/1.1${CRLF}Host: x${CRLF}X-Flood: ${'a'.repeat(n)}${CRLF}${CRLF}`),
  fc
    .integer({ min: 200, max: 2_000 })
    .map((n) => `GET /api/standards HTTP/1.1${CRLF}Host: x${CRLF}${'X-A: b\r\n'.repeat(n)}Connection: close${CRLF}${CRLF}`),
  unicodeText(20).map((name) => `GET /api/standards HTTP/1.1${CRLF}Host: x${CRLF}${name}: value${CRLF}Connection: close${CRLF}${CRLF}`),
  fc.constant(`GET /api/standards HTTP/1.1\nHost: x\nConnection: close\n\n`),
  fc.constant(`GET /api/standards HTTP/1.1\rHost: x\r\r`),
);

/**
 * Sends raw bytes, half-closes, and collects what comes back until the server closes: an
 * answer to every request sent, or the refusal of an incomplete one. Never by the clock, so a
 * slow machine only makes it slower.
 */
function exchange(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(t.origin).port), '127.0.0.1');
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    socket.end(Buffer.from(bytes, 'utf8'));
  });
}

/** The responses in what came back: status, headers, and the body by its Content-Length. */
function responses(raw: string) {
  const found: Array<{ statusCode: number; headers: Record<string, string>; body: string }> = [];
  let rest = raw;
  while (rest.startsWith('HTTP/')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    found.push({
      statusCode: Number(statusLine.split(' ')[1]),
      headers,
      body: Buffer.from(rest.slice(end + 4), 'latin1')
        .subarray(0, length)
        .toString('utf8'),
    });
    rest = rest.slice(end + 4 + length);
  }
  return found;
}

describe('raw HTTP', () => {
  it('answers malformed and hostile requests with a 4xx in the error shape, or closes, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(rawRequest, async (bytes) => {
        for (const res of responses(await exchange(bytes))) {
          const where = `${JSON.stringify(bytes.slice(0, 120))} -> ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) expect(errorShapeProblem(res), where).toBeNull();
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) * 2 },
    );
    expect((await fetch(`${t.origin}/healthz`)).status).toBe(200);
  });

  it('refuses a request smuggled with both Content-Length and Transfer-Encoding', async () => {
    const [res] = responses(
      await exchange(
        `POST /api/standards HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 4${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}0${CRLF}${CRLF}GET /healthz HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: 'bad-request', message: 'The request is not valid HTTP' });
  });
});
