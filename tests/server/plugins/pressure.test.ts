import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../server/config.js';
import { DEFAULT_PRESSURE_LIMITS, RETRY_AFTER_SECONDS } from '../../../server/plugins/pressure.js';
import { buildTestApp, type TestApp } from '../../helper.js';
import { expectErrorShape } from '../../error-shape.js';
import { waitFor } from '../../server-process.js';

/**
 * The guard is off in every other test; here it is on and driven by conditions the test
 * controls, never by how busy the machine happens to be: a heap limit every process exceeds,
 * and under-pressure's health-check hook switched by hand.
 */
const opened: TestApp[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

async function appWith(pressure: AppConfig['pressure']): Promise<TestApp> {
  const t = await buildTestApp({ pressure });
  opened.push(t);
  return t;
}

const SCORECARD = '/api/subjects/demo-avery-placeholder/scorecard';

describe('overload', () => {
  it('is on by default in production', () => {
    expect(DEFAULT_PRESSURE_LIMITS.maxEventLoopDelay).toBeGreaterThan(0);
    expect(DEFAULT_PRESSURE_LIMITS.maxHeapUsedBytes).toBeGreaterThan(0);
  });

  it('answers a page with a 503 page (and Retry-After), not a 500', async () => {
    const t = await appWith({ maxEventLoopDelay: 0, maxHeapUsedBytes: 1, sampleInterval: 10 });
    await waitFor(() => t.app.isUnderPressure(), 'the first sample');
    const busy = await t.app.inject('/people/demo-avery-placeholder');
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(busy.headers['content-type']).toContain('text/html');
  });

  it('answers 503 with Retry-After and the JSON error shape, readable by a partner page', async () => {
    // One byte of heap: exceeded from the first sample on, whatever the machine is doing.
    const t = await appWith({ maxEventLoopDelay: 0, maxHeapUsedBytes: 1, sampleInterval: 10 });
    await waitFor(() => t.app.isUnderPressure(), 'the first sample');
    const busy = await t.app.inject({ url: SCORECARD, headers: { origin: 'https://partner.example' } });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    // A partner page's widget can read the refusal and back off.
    expect(busy.headers['access-control-allow-origin']).toBe('*');
    expectErrorShape(busy);
    expect(busy.json().error).toBe('unavailable');
  });

  it('sheds load only while overloaded, then serves again', async () => {
    let healthy = true;
    const t = await appWith({ maxEventLoopDelay: 0, maxHeapUsedBytes: 0, healthCheck: async () => healthy, healthCheckInterval: 10 });
    expect((await t.app.inject(SCORECARD)).statusCode).toBe(200);

    healthy = false;
    await waitFor(() => t.app.isUnderPressure(), 'overload to be noticed');
    expect((await t.app.inject(SCORECARD)).statusCode).toBe(503);

    healthy = true;
    await waitFor(() => !t.app.isUnderPressure(), 'recovery');
    expect((await t.app.inject(SCORECARD)).statusCode).toBe(200);
  });
});
