// `npm start`: makes sure the build may run (scripts/ensure-build.mjs), then runs the server in
// this same process. package.json starts it with `exec`, so no shell stays between npm and node
// and a SIGTERM sent to `npm start` (which npm passes on) reaches the server itself.
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
await import('../dist/server/server.js');
