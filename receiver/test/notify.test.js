// Being told: signed webhooks (verified by a receiving server, retried under the same webhook-id, never
// delaying the 201), an e-mail per answer, the daily digest, and replies through SMTP.
import assert from 'node:assert/strict';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { describe, test } from 'node:test';
import { signedIn, postAnswer, storeAnswers, useReceiver, wireAnswer } from './support/server.js';
import { useSmtp } from './support/smtp.js';

const SECRET_KEY = randomBytes(32);
const SECRET = `whsec_${SECRET_KEY.toString('base64')}`;

/** A webhook endpoint on 127.0.0.1; `respond(request, body, response)` decides each answer. */
async function useWebhookServer(t, respond) {
  const requests = [];
  const arrivals = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), response };
      requests.push(entry);
      arrivals.shift()?.(entry);
      respond(entry, requests.length);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  let seen = 0;
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks/feedback`,
    requests,
    nextRequest: () => (seen < requests.length ? Promise.resolve(requests[seen++]) : new Promise((resolve) => arrivals.push(() => resolve(requests[seen++])))),
  };
}

/** What a webhook consumer does (Standard Webhooks): recompute the signature, compare in constant time. */
function verify({ headers, body }) {
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const expected = Buffer.from(createHmac('sha256', SECRET_KEY).update(signed).digest('base64'));
  return headers['webhook-signature'].split(' ').some((part) => {
    const [version, signature] = part.split(',');
    const given = Buffer.from(signature ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('webhooks', () => {
  test('each stored answer is POSTed, signed; a failure is retried under the same webhook-id', async (t) => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const hook = await useWebhookServer(t, ({ response }, count) => response.writeHead(count === 1 ? 500 : 204).end());
    const receiver = await useReceiver(t, 'sqlite', { webhook: hook.url, webhookSecret: SECRET, now: () => new Date(now), outboxPollMs: 60_000 });
    const answer = wireAnswer({ rating: 3 });
    assert.equal((await postAnswer(receiver.url, answer)).status, 201);

    const first = await hook.nextRequest();
    assert.ok(verify(first), 'the signature verifies with the shared secret');
    assert.equal(first.headers['content-type'], 'application/json');
    assert.equal(first.headers['webhook-id'], `msg_${answer.id}`);
    assert.equal(first.headers['webhook-timestamp'], String(Math.floor(now / 1000)));
    const payload = JSON.parse(first.body);
    assert.equal(payload.type, 'answer.created');
    assert.equal(payload.data.id, answer.id);
    assert.equal(payload.data.rating, 3);
    assert.ok(payload.data.receivedAt);
    assert.equal(verify({ ...first, body: first.body.replace('"rating":3', '"rating":5') }), false, 'a changed body does not verify');

    await receiver.flushOutbox(); // the failed attempt has been scheduled for a retry
    now += 60 * 60 * 1000;
    await receiver.flushOutbox();
    const second = await hook.nextRequest();
    assert.equal(second.headers['webhook-id'], first.headers['webhook-id']);
    assert.equal(second.body, first.body);
    assert.equal(second.headers['webhook-timestamp'], String(Math.floor(now / 1000)));
    assert.ok(verify(second));
    await receiver.flushOutbox();
    assert.equal(hook.requests.length, 2, 'delivered: not sent again');
  });

  test('an answer deleted before its webhook went out is not sent on retry', async (t) => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const hook = await useWebhookServer(t, ({ response }) => response.writeHead(503).end());
    const receiver = await useReceiver(t, 'sqlite', { webhook: hook.url, webhookSecret: SECRET, now: () => new Date(now), outboxPollMs: 60_000 });
    const answer = wireAnswer({ email: 'erase-me@example.com' });
    await postAnswer(receiver.url, answer);
    await hook.nextRequest();
    await receiver.flushOutbox();
    assert.equal(await receiver.store.eraseByEmail('erase-me@example.com'), 1);
    now += 60 * 60 * 1000;
    await receiver.flushOutbox();
    assert.equal(hook.requests.length, 1);
  });

  test('a hanging webhook does not delay the 201 of the next answer', async (t) => {
    // never answers: the requests stay open until the test ends
    const hook = await useWebhookServer(t, () => {});
    const receiver = await useReceiver(t, 'sqlite', { webhook: hook.url, webhookSecret: SECRET });
    assert.equal((await postAnswer(receiver.url, wireAnswer())).status, 201);
    const hanging = await hook.nextRequest();
    const response = await postAnswer(receiver.url, wireAnswer());
    assert.equal(response.status, 201);
    assert.equal(hanging.response.headersSent, false, 'the 201 came while the webhook had not answered');
  });

  test('--webhook without a secret stops the start, naming the flag', async (t) => {
    await assert.rejects(useReceiver(t, 'sqlite', { webhook: 'https://hooks.example/x' }), /--webhook needs --webhook-secret/);
    await assert.rejects(useReceiver(t, 'sqlite', { webhook: 'https://hooks.example/x', webhookSecret: 'whsec_short' }), /--webhook-secret .*whsec_/);
  });
});

describe('e-mail', () => {
  test('an e-mail per new answer to the notify address', async (t) => {
    const smtp = await useSmtp(t);
    const receiver = await useReceiver(t, 'sqlite', { smtp: smtp.url, notifyEmail: 'owner@shop.example', mailFrom: 'feedback@shop.example' });
    const answer = wireAnswer({ answer: 'The parcel\r\nBcc: victim@example.com arrived broken', email: 'ann@example.com', topic: 'delivery', rating: 2 });
    await postAnswer(receiver.url, answer);
    const message = await smtp.nextMessage();
    assert.deepEqual(message.to, ['owner@shop.example']);
    assert.equal(message.from, 'feedback@shop.example');
    assert.match(message.headers.subject, /New feedback \(shop-42\): The parcel Bcc: victim@example\.com arrived broken/);
    assert.equal(message.headers.bcc, undefined, 'customer text cannot add a header');
    assert.match(message.text, /Page: https:\/\/shop\.example\/cart/);
    assert.match(message.text, /Rating: 2 of 5/);
    assert.match(message.text, /E-mail: ann@example\.com/);
    assert.match(message.headers['content-type'], /text\/plain/);
  });

  test('daily digest: nothing per answer, then one e-mail with all of them at the digest time', async (t) => {
    const smtp = await useSmtp(t);
    let now = new Date(2026, 10, 22, 10, 0).getTime(); // local time: digests go at 08:00 server time
    const receiver = await useReceiver(t, 'sqlite', {
      smtp: smtp.url, notifyEmail: 'owner@shop.example', digest: 'daily', now: () => new Date(now), outboxPollMs: 60_000,
    });
    await storeAnswers(receiver.url, [wireAnswer({ answer: 'first of the day' }), wireAnswer({ answer: 'second of the day' })]);
    await receiver.flushOutbox();
    assert.equal(smtp.messages.length, 0, 'parked until the digest');
    now = new Date(2026, 10, 23, 8, 1).getTime();
    await receiver.flushOutbox();
    const digest = await smtp.nextMessage();
    assert.match(digest.headers.subject, /Feedback digest: 2 new answers/);
    assert.match(digest.text, /first of the day/);
    assert.match(digest.text, /second of the day/);
    await receiver.flushOutbox();
    assert.equal(smtp.messages.length, 1);
  });

  test('reply through SMTP: to the customer, Reply-To the owner, recorded, marked handled', async (t) => {
    const smtp = await useSmtp(t);
    const receiver = await useReceiver(t, 'sqlite', { smtp: smtp.url, mailFrom: 'feedback@shop.example' });
    const owner = await signedIn(receiver);
    assert.deepEqual(await (await owner('/api/me')).json(), { email: 'owner@shop.example', smtp: true });
    const [answer, anonymous] = await storeAnswers(receiver.url, [wireAnswer({ email: 'ann@example.com' }), wireAnswer()]);

    const response = await owner(`/api/answers/${answer.id}/reply`, { method: 'POST', body: { subject: 'About your parcel', body: 'Sorry! A new one is on its way.' } });
    assert.equal(response.status, 200);
    const updated = await response.json();
    assert.equal(updated.status, 'handled');
    assert.equal(updated.replies.length, 1);
    assert.deepEqual({ ...updated.replies[0], at: 'x' }, { by: 'owner@shop.example', at: 'x', via: 'smtp', subject: 'About your parcel', body: 'Sorry! A new one is on its way.' });
    const mail = await smtp.nextMessage();
    assert.deepEqual(mail.to, ['ann@example.com']);
    assert.equal(mail.from, 'feedback@shop.example');
    assert.match(mail.headers['reply-to'], /owner@shop\.example/);
    assert.equal(mail.headers.subject, 'About your parcel');
    assert.match(mail.text, /Sorry! A new one is on its way\./);

    // mailto: recorded only; the next message the server gets is the following SMTP reply
    const viaMailto = await owner(`/api/answers/${answer.id}/reply`, { method: 'POST', body: { subject: 'Also', body: 'Sent from my mail app', via: 'mailto' } });
    assert.equal((await viaMailto.json()).replies.length, 2);
    await owner(`/api/answers/${answer.id}/reply`, { method: 'POST', body: { subject: 'Third', body: 'third' } });
    assert.equal((await smtp.nextMessage()).headers.subject, 'Third');

    const noAddress = await owner(`/api/answers/${anonymous.id}/reply`, { method: 'POST', body: { subject: 'Hi', body: 'there' } });
    assert.equal(noAddress.status, 400);
    assert.match((await noAddress.json()).error, /no e-mail address/);
    const badSubject = await owner(`/api/answers/${answer.id}/reply`, { method: 'POST', body: { subject: 'Hi\r\nBcc: x@example.com', body: 'there' } });
    assert.equal(badSubject.status, 400);
    assert.match((await badSubject.json()).error, /"subject" must be one line/);
  });

  test('reply when the mail server is down: 503, nothing recorded', async (t) => {
    const smtp = await useSmtp(t);
    const receiver = await useReceiver(t, 'sqlite', { smtp: 'smtp://127.0.0.1:9', mailFrom: 'feedback@shop.example' });
    assert.ok(smtp);
    const owner = await signedIn(receiver);
    const [answer] = await storeAnswers(receiver.url, [wireAnswer({ email: 'ann@example.com' })]);
    const response = await owner(`/api/answers/${answer.id}/reply`, { method: 'POST', body: { subject: 'Hi', body: 'there' } });
    assert.equal(response.status, 503);
    const stored = await receiver.store.get(answer.id);
    assert.deepEqual(stored.replies, []);
    assert.equal(stored.status, 'new');
  });

  test('without SMTP a reply is recorded as sent by mailto:', async (t) => {
    const receiver = await useReceiver(t, 'sqlite');
    const owner = await signedIn(receiver);
    const [answer] = await storeAnswers(receiver.url, [wireAnswer({ email: 'ann@example.com' })]);
    const response = await owner(`/api/answers/${answer.id}/reply`, { method: 'POST', body: { subject: 'Hi', body: 'there' } });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).replies[0].via, 'mailto');
    const forced = await owner(`/api/answers/${answer.id}/reply`, { method: 'POST', body: { subject: 'Hi', body: 'there', via: 'smtp' } });
    assert.equal(forced.status, 400);
    assert.match((await forced.json()).error, /without --smtp/);
  });
});
