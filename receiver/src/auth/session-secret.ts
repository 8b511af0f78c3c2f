// The key that signs session cookies. It is generated on first start and kept IN THE STORE, under a
// reserved session id that no real session can have (real ids are base64url, without ':'), with an
// expiry in year 9999. So every instance on one database signs and checks cookies with the same key,
// and it survives restarts. Someone who can read the database can read it, but they can read the
// sessions themselves too, so it protects nothing more by living elsewhere.

import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';

const SECRET_ID = 'receiver:session-secret';
const NEVER = '9999-12-31T23:59:59.999Z';

export async function loadSessionSecret(store: Store): Promise<string> {
  const existing = await store.getSession(SECRET_ID);
  if (existing !== null) return (JSON.parse(existing) as { secret: string }).secret;
  await store.setSession(SECRET_ID, JSON.stringify({ secret: randomBytes(48).toString('base64url') }), NEVER);
  // Read back: when two instances start together on an empty database, the last write wins, and the
  // one that wrote first picks up the winner's key here.
  const stored = await store.getSession(SECRET_ID);
  if (stored === null) throw new Error('the session key could not be kept in the store');
  return (JSON.parse(stored) as { secret: string }).secret;
}
