// Starts a real receiver on 127.0.0.1, port 0, with a fresh temporary data folder (SQLite) or a fresh
// PostgreSQL database, and stops it (and removes the folder) when the test ends.
//
// STORES: 'sqlite' always, 'postgres' when PostgreSQL can be started here (postgres.js prints why not;
// with FEEDBACK_REQUIRE_POSTGRES=1 its absence fails the run).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addOwner, addToken, startReceiver } from '../../dist/index.js';
import { postgresAvailable, postgresUrl } from './postgres.js';

export const STORES = ['sqlite', ...(postgresAvailable === true ? ['postgres'] : [])];
export const SHOP = 'https://shop.example';
export const BIN = fileURLToPath(new URL('../../bin/feedback-prompt-receiver.js', import.meta.url));

/** A fresh place to keep answers: { data, databaseUrl } for startReceiver, addOwner, the CLI. */
export async function freshLocation(t, kind) {
  const data = mkdtempSync(path.join(os.tmpdir(), 'fp-receiver-'));
  t.after(() => rmSync(data, { recursive: true, force: true }));
  return kind === 'postgres' ? { data, databaseUrl: await postgresUrl() } : { data };
}

/** A started receiver; closed when the test `t` ends. `log` collects what it logged (JSON lines). */
export async function useReceiver(t, kind, options = {}) {
  const location = options.location ?? (await freshLocation(t, kind));
  const log = [];
  const receiver = await startReceiver({
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: [SHOP],
    // high, so tests storing many answers are not limited; the rate-limit tests set their own
    limitPerAddress: 100_000,
    limitPerSite: 100_000,
    logger: { level: 'info', stream: { write: (line) => log.push(JSON.parse(line)) } },
    ...location,
    ...options,
  });
  t.after(() => receiver.close());
  return { ...receiver, location, log };
}

let counter = 0;
/** A valid wire record (SPEC.md "The answer on the wire"); fields overridable. */
export function wireAnswer(overrides = {}) {
  counter += 1;
  return {
    id: randomUUID(),
    version: 1,
    site: 'shop-42',
    answer: `Answer number ${counter}`,
    email: null,
    rating: null,
    topic: null,
    lang: 'nl',
    page: 'https://shop.example/cart',
    createdAt: new Date().toISOString(),
    context: {},
    ...overrides,
  };
}

/** POST /answers as the widget does; `body` may be an object (sent as JSON) or a raw string. */
export function postAnswer(url, body, { headers = {}, origin = SHOP } = {}) {
  return fetch(`${url}/answers`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(origin ? { origin } : {}),
      ...(typeof body === 'object' && body?.id ? { 'idempotency-key': body.id } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const OWNER = { email: 'owner@shop.example', password: 'correct horse battery' };

/** Adds the owner account and returns a client that signs in and sends the cookie and Origin along. */
export async function signedIn(receiver, owner = OWNER) {
  await addOwner(receiver.location, owner.email, owner.password);
  const response = await fetch(`${receiver.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: receiver.url },
    body: JSON.stringify(owner),
  });
  if (response.status !== 204) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0].split(';')[0];
  return client(receiver.url, { cookie, origin: receiver.url });
}

/** A client with a new API token. */
export async function withToken(receiver, name = 'tests') {
  const token = await addToken(receiver.location, name);
  return client(receiver.url, { authorization: `Bearer ${token}` });
}

/** fetch bound to the receiver with fixed headers; JSON bodies are encoded. */
export function client(url, fixed) {
  return (route, { method = 'GET', body, headers = {} } = {}) =>
    fetch(`${url}${route}`, {
      method,
      headers: { ...fixed, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** Stores `n` answers through POST /answers and returns them. */
export async function storeAnswers(url, list) {
  for (const item of list) {
    const response = await postAnswer(url, item);
    if (response.status !== 201) throw new Error(`could not store: ${response.status} ${await response.text()}`);
  }
  return list;
}
