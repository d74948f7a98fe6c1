import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_AFTER_SECONDS } from '../../../server/plugins/pressure.js';
import { buildTestApp, type TestApp } from '../../helper.js';
import { expectErrorShape } from '../../error-shape.js';

let t: TestApp;
beforeAll(async () => {
  // A short loop-delay limit and fast sampling, so blocking the loop once provokes overload.
  t = await buildTestApp({ pressure: { maxEventLoopDelay: 50, sampleInterval: 20 } });
});
afterAll(() => t.close());

async function until(condition: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function blockEventLoop(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

describe('overload', () => {
  it('answers 503 with Retry-After and the JSON error shape, then recovers', async () => {
    // Start-up (migrations, seeding) may itself have looked like a stuck loop for one sample.
    await until(() => !t.app.isUnderPressure());
    expect((await t.app.inject('/api/standards')).statusCode).toBe(200);

    blockEventLoop(600);
    await until(() => t.app.isUnderPressure());
    const busy = await t.app.inject({ url: '/api/subjects/demo-avery-placeholder/scorecard', headers: { origin: 'https://partner.example' } });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    // A partner page's widget can read the refusal and back off.
    expect(busy.headers['access-control-allow-origin']).toBe('*');
    expectErrorShape(busy);
    expect(busy.json().error).toBe('unavailable');

    await until(() => !t.app.isUnderPressure());
    expect((await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard')).statusCode).toBe(200);
  });
});
