// POST /api/session signs in (204 + cookie), DELETE /api/session signs out.

import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.js';
import type { Store } from '../store/store.js';
import { requireSameOrigin } from './guard.js';
import { decoyHash, verifyPassword } from './password.js';
import type { SignInThrottle } from './sign-in-throttle.js';

const SIGN_IN_SCHEMA = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 1, maxLength: 320 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const;

export const SESSION_COOKIE = 'feedback_session';
// '/', not '/api': behind a proxy that adds a path prefix (/feedback/api/...) the browser must still send it.
export const SESSION_COOKIE_PATH = '/';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sessionRoutes(app: FastifyInstance, options: { store: Store; throttle: SignInThrottle }) {
  const { store, throttle } = options;

  app.post<{ Body: { email: string; password: string } }>(
    '/api/session',
    { schema: { body: SIGN_IN_SCHEMA }, config: { public: true } },
    async (request, reply) => {
      // A sign-in form posted from another site would sign the browser into the attacker's account.
      if (request.headers.origin !== undefined) requireSameOrigin(request);
      const email = request.body.email.trim().toLowerCase();
      const keys = [`account:${email}`, `address:${request.ip}`];
      const verdict = throttle.check(keys);
      if (verdict.refused) {
        request.log.warn(`sign-in refused after too many failures (retry in ${verdict.retryAfterSeconds} s)`);
        return reply
          .code(429)
          .header('retry-after', String(verdict.retryAfterSeconds))
          .send({ error: `too many failed sign-ins: try again in ${verdict.retryAfterSeconds} seconds`, retryAfter: verdict.retryAfterSeconds });
      }
      if (verdict.delayMs > 0) await sleep(verdict.delayMs);
      const owner = await store.findOwner(email);
      const ok = await verifyPassword(request.body.password, owner?.passwordHash ?? (await decoyHash()));
      if (!owner || !ok) {
        throttle.fail(keys);
        throw new HttpError(401, 'wrong e-mail address or password');
      }
      throttle.succeed(keys[0]!);
      await request.session.regenerate();
      request.session.set('email', owner.email);
      // Secure exactly when the browser reached us over HTTPS (directly, or at the proxy with --trust-proxy).
      request.session.cookie.secure = request.protocol === 'https';
      return reply.code(204).send();
    },
  );

  app.delete('/api/session', { config: { public: true } }, async (request, reply) => {
    if (request.session.get('email') !== undefined) await request.session.destroy();
    reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH });
    return reply.code(204).send();
  });
}
