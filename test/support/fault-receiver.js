// A real HTTP endpoint for the browser tests: the demo receiver behind a script of faults
// (status codes, Retry-After, hangs, aborted connections), with a log of every attempt.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver } from '../../demo/receiver.js';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

export async function startFaultReceiver() {
  let receiver;
  let dataDir;
  let script = [];
  let attempts = [];
  const hanging = new Set();

  const reset = async () => {
    // A clean 503 rather than a dropped socket: browsers silently repeat a POST whose connection
    // dropped, and that repeat would land in the next test's receiver.
    for (const res of hanging) res.writeHead(503, CORS).end();
    hanging.clear();
    await receiver?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'feedback-prompt-test-'));
    receiver = createReceiver({ dataDir, allowedOrigins: '*', log: () => {} });
    script = [];
    attempts = [];
  };
  await reset();

  const server = http.createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/answers') {
      const fault = script.shift() ?? {};
      const { origin, cookie } = req.headers;
      attempts.push({
        id: req.headers['idempotency-key'] ?? null,
        at: Date.now(),
        fault,
        headers: { contentType: req.headers['content-type'], origin, cookie: cookie ?? null },
      });
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.hang) {
        hanging.add(res);
        return;
      }
      if (fault.reset) return req.socket.destroy();
      if (fault.status) {
        req.resume();
        const headers = { ...CORS, 'Content-Type': 'application/json' };
        if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
        res.writeHead(fault.status, headers);
        return res.end(JSON.stringify({ error: `scripted ${fault.status}` }));
      }
      if (fault.abortAfterStore) {
        // The answer is stored, then the connection drops before the browser hears back.
        res.writeHead = () => res;
        res.end = () => req.socket.destroy();
      }
    }
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404, CORS).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}/answers`,
    // Really down: nothing listens on the port, so the browser meets a refused connection.
    down: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
    up: () => new Promise((resolve) => (server.listening ? resolve() : server.listen(port, '127.0.0.1', resolve))),
    reset,
    script: (faults) => void script.push(...faults),
    log: () => ({ attempts, records: receiver.records() }),
    close: () =>
      new Promise(async (resolve) => {
        await reset();
        rmSync(dataDir, { recursive: true, force: true });
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
