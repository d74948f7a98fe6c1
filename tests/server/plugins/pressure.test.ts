import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_AFTER_SECONDS } from '../../../server/plugins/pressure.js';
import { buildTestApp, type TestApp } from '../../helper.js';
import { expectErrorShape } from '../../error-shape.js';
import { waitFor } from '../../server-process.js';

let t: TestApp;
beforeAll(async () => {
  // A short loop-delay limit and fast sampling, so blocking the loop once provokes overload.
  t = await buildTestApp({ pressure: { maxEventLoopDelay: 200, sampleInterval: 20 } });
});
afterAll(() => t.close());

function blockEventLoop(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

describe('overload', () => {
  it('answers 503 with Retry-After and the JSON error shape, then recovers', async () => {
    // Start-up (migrations, seeding) may itself have looked like a stuck loop for one sample.
    await waitFor(() => !t.app.isUnderPressure(), 'the start-up sample to pass');
    expect((await t.app.inject('/api/standards')).statusCode).toBe(200);

    blockEventLoop(1_200);
    await waitFor(() => t.app.isUnderPressure(), 'overload to be noticed');
    const busy = await t.app.inject({ url: '/api/subjects/demo-avery-placeholder/scorecard', headers: { origin: 'https://partner.example' } });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    // A partner page's widget can read the refusal and back off.
    expect(busy.headers['access-control-allow-origin']).toBe('*');
    expectErrorShape(busy);
    expect(busy.json().error).toBe('unavailable');

    await waitFor(() => !t.app.isUnderPressure(), 'recovery');
    expect((await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard')).statusCode).toBe(200);
  });
});
