// Authentication: 401 without it, the session cookie's flags, the Origin rule for cookie requests,
// the sign-in slow-down and lockout, API tokens, signing out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addOwner } from '../dist/index.js';
import { OWNER, STORES, signedIn, useReceiver, withToken } from './support/server.js';

const ROUTES = [
  ['GET', '/api/me'],
  ['GET', '/api/answers'],
  ['GET', '/api/answers/count'],
  ['GET', '/api/answers.csv'],
  ['GET', '/api/answers/3f0c1c2e-1111-4222-8333-444455556666'],
  ['PATCH', '/api/answers/3f0c1c2e-1111-4222-8333-444455556666'],
  ['DELETE', '/api/answers/3f0c1c2e-1111-4222-8333-444455556666'],
  ['POST', '/api/answers/3f0c1c2e-1111-4222-8333-444455556666/reply'],
  ['POST', '/api/erase'],
  ['GET', '/api/overview'],
  ['GET', '/api/settings'],
  ['PATCH', '/api/settings'],
];

const FAST_THROTTLE = { freeFailures: 2, maxFailures: 5, windowMs: 60_000, baseDelayMs: 20, maxDelayMs: 100 };

const signIn = (url, body, headers = {}) =>
  fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, ...headers },
    body: JSON.stringify(body),
  });

for (const kind of STORES) {
  describe(`authentication (${kind})`, () => {
    test('every /api route answers 401 without a session or token, and with a wrong token', async (t) => {
      const receiver = await useReceiver(t, kind);
      for (const [method, route] of ROUTES) {
        const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
        const anonymous = await fetch(`${receiver.url}${route}`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} });
        assert.equal(anonymous.status, 401, `${method} ${route}`);
        assert.match((await anonymous.json()).error, /sign in|bearer/i);
        const wrong = await fetch(`${receiver.url}${route}`, { method, headers: { authorization: 'Bearer fpr_not-a-token' } });
        assert.equal(wrong.status, 401, `${method} ${route} with a wrong token`);
      }
    });

    test('sign in: 204 and an HttpOnly, SameSite=Strict cookie; the session works on another instance', async (t) => {
      const receiver = await useReceiver(t, kind);
      await addOwner(receiver.location, OWNER.email, OWNER.password);
      const response = await signIn(receiver.url, { email: 'Owner@Shop.Example', password: OWNER.password });
      assert.equal(response.status, 204);
      const setCookie = response.headers.getSetCookie()[0];
      assert.match(setCookie, /HttpOnly/i);
      assert.match(setCookie, /SameSite=Strict/i);
      assert.doesNotMatch(setCookie, /Secure/i, 'plain HTTP: no Secure flag, or the browser would drop it');
      const cookie = setCookie.split(';')[0];
      const me = await fetch(`${receiver.url}/api/me`, { headers: { cookie } });
      assert.equal(me.status, 200);
      assert.deepEqual(await me.json(), { email: OWNER.email, smtp: false });

      // A second receiver on the same store (another process behind the proxy, or after a restart).
      const other = await useReceiver(t, kind, { location: receiver.location });
      const there = await fetch(`${other.url}/api/me`, { headers: { cookie } });
      assert.equal(there.status, 200);
    });

    test('the cookie is Secure behind an HTTPS proxy with --trust-proxy', async (t) => {
      const receiver = await useReceiver(t, kind, { trustProxy: true });
      await addOwner(receiver.location, OWNER.email, OWNER.password);
      const response = await signIn(receiver.url, OWNER, {
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'feedback.shop.example',
        origin: 'https://feedback.shop.example',
      });
      assert.equal(response.status, 204);
      const setCookie = response.headers.getSetCookie()[0];
      assert.match(setCookie, /;\s*Secure/i);
      assert.match(setCookie, /SameSite=Strict/i);
    });

    test('a wrong password is 401 and signs nobody in', async (t) => {
      const receiver = await useReceiver(t, kind);
      await addOwner(receiver.location, OWNER.email, OWNER.password);
      const response = await signIn(receiver.url, { email: OWNER.email, password: 'wrong password!' });
      assert.equal(response.status, 401);
      assert.equal(response.headers.getSetCookie().length, 0);
      const nobody = await signIn(receiver.url, { email: 'nobody@shop.example', password: OWNER.password });
      assert.equal(nobody.status, 401);
      assert.equal((await nobody.json()).error, 'wrong e-mail address or password');
    });

    test('a changing request with the cookie needs the receiver\'s own Origin; a token does not', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      const settings = { body: { digest: 'daily' }, method: 'PATCH' };
      assert.equal((await owner('/api/settings', { ...settings, headers: { origin: 'https://evil.example' } })).status, 403);
      const noOrigin = await owner('/api/settings', { ...settings, headers: { origin: '' } });
      assert.equal(noOrigin.status, 403);
      assert.equal((await owner('/api/settings')).status, 200, 'reading needs no Origin');
      assert.equal((await owner('/api/settings', settings)).status, 200);

      const token = await withToken(receiver);
      const byToken = await token('/api/settings', { method: 'PATCH', body: { digest: 'off' } });
      assert.equal(byToken.status, 200);
      assert.equal((await byToken.json()).digest, 'off');
    });

    test('a sign-in form posted from another site is refused', async (t) => {
      const receiver = await useReceiver(t, kind);
      await addOwner(receiver.location, OWNER.email, OWNER.password);
      const response = await signIn(receiver.url, OWNER, { origin: 'https://evil.example' });
      assert.equal(response.status, 403);
    });

    test('a token works, and /api/me says it is not a person', async (t) => {
      const receiver = await useReceiver(t, kind);
      const token = await withToken(receiver, 'zapier');
      const me = await token('/api/me');
      assert.equal(me.status, 200);
      assert.deepEqual(await me.json(), { email: null, smtp: false });
      assert.equal((await token('/api/answers')).status, 200);
    });

    test('signing out closes the API to that cookie', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      assert.equal((await owner('/api/me')).status, 200);
      const out = await owner('/api/session', { method: 'DELETE' });
      assert.equal(out.status, 204);
      assert.match(out.headers.getSetCookie().join('\n'), /feedback_session=;/);
      assert.equal((await owner('/api/me')).status, 401);
    });
  });
}

describe('sign-in throttle', () => {
  test('failures are slowed, then refused with 429, Retry-After and {error, retryAfter}; per account', async (t) => {
    const receiver = await useReceiver(t, 'sqlite', { signInThrottle: FAST_THROTTLE, trustProxy: true });
    await addOwner(receiver.location, OWNER.email, OWNER.password);
    const attempt = (password, address) =>
      signIn(receiver.url, { email: OWNER.email, password }, { 'x-forwarded-for': address });
    for (let i = 0; i < FAST_THROTTLE.maxFailures; i++) {
      // a different address each time: the account's own count is what refuses
      assert.equal((await attempt('wrong password!', `198.51.100.${i}`)).status, 401);
    }
    const refused = await attempt(OWNER.password, '198.51.100.99');
    assert.equal(refused.status, 429, 'even the right password is refused while locked');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60);
    const body = await refused.json();
    assert.equal(body.retryAfter, retryAfter);
    assert.match(body.error, /too many failed sign-ins/);
  });

  test('per address: one address trying many accounts is refused', async (t) => {
    const receiver = await useReceiver(t, 'sqlite', { signInThrottle: FAST_THROTTLE });
    await addOwner(receiver.location, OWNER.email, OWNER.password);
    for (let i = 0; i < FAST_THROTTLE.maxFailures; i++) {
      assert.equal((await signIn(receiver.url, { email: `guess${i}@shop.example`, password: 'wrong password!' })).status, 401);
    }
    assert.equal((await signIn(receiver.url, OWNER)).status, 429);
  });

  test('the lockout ends when the window has passed (clock moved)', async (t) => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const receiver = await useReceiver(t, 'sqlite', { signInThrottle: FAST_THROTTLE, now: () => new Date(now) });
    await addOwner(receiver.location, OWNER.email, OWNER.password);
    for (let i = 0; i < FAST_THROTTLE.maxFailures; i++) await signIn(receiver.url, { email: OWNER.email, password: 'wrong password!' });
    assert.equal((await signIn(receiver.url, OWNER)).status, 429);
    now += FAST_THROTTLE.windowMs;
    assert.equal((await signIn(receiver.url, OWNER)).status, 204);
  });

  test('the attempts after the free ones are slowed: a later, unthrottled sign-in is answered first', async (t) => {
    const slow = { freeFailures: 1, maxFailures: 10, windowMs: 60_000, baseDelayMs: 1500, maxDelayMs: 1500 };
    const receiver = await useReceiver(t, 'sqlite', { signInThrottle: slow, trustProxy: true });
    await addOwner(receiver.location, OWNER.email, OWNER.password);
    const wrong = (email, address) => signIn(receiver.url, { email, password: 'wrong password!' }, { 'x-forwarded-for': address });
    assert.equal((await wrong(OWNER.email, '198.51.100.1')).status, 401);
    const order = [];
    // Both cost one password check; only the first is held back by the throttle.
    const throttled = wrong(OWNER.email, '198.51.100.1').then((r) => order.push(`throttled ${r.status}`));
    const fresh = wrong('someone@shop.example', '198.51.100.2').then((r) => order.push(`fresh ${r.status}`));
    await Promise.all([throttled, fresh]);
    assert.deepEqual(order, ['fresh 401', 'throttled 401']);
  });
});
