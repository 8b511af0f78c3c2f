// POST /answers: the one public write. Checks run cheapest first: Origin (403), Content-Type (415),
// the per-address limit (429), the body's size (413) and shape (400), the per-site limit (429); only
// then the store, and 201 only once store.insert has resolved, i.e. the answer is durable.

import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { HttpError } from '../http-error.js';
import { StoreInputError, type OutboxJob, type Store, type WireAnswer } from '../store/store.js';
import { ANSWER_SCHEMA, BODY_LIMIT_BYTES, checkAnswer } from './answer-schema.js';
import { originGuard, requireJson } from './origin.js';

export interface IngestOptions {
  config: Config;
  store: Store;
  now: () => Date;
  /** the notification jobs to write in the answer's own transaction */
  jobsFor: (answer: WireAnswer, receivedAt: string) => Omit<OutboxJob, 'id' | 'attempts'>[];
  /** told after a 201 that wrote jobs (off the reply's path): the notifier can look at the outbox at once */
  afterStored: () => void;
}

const MINUTE_MS = 60_000;
export const STORE_RETRY_AFTER_SECONDS = 5;

/** Registered under the prefix /answers, so CORS (and its OPTIONS route) covers this route only. */
export async function ingestRoutes(app: FastifyInstance, options: IngestOptions): Promise<void> {
  const { config, store } = options;
  const allowed = new Set(config.allowedOrigins);

  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(context.statusCode, `too many answers from this address: try again in ${context.after}`),
  });

  const perSite = app.createRateLimit({
    max: config.limitPerSite,
    timeWindow: MINUTE_MS,
    keyGenerator: (request) => `site\u0000${(request.body as WireAnswer).site}`,
  });

  app.post<{ Body: WireAnswer }>(
    '/',
    {
      bodyLimit: BODY_LIMIT_BYTES,
      schema: { body: ANSWER_SCHEMA },
      config: { rateLimit: { max: config.limitPerAddress, timeWindow: MINUTE_MS } },
      onRequest: [originGuard(allowed, () => options.now().getTime()), requireJson],
      preHandler: async (request) => {
        // What the schema cannot say is checked before the site's limit, so a bad body does not count.
        const problem = checkAnswer(request.body);
        if (problem !== null) throw new HttpError(400, problem);
        const limit = await perSite(request);
        if (!limit.isAllowed && limit.isExceeded) {
          throw new HttpError(429, `too many answers for this site: try again in ${limit.ttlInSeconds} s`, {
            'retry-after': String(limit.ttlInSeconds),
          });
        }
      },
    },
    async (request, reply) => {
      const answer = request.body;
      const receivedAt = options.now().toISOString();
      let result;
      let jobs: Omit<OutboxJob, 'id' | 'attempts'>[] = [];
      try {
        jobs = options.jobsFor(answer, receivedAt);
        result = await store.insert(answer, receivedAt, jobs);
      } catch (error) {
        // A value the database cannot take will never be taken: 400, so the widget sets it aside.
        if (error instanceof StoreInputError) throw error;
        // Otherwise the answer is not stored for now: the widget keeps it and retries.
        request.log.error({ err: error }, 'an answer could not be stored');
        throw new HttpError(503, 'storage unavailable: the answer was not stored; try again later', {
          'retry-after': String(STORE_RETRY_AFTER_SECONDS),
        });
      }
      if (result === 'duplicate') {
        return reply.code(409).send({ error: `an answer with the id ${answer.id} is already stored`, id: answer.id });
      }
      // Only when there is something to send: a look at the outbox is a write (a claim) of its own.
      if (jobs.length > 0) setImmediate(options.afterStored);
      return reply.code(201).send({ id: answer.id, receivedAt });
    },
  );

  // Nothing unauthenticated ever lists answers: say so rather than a bare 404.
  app.get('/', async (_request, reply) =>
    reply
      .code(405)
      .header('allow', 'POST, OPTIONS')
      .send({ error: 'answers are only received here; read them in the inbox or through /api/answers with a token' }),
  );
}
