// The storage contract, run against both stores: a real SQLite file in a temp dir and a real
// PostgreSQL database (support/postgres.js). Every test opens a fresh, empty store.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../dist/store/open.js';
import { StoreInputError, StoreUnavailableError } from '../dist/store/store.js';
import { postgresAvailable, postgresUrl } from './support/postgres.js';

const KINDS = ['sqlite', ...(postgresAvailable === true ? ['postgres'] : [])];

const START = Date.UTC(2026, 0, 1);
/** receivedAt of the n-th answer: one second apart, so the order is known */
const at = (seconds) => new Date(START + seconds * 1000).toISOString();

let serial = 0;
function wire(overrides = {}) {
  serial += 1;
  return {
    id: `answer-${serial}`,
    version: 1,
    site: 'shop.example',
    answer: `Answer number ${serial}`,
    email: null,
    rating: null,
    topic: null,
    lang: 'en',
    page: 'https://shop.example/',
    createdAt: at(0),
    context: {},
    ...overrides,
  };
}

const dirs = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh store of `kind`, plus what a second instance on the same database needs. */
async function open(t, kind, options = {}) {
  const data = mkdtempSync(path.join(os.tmpdir(), 'fp-store-'));
  dirs.push(data);
  const location = { data, databaseUrl: kind === 'postgres' ? await postgresUrl() : null };
  const opened = [];
  const openAnother = async (more = {}) => {
    const store = await openStore({ ...location, ...options, ...more });
    opened.push(store);
    return store;
  };
  const store = await openAnother();
  t.after(async () => {
    for (const each of opened) await each.close();
  });
  return { store, location, openAnother };
}

async function insertAll(store, answers, firstSecond = 0) {
  return Promise.all(answers.map((answer, index) => store.insert(answer, at(firstSecond + index), [])));
}

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

for (const kind of KINDS) {
  describe(`store contract: ${kind}`, () => {
    test('an answer is stored once: a second insert of its id is a duplicate and changes nothing', async (t) => {
      const { store } = await open(t, kind);
      const answer = wire({ email: 'Jo@Example.org', rating: 4, topic: 'delivery', context: { cart: { items: 2 } } });
      assert.equal(await store.insert(answer, at(5), []), 'stored');
      assert.equal(await store.insert({ ...answer, answer: 'changed' }, at(9), []), 'duplicate');
      assert.deepEqual(await store.get(answer.id), {
        ...answer,
        receivedAt: at(5),
        status: 'new',
        read: false,
        tags: [],
        note: '',
        replies: [],
      });
      assert.equal(await store.get('no-such-id'), null);
    });

    test('20 concurrent inserts of one id store one row and one outbox job', async (t) => {
      const { store } = await open(t, kind);
      const answer = wire();
      const job = { kind: 'webhook', payload: JSON.stringify({ id: answer.id }) };
      const results = await Promise.all(Array.from({ length: 20 }, () => store.insert(answer, at(1), [job])));
      assert.equal(results.filter((result) => result === 'stored').length, 1);
      assert.equal(results.filter((result) => result === 'duplicate').length, 19);
      assert.equal(await store.count({}), 1);
      const jobs = await store.claimJobs(at(10), at(70), 100);
      assert.equal(jobs.length, 1);
    });

    test('two instances on one database racing on one id store it once', async (t) => {
      const { store, openAnother } = await open(t, kind);
      const other = await openAnother();
      const answer = wire();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 ? other : store).insert(answer, at(1), [])),
      );
      assert.equal(results.filter((result) => result === 'stored').length, 1);
      assert.equal(await other.count({}), 1);
    });

    test('concurrent inserts share commits (group commit), and each resolves only after its commit', async (t) => {
      const commits = [];
      const { store, openAnother } = await open(t, kind, { onCommit: (size) => commits.push(size) });
      const answers = Array.from({ length: 50 }, () => wire());
      const committedWhenResolved = [];
      await Promise.all(
        answers.map((answer, index) =>
          store.insert(answer, at(index), []).then(() => committedWhenResolved.push(commits.reduce((a, b) => a + b, 0))),
        ),
      );
      assert.equal(commits.reduce((a, b) => a + b, 0), 50, 'every answer went through a commit');
      assert.ok(commits.length < 50, `50 concurrent inserts took ${commits.length} commits`);
      assert.ok(committedWhenResolved.every((committed) => committed > 0));
      // Visible to another connection as soon as insert() resolved: committed, not just buffered.
      const other = await openAnother({ onCommit: undefined });
      assert.equal(await other.count({}), 50);

      // Awaited one after another, nothing is waiting to join: one commit each.
      commits.length = 0;
      for (let index = 0; index < 3; index++) await store.insert(wire(), at(100 + index), []);
      assert.deepEqual(commits, [1, 1, 1]);
    });

    test('a duplicate inside one batch: the first copy is stored, the others are duplicates', async (t) => {
      const commits = [];
      const { store } = await open(t, kind, { onCommit: (size) => commits.push(size) });
      const answer = wire();
      const results = await Promise.all([
        store.insert(wire(), at(0), []),
        store.insert(answer, at(1), []),
        store.insert(answer, at(2), []),
      ]);
      assert.deepEqual(commits, [3]);
      assert.deepEqual(results, ['stored', 'stored', 'duplicate']);
      assert.equal((await store.get(answer.id)).receivedAt, at(1));
    });

    test('lists newest first (ties by id), pages by cursor without gaps or repeats', async (t) => {
      const { store } = await open(t, kind);
      const answers = Array.from({ length: 7 }, (_, index) => wire({ id: `page-${index}` }));
      await insertAll(store, answers.slice(0, 5));
      // two answers received in the same millisecond as the newest: ordered by id, descending
      await store.insert(answers[5], at(4), []);
      await store.insert(answers[6], at(4), []);
      const expected = ['page-6', 'page-5', 'page-4', 'page-3', 'page-2', 'page-1', 'page-0'];
      const seen = [];
      let cursor = null;
      let pages = 0;
      do {
        const page = await store.list({}, 3, cursor);
        seen.push(...page.answers.map((answer) => answer.id));
        cursor = page.next;
        pages += 1;
      } while (cursor !== null);
      assert.deepEqual(seen, expected);
      assert.equal(pages, 3);
      const exact = await store.list({}, 7, null);
      assert.equal(exact.answers.length, 7);
      assert.equal(exact.next, null, 'no next page when the last row was on this one');
      assert.deepEqual((await store.list({}, 100, null)).answers.map((answer) => answer.id), expected);
    });

    test('a cursor or a time that is not one is refused (as a rejection), naming the field', async (t) => {
      const { store } = await open(t, kind);
      for (const bad of ['garbage', Buffer.from('["x"]').toString('base64url'), Buffer.from('["not a date","a"]').toString('base64url')]) {
        await assert.rejects(store.list({}, 10, bad), (error) => error instanceof StoreInputError && error.field === 'cursor');
      }
      await assert.rejects(store.list({ since: 'yesterday' }, 10, null), (error) => error instanceof StoreInputError && error.field === 'since');
      const refused = store.insert(wire(), 'not a time', []);
      await assert.rejects(refused, (error) => error instanceof StoreInputError && error.field === 'receivedAt');
    });

    test('every filter narrows the list and the count, and filters combine', async (t) => {
      const { store } = await open(t, kind);
      const cart = 'https://a.example/cart';
      const a = wire({ site: 'a.example', topic: 'delivery', lang: 'nl', rating: 5, email: 'Ann@Example.org', page: cart });
      const b = wire({ site: 'b.example', topic: 'price', lang: 'en', rating: 2, page: 'https://a.example/cart/items' });
      const c = wire({ site: 'a.example', topic: 'price', lang: 'de', rating: 2, email: 'carl@example.org', page: cart });
      await insertAll(store, [a, b, c]);
      await store.update(b.id, { status: 'spam', tags: ['later'] });
      await store.update(c.id, { status: 'handled', tags: ['later', 'vip'] });
      const ids = async (filter) => {
        const { answers } = await store.list(filter, 50, null);
        assert.equal(await store.count(filter), answers.length, `count agrees with list for ${JSON.stringify(filter)}`);
        return answers.map((answer) => answer.id);
      };
      assert.deepEqual(await ids({}), [c.id, b.id, a.id]);
      assert.deepEqual(await ids({ status: 'new' }), [a.id]);
      assert.deepEqual(await ids({ status: 'spam' }), [b.id]);
      assert.deepEqual(await ids({ site: 'a.example' }), [c.id, a.id]);
      assert.deepEqual(await ids({ topic: 'price' }), [c.id, b.id]);
      assert.deepEqual(await ids({ lang: 'nl' }), [a.id]);
      assert.deepEqual(await ids({ rating: 2 }), [c.id, b.id]);
      assert.deepEqual(await ids({ page: cart }), [c.id, a.id]);
      assert.deepEqual(await ids({ page: 'https://a.example/Cart' }), [], 'a page matches exactly, not by case or prefix');
      assert.deepEqual(await ids({ page: 'https://a.example/' }), []);
      assert.deepEqual(await ids({ page: cart, rating: 5 }), [a.id]);
      assert.deepEqual(await ids({ tag: 'later' }), [c.id, b.id]);
      assert.deepEqual(await ids({ tag: 'vip' }), [c.id]);
      assert.deepEqual(await ids({ tag: 'none' }), []);
      assert.deepEqual(await ids({ hasEmail: true }), [c.id, a.id]);
      assert.deepEqual(await ids({ hasEmail: false }), [b.id]);
      assert.deepEqual(await ids({ email: ' ann@example.ORG ' }), [a.id]);
      assert.deepEqual(await ids({ since: at(1) }), [c.id, b.id]);
      assert.deepEqual(await ids({ until: at(1) }), [a.id]);
      assert.deepEqual(await ids({ since: at(1), until: at(2) }), [b.id]);
      assert.deepEqual(await ids({ site: 'a.example', rating: 2, tag: 'later', status: 'handled' }), [c.id]);
      assert.deepEqual(await ids({ site: 'b.example', lang: 'nl' }), []);
    });

    test('full-text search: words as prefixes, all words required, syntax harmless, combined with filters and paging', async (t) => {
      const { store } = await open(t, kind);
      const late = wire({ answer: 'The delivery was late again', topic: 'delivery' });
      const broken = wire({ answer: 'Parcel arrived broken, delivery driver was rude', topic: 'delivery', rating: 1 });
      const german = wire({ answer: 'Die Lieferung war schnell und günstig', lang: 'de' });
      const other = wire({ answer: 'Please add more colours', topic: 'range' });
      await insertAll(store, [late, broken, german, other]);
      const search = async (q, filter = {}) => (await store.list({ ...filter, q }, 50, null)).answers.map((a) => a.id);
      assert.deepEqual(await search('delivery'), [broken.id, late.id]);
      assert.deepEqual(await search('DELIV'), [broken.id, late.id], 'case-insensitive prefix');
      assert.deepEqual(await search('delivery late'), [late.id], 'every word must match');
      assert.deepEqual(await search('günstig'), [german.id]);
      assert.deepEqual(await search('lieferung'), [german.id]);
      assert.deepEqual(await search('nothing-like-this'), []);
      assert.deepEqual(await search('delivery', { rating: 1 }), [broken.id], 'search and a filter combine');
      assert.deepEqual(await search('colours', { topic: 'delivery' }), []);
      for (const syntax of ['"late', 'late*', '(late', "late'", 'late & | !', '-late', 'late:*', '^late']) {
        assert.deepEqual(await search(syntax), [late.id], `${syntax} is a plain word`);
      }
      assert.deepEqual(await search('late OR colours'), [], 'OR is a word, not an operator');
      assert.equal(await store.count({ q: 'delivery' }), 2);
      const first = await store.list({ q: 'was', topic: 'delivery' }, 1, null);
      assert.deepEqual(first.answers.map((a) => a.id), [broken.id]);
      const second = await store.list({ q: 'was', topic: 'delivery' }, 1, first.next);
      assert.deepEqual(second.answers.map((a) => a.id), [late.id]);
      assert.equal(second.next, null);
    });

    test('a tag or a search pages the same whether it matches few answers or many (both query plans)', async (t) => {
      const pagesOf = async (store, filter) => {
        const ids = [];
        let cursor = null;
        do {
          const page = await store.list(filter, 2, cursor);
          ids.push(...page.answers.map((a) => a.id));
          cursor = page.next;
        } while (cursor !== null);
        return ids;
      };
      const answers = Array.from({ length: 11 }, (_, index) =>
        wire({ id: `plan-${String(index).padStart(2, '0')}`, answer: index % 2 ? 'Parcel was lost' : 'Fine shop', site: index % 3 ? 'a' : 'b' }),
      );
      const expected = {
        tag: answers.filter((_, index) => index % 2).map((a) => a.id).reverse(),
        q: answers.filter((_, index) => index % 2).map((a) => a.id).reverse(),
        both: answers.filter((_, index) => index % 2 && index % 3).map((a) => a.id).reverse(),
      };
      for (const manyMatches of [3, 1000]) {
        const { store } = await open(t, kind, { manyMatches });
        await insertAll(store, answers);
        for (const [index, answer] of answers.entries()) if (index % 2) await store.update(answer.id, { tags: ['later'] });
        assert.deepEqual(await pagesOf(store, { tag: 'later' }), expected.tag, `tag, manyMatches ${manyMatches}`);
        assert.deepEqual(await pagesOf(store, { q: 'parcel' }), expected.q, `search, manyMatches ${manyMatches}`);
        assert.deepEqual(await pagesOf(store, { q: 'parc', tag: 'later', site: 'a' }), expected.both, `combined, manyMatches ${manyMatches}`);
        assert.equal(await store.count({ tag: 'later', q: 'lost' }), 5);
      }
    });

    test('patch sets status, read, note and tags (trimmed, each once) and returns the answer', async (t) => {
      const { store } = await open(t, kind);
      const answer = wire();
      await store.insert(answer, at(0), []);
      const patched = await store.update(answer.id, { status: 'handled', read: true, note: 'called back', tags: [' vip', 'vip', '', 'refund'] });
      assert.equal(patched.status, 'handled');
      assert.equal(patched.read, true);
      assert.equal(patched.note, 'called back');
      assert.deepEqual(patched.tags, ['vip', 'refund']);
      const only = await store.update(answer.id, { tags: [] });
      assert.deepEqual(only.tags, []);
      assert.equal(only.status, 'handled', 'fields not in the patch stay');
      assert.equal(await store.count({ tag: 'vip' }), 0, 'a removed tag no longer filters');
      assert.deepEqual(await store.update(answer.id, {}), only);
      assert.equal(await store.update('missing', { status: 'spam' }), null);
    });

    test('replies are recorded on the answer in order', async (t) => {
      const { store } = await open(t, kind);
      const answer = wire({ email: 'jo@example.org' });
      await store.insert(answer, at(0), []);
      const first = { by: 'owner@shop.example', at: at(10), via: 'smtp', subject: 'Re: delivery', body: 'Sorry!\nIt is on its way.' };
      const second = { ...first, at: at(20), via: 'mailto', body: 'Second' };
      await store.addReply(answer.id, first);
      const stored = await store.addReply(answer.id, second);
      assert.deepEqual(stored.replies, [first, second]);
      assert.deepEqual((await store.get(answer.id)).replies, [first, second]);
      assert.equal(await store.addReply('missing', first), null);
    });

    test('delete, erase by e-mail (case-insensitive) and retention remove exactly what they should', async (t) => {
      const { store } = await open(t, kind);
      const jo = [wire({ email: 'jo@example.org' }), wire({ email: 'JO@example.org ' })];
      const others = [wire({ email: 'ann@example.org' }), wire(), wire()];
      await insertAll(store, [...jo, ...others]);
      await store.update(jo[0].id, { tags: ['x'] });
      assert.equal(await store.count({ email: 'Jo@Example.org' }), 2);
      assert.equal(await store.eraseByEmail('jo@EXAMPLE.org'), 2);
      assert.equal(await store.get(jo[0].id), null);
      assert.equal(await store.count({ tag: 'x' }), 0);
      assert.equal(await store.eraseByEmail('jo@example.org'), 0);
      assert.equal(await store.eraseByEmail('   '), 0);
      assert.equal(await store.delete(others[2].id), true);
      assert.equal(await store.delete(others[2].id), false);
      // others[0] at(2), others[1] at(3): retention before at(3) removes only the first
      assert.equal(await store.deleteReceivedBefore(at(3)), 1);
      assert.deepEqual((await store.list({}, 10, null)).answers.map((a) => a.id), [others[1].id]);
      assert.equal(await store.count({ q: 'answer' }), 1, 'the search index forgot the deleted answers');
    });

    test('retention deletes in chunks, all of them', async (t) => {
      const { store } = await open(t, kind);
      const total = 2050; // more than one chunk (2000) of either dialect
      for (let start = 0; start < total; start += 500) {
        await insertAll(store, Array.from({ length: Math.min(500, total - start) }, () => wire()), start);
      }
      assert.equal(await store.deleteReceivedBefore(at(total - 10)), total - 10);
      assert.equal(await store.count({}), 10);
    });

    test('stream yields every matching answer newest first, across several chunks', async (t) => {
      const { store } = await open(t, kind);
      const total = 1234;
      for (let start = 0; start < total; start += 500) {
        await insertAll(
          store,
          Array.from({ length: Math.min(500, total - start) }, (_, index) => wire({ rating: (start + index) % 2 ? 5 : 1 })),
          start,
        );
      }
      const all = await collect(store.stream({}));
      assert.equal(all.length, total);
      assert.equal(new Set(all.map((a) => a.id)).size, total);
      assert.ok(all.every((answer, index) => index === 0 || all[index - 1].receivedAt > answer.receivedAt));
      const fives = await collect(store.stream({ rating: 5 }));
      assert.equal(fives.length, 617);
      assert.ok(fives.every((answer) => answer.rating === 5));
    });

    test('outbox: jobs written with the answer are claimed, leased, retried and completed; two claimers never share a job', async (t) => {
      const { store, openAnother } = await open(t, kind);
      const other = await openAnother();
      const answer = wire();
      await store.insert(answer, at(0), [
        { kind: 'webhook', payload: 'w' },
        { kind: 'email', payload: 'e' },
      ]);
      for (let index = 0; index < 20; index++) await store.enqueueJob({ kind: 'digest', payload: `d${index}` }, at(0));
      const [mine, theirs] = await Promise.all([store.claimJobs(at(5), at(65), 15), other.claimJobs(at(5), at(65), 15)]);
      const claimed = [...mine, ...theirs].map((job) => job.id);
      assert.equal(claimed.length, 22, 'every due job was claimed');
      assert.equal(new Set(claimed).size, 22, 'no job went to both claimers');
      assert.deepEqual(await store.claimJobs(at(10), at(70), 50), [], 'leased jobs are not due');
      const webhook = [...mine, ...theirs].find((job) => job.payload === 'w');
      assert.equal(webhook.kind, 'webhook');
      assert.equal(webhook.attempts, 0);
      for (const job of [...mine, ...theirs]) if (job.id !== webhook.id) await store.completeJob(job.id);
      await store.retryJob(webhook.id, at(100));
      assert.deepEqual(await store.claimJobs(at(99), at(150), 50), [], 'not due before notBefore');
      const [again] = await store.claimJobs(at(100), at(160), 50);
      assert.equal(again.id, webhook.id);
      assert.equal(again.attempts, 1);
      // a claimer that died: the lease runs out and the job is due again
      const [afterLease] = await other.claimJobs(at(160), at(220), 50);
      assert.equal(afterLease.id, webhook.id);
      assert.equal(afterLease.attempts, 2);
      await other.completeJob(webhook.id);
      assert.deepEqual(await store.claimJobs(at(1000), at(1060), 50), []);
    });

    test('sessions expire by the injected clock and can be replaced and deleted', async (t) => {
      let now = new Date(at(0));
      const { store } = await open(t, kind, { now: () => now });
      await store.setSession('s1', '{"owner":1}', at(60));
      assert.equal(await store.getSession('s1'), '{"owner":1}');
      await store.setSession('s1', '{"owner":2}', at(120));
      now = new Date(at(90));
      assert.equal(await store.getSession('s1'), '{"owner":2}');
      now = new Date(at(120));
      assert.equal(await store.getSession('s1'), null, 'expired at expiresAt');
      await store.setSession('s2', '{}', at(500));
      await store.deleteSession('s2');
      assert.equal(await store.getSession('s2'), null);
      assert.equal(await store.getSession('never'), null);
    });

    test('settings: built-in defaults, then the flags given at start, then what the owner stored', async (t) => {
      const { store, openAnother } = await open(t, kind);
      assert.deepEqual(await store.getSettings(), { notifyEmail: null, digest: 'off', retentionDays: null });
      const flagged = await openAnother({ settingsDefaults: { notifyEmail: 'shop@example.org', retentionDays: 90 } });
      assert.deepEqual(await flagged.getSettings(), { notifyEmail: 'shop@example.org', digest: 'off', retentionDays: 90 });
      assert.deepEqual(await flagged.setSettings({ digest: 'daily', retentionDays: null }), {
        notifyEmail: 'shop@example.org',
        digest: 'daily',
        retentionDays: null,
      });
      const reopened = await openAnother({ settingsDefaults: { retentionDays: 30 } });
      assert.deepEqual(await reopened.getSettings(), { notifyEmail: null, digest: 'daily', retentionDays: null }, 'a stored null is a choice');
    });

    test('owners (e-mail case-insensitive, adding again sets a new password) and tokens', async (t) => {
      const { store } = await open(t, kind);
      assert.equal(await store.countOwners(), 0);
      await store.addOwner('Owner@Shop.example', 'hash-1');
      const owner = await store.findOwner('owner@shop.EXAMPLE');
      assert.equal(owner.email, 'owner@shop.example');
      assert.equal(owner.passwordHash, 'hash-1');
      await store.addOwner('owner@shop.example', 'hash-2');
      assert.deepEqual(await store.findOwner('owner@shop.example'), { ...owner, passwordHash: 'hash-2' });
      assert.equal(await store.findOwner('nobody@shop.example'), null);
      assert.equal(await store.countOwners(), 1, 'adding again is not a second account');
      await store.addToken('ci', 'token-hash');
      assert.deepEqual(await store.findToken('token-hash'), { name: 'ci' });
      assert.equal(await store.findToken('other-hash'), null);
    });

    test('overview: totals by topic and page since a time, and the frequent words without stop words', async (t) => {
      const { store } = await open(t, kind);
      await insertAll(store, [
        wire({ answer: 'Old answer about shipping', topic: 'delivery', page: '/old' }),
        wire({ answer: 'The shipping was slow and the box was damaged', topic: 'delivery', page: '/cart' }),
        wire({ answer: 'Shipping to Belgium please', topic: 'delivery', page: '/cart' }),
        wire({ answer: 'De verzending was traag, shipping', topic: null, page: '/checkout' }),
      ]);
      const overview = await store.overview(at(1));
      assert.equal(overview.since, at(1));
      assert.equal(overview.total, 3);
      assert.deepEqual(overview.byTopic, [
        { topic: 'delivery', count: 2 },
        { topic: null, count: 1 },
      ]);
      assert.deepEqual(overview.byPage, [
        { page: '/cart', count: 2 },
        { page: '/checkout', count: 1 },
      ]);
      assert.deepEqual(overview.words[0], { word: 'shipping', count: 3 });
      const words = overview.words.map((entry) => entry.word);
      for (const stop of ['the', 'was', 'and', 'de', 'to']) assert.ok(!words.includes(stop), `${stop} is left out`);
      assert.ok(words.includes('verzending') && words.includes('damaged'));
      assert.ok(!words.includes('old'), 'answers before `since` are not counted');
    });

    test('the page filter is read from an index on (page, received_at, id): no scan, no sort', async (t) => {
      const { store, location } = await open(t, kind);
      await insertAll(store, [wire({ page: 'https://shop.example/cart' }), wire()]);
      assert.equal(await store.count({ page: 'https://shop.example/cart' }), 1);
      if (kind === 'sqlite') {
        const db = new Database(path.join(location.data, 'answers.sqlite'), { readonly: true });
        t.after(() => db.close());
        const plan = db
          .prepare('EXPLAIN QUERY PLAN SELECT a.* FROM answers a WHERE a.page = ? ORDER BY a.received_at DESC, a.id DESC LIMIT 51')
          .all('https://shop.example/cart')
          .map((row) => row.detail)
          .join('\n');
        assert.match(plan, /USING INDEX answers_page/);
        assert.doesNotMatch(plan, /TEMP B-TREE/, 'read in order from the index, not sorted');
      } else {
        const client = new pg.Client({ connectionString: location.databaseUrl });
        await client.connect();
        t.after(() => client.end());
        const { rows } = await client.query(
          "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'answers_page'",
        );
        assert.match(rows[0]?.indexdef ?? 'no index answers_page', /\(page, received_at, id\)$/);
      }
    });

    test('overview words: Japanese and Chinese, written without spaces, yield words, stop words left out', async (t) => {
      const { store } = await open(t, kind);
      await insertAll(store, [
        wire({ answer: '配送がとても遅かったです。箱も壊れていました。', lang: 'ja' }),
        wire({ answer: '配送が遅いです', lang: 'ja' }),
        wire({ answer: '送货太慢了，包装也坏了', lang: 'zh' }),
      ]);
      const { words } = await store.overview(at(0));
      assert.deepEqual(words[0], { word: '配送', count: 2 });
      const list = words.map((entry) => entry.word);
      assert.ok(list.includes('包装'), `包装 in ${list.join(' ')}`);
      for (const stop of ['です', 'とても', 'が', '了']) assert.ok(!list.includes(stop), `${stop} is left out`);
      assert.ok(list.every((word) => !/[。，]/.test(word) && [...word].length <= 4), `no sentence as a word: ${list.join(' ')}`);
    });

    test('U+0000 in what a customer sent is stored as U+FFFD instead of failing the insert', async (t) => {
      const { store } = await open(t, kind);
      const answer = wire({ answer: 'a\u0000b', context: { 'k\u0000': 'v\u0000' } });
      assert.equal(await store.insert(answer, at(0), []), 'stored');
      const stored = await store.get(answer.id);
      assert.equal(stored.answer, 'a\uFFFDb');
      assert.deepEqual(stored.context, { 'k\uFFFD': 'v\uFFFD' });
    });

    test('migrate is idempotent, also from two instances at once, and keeps the data', async (t) => {
      const { store, location } = await open(t, kind);
      const answer = wire();
      await store.insert(answer, at(0), []);
      const versions = await store.schemaVersions();
      assert.ok(versions.length >= 1);
      await store.migrate();
      const [one, two] = await Promise.all([
        openStore({ ...location, migrate: false }),
        openStore({ ...location, migrate: false }),
      ]);
      t.after(() => Promise.all([one.close(), two.close()]));
      await Promise.all([one.migrate(), two.migrate(), store.migrate()]);
      assert.deepEqual(await store.schemaVersions(), versions);
      assert.equal((await one.get(answer.id)).id, answer.id);
    });

    test('healthy while writable; a closed store rejects with StoreUnavailableError', async (t) => {
      const { location } = await open(t, kind);
      const store = await openStore(location);
      assert.equal(await store.healthy(), true);
      await store.close();
      assert.equal(await store.healthy(), false);
      await assert.rejects(store.insert(wire(), at(0), []), StoreUnavailableError);
      await assert.rejects(store.list({}, 10, null), StoreUnavailableError);
    });

    test('close waits for answers already handed to insert', async (t) => {
      const { location, openAnother } = await open(t, kind);
      const store = await openStore(location);
      const pending = Array.from({ length: 30 }, (_, index) => store.insert(wire(), at(index), []));
      await store.close();
      assert.deepEqual(await Promise.all(pending), Array(30).fill('stored'));
      const other = await openAnother();
      assert.equal(await other.count({}), 30);
    });
  });
}

describe('store specifics', () => {
  test('SQLite: the file is in WAL mode, private to its owner, and holds what was acknowledged', async (t) => {
    const { store, location } = await open(t, 'sqlite');
    await store.insert(wire(), at(0), []);
    const db = new Database(path.join(location.data, 'answers.sqlite'), { readonly: true });
    t.after(() => db.close());
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    for (const file of ['answers.sqlite', 'answers.sqlite-wal']) {
      assert.equal(statSync(path.join(location.data, file)).mode & 0o777, 0o600, `${file} is readable by its owner only`);
    }
    assert.equal(db.prepare('SELECT count(*) AS n FROM answers').get().n, 1);
  });

  test('SQLite: a data folder that cannot be created is StoreUnavailableError, not a crash', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'fp-store-')), 'file');
    dirs.push(path.dirname(file));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'not a folder');
    await assert.rejects(openStore({ data: path.join(file, 'data') }), StoreUnavailableError);
  });

  test('PostgreSQL unreachable: operations reject with StoreUnavailableError and healthy() is false', { skip: postgresAvailable !== true && String(postgresAvailable) }, async () => {
    const store = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', migrate: false });
    await assert.rejects(store.insert(wire(), at(0), []), StoreUnavailableError);
    await assert.rejects(store.count({}), StoreUnavailableError);
    assert.equal(await store.healthy(), false);
    await store.close();
  });
});
