// The demo server (`npm start`): static files that cannot escape the root, the page aliases,
// compression, and the receiver mounted at /answers for the server's own origins.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { startServer } from '../../demo/server.js';
import { answer, lines, post, raw, tempDir } from './helpers.js';

const PAGE = '<!doctype html><title>demo shop</title><p>demo shop page</p>';
const SECRET = 'top secret, outside the root';

/** A temp root holding demo/index.html, with a secret file next to (outside) it. */
async function start(t) {
  const dir = await tempDir(t, 'feedback-server-');
  const root = path.join(dir, 'site');
  await mkdir(path.join(root, 'demo'), { recursive: true });
  await writeFile(path.join(root, 'demo', 'index.html'), PAGE);
  await writeFile(path.join(root, 'demo', 'app.js'), `export const big = ${JSON.stringify('tea '.repeat(500))};\n`);
  await writeFile(path.join(root, '.env'), 'TOKEN=nope');
  await writeFile(path.join(dir, 'secret.txt'), SECRET);
  const running = await startServer({ port: 0, root, allowedOrigins: [], quiet: true });
  t.after(() => running.close());
  return { ...running, root, base: running.url.replace(/\/$/, '').replace('localhost', '127.0.0.1') };
}

test('serves / as the demo shop page, with a content type and no-cache', async (t) => {
  const { base } = await start(t);
  for (const pathname of ['/', '/demo/index.html']) {
    const res = await fetch(`${base}${pathname}`);
    assert.equal(res.status, 200, pathname);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(await res.text(), PAGE);
  }
  const js = await fetch(`${base}/demo/app.js`);
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal((await fetch(`${base}/demo/missing.js`)).status, 404);
});

test('refuses path traversal, raw or percent-encoded, and hidden files', async (t) => {
  const { base } = await start(t);
  const attempts = [
    '/../secret.txt',
    '/demo/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/demo/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/.env',
  ];
  for (const attempt of attempts) {
    const res = await raw(base, attempt);
    assert.ok([400, 403, 404].includes(res.status), `${attempt} answered ${res.status}`);
    assert.ok(!res.body.toString().includes(SECRET), `${attempt} leaked the file`);
    assert.ok(!res.body.toString().includes('TOKEN'), `${attempt} leaked .env`);
  }
});

test('compresses text with gzip or brotli when the client accepts it', async (t) => {
  const { base } = await start(t);
  const gz = await raw(base, '/demo/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gunzipSync(gz.body).toString(), /export const big/);
  const br = await raw(base, '/demo/app.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  const plain = await raw(base, '/demo/app.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.match(plain.body.toString(), /export const big/);
});

test('mounts the receiver at /answers for its own origins, and hides the stored data', async (t) => {
  const { base, url, root } = await start(t);
  const port = new URL(url).port;
  const body = answer();
  const res = await post(`${base}/answers`, body, { Origin: `http://localhost:${port}` });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('access-control-allow-origin'), `http://localhost:${port}`);
  assert.equal((await post(`${base}/answers`, answer(), { Origin: 'https://elsewhere.example' })).status, 403);
  assert.equal((await lines(path.join(root, 'demo', 'data', 'answers.jsonl'))).length, 1);
  assert.equal((await fetch(`${base}/demo/data/answers.jsonl`)).status, 404);
  const list = await (await fetch(`${base}/answers`)).json();
  assert.deepEqual(list.map((record) => record.id), [body.id]);
});
