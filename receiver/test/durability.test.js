// Nothing acknowledged is lost: a receiver process is killed with SIGKILL (or stopped with SIGTERM) in
// the middle of a burst of answers; after a restart, every answer that got a 201 is there (SQLite file,
// and PostgreSQL).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addToken } from '../dist/index.js';
import { SHOP, STORES, freshLocation, postAnswer, wireAnswer } from './support/server.js';
import { spawnReceiver } from './support/process.js';

const LANES = 8;
const KILL_AFTER = 60;

const CASES = [
  ...STORES.map((kind) => [kind, 'SIGKILL']),
  ['sqlite', 'SIGTERM'],
];

for (const [kind, signal] of CASES) {
  describe(`${signal} during a burst (${kind})`, () => {
    test('every answer acknowledged with 201 is there after a restart', async (t) => {
      const location = await freshLocation(t, kind);
      const args = [
        ...(location.databaseUrl ? ['--database-url', location.databaseUrl] : ['--data', location.data]),
        '--allowed-origins', SHOP, '--limit-per-address', '1000000', '--limit-per-site', '1000000',
      ];
      const running = await spawnReceiver(t, args);
      const acknowledged = [];
      let killed = false;
      const lane = async () => {
        while (!killed) {
          const answer = wireAnswer();
          try {
            const response = await postAnswer(running.url, answer);
            if (response.status === 201) acknowledged.push(answer.id);
            // while stopping cleanly, requests on open connections are told to come back (the widget retries)
            else if (!(killed && signal === 'SIGTERM' && response.status === 503)) assert.fail(`unexpected ${response.status}: ${await response.text()}`);
          } catch (error) {
            if (!killed) throw error;
          }
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            running.child.kill(signal);
          }
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      assert.deepEqual(await running.exited, signal === 'SIGKILL' ? { code: null, signal } : { code: 0, signal: null });

      const restarted = await spawnReceiver(t, args);
      const token = await addToken(location, 'check');
      const missing = [];
      for (const id of acknowledged) {
        const response = await fetch(`${restarted.url}/api/answers/${id}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) missing.push(id);
      }
      assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged answers lost`);
      console.log(`${kind}: ${acknowledged.length} answers acknowledged before ${signal}, all present after restart`);
    });
  });
}
