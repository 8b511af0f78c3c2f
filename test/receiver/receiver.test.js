// The demo receiver against SPEC.md "The answer on the wire": statuses the widget's delivery
// table relies on (201 / 409 delivered, other 4xx never retried), dedupe, CORS and durability.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ALLOWED, answer, lines, post, raw, startReceiver, tempDir } from './helpers.js';

test('a valid answer is stored once: 201 and one line in the file', async (t) => {
  const { url, file } = await startReceiver(t);
  const body = answer({ rating: 4, topic: 'delivery', email: 'a@b.example', context: { order: 'A-1' } });
  const res = await post(url, body, { 'Idempotency-Key': body.id });
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { id: body.id });
  const stored = (await lines(file)).map((line) => JSON.parse(line));
  assert.equal(stored.length, 1);
  const { receivedAt, ...rest } = stored[0];
  assert.deepEqual(rest, body);
  assert.ok(!Number.isNaN(Date.parse(receivedAt)));
});

test('the same id again answers 409 duplicate and writes nothing', async (t) => {
  const { url, file } = await startReceiver(t);
  const body = answer();
  assert.equal((await post(url, body)).status, 201);
  const again = await post(url, body, { 'Idempotency-Key': body.id });
  assert.equal(again.status, 409);
  assert.deepEqual(await again.json(), { id: body.id, status: 'duplicate' });
  assert.equal((await lines(file)).length, 1);
});

test('concurrent POSTs of one id store exactly one record', async (t) => {
  const { url, file, receiver } = await startReceiver(t);
  const body = answer();
  const statuses = (await Promise.all(Array.from({ length: 5 }, () => post(url, body)))).map((res) => res.status);
  assert.deepEqual(statuses.sort(), [201, 409, 409, 409, 409]);
  assert.equal((await lines(file)).length, 1);
  assert.equal(receiver.records().length, 1);
});

test('invalid JSON is refused with 400 saying so', async (t) => {
  const { url, file } = await startReceiver(t);
  const res = await post(url, '{"id": "abc",');
  assert.equal(res.status, 400);
  assert.match((await res.json()).error, /invalid JSON/);
  assert.equal((await lines(file)).length, 0);
});

test('a missing or invalid field is refused with 400 naming the field', async (t) => {
  const { url, file } = await startReceiver(t);
  const { answer: _omitted, ...noAnswer } = answer();
  const cases = [
    ['answer', noAnswer],
    ['answer', answer({ answer: ' \n\t ' })],
    ['id', answer({ id: 'not-a-uuid' })],
    ['version', answer({ version: 2 })],
    ['site', answer({ site: 42 })],
    ['email', answer({ email: false })],
    ['rating', answer({ rating: 6 })],
    ['rating', answer({ rating: 2.5 })],
    ['topic', answer({ topic: ['a'] })],
    ['lang', answer({ lang: null })],
    ['page', answer({ page: 'javascript:alert(1)' })],
    ['createdAt', answer({ createdAt: 'yesterday' })],
    ['context', answer({ context: [] })],
    ['context', answer({ context: null })],
  ];
  for (const [field, body] of cases) {
    const res = await post(url, body);
    assert.equal(res.status, 400, `${field}: ${JSON.stringify(body[field])}`);
    assert.match((await res.json()).error, new RegExp(`"${field}"`));
  }
  const notObject = await post(url, '[1, 2]');
  assert.equal(notObject.status, 400);
  assert.match((await notObject.json()).error, /object/);
  assert.equal((await lines(file)).length, 0);
});

test('a body over maxBytes answers 413 and is not stored', async (t) => {
  const { base, url, file } = await startReceiver(t, { maxBytes: 1024 });
  const res = await post(url, answer({ answer: 'x'.repeat(2000) }));
  assert.equal(res.status, 413);
  assert.match((await res.json()).error, /1024 bytes/);

  // Without a Content-Length the receiver must stop at the limit while the body streams in.
  const streamed = await raw(base, '/answers', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    body: (req) => {
      req.write(`{"answer": "${'y'.repeat(4096)}`);
      req.end(`${'z'.repeat(4096)}"}`);
    },
  });
  assert.equal(streamed.status, 413);
  assert.equal((await lines(file)).length, 0);
  assert.equal((await post(url, answer())).status, 201, 'still answering afterwards');
});

test('a Content-Type other than application/json answers 415', async (t) => {
  const { url } = await startReceiver(t);
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(answer()) });
  assert.equal(res.status, 415);
  assert.match((await res.json()).error, /application\/json/);
  const withCharset = await post(url, answer(), { 'Content-Type': 'application/json; charset=utf-8' });
  assert.equal(withCharset.status, 201);
});

test('an Idempotency-Key that differs from the body id answers 400', async (t) => {
  const { url, file } = await startReceiver(t);
  const res = await post(url, answer(), { 'Idempotency-Key': randomUUID() });
  assert.equal(res.status, 400);
  assert.match((await res.json()).error, /Idempotency-Key/);
  assert.equal((await lines(file)).length, 0);
});

test('a preflight from an allowed origin gets 204 and the CORS headers', async (t) => {
  const { url } = await startReceiver(t);
  const res = await fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
  });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
  assert.equal(res.headers.get('access-control-allow-methods'), 'POST, GET, OPTIONS');
  assert.equal(res.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key');
  assert.equal(res.headers.get('access-control-max-age'), '600');
  assert.match(res.headers.get('vary'), /Origin/);

  const created = await post(url, answer(), { Origin: ALLOWED });
  assert.equal(created.status, 201);
  assert.equal(created.headers.get('access-control-allow-origin'), ALLOWED);
});

test('allowedOrigins "*" answers any origin with *', async (t) => {
  const { url } = await startReceiver(t, { allowedOrigins: '*' });
  const res = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'https://anyone.example' } });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
});

test('a disallowed origin gets 403 with a clear message, and nothing is stored', async (t) => {
  const { url, file } = await startReceiver(t);
  const preflight = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
  assert.equal(preflight.status, 403);
  assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  assert.match(await preflight.text(), /https:\/\/evil\.example is not allowed/);
  const res = await post(url, answer(), { Origin: 'https://evil.example' });
  assert.equal(res.status, 403);
  assert.equal((await lines(file)).length, 0);
});

test('other methods answer 405 with Allow; other paths are left to the caller', async (t) => {
  const { base, url } = await startReceiver(t);
  const res = await fetch(url, { method: 'DELETE' });
  assert.equal(res.status, 405);
  assert.match(res.headers.get('allow'), /POST/);
  assert.equal((await fetch(`${base}/answers/x`)).status, 404);
  assert.equal((await fetch(`${base}/other`)).status, 404);
});

test('GET lists the stored answers newest first, with CORS headers', async (t) => {
  const { url } = await startReceiver(t);
  const sent = [answer({ answer: 'first' }), answer({ answer: 'second' }), answer({ answer: 'third' })];
  for (const body of sent) assert.equal((await post(url, body)).status, 201);
  const res = await fetch(`${url}?fresh=1`, { headers: { Origin: ALLOWED } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
  const list = await res.json();
  assert.deepEqual(list.map((record) => record.answer), ['third', 'second', 'first']);
});

test('stored answers survive a restart: the old id is still a duplicate', async (t) => {
  const first = await startReceiver(t);
  const body = answer();
  assert.equal((await post(first.url, body)).status, 201);
  await first.close();

  const second = await startReceiver(t, { dataDir: first.dataDir });
  assert.equal(second.receiver.records().length, 1);
  assert.equal((await post(second.url, body)).status, 409);
  assert.equal((await post(second.url, answer())).status, 201);
  assert.equal((await lines(second.file)).length, 2);
});

test('a corrupt line in the file is skipped with a log line, and appends still start on a new line', async (t) => {
  const dataDir = await tempDir(t);
  const good = { ...answer({ answer: 'kept' }), receivedAt: '2026-01-01T00:00:00.000Z' };
  const last = { ...answer({ answer: 'kept too' }), receivedAt: '2026-01-02T00:00:00.000Z' };
  await mkdir(dataDir, { recursive: true });
  // The last line lacks its newline, as after a crash mid-write.
  await writeFile(`${dataDir}/answers.jsonl`, `${JSON.stringify(good)}\n{"id": "broken\n${JSON.stringify(last)}`);

  const { url, file, receiver, logs } = await startReceiver(t, { dataDir });
  assert.deepEqual(receiver.records().map((record) => record.answer), ['kept too', 'kept']);
  assert.ok(logs.some((line) => /line 2/.test(line)), logs.join('\n'));
  assert.equal((await post(url, good)).status, 409);
  assert.equal((await post(url, answer({ answer: 'new' }))).status, 201);
  const stored = await lines(file);
  assert.equal(stored.length, 4);
  assert.equal(JSON.parse(stored[3]).answer, 'new');
  assert.equal(JSON.parse(stored[2]).answer, 'kept too');
});

test('when the answer cannot be written it answers 503 with Retry-After, so the widget retries', async (t) => {
  const { url, logs, dataDir } = await startReceiver(t);
  // A file where the data folder should be, from now on: every write fails.
  await rm(dataDir, { recursive: true });
  await writeFile(dataDir, '');
  const body = answer();
  const res = await post(url, body);
  assert.equal(res.status, 503);
  assert.ok(Number(res.headers.get('retry-after')) > 0);
  assert.equal((await post(url, body)).status, 503, 'not remembered as stored');
  assert.ok(logs.some((line) => line.includes(body.id)));
});
