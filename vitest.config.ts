import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Tests that start a browser or another process: real Chromium, the built server as a child
 * process, CLI scripts. They pay for the shared Chromium and get timeouts sized for a loaded
 * two-core machine. Everything else is `fast`, so a new test file lands there unless it lives
 * under tests/browser/ or is listed here.
 */
const SLOW = [
  'tests/browser/**/*.test.ts',
  'tests/ci/**/*.test.ts',
  'tests/deploy/**/*.test.ts',
  'tests/durability/**/*.test.ts',
  'tests/scripts/**/*.test.ts',
  'tests/server/faults.test.ts',
  'tests/server/instances.test.ts',
  'tests/server/postgres-instances.test.ts',
  'tests/server/start.test.ts',
];

/**
 * With TEST_DATABASE_URL set (CI sets it to the machine's PostgreSQL), these files run a second
 * time on PostgreSQL: `buildTestApp` builds each app in a schema of its own there
 * (tests/helper.ts, TEST_ENGINE). That is every app.inject test of the API and the pages
 * (public and workspace pages, embeds, share images, feeds, the fuzzer). Browser tests and
 * the rest of the suite run on SQLite only (tests/README.md says why).
 */
const ON_POSTGRES = ['tests/server/routes/**/*.test.ts'];
const NOT_ON_POSTGRES: string[] = [];

/**
 * The projects in the order they run: the slow project (its files mostly wait on Chromium and
 * child processes), then `postgres`, then `fast`, whose many files of a fraction of a second end
 * the run with both workers busy. One project after the other, never interleaved: a worker serves
 * one project, so each switch starts new workers that import the app again (seconds each), and
 * interleaving the long files of three projects at the start left both cores idle for seconds
 * while workers started. (The `postgres` files used to run last, their heaviest with the other
 * worker idle.)
 */
const PROJECT_ORDER = ['slow', 'postgres', 'fast'];

/**
 * Within its project, each of these starts first (project:path): the files that would otherwise
 * end a phase alone. Vitest's own order, with no timings cached (a clean clone), put the
 * deployment tests (a clean install and build, an upgrade's build) last.
 */
const FIRST = [
  'slow:tests/deploy/production-install.test.ts',
  'slow:tests/deploy/upgrade.test.ts',
  'postgres:tests/server/routes/api/fuzz.test.ts',
  'fast:tests/server/routes/api/fuzz.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const project = PROJECT_ORDER.indexOf(spec.project.name);
      const first = FIRST.indexOf(`${spec.project.name}:${relative(spec.project.config.root, spec.moduleId)}`);
      return (project === -1 ? PROJECT_ORDER.length : project) * (FIRST.length + 1) + (first === -1 ? FIRST.length : first);
    };
    // Array.prototype.sort is stable: within a rank, Vitest's order (cached durations, sizes) stays.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    pool: 'forks',
    // Test workers allocate fast and briefly (an app per test, thousands of requests): with V8's
    // default 16 MB young generation they spent a tenth of their CPU in scavenges. 32 MB cut the
    // endpoint fuzzer's CPU time by about 11 % here (tests/README.md); memory is not short.
    execArgv: ['--max-semi-space-size=32'],
    sequence: { sequencer: LongestFirst },
    // Autoload imports the route files itself; inlined, its import() goes through Vitest's
    // module runner, which reads TypeScript (a plain Node import() would not).
    server: { deps: { inline: ['@fastify/autoload'] } },
    // Two cores shared by the app under test, Chromium and child processes.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['tests/**/*.test.ts'],
          exclude: SLOW,
          // Files share their worker process instead of each importing the app afresh (most of
          // these files' time was imports). Safe because no test changes process-wide state:
          // each builds its own app on its own database (tests/README.md).
          isolate: false,
          // Deadlines for a hung test, not speed limits: a busy shared machine takes several
          // times longer than an idle one for the heaviest files (fuzz, privacy, auth).
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: SLOW,
          // One Chromium for the whole run, started only when a slow test runs (tests/README.md).
          globalSetup: ['tests/browser/global-setup.ts'],
          // As in `fast`: a file reuses its worker instead of importing the app again (seconds of
          // CPU per file). No slow file changes process-wide state either: the browser, servers and
          // processes each file starts are its own and closed in its afterAll.
          isolate: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: ON_POSTGRES,
                // Names this run's kept test schemas and drops them at the end (tests/postgres-schema-pool.ts).
                globalSetup: ['tests/postgres-setup.ts'],
                exclude: NOT_ON_POSTGRES,
                env: { TEST_ENGINE: 'postgres' },
                isolate: false,
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
