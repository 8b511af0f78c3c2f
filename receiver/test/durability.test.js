// Nothing acknowledged is lost: a receiver process is killed with SIGKILL in the middle of a burst of
// answers; after a restart, every answer that got a 201 is there (SQLite file, and PostgreSQL).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addToken } from '../dist/index.js';
import { SHOP, STORES, freshLocation, postAnswer, wireAnswer } from './support/server.js';
import { spawnReceiver } from './support/process.js';

const LANES = 8;
const KILL_AFTER = 60;

for (const kind of STORES) {
  describe(`kill -9 during a burst (${kind})`, () => {
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
            else assert.fail(`unexpected ${response.status}: ${await response.text()}`);
          } catch (error) {
            if (!killed) throw error;
          }
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            running.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      assert.equal((await running.exited).signal, 'SIGKILL');

      const restarted = await spawnReceiver(t, args);
      const token = await addToken(location, 'check');
      const missing = [];
      for (const id of acknowledged) {
        const response = await fetch(`${restarted.url}/api/answers/${id}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) missing.push(id);
      }
      assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged answers lost`);
      console.log(`${kind}: ${acknowledged.length} answers acknowledged before kill -9, all present after restart`);
    });
  });
}
