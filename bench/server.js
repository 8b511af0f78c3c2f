// The benchmark's own loopback server. It serves static files as the demo does (scripts/static-files.js:
// @fastify/static and @fastify/compress, brotli quality 5 or gzip over 256 bytes, Cache-Control: no-cache),
// hands POST /answers to the real receiver, and adds what the bench needs and the demo must not have:
//   /bench/.build/*   the bundled peers and the generated variant pages (the demo hides dot-folders)
//   /api/*            200 to anything, standing in for Sentry's ingest (the DSN points here)
//   /bench/hold       a receiver that is "down": 503 with Retry-After: 3600, so queued answers stay queued
// Only /dist/ and /bench/ are served.
import path from 'node:path';
import Fastify from 'fastify';
import { startReceiver } from '../receiver/dist/index.js';
import { serveFolders } from '../scripts/static-files.js';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Idempotency-Key',
  'access-control-expose-headers': 'Retry-After',
};
// The bench's flush sends 100 answers from one address in a second: far over a shop's defaults.
const NO_LIMITS = { limitPerAddress: 1_000_000, limitPerSite: 1_000_000 };
const FORWARDED_HEADERS = ['content-type', 'idempotency-key'];

/** Routes in this context take any body as raw bytes: Sentry's envelopes, PushFeedback's JSON, answers. */
function rawBodies(app) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1 << 20 }, (req, body, done) => done(null, body));
}

/**
 * @param {{ root: string, dataDir: string, mounts?: Record<string, string> }} options
 *   dataDir: the receiver's store (SQLite); mounts: URL prefixes served from another folder,
 *   e.g. { '/dist/': '/…/bench/.build/dist' }
 * @returns {Promise<{ origin: string, port: number, receiver: { url: string, store: import('../receiver/dist/index.js').Store },
 *   counts: { sentry: number, otherApi: number, hold: number, stored: number }, answerTimes: number[], close(): Promise<void> }>}
 */
export async function startBenchServer({ root, dataDir, mounts = {} }) {
  const receiver = await startReceiver({ port: 0, host: '127.0.0.1', data: dataDir, allowedOrigins: [], logger: false, ...NO_LIMITS });
  const counts = { sentry: 0, otherApi: 0, hold: 0, stored: 0 };
  /** Time per POST /answers, from request to response finished, the hop to the receiver included (ms). */
  const answerTimes = [];
  const app = Fastify({ logger: false });
  await serveFolders(app, {
    '/dist/': mounts['/dist/'] ?? path.join(root, 'dist'),
    '/bench/': mounts['/bench/'] ?? path.join(root, 'bench'),
  }, { dotFiles: true });

  await app.register(async (api) => {
    rawBodies(api);
    api.all('/api/*', async (req, reply) => {
      if (req.url.startsWith('/api/1/')) counts.sentry++;
      else counts.otherApi++;
      reply.headers(CORS);
      if (req.method === 'OPTIONS') return reply.code(204).send();
      return reply.type('application/json').send('{}');
    });
    api.route({
      method: ['POST', 'OPTIONS'],
      url: '/bench/hold',
      handler: async (req, reply) => {
        reply.headers(CORS);
        if (req.method === 'OPTIONS') return reply.code(204).send();
        counts.hold++;
        return reply.code(503).header('retry-after', '3600').type('application/json').send('{"error":"down for the bench"}');
      },
    });
    // Same origin for the bench's pages, so no preflight; the receiver sees what the widget sent.
    api.post('/answers', async (req, reply) => {
      const t0 = performance.now();
      reply.raw.once('finish', () => {
        answerTimes.push(performance.now() - t0);
        if (reply.statusCode === 201) counts.stored++;
      });
      const headers = Object.fromEntries(FORWARDED_HEADERS.filter((name) => req.headers[name]).map((name) => [name, req.headers[name]]));
      const answer = await fetch(`${receiver.url.replace(/\/$/, '')}/answers`, { method: 'POST', headers, body: req.body ?? '' });
      reply.code(answer.status).type(answer.headers.get('content-type') ?? 'application/json');
      const retryAfter = answer.headers.get('retry-after');
      if (retryAfter) reply.header('retry-after', retryAfter);
      return reply.send(Buffer.from(await answer.arrayBuffer()));
    });
  });

  app.server.keepAliveTimeout = 5000;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    receiver: { url: receiver.url, store: receiver.store },
    counts,
    answerTimes,
    async close() {
      await app.close();
      await receiver.close();
    },
  };
}
