import type { AddressInfo } from 'node:net';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** This site's address as readers know it: PUBLIC_ORIGIN, else the listening address. */
    readonly publicOrigin: string;
    /** An absolute URL on this site for a path such as `/people/x`: canonical, Open Graph, snippets, emails. */
    publicUrl(path: string): string;
  }
}

export interface PublicOriginOptions {
  /** PUBLIC_ORIGIN, already checked by config.ts; null or absent means "not configured". */
  publicOrigin?: string | null;
  host: string;
  port: number;
  production: boolean;
}

/**
 * The one source of absolute URLs. They are never built from the request's Host or
 * X-Forwarded-Host: a page cached by a CDN or by this server would otherwise carry whatever
 * host the first visitor sent into every link preview and canonical URL.
 */
export default fp<PublicOriginOptions>(
  async (fastify, opts) => {
    const configured = opts.publicOrigin ?? null;
    const listening = (): string => {
      const address = fastify.server.address() as AddressInfo | string | null;
      if (address && typeof address === 'object') {
        const wildcard = address.address === '0.0.0.0' || address.address === '::';
        const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
        return `http://${host}:${address.port}`;
      }
      // Not listening (app.inject in tests, or before listen): what inject calls itself.
      return opts.port ? `http://localhost:${opts.port}` : 'http://localhost';
    };
    fastify.decorate('publicOrigin', {
      getter: () => configured ?? listening(),
    });
    fastify.decorate('publicUrl', (path: string) => `${configured ?? listening()}${path}`);
    if (!configured && opts.production) {
      fastify.addHook('onListen', async () => {
        fastify.log.warn(
          { publicOrigin: listening() },
          'PUBLIC_ORIGIN is not set: canonical, Open Graph and snippet URLs use the listening address; set PUBLIC_ORIGIN=https://your.domain',
        );
      });
    }
  },
  { name: 'public-origin' },
);
