// One place turns every failure into `{"error": "..."}` with the right status, so a developer wiring up
// a client always gets a sentence naming what to fix, never an HTML page or a stack trace.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';
import { schemaErrorMessage, BODY_LIMIT_BYTES } from './ingest/answer-schema.js';
import { StoreInputError, StoreUnavailableError } from './store/store.js';

const RETRY_AFTER_SECONDS = '5';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function validationMessage(request: FastifyRequest, items: ValidationItem[]): string {
  const first = items[0];
  if (!first) return 'the request is not valid';
  if (request.url.startsWith('/answers')) return schemaErrorMessage(first);
  if (first.keyword === 'required') return `"${String(first.params.missingProperty)}" is missing`;
  if (first.keyword === 'additionalProperties') return `"${String(first.params.additionalProperty)}" is not a known field`;
  const field = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return field ? `"${field}" ${first.message ?? 'is not valid'}` : `the body ${first.message ?? 'is not valid'}`;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send({ error: error.message });
    }
    if (error instanceof StoreUnavailableError) {
      request.log.error({ err: error }, 'storage unavailable');
      return reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send({ error: 'storage unavailable: try again later' });
    }
    if (error instanceof StoreInputError) {
      return reply.code(400).send({ error: `"${error.field}" ${error.message}` });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      return reply.code(400).send({ error: validationMessage(request, fastifyError.validation as ValidationItem[]) });
    }
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send({ error: `the body is larger than ${BODY_LIMIT_BYTES} bytes` });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send({ error: 'the body must be sent as Content-Type: application/json' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send({ error: 'the body is empty: send a JSON object' });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send({ error: 'the body is not valid JSON' });
    }
    if (fastifyError.statusCode === 400 && error instanceof SyntaxError) {
      return reply.code(400).send({ error: 'the body is not valid JSON' });
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return reply.code(fastifyError.statusCode).send({ error: fastifyError.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal error: see the receiver log' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `nothing at ${request.method} ${request.url.split('?')[0]}` }),
  );
}
