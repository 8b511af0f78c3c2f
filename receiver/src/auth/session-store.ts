// @fastify/session keeps its sessions in the receiver's store, so every instance on one database
// accepts a session another one opened, and a restart signs nobody out.

import type { Store } from '../store/store.js';

type Callback<T = void> = (error: Error | null, value?: T) => void;

interface SessionLike {
  cookie?: { expires?: Date | string | null; originalMaxAge?: number | null };
}

/** How long a session lives when its cookie says nothing (it always does: maxAge is set). */
const FALLBACK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class StoreSessionAdapter {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  get<S extends SessionLike>(sid: string, callback: Callback<S | null>): void {
    this.store.getSession(sid).then(
      (text) => callback(null, text === null ? null : (JSON.parse(text) as S)),
      (error: Error) => callback(error),
    );
  }

  set(sid: string, session: SessionLike, callback: Callback): void {
    const expires = session.cookie?.expires;
    const expiresAt = expires ? new Date(expires) : new Date(this.now().getTime() + FALLBACK_LIFETIME_MS);
    this.store.setSession(sid, JSON.stringify(session), expiresAt.toISOString()).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }

  destroy(sid: string, callback: Callback): void {
    this.store.deleteSession(sid).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}
