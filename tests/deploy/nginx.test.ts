// deploy/nginx/da-scorecard.conf in front of the built app, as in production (HTTPS with a
// self-signed certificate, TRUST_PROXY=1, PUBLIC_ORIGIN), on high ports in a temporary nginx of
// its own (never the system's). Needs Debian's nginx (.ci/run installs it) and Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../browser/chromium.js';
import { ensureBuilt, freePort, PROJECT_ROOT, startServer, type RunningServer } from '../server-process.js';
import { listening, mustRun, run, until } from './process.js';

const NAME = 'scorecard.example.org';
const dir = mkdtempSync(join(tmpdir(), 'scorecard-nginx-'));
let app: RunningServer;
let nginx: ChildProcess | undefined;
let nginxOutput = '';
let httpsPort: number;
let httpPort: number;
let publicOrigin: string;
const ADMIN = { email: 'admin@example.org', password: 'a long admin passphrase' };

/** The site file with only what a test machine needs changed: ports, certificate, no IPv6. Each change must apply. */
function siteForTest(appPort: number): string {
  let site = readFileSync(join(PROJECT_ROOT, 'deploy/nginx/da-scorecard.conf'), 'utf8');
  const replace = (from: RegExp, to: string) => {
    expect(site, `deploy/nginx/da-scorecard.conf no longer has ${from}`).toMatch(from);
    site = site.replace(from, to);
  };
  replace(/server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${appPort};`);
  replace(/^\s*listen \[::\].*$/gm, '');
  replace(/listen 80\b/g, `listen 127.0.0.1:${httpPort}`);
  replace(/listen 443\b/g, `listen 127.0.0.1:${httpsPort}`);
  replace(/\/etc\/letsencrypt\/live\/scorecard\.example\.org\/fullchain\.pem/, join(dir, 'cert.pem'));
  replace(/\/etc\/letsencrypt\/live\/scorecard\.example\.org\/privkey\.pem/, join(dir, 'key.pem'));
  return site;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request through nginx, naming the host for SNI and Host as a browser would. */
function viaNginx(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; host?: string } = {},
): Promise<Answer> {
  const host = options.host ?? NAME;
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: httpsPort,
        servername: host,
        rejectUnauthorized: false,
        method: options.method ?? 'GET',
        path,
        headers: { host: `${host}:${httpsPort}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  ensureBuilt();
  httpsPort = await freePort();
  httpPort = await freePort();
  publicOrigin = `https://${NAME}:${httpsPort}`;
  const databasePath = join(dir, 'scorecard.db');
  app = await startServer({
    DATABASE_PATH: databasePath,
    NODE_ENV: 'production',
    SEED_DEMO: '1',
    TRUST_PROXY: '1',
    PUBLIC_ORIGIN: publicOrigin,
    // Request logs carry the client address the app sees.
    LOG_LEVEL: 'info',
  });
  const added = await run('npm', ['run', '-s', 'user:add', '--', '--email', ADMIN.email, '--role', 'admin'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath },
    input: `${ADMIN.password}\n`,
  });
  expect(added.code, added.stderr).toBe(0);

  await mustRun('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${NAME}`,
    '-addext',
    `subjectAltName=DNS:${NAME}`,
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  writeFileSync(join(dir, 'site.conf'), siteForTest(Number(new URL(app.origin).port)));
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // root's temporary folder is private: workers run as root here to read and write in it.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      `  access_log ${join(dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`),
      `  include ${join(dir, 'site.conf')};`,
      '}',
    ].join('\n'),
  );
  const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!nginxBinary) throw new Error("No nginx found: install Debian's package (apt-get install -y nginx); .ci/run does.");
  const tested = await run(nginxBinary, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')]);
  expect(tested.code, tested.stderr).toBe(0);
  nginx = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr!.on('data', (c) => (nginxOutput += c));
  await until(
    async () => (await listening(httpsPort)) && (await listening(httpPort)),
    `nginx on ${httpsPort} and ${httpPort}: ${nginxOutput}`,
    20_000,
  );
}, 300_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGQUIT');
    await new Promise((resolve) => nginx!.once('close', resolve));
  }
  if (app) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

async function signedInCookie(): Promise<string> {
  const res = await viaNginx('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: publicOrigin },
    body: Buffer.from(JSON.stringify(ADMIN)),
  });
  expect(res.status, res.body).toBe(200);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.map((c) => c.split(';')[0]).join('; ');
}

/**
 * A multipart body with one real PNG of just under `size` bytes, as a browser's FormData sends
 * it: random pixels stored uncompressed, since the app decodes and re-encodes every flyer.
 */
async function flyer(size: number) {
  const boundary = '----nginx-flyer-boundary';
  const width = 800;
  // Each stored row is a filter byte and three bytes a pixel; leave room for headers and zlib's blocks.
  const height = Math.floor((size - 4096) / (width * 3 + 1));
  const pixels = randomBytes(width * height * 3);
  const png = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  expect(png.length).toBeLessThanOrEqual(size);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="flyer"; filename="flyer.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('behind deploy/nginx/da-scorecard.conf', () => {
  it('sends plain HTTP to HTTPS on the one name', async () => {
    const res = await new Promise<Answer>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: httpPort, path: '/people/x?y=1', headers: { host: NAME } }, (r) => {
        r.resume();
        r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body: '' }));
      })
        .on('error', reject)
        .end();
    });
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`https://${NAME}/people/x?y=1`);
  });

  it('shows the app the address that connected, whatever X-Forwarded-For a client sends', async () => {
    const res = await viaNginx('/api/standards?probe=forged-xff', {
      headers: { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' },
    });
    expect(res.status).toBe(200);
    await until(async () => app.output().includes('probe=forged-xff'), 'the request in the app log', 10_000);
    const line = app
      .output()
      .split('\n')
      .find((l) => l.includes('probe=forged-xff') && l.includes('remoteAddress'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!).req.remoteAddress).toBe('127.0.0.1');
    expect(app.output()).not.toContain('203.0.113.9');
  });

  it('serves no page for another host name, and a forged X-Forwarded-Host changes nothing on a page', async () => {
    // Another name in TLS: the handshake is refused. The right certificate name with another Host: no answer.
    await expect(viaNginx('/', { host: 'evil.example' })).rejects.toThrow();
    await expect(viaNginx('/', { headers: { host: 'evil.example' } })).rejects.toThrow();
    const page = await viaNginx('/people/demo-avery-placeholder', { headers: { 'x-forwarded-host': 'evil.example' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`${NAME}:${httpsPort}/people/demo-avery-placeholder`);
    expect(page.body).not.toContain('evil.example');
  });

  it('lets a 2 MB flyer reach the app, and a bigger one gets the app’s JSON 413, not nginx’s page', async () => {
    const cookie = await signedInCookie();
    const eventId = JSON.parse((await viaNginx('/api/events')).body)[0].id as number;
    const send = async (size: number) => {
      const upload = await flyer(size);
      return viaNginx(`/api/events/${eventId}/flyer`, {
        method: 'POST',
        headers: { cookie, origin: publicOrigin, 'content-type': upload.type },
        body: upload.body,
      });
    };
    const accepted = await send(2 * 1024 * 1024);
    expect(accepted.status, accepted.body).toBe(200);
    expect(JSON.parse(accepted.body).flyerUrl).toMatch(/^\/media\/flyers\/.+\.png$/);
    const tooBig = await send(2.5 * 1024 * 1024);
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(tooBig.body)).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });

  it('signs an admin in through HTTPS in Chromium', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      // The sandbox's usual flags, and the site's name resolved to loopback.
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${NAME} 127.0.0.1`],
    });
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      await page.goto(`${publicOrigin}/workspace`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'My submissions' }).waitFor();
      const cookies = await context.cookies();
      expect(cookies.some((c) => c.secure && c.httpOnly)).toBe(true);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
