// Shared set-up for the receiver and demo server tests: real servers on 127.0.0.1 port 0,
// a fresh temp data folder each, everything closed when the test ends.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver } from '../../demo/receiver.js';

export const ALLOWED = 'https://shop.example';

export const tempDir = async (t, prefix = 'feedback-receiver-') => {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
};

/** A receiver behind a bare http server; anything it doesn't handle answers 404. */
export async function startReceiver(t, options = {}) {
  const dataDir = options.dataDir ?? (await tempDir(t));
  const logs = [];
  const receiver = createReceiver({ allowedOrigins: [ALLOWED], log: (line) => logs.push(line), ...options, dataDir });
  const server = http.createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  let closed = null;
  const close = () => {
    closed ??= (async () => {
      const done = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await done;
      await receiver.close();
    })();
    return closed;
  };
  t.after(close);
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, url: `${base}/answers`, dataDir, file: path.join(dataDir, 'answers.jsonl'), receiver, logs, close };
}

/** A valid wire answer (SPEC "The answer on the wire"), with overrides. */
export const answer = (overrides = {}) => ({
  id: randomUUID(),
  version: 1,
  site: 'shop-42',
  answer: 'Could you stock oat milk?',
  email: null,
  rating: null,
  topic: null,
  lang: 'nl',
  page: 'https://shop.example/cart',
  createdAt: new Date().toISOString(),
  context: {},
  ...overrides,
});

export const post = (url, body, headers = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export async function lines(file) {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
}

/** A request with the path sent exactly as given (fetch would normalise "/../" away). */
export function raw(base, rawPath, { method = 'GET', headers = {}, body } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}
