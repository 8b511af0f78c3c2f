// `npm start`'s server (demo/server.js): the shop's files, and the real receiver beside it that takes
// the shop's answers, refuses other origins, and lets the printed demo owner read them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startDemo } from '../../demo/server.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-demo-test-'));
const logged = [];
const start = () => startDemo({ port: 0, receiverPort: 0, dataDir, allowedOrigins: [], log: (line) => logged.push(line) });
let demo;
before(async () => {
  demo = await start();
});
after(async () => {
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const shopOrigin = () => new URL(demo.shop).origin;
const answerFrom = (origin, text) => ({
  id: randomUUID(), version: 1, site: 'kettle-and-crumb', answer: text, email: null, rating: 4, topic: 'Products',
  lang: 'en', page: `${origin}/`, createdAt: new Date().toISOString(), context: { pageType: 'home' },
});
const post = (answer, origin) =>
  fetch(demo.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': answer.id, origin },
    body: JSON.stringify(answer),
  });
const listAnswers = async (token) => {
  const res = await fetch(`${demo.receiver}/api/answers`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  return (await res.json()).answers;
};

test('the shop and the configurator are served compressed, and their widget posts to the receiver', async () => {
  for (const [page, endpoint] of [[demo.shop, /<feedback-prompt endpoint="([^"]+)"/], [demo.configurator, /<feedback-prompt endpoint="([^"]+)"/]]) {
    const res = await fetch(page, { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.status, 200, page);
    assert.equal(res.headers.get('content-encoding'), 'br', page);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    // The pages name the receiver's fixed demo port; the test's receiver is on a free one.
    assert.equal(new URL(endpoint.exec(await res.text())[1]).pathname, '/answers');
  }
  const script = await fetch(new URL('/dist/feedback-prompt.js', demo.shop));
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type'), /javascript/);
  assert.equal((await fetch(new URL('/demo/shop.css', demo.shop))).status, 200);
});

test('nothing outside demo/ and dist/ is served: not the answers, the sources or dot-files', async () => {
  for (const url of ['/package.json', '/.demo-data/answers.sqlite', '/demo/../package.json', '/demo/%2e%2e/package.json', '/.git/config', '/receiver/src/index.ts']) {
    const res = await fetch(new URL(url, demo.shop));
    assert.equal(res.status, 404, url);
    await res.arrayBuffer();
  }
});

test('an answer from the shop is stored once and listed with the demo token; other origins are refused', async () => {
  const answer = answerFrom(shopOrigin(), 'More oolong, please');
  const stored = await post(answer, shopOrigin());
  assert.equal(stored.status, 201);
  assert.equal(stored.headers.get('access-control-allow-origin'), shopOrigin());
  assert.equal((await post(answer, shopOrigin())).status, 409);
  const foreign = await post(answerFrom('https://other.example', 'spam'), 'https://other.example');
  assert.equal(foreign.status, 403);
  // The demo's console says which origin was refused and how to allow it.
  assert.ok(logged.some((line) => line.includes('https://other.example') && /allowed-origins|ALLOWED_ORIGINS/.test(line)), logged.join('\n'));

  const listed = (await listAnswers(demo.signIn.token)).filter((a) => a.id === answer.id);
  assert.equal(listed.length, 1);
  assert.equal(listed[0].answer, 'More oolong, please');
  assert.equal((await listAnswers(demo.signIn.token)).some((a) => a.answer === 'spam'), false);
  // Nothing unauthenticated lists answers.
  assert.equal((await fetch(`${demo.receiver}/api/answers`)).status, 401);
});

test('the printed demo sign-in opens the inbox, and survives a restart with the answers', async () => {
  assert.equal(demo.signIn.email, 'owner@demo.shop');
  assert.ok(demo.signIn.password.length >= 10);
  const signIn = await fetch(`${demo.receiver}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(demo.receiver).origin },
    body: JSON.stringify({ email: demo.signIn.email, password: demo.signIn.password }),
  });
  assert.equal(signIn.status, 204, await signIn.text());
  assert.match(signIn.headers.get('set-cookie') ?? '', /HttpOnly/i);
  assert.equal((await fetch(demo.inbox)).status, 200);

  const before = demo.signIn;
  const answer = answerFrom(shopOrigin(), 'Kept across a restart');
  assert.equal((await post(answer, shopOrigin())).status, 201);
  await demo.close();
  demo = await start();
  assert.deepEqual(demo.signIn, before);
  assert.ok((await listAnswers(demo.signIn.token)).some((a) => a.id === answer.id));
});

test('a busy receiver port stops the start with a message that says why', async () => {
  const blocker = net.createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const busy = blocker.address().port;
  const otherData = mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-demo-busy-'));
  try {
    await assert.rejects(
      startDemo({ port: 0, receiverPort: busy, dataDir: otherData, allowedOrigins: [], log: () => {} }),
      new RegExp(`port ${busy} is in use, and the demo shop sends its answers there`),
    );
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
    rmSync(otherData, { recursive: true, force: true });
  }
});
