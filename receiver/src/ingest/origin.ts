// Which pages may post answers. A request without Origin is not from a browser page (a server
// forwarding answers, curl): no CORS question arises, so it is let through; the rate limits still apply.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.js';
import { forLog } from '../log-safe.js';

/** A foreign origin is logged once a minute at most: refused requests are cheap to send in bulk. */
const LOG_EVERY_MS = 60_000;
const MAX_REMEMBERED = 1000;

export function originGuard(allowed: ReadonlySet<string>, now: () => number = Date.now) {
  const lastLogged = new Map<string, number>();
  const shouldLog = (origin: string): boolean => {
    const last = lastLogged.get(origin);
    if (last !== undefined && now() - last < LOG_EVERY_MS) return false;
    lastLogged.delete(origin);
    lastLogged.set(origin, now());
    if (lastLogged.size > MAX_REMEMBERED) lastLogged.delete(lastLogged.keys().next().value!);
    return true;
  };
  return async function refuseForeignOrigin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const origin = request.headers.origin;
    if (origin === undefined || allowed.has(origin)) return;
    const shown = forLog(origin);
    const list = [...allowed, shown].join(',');
    if (shouldLog(origin)) request.log.warn(
      `refused an answer from origin ${shown}: it is not allowed. To allow it, start with ` +
        `--allowed-origins ${list} (or set FEEDBACK_ALLOWED_ORIGINS=${list})`,
    );
    throw new HttpError(403, `answers from the origin ${shown} are not accepted by this receiver`);
  };
}

/** 415 before the body is read: the widget always sends application/json. */
export async function requireJson(request: FastifyRequest): Promise<void> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, `the body must be sent as Content-Type: application/json (got ${type ? forLog(type) : 'none'})`);
  }
}
