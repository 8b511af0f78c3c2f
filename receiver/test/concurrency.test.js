// One id sent many times at once is stored once: in one process (both stores) and from two receiver
// processes sharing one PostgreSQL database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openStore } from '../dist/store/open.js';
import { SHOP, STORES, freshLocation, postAnswer, useReceiver, wireAnswer } from './support/server.js';
import { spawnReceiver } from './support/process.js';

const TIMES = 20;

for (const kind of STORES) {
  describe(`concurrent POSTs of one id (${kind})`, () => {
    test(`${TIMES} at once: one 201, the rest 409, one record`, async (t) => {
      const receiver = await useReceiver(t, kind);
      const answer = wireAnswer();
      const statuses = await Promise.all(Array.from({ length: TIMES }, () => postAnswer(receiver.url, answer).then((r) => r.status)));
      assert.deepEqual(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
      assert.deepEqual(statuses.filter((s) => s === 409).length, TIMES - 1, statuses.join(','));
      assert.equal(await receiver.store.count({}), 1);
    });
  });
}

describe('two receiver processes on one PostgreSQL', { skip: !STORES.includes('postgres') && 'PostgreSQL unavailable' }, () => {
  test(`one id sent ${TIMES} times to both at once is stored once`, async (t) => {
    const location = await freshLocation(t, 'postgres');
    const args = ['--database-url', location.databaseUrl, '--allowed-origins', SHOP, '--limit-per-address', '100000'];
    const [first, second] = await Promise.all([spawnReceiver(t, args), spawnReceiver(t, args)]);
    const answers = [wireAnswer(), wireAnswer(), wireAnswer()];
    const sends = answers.flatMap((answer) =>
      Array.from({ length: TIMES }, (_, i) => postAnswer((i % 2 ? first : second).url, answer).then((r) => [answer.id, r.status])),
    );
    const results = await Promise.all(sends);
    for (const answer of answers) {
      const statuses = results.filter(([id]) => id === answer.id).map(([, status]) => status);
      assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
      assert.equal(statuses.filter((s) => s === 409).length, TIMES - 1, statuses.join(','));
    }
    const store = await openStore({ databaseUrl: location.databaseUrl });
    t.after(() => store.close());
    assert.equal(await store.count({}), answers.length);
  });
});
