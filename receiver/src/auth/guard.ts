// Who is asking: the inbox session (cookie) or an API token (Authorization: Bearer). Every /api route
// but sign-in needs one of them. Cookies travel with requests other sites make, so a state-changing
// request carried by the cookie must come from the receiver's own page (its Origin); a bearer token
// is never sent by a browser on its own, so token requests are exempt.

import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.js';
import type { Store } from '../store/store.js';
import { hashToken } from './tokens.js';

export type Principal = { kind: 'owner'; email: string } | { kind: 'token'; name: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** routes that need no sign-in (POST /api/session) */
    public?: boolean;
  }
  interface Session {
    /** the signed-in owner */
    email?: string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the receiver is reached at, as the browser sees it (X-Forwarded-* with --trust-proxy). */
export const ownOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

export function requireSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  const own = ownOrigin(request);
  if (origin === own) return;
  // The usual cause when it is the inbox itself: HTTPS ends at a proxy the receiver was not told about.
  const hint = origin === own.replace(/^http:/, 'https:') ? '; behind an HTTPS proxy, start the receiver with --trust-proxy' : '';
  throw new HttpError(403, `refused: a signed-in change must come from the inbox at ${own} (Origin was ${origin ?? 'missing'})${hint}`);
}

export function authGuard(store: Store) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    request.principal = null;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const token = match ? await store.findToken(hashToken(match[1]!)) : null;
      if (!token) throw new HttpError(401, 'the bearer token is not valid', { 'www-authenticate': 'Bearer error="invalid_token"' });
      request.principal = { kind: 'token', name: token.name };
      return;
    }
    const email = request.session?.get('email');
    if (typeof email === 'string') {
      if (!SAFE_METHODS.has(request.method)) requireSameOrigin(request);
      request.principal = { kind: 'owner', email };
      return;
    }
    if (request.routeOptions.config.public) return;
    throw new HttpError(401, 'sign in to the inbox or send Authorization: Bearer <token>', { 'www-authenticate': 'Bearer' });
  };
}
