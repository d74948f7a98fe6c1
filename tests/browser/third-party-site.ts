import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A nonce the partner page's own inline script and style carry; the widget gets none. */
export const PARTNER_NONCE = 'partner-page-nonce';

/**
 * A partner's website for browser tests: plain HTML pages on another origin (another port on
 * 127.0.0.1) with a strict Content-Security-Policy that allows only the scorecard site, so
 * anything the widget did inline (scripts, style attributes) would be reported as a violation.
 * `scripts` are the partner's own script files, served as JavaScript from its origin.
 */
export async function startPartnerSite(scorecardOrigin: string, pages: Record<string, string>, scripts: Record<string, string> = {}) {
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'nonce-${PARTNER_NONCE}' ${scorecardOrigin}`,
    `style-src 'nonce-${PARTNER_NONCE}'`,
    `connect-src ${scorecardOrigin}`,
    `img-src ${scorecardOrigin}`,
    `frame-src ${scorecardOrigin}`,
  ].join('; ');
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    // The partner's own script files (a library it already uses, such as pym.js).
    if (scripts[path] !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(scripts[path]);
      return;
    }
    const body = pages[path];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A partner page: its own markup and styles around whatever snippets it pastes. */
export function partnerPage(body: string, css = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A partner organisation</title>
<style nonce="${PARTNER_NONCE}">body { margin: 16px; } .slot { width: 400px; } ${css}</style>
</head>
<body>
${body}
</body>
</html>`;
}
