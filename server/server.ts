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
