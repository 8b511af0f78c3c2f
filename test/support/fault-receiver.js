// The browser tests' endpoint: the real receiver (feedback-prompt-receiver on SQLite, so its schema
// checks every body the widget sends) behind a thin layer that only adds what a real receiver cannot
// be made to do on cue: scripted faults (status codes, Retry-After, hangs, dropped connections) and
// a log of every attempt. Requests without a fault pass through untouched, preflights included.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startReceiver } from '../../receiver/dist/index.js';
import { ANSWER_FIELDS } from '../../receiver/dist/ingest/answer-schema.js';
import { forwardRequest } from '../../scripts/forward-request.js';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};
// A test may send 50 answers in a second from one address; a shop's defaults would answer 429.
const NO_LIMITS = { limitPerAddress: 1_000_000, limitPerSite: 1_000_000 };
/** The log shows what the widget sent (the schema's fields) and when the receiver stored it. */
const LOGGED_FIELDS = [...ANSWER_FIELDS, 'receivedAt'];

/** Every stored answer, newest first, as the widget sent it plus the receiver's receivedAt. */
async function storedRecords(store) {
  const records = [];
  for (let cursor = null; ;) {
    const page = await store.list({}, 200, cursor);
    for (const answer of page.answers) {
      records.push(Object.fromEntries(LOGGED_FIELDS.map((key) => [key, answer[key]])));
    }
    if (!page.next) return records;
    cursor = page.next;
  }
}

/**
 * @param {{ allowedOrigins: string[] }} options  the test pages' origins, allowed by the receiver
 */
export async function startFaultReceiver({ allowedOrigins }) {
  let receiver;
  let dataDir;
  let script = [];
  let attempts = [];
  const hanging = new Set();

  const stopReceiver = async () => {
    // A clean 503 rather than a dropped socket: browsers silently repeat a POST whose connection
    // dropped, and that repeat would land in the next test's receiver.
    for (const res of hanging) res.writeHead(503, CORS).end();
    hanging.clear();
    await receiver?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    receiver = null;
  };
  const reset = async () => {
    await stopReceiver();
    dataDir = mkdtempSync(path.join(tmpdir(), 'feedback-prompt-test-'));
    receiver = await startReceiver({ port: 0, host: '127.0.0.1', data: dataDir, allowedOrigins, logger: false, ...NO_LIMITS });
    script = [];
    attempts = [];
  };
  await reset();

  // Between two tests (a reset under way) there is no receiver: a retryable 503, as a restarting server gives.
  const forward = (req, res, options) =>
    receiver ? forwardRequest(receiver.url, req, res, options) : res.writeHead(503, CORS).end();

  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/answers') return forward(req, res);
    const fault = script.shift() ?? {};
    const { origin, cookie } = req.headers;
    attempts.push({
      id: req.headers['idempotency-key'] ?? null,
      at: Date.now(),
      fault,
      headers: { contentType: req.headers['content-type'], origin, cookie: cookie ?? null },
    });
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault.hang) return void hanging.add(res);
    if (fault.reset) return req.socket.destroy();
    if (fault.status) {
      req.resume();
      const headers = { ...CORS, 'Content-Type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      return res.writeHead(fault.status, headers).end(JSON.stringify({ error: `scripted ${fault.status}` }));
    }
    // abortAfterStore: the receiver stores the answer, then the connection drops before the browser hears back.
    forward(req, res, { dropReply: !!fault.abortAfterStore });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const up = () => new Promise((resolve) => (server.listening ? resolve() : server.listen(port, '127.0.0.1', resolve)));
  return {
    endpoint: `http://127.0.0.1:${port}/answers`,
    // Really down: nothing listens on the port, so the browser meets a refused connection.
    down: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
    up,
    // A fresh endpoint is also a listening one: a test that failed while it was down must not
    // leave every later test meeting refused connections.
    reset: async () => {
      await reset();
      await up();
    },
    script: (faults) => void script.push(...faults),
    log: async () => ({ attempts, records: await storedRecords(receiver.store) }),
    close: async () => {
      await stopReceiver();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
