// The benchmark's own loopback server. It behaves like demo/server.js where that matters for the
// numbers (brotli quality 5 or gzip for text over 256 bytes, Cache-Control: no-cache, the real
// receiver at POST /answers) and adds what the bench needs and the demo must not have:
//   /bench/.build/*   the bundled peers and the generated variant pages (the demo hides dot-folders)
//   /api/*            200 to anything, standing in for Sentry's ingest (the DSN points here)
//   /bench/hold       a receiver that is "down": 503 with Retry-After: 3600, so queued answers stay queued
// Only /dist/ and /bench/ are served. Node built-ins only.
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { createReceiver } from '../demo/receiver.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;
const SERVED = ['/dist/', '/bench/'];
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Retry-After',
};
const ENCODERS = {
  br: promisify((buf, cb) => zlib.brotliCompress(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }, cb)),
  gzip: promisify((buf, cb) => zlib.gzip(buf, cb)),
};

function pickEncoding(header = '') {
  const names = header.split(',').map((part) => part.trim().split(';')[0].toLowerCase());
  return ['br', 'gzip'].find((name) => names.includes(name)) ?? null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/** Drains a request body (so keep-alive connections stay usable), then calls back. */
function drain(req, done) {
  req.on('data', () => {}).on('end', done).on('error', done);
}

/**
 * @param {{ root: string, dataDir: string, mounts?: Record<string, string> }} options
 *   mounts: URL prefixes served from another folder, e.g. { '/dist/': '/…/bench/.build/dist' }
 * @returns {Promise<{ origin: string, port: number, receiver: ReturnType<typeof createReceiver>,
 *   counts: { sentry: number, otherApi: number, hold: number, stored: number }, answerTimes: number[], close(): Promise<void> }>}
 */
export async function startBenchServer({ root, dataDir, mounts = {} }) {
  root = await realpath(root);
  const mounted = await Promise.all(Object.entries(mounts).map(async ([prefix, dir]) => [prefix, await realpath(dir)]));
  const receiver = createReceiver({ dataDir, allowedOrigins: '*', log: () => {} });
  const cache = new Map();
  const counts = { sentry: 0, otherApi: 0, hold: 0, stored: 0 };
  /** Time the receiver took per POST /answers, from request to response finished (ms). */
  const answerTimes = [];

  async function serveStatic(req, res, urlPath) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n');
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return send(res, 400, 'Bad request\n');
    }
    if (!SERVED.some((prefix) => decoded.startsWith(prefix)) || decoded.includes('\0') || decoded.includes('\\') ||
      decoded.split('/').some((s) => s === '..' || s === '.')) return send(res, 404, 'Not found\n');
    const mount = mounted.find(([prefix]) => decoded.startsWith(prefix));
    const base = mount ? mount[1] : root;
    const rest = mount ? decoded.slice(mount[0].length) : decoded;
    let file;
    let info;
    try {
      file = await realpath(path.join(base, ...rest.split('/')));
      if (!file.startsWith(base + path.sep)) return send(res, 403, 'Forbidden\n');
      info = await stat(file);
      if (!info.isFile()) return send(res, 404, 'Not found\n');
    } catch {
      return send(res, 404, 'Not found\n');
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body = await readFile(file);
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', Vary: 'Accept-Encoding' };
    const encoding = COMPRESSIBLE.test(type) && body.length > 256 ? pickEncoding(req.headers['accept-encoding']) : null;
    if (encoding) {
      const key = `${encoding}:${file}:${info.size}:${info.mtimeMs}`;
      if (!cache.has(key)) cache.set(key, await ENCODERS[encoding](body));
      body = cache.get(key);
      headers['Content-Encoding'] = encoding;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer(async (req, res) => {
    try {
      const urlPath = (req.url ?? '/').split('?')[0];
      if (urlPath === '/answers' && req.method === 'POST') {
        const t0 = performance.now();
        res.once('finish', () => {
          answerTimes.push(performance.now() - t0);
          if (res.statusCode === 201) counts.stored++;
        });
      }
      if (await receiver.handle(req, res)) return;
      if (urlPath.startsWith('/api/')) {
        if (urlPath.startsWith('/api/1/')) counts.sentry++;
        else counts.otherApi++;
        if (req.method === 'OPTIONS') return send(res, 204, '', CORS);
        return drain(req, () => send(res, 200, '{}', { ...CORS, 'Content-Type': 'application/json' }));
      }
      if (urlPath === '/bench/hold') {
        if (req.method === 'OPTIONS') return send(res, 204, '', CORS);
        counts.hold++;
        return drain(req, () => send(res, 503, '{"error":"down for the bench"}', {
          ...CORS, 'Content-Type': 'application/json', 'Retry-After': '3600',
        }));
      }
      await serveStatic(req, res, urlPath);
    } catch (err) {
      if (!res.headersSent) send(res, 500, `Internal error: ${err.message}\n`);
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    receiver,
    counts,
    answerTimes,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await receiver.close();
    },
  };
}
