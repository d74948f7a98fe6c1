import { it } from 'vitest';
import { buildTestApp } from './helper.js';
it('probe', async () => {
  const t = await buildTestApp({ logLevel: 'error' });
  const res = await t.app.inject('/api/subjects/demo-jordan-sample/scorecard');
  console.log(res.statusCode, res.body.slice(0, 300));
  await t.close();
});
