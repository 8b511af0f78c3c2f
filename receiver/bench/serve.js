// One server under test, in a process of its own (so the load generator does not share its event
// loop, and its peak memory is its own): `node serve.js '<json options>'`.
//   { "kind": "ceiling" }                       Fastify answering 201 to POST /answers, nothing stored
//   { "kind": "receiver", ...ReceiverOptions }  the real receiver (SQLite or PostgreSQL)
// Prints one JSON line `{"url": …, "startMs": …}` once it listens; SIGTERM closes it cleanly.
import Fastify from 'fastify';
import { BODY_LIMIT_BYTES } from '../dist/ingest/answer-schema.js';

const { kind, ...options } = JSON.parse(process.argv[2] ?? '{}');

async function startCeiling() {
  // The same framework, body limit and JSON parsing as the receiver; no validation, no store.
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });
  app.post('/answers', async (req, reply) => reply.code(201).send({ id: req.body?.id }));
  app.get('/healthz', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${app.server.address().port}`, close: () => app.close() };
}

async function startRealReceiver() {
  const { startReceiver } = await import('../dist/index.js');
  return startReceiver({ port: 0, host: '127.0.0.1', logger: false, ...options });
}

// startMs: the server's own start (store opened, migrations checked, listening), without Node's boot.
const started = performance.now();
const server = kind === 'ceiling' ? await startCeiling() : await startRealReceiver();
const startMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ url: server.url.replace(/\/$/, ''), startMs })}\n`);
process.once('SIGTERM', () => server.close().then(() => process.exit(0), () => process.exit(1)));
