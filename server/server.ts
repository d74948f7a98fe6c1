import closeWithGrace from 'close-with-grace';
import { buildServer } from './app.js';
import { loadConfig } from './config.js';

/** How long in-flight requests get to finish after SIGTERM or SIGINT before the process exits anyway. */
const CLOSE_GRACE_MS = 20_000;

/** Starts the product: builds the server, listens, and closes gracefully on a signal or a crash. */
const config = loadConfig();
const server = await buildServer(config);

// close-with-grace handles SIGTERM, SIGINT (and a second one: exit at once), uncaught errors,
// and a deadline, so a stuck request cannot keep a stopping service alive for ever.
closeWithGrace({ delay: CLOSE_GRACE_MS, logger: { error: (message: unknown) => server.log.error(message) } }, async ({ signal, err }) => {
  if (err) server.log.error({ err }, 'closing after an unexpected error');
  else server.log.info({ signal }, 'closing: finishing in-flight requests');
  // close() stops accepting connections and waits for in-flight requests to finish.
  // A keep-alive connection whose request finishes afterwards would otherwise hold the
  // exit back for the whole keep-alive timeout: close each one as soon as it is idle.
  setInterval(() => server.server.closeIdleConnections(), 100).unref();
  await server.close();
});

try {
  await server.listen({ port: config.port, host: config.host });
} catch (err) {
  server.log.error({ err }, 'could not start');
  process.exit(1);
}
