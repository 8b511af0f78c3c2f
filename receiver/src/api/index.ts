// The authenticated part: cookie + session (kept in the store) and the guard apply to /api only, in
// this encapsulated plugin, so POST /answers never looks at cookies or touches the session table.

import cookie from '@fastify/cookie';
import session from '@fastify/session';
import type { FastifyInstance } from 'fastify';
import { authGuard } from '../auth/guard.js';
import { StoreSessionAdapter } from '../auth/session-store.js';
import { SESSION_COOKIE, SESSION_COOKIE_PATH, sessionRoutes } from '../auth/session-routes.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import type { Mailer } from '../notify/mailer.js';
import type { SettingsService } from '../settings.js';
import type { Store } from '../store/store.js';
import { adminRoutes } from './admin.js';
import { answerRoutes } from './answers.js';
import { replyRoute } from './reply.js';

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface ApiOptions {
  store: Store;
  sessionSecret: string;
  throttle: SignInThrottle;
  settings: SettingsService;
  mailer: Mailer | null;
  mailFrom: string | null;
  now: () => Date;
}

export async function apiRoutes(app: FastifyInstance, options: ApiOptions): Promise<void> {
  const { store, now } = options;
  await app.register(cookie);
  await app.register(session, {
    secret: options.sessionSecret,
    cookieName: SESSION_COOKIE,
    store: new StoreSessionAdapter(store, now),
    saveUninitialized: false,
    // Not rolling: a session is written when it is created, not on every request.
    rolling: false,
    // `secure` is set per session at sign-in (see session-routes.ts): 'auto' would weaken SameSite on HTTP.
    cookie: { path: SESSION_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: false, maxAge: SESSION_LIFETIME_MS },
  });
  app.decorateRequest('principal', null);
  app.addHook('onRequest', authGuard(store));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  await app.register(sessionRoutes, { store, throttle: options.throttle });
  await app.register(answerRoutes, { store, now });
  await app.register(replyRoute, { store, mailer: options.mailer, mailFrom: options.mailFrom, settings: options.settings, now });
  await app.register(adminRoutes, { store, settings: options.settings, smtp: options.mailer !== null, now });
}
