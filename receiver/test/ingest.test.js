// POST /answers: every status of RECEIVER.md's table, CORS, and what is (not) stored, on both stores.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { SHOP, STORES, postAnswer, useReceiver, wireAnswer } from './support/server.js';

for (const kind of STORES) {
  describe(`POST /answers (${kind})`, () => {
    test('201 once stored, 409 for the same id again, nothing changes', async (t) => {
      const receiver = await useReceiver(t, kind);
      const answer = wireAnswer({ rating: 4, email: 'a@b.example', topic: 'delivery', context: { cart: 'c-1' } });
      const first = await postAnswer(receiver.url, answer);
      assert.equal(first.status, 201);
      assert.equal((await first.json()).id, answer.id);
      const stored = await receiver.store.get(answer.id);
      assert.equal(stored.answer, answer.answer);
      assert.equal(stored.rating, 4);
      assert.deepEqual(stored.context, { cart: 'c-1' });

      const again = await postAnswer(receiver.url, { ...answer, answer: 'changed on retry' });
      assert.equal(again.status, 409);
      assert.equal((await receiver.store.get(answer.id)).answer, answer.answer);
    });

    test('extra fields are dropped, never stored', async (t) => {
      const receiver = await useReceiver(t, kind);
      const answer = wireAnswer();
      const response = await postAnswer(receiver.url, { ...answer, trackingId: 'x-1', cookie: 'session=1' });
      assert.equal(response.status, 201);
      const stored = await receiver.store.get(answer.id);
      assert.equal('trackingId' in stored, false);
      assert.equal('cookie' in stored, false);
    });

    test('a request without Origin (server to server) is accepted', async (t) => {
      const receiver = await useReceiver(t, kind);
      const response = await postAnswer(receiver.url, wireAnswer(), { origin: null });
      assert.equal(response.status, 201);
    });

    test('503 with Retry-After when the store fails, and /healthz says so', async (t) => {
      const receiver = await useReceiver(t, kind);
      assert.equal((await fetch(`${receiver.url}/healthz`)).status, 200);
      await receiver.store.close();
      const answer = wireAnswer();
      const response = await postAnswer(receiver.url, answer);
      assert.equal(response.status, 503);
      assert.match(response.headers.get('retry-after'), /^\d+$/);
      assert.match((await response.json()).error, /storage unavailable/);
      const health = await fetch(`${receiver.url}/healthz`);
      assert.equal(health.status, 503);
    });
  });
}

describe('POST /answers: bad input names the field (400)', () => {
  const cases = [
    ['rating as a string', { rating: '5' }, '"rating" must be null or an integer from 1 to 5'],
    ['rating out of range', { rating: 6 }, '"rating" must be null or an integer from 1 to 5'],
    ['id not a UUID', { id: 'abc' }, '"id" must be a UUID string'],
    ['version 2', { version: 2 }, '"version" must be 1'],
    ['whitespace answer', { answer: '  \n ' }, '"answer" must be a non-empty string (not only whitespace)'],
    ['page with a query', { page: 'https://shop.example/cart?user=1' }, /"page" must be an http\(s\) URL without query string/],
    ['page not http', { page: 'javascript:alert(1)' }, /"page" must be an http\(s\) URL/],
    ['createdAt not a date', { createdAt: 'next tuesday' }, /"createdAt" must be an ISO 8601 date-time/],
    ['createdAt impossible', { createdAt: '2026-13-45T10:00:00Z' }, /"createdAt" must be an ISO 8601 date-time/],
    ['context an array', { context: [] }, '"context" must be a JSON object'],
    ['email a number', { email: 5 }, /"email" must be null or a string/],
    ['context too deep', { context: { a: { b: { c: { d: { e: { f: 1 } } } } } } }, /"context" is nested too deep: at most 5 levels/],
    ['context with too many keys', { context: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, /"context" has too many keys: at most 50/],
    ['context too large', { context: { text: 'x'.repeat(9000) } }, /"context" is too large: at most 8192 bytes/],
  ];
  test('each invalid field gets its own message', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    for (const [name, change, message] of cases) {
      const answer = wireAnswer(change);
      const response = await postAnswer(receiver.url, answer);
      assert.equal(response.status, 400, name);
      const { error } = await response.json();
      if (typeof message === 'string') assert.equal(error, message, name);
      else assert.match(error, message, name);
      assert.equal(await receiver.store.get(answer.id).catch(() => null), null, `${name}: nothing stored`);
    }
  });

  test('a missing field, a non-object body and broken JSON', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    const { site, ...withoutSite } = wireAnswer();
    assert.ok(site);
    let response = await postAnswer(receiver.url, withoutSite);
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error, '"site" is missing');
    response = await postAnswer(receiver.url, '[1, 2]');
    assert.equal(response.status, 400);
    assert.match((await response.json()).error, /body must be a JSON object/);
    response = await postAnswer(receiver.url, '{"id": ');
    assert.equal(response.status, 400);
    assert.match((await response.json()).error, /not valid JSON/);
  });

  test('a context exactly at the limits is accepted', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    const deep = { a: { b: { c: { d: 'five levels' } } } };
    const keys = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, i]));
    const response = await postAnswer(receiver.url, wireAnswer({ context: { ...keys, deep } }));
    assert.equal(response.status, 201);
  });
});

describe('POST /answers: transport errors', () => {
  test('413 past 64 KB, 415 when not JSON, 405 on GET (nothing is listed)', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    const big = await postAnswer(receiver.url, wireAnswer({ answer: 'x'.repeat(70 * 1024) }));
    assert.equal(big.status, 413);
    assert.match((await big.json()).error, /larger than 65536 bytes/);

    const text = await postAnswer(receiver.url, JSON.stringify(wireAnswer()), { headers: { 'content-type': 'text/plain' } });
    assert.equal(text.status, 415);
    assert.match((await text.json()).error, /application\/json/);

    await postAnswer(receiver.url, wireAnswer());
    const list = await fetch(`${receiver.url}/answers`);
    assert.equal(list.status, 405);
    const body = await list.text();
    assert.doesNotMatch(body, /Answer number/);
  });

  test('403 for a foreign Origin, with a log line naming it and the flag to allow it', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    const evil = 'https://evil.example';
    const response = await postAnswer(receiver.url, wireAnswer(), { origin: evil });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const line = receiver.log.find((entry) => entry.level === 40 && entry.msg.includes(evil));
    assert.ok(line, 'a warning names the origin');
    assert.match(line.msg, /--allowed-origins https:\/\/shop\.example,https:\/\/evil\.example/);
    assert.match(line.msg, /FEEDBACK_ALLOWED_ORIGINS=/);

    assert.equal((await postAnswer(receiver.url, wireAnswer(), { origin: evil })).status, 403);
    assert.equal(receiver.log.filter((entry) => entry.msg.includes(evil)).length, 1, 'once a minute per origin, not per request');
  });

  test('control characters in a logged origin are escaped', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    // HTTP allows bytes 0x80-0xff in a header value; U+0085 (NEL) is a C1 control character.
    const status = await new Promise((resolve, reject) => {
      const request = http.request(`${receiver.url}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://x.example\u0085forged' },
      });
      request.on('response', (response) => resolve(response.resume().statusCode)).on('error', reject);
      request.end(JSON.stringify(wireAnswer()));
    });
    assert.equal(status, 403);
    const line = receiver.log.find((entry) => entry.level === 40);
    assert.match(line.msg, /https:\/\/x\.example.?\\u0085forged/);
    assert.doesNotMatch(line.msg, /\u0085/);
  });

  test('CORS preflight allows exactly the configured origin, Content-Type and Idempotency-Key', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    const preflight = (origin) =>
      fetch(`${receiver.url}/answers`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
      });
    const allowed = await preflight(SHOP);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), SHOP);
    assert.match(allowed.headers.get('access-control-allow-methods'), /POST/);
    assert.deepEqual(allowed.headers.get('access-control-allow-headers').toLowerCase().split(/,\s*/).sort(), ['content-type', 'idempotency-key']);
    const foreign = await preflight('https://evil.example');
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);

    const response = await postAnswer(receiver.url, wireAnswer());
    assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
    assert.match(response.headers.get('access-control-expose-headers'), /Retry-After/i);
    assert.match(response.headers.get('vary'), /Origin/i);
  });
});

describe('POST /answers: rate limits (429 with Retry-After)', () => {
  test('per client address', async (t) => {
    const receiver = await useReceiver(t, 'sqlite', { limitPerAddress: 3 });
    for (let i = 0; i < 3; i++) assert.equal((await postAnswer(receiver.url, wireAnswer())).status, 201);
    const limited = await postAnswer(receiver.url, wireAnswer());
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(limited.headers.get('access-control-allow-origin'), SHOP, 'the widget can read the 429');
    assert.match((await limited.json()).error, /too many answers from this address/);
  });

  test('per site, across client addresses (behind a proxy)', async (t) => {
    const receiver = await useReceiver(t, 'sqlite', { limitPerAddress: 100, limitPerSite: 2, trustProxy: true });
    const from = (address, site, change = {}) =>
      postAnswer(receiver.url, wireAnswer({ site, ...change }), { headers: { 'x-forwarded-for': address } });
    const tooDeep = { context: { a: { b: { c: { d: { e: { f: 1 } } } } } } };
    assert.equal((await from('198.51.100.9', 'shop-a', tooDeep)).status, 400, 'a bad body does not count');
    assert.equal((await from('198.51.100.1', 'shop-a')).status, 201);
    assert.equal((await from('198.51.100.2', 'shop-a')).status, 201);
    const limited = await from('198.51.100.3', 'shop-a');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.match((await limited.json()).error, /too many answers for this site/);
    assert.equal((await from('198.51.100.3', 'shop-b')).status, 201, 'another site is not limited');
  });

  test('behind the proxy, the client is the address the proxy added, not one the client wrote', async (t) => {
    const receiver = await useReceiver(t, 'sqlite', { limitPerAddress: 1, trustProxy: true });
    const from = (header) => postAnswer(receiver.url, wireAnswer(), { headers: { 'x-forwarded-for': header } });
    assert.equal((await from('203.0.113.7, 198.51.100.1')).status, 201);
    assert.equal((await from('203.0.113.8, 198.51.100.1')).status, 429, 'a made-up first entry does not escape the limit');
    assert.equal((await from('198.51.100.2')).status, 201, 'another client is counted apart');
  });

  test('per address uses X-Forwarded-For only with --trust-proxy', async (t) => {
    const receiver = await useReceiver(t, 'sqlite', { limitPerAddress: 1 });
    const from = (address) => postAnswer(receiver.url, wireAnswer(), { headers: { 'x-forwarded-for': address } });
    assert.equal((await from('198.51.100.1')).status, 201);
    assert.equal((await from('198.51.100.2')).status, 429, 'a spoofed header does not escape the limit');
  });
});

describe('GET /healthz and the inbox', () => {
  test('/inbox redirects to /inbox/, served with the strict CSP', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    const redirect = await fetch(`${receiver.url}/inbox`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/inbox/');
    const page = await fetch(`${receiver.url}/inbox/`);
    const csp = page.headers.get('content-security-policy');
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }
    assert.ok(page.status === 200 || page.status === 503);
  });

  test('an unbuilt inbox answers 503 saying so', async (t) => {
    const receiver = await useReceiver(t, 'sqlite', { inboxFolder: '/nonexistent-inbox' });
    const page = await fetch(`${receiver.url}/inbox/`);
    assert.equal(page.status, 503);
    assert.match(await page.text(), /The inbox is not built.*npm run build/s);
  });
});
