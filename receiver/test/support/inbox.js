// A real receiver (SQLite in a temporary folder, port 0 on 127.0.0.1) with one inbox account, for the
// inbox's tests, bench and screenshots. close() stops it and removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addOwner, startReceiver } from '../../dist/index.js';

export const OWNER = { email: 'owner@shop.example', password: 'correct horse battery staple' };

export async function startInboxReceiver(options = {}) {
  const data = mkdtempSync(path.join(tmpdir(), 'feedback-inbox-'));
  await addOwner({ data }, OWNER.email, OWNER.password);
  const receiver = await startReceiver({ port: 0, host: '127.0.0.1', data, ...options });
  return {
    ...receiver,
    data,
    inboxUrl: `${receiver.url}/inbox/`,
    async close() {
      await receiver.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}
