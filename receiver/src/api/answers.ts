// Reading and acting on answers: list, count, one, change, delete, erase by e-mail, CSV export.

import type { FastifyInstance } from 'fastify';
import { isEmailAddress } from '../config.js';
import { HttpError, badRequest } from '../http-error.js';
import type { Store } from '../store/store.js';
import { csvStream } from './csv.js';
import { parsePatch } from './patch.js';
import { parseFilter, parsePage } from './query.js';

type Query = Record<string, unknown>;

export async function answerRoutes(app: FastifyInstance, options: { store: Store; now: () => Date }) {
  const { store } = options;

  app.get<{ Querystring: Query }>('/api/answers', async (request) => {
    const { filter, limit, cursor } = parsePage(request.query);
    return store.list(filter, limit, cursor);
  });

  app.get<{ Querystring: Query }>('/api/answers/count', async (request) => ({ count: await store.count(parseFilter(request.query)) }));

  app.get<{ Querystring: Query }>('/api/answers.csv', async (request, reply) => {
    const filter = parseFilter(request.query);
    // Fail before the first byte if the store is down: once streaming, the status is already sent.
    if (!(await store.healthy())) throw new HttpError(503, 'storage unavailable: try again later', { 'retry-after': '5' });
    const day = options.now().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="feedback-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csvStream(store.stream(filter)));
  });

  app.get<{ Params: { id: string } }>('/api/answers/:id', async (request) => {
    const answer = await store.get(request.params.id);
    if (!answer) throw new HttpError(404, 'no answer with this id');
    return answer;
  });

  app.patch<{ Params: { id: string } }>('/api/answers/:id', async (request) => {
    const updated = await store.update(request.params.id, parsePatch(request.body));
    if (!updated) throw new HttpError(404, 'no answer with this id');
    return updated;
  });

  app.delete<{ Params: { id: string } }>('/api/answers/:id', async (request, reply) => {
    if (!(await store.delete(request.params.id))) throw new HttpError(404, 'no answer with this id');
    return reply.code(204).send();
  });

  app.post<{ Body: { email?: unknown } }>('/api/erase', async (request) => {
    const email = request.body?.email;
    if (typeof email !== 'string' || !isEmailAddress(email.trim())) throw badRequest('"email" must be an e-mail address');
    const deleted = await store.eraseByEmail(email.trim());
    request.log.info(`erased ${deleted} answer(s) on request`);
    return { deleted };
  });
}
