import { buildServer } from './app.js';
import { loadConfig } from './config.js';

/** Starts the product: builds the server, listens, and closes gracefully on SIGINT/SIGTERM. */
const config = loadConfig();
const server = await buildServer(config);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'closing: finishing in-flight requests');
    // close() stops accepting connections and waits for in-flight requests to finish.
    // A keep-alive connection whose request finishes afterwards would otherwise hold the
    // exit back for the whole keep-alive timeout: close each one as soon as it is idle.
    setInterval(() => server.server.closeIdleConnections(), 100).unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        server.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  });
}

try {
  await server.listen({ port: config.port, host: config.host });
} catch (err) {
  server.log.error({ err }, 'could not start');
  process.exit(1);
}
