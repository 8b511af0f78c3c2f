import { expect } from '@open-wc/testing';
import { createAnswer, type Answer } from '../../src/delivery/answer.js';
import { DeliveryQueue, QueueFullError, type Clock, type QueueReport, type QueuedAnswer } from '../../src/delivery/queue.js';
import { fakeClock, settle, START } from '../support/fake-clock.js';
import { memoryStore, type KeyValueStore } from '../../src/delivery/store.js';
import { byteLength, classify, fetchTransport, type Outcome, type Transport } from '../../src/delivery/transport.js';

const ENDPOINT = 'https://collect.example/answers';
const DAY = 86_400_000;

let seq = 0;
const makeAnswer = (at = START, text = 'Please stock oat milk'): Answer =>
  createAnswer({ site: 'shop-42', answer: text, lang: 'en' }, 'https://shop.example/cart', at, () => `id-${++seq}`);

/**
 * A transport that answers with the scripted statuses (then 200s) and records each call the moment
 * it is made (so a check right after a synchronous call such as sendOnExit() sees every send it
 * started), with what the store held then.
 */
const scripted = (store: KeyValueStore<QueuedAnswer>, ...outcomes: Array<number | Outcome>) => {
  const calls: Array<{ id: string; keepalive?: boolean; stored: string[] }> = [];
  const transport: Transport = async (_endpoint, answer, options) => {
    const call = { id: answer.id, keepalive: options?.keepalive, stored: [] as string[] };
    calls.push(call);
    call.stored = (await store.all()).map((r) => r.answer.id);
    const next = outcomes.shift() ?? 200;
    return typeof next === 'number' ? classify(next) : next;
  };
  return { calls, transport };
};

/** A transport whose first send waits for `release()`; tracks how many sends run at once. */
const gatedTransport = () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let inFirst!: () => void;
  const firstCalled = new Promise<void>((r) => (inFirst = r));
  const state = { sent: [] as string[], active: 0, maxActive: 0 };
  const transport: Transport = async (_e, answer) => {
    state.maxActive = Math.max(state.maxActive, ++state.active);
    state.sent.push(answer.id);
    if (state.sent.length === 1) (inFirst(), await gate);
    state.active--;
    return classify(200);
  };
  return { transport, state, release, firstCalled };
};

const setup = (options: { online?: boolean; outcomes?: Array<number | Outcome>; transport?: Transport } = {}) => {
  const store = memoryStore<QueuedAnswer>();
  const { clock, timers, live } = fakeClock();
  const { calls, transport } = scripted(store, ...(options.outcomes ?? []));
  const reports: QueueReport[] = [];
  const queue = new DeliveryQueue({
    store,
    transport: options.transport ?? transport,
    lock: (task) => task(),
    clock,
    isOnline: () => options.online ?? true,
    random: () => 0.5,
    report: (r) => reports.push(r),
  });
  const stored = async (id: string) => (await store.all()).find((r) => r.answer.id === id);
  return { store, clock, timers, live, calls, reports, queue, stored };
};

/** Enqueues a fresh answer created at `at`, and returns it. */
const queued = async (queue: DeliveryQueue, at = START): Promise<Answer> => {
  const a = makeAnswer(at);
  await queue.enqueue(a, ENDPOINT);
  return a;
};

describe('DeliveryQueue', () => {
  it('writes the answer to the store before the first send', async () => {
    const { queue, calls } = setup();
    const a = await queued(queue);
    expect(calls, 'enqueue itself sends nothing').to.have.length(0);
    await queue.flush();
    expect(calls).to.have.length(1);
    expect(calls[0]!.stored).to.deep.equal([a.id]);
  });

  for (const status of [200, 201, 204, 409]) {
    it(`treats ${status} as delivered: removed from the queue, 'sent' reported`, async () => {
      const { queue, store, reports, live } = setup({ outcomes: [status] });
      const a = await queued(queue);
      await queue.flush();
      expect(await store.all()).to.deep.equal([]);
      expect(reports).to.deep.equal([{ type: 'sent', id: a.id }]);
      expect(live(), 'nothing left to retry').to.have.length(0);
    });
  }

  for (const status of [500, 503, 408, 425, 429, 0]) {
    it(`keeps the answer on ${status} and retries with backoff ('failed', retrying: true)`, async () => {
      const { queue, reports, stored, live, clock } = setup({ outcomes: [status] });
      const a = await queued(queue);
      await queue.flush();
      expect(reports).to.deep.equal([{ type: 'failed', id: a.id, status, retrying: true }]);
      const record = (await stored(a.id))!;
      expect(record).to.include({ attempts: 1, status });
      expect(record.setAside).to.not.equal(true);
      // random 0.5 × 2 s window for the first retry.
      expect(record.nextAttemptAt).to.equal(clock.now() + 1000);
      expect(live().map((t) => t.ms)).to.deep.equal([1000]);
    });
  }

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const seconds = setup({ outcomes: [{ kind: 'retry', status: 429, retryAfter: '120' }] });
    const a = makeAnswer();
    await seconds.queue.enqueue(a, ENDPOINT);
    await seconds.queue.flush();
    expect((await seconds.stored(a.id))!.nextAttemptAt).to.equal(START + 120_000);
    expect(seconds.live().map((t) => t.ms)).to.deep.equal([120_000]);

    const date = new Date(START + 300_000).toUTCString();
    const dated = setup({ outcomes: [{ kind: 'retry', status: 503, retryAfter: date }] });
    const b = makeAnswer();
    await dated.queue.enqueue(b, ENDPOINT);
    await dated.queue.flush();
    expect((await dated.stored(b.id))!.nextAttemptAt).to.equal(START + 300_000);
  });

  for (const status of [400, 403, 404, 410, 413, 422]) {
    it(`sets a ${status} aside: kept, listed by failed(), not sent again until resend()`, async () => {
      const { queue, reports, calls, clock, live, store } = setup({ outcomes: [status] });
      const a = await queued(queue);
      await queue.flush();
      expect(reports).to.deep.equal([{ type: 'failed', id: a.id, status, retrying: false }]);
      const failed = await queue.failed();
      expect(failed.map((r) => [r.answer.id, r.status, r.setAside])).to.deep.equal([[a.id, status, true]]);
      expect(live(), 'no timer for an answer that retrying will not fix').to.have.length(0);

      clock.advance(DAY);
      await queue.flush();
      await queue.flush(true);
      expect(calls.map((c) => c.id), 'not sent again by later flushes').to.deep.equal([a.id]);

      await queue.resend(a.id);
      expect(calls.map((c) => c.id)).to.deep.equal([a.id, a.id]);
      expect(await store.all()).to.deep.equal([]);
      expect(reports.at(-1)).to.deep.equal({ type: 'sent', id: a.id });
    });
  }

  it('sends the same answer id on every retry', async () => {
    const { queue, calls, live, clock, reports } = setup({ outcomes: [503, 0, 500] });
    const a = await queued(queue);
    await queue.flush();
    for (let i = 0; i < 3; i++) {
      const [timer] = live();
      clock.advance(timer!.ms);
      timer!.callback();
      await queue.flush(); // waits for the round the timer started
    }
    expect(calls.map((c) => c.id)).to.deep.equal([a.id, a.id, a.id, a.id]);
    expect(reports.at(-1)).to.deep.equal({ type: 'sent', id: a.id });
  });

  it('stops the round at a failure and schedules one timer, not one per answer', async () => {
    const { queue, calls, timers, live, clock, store } = setup({ outcomes: [503] });
    for (let i = 0; i < 50; i++) await queued(queue, START + i);
    await queue.flush();
    // Four lanes start together; once the 503 is in, no lane starts another send. The other
    // three may each finish the send they had under way, and start at most one more meanwhile.
    expect(calls.length, 'sends started before the round stopped').to.be.within(4, 7);
    expect(timers, 'clock.setTimeout calls').to.have.length(1);
    const left = (await store.all()).length;
    expect(left, 'the ones that went through are done').to.equal(50 - (calls.length - 1));

    // Running the scheduled timer retries, and the now healthy endpoint takes the rest.
    const before = calls.length;
    clock.advance(live()[0]!.ms);
    live()[0]!.callback();
    await queue.flush();
    expect(calls).to.have.length(before + left);
    expect(await store.all()).to.have.length(0);
    expect(live()).to.have.length(0);
  });

  it('sends oldest first', async () => {
    const { queue, calls } = setup();
    const late = makeAnswer(START - 1000);
    const early = makeAnswer(START - 5000);
    await queue.enqueue(late, ENDPOINT);
    await queue.enqueue(early, ENDPOINT);
    await queue.flush();
    expect(calls.map((c) => c.id)).to.deep.equal([early.id, late.id]);
  });

  it('sends nothing and sets no timer while offline', async () => {
    const { queue, calls, timers, store } = setup({ online: false });
    await queued(queue);
    await queue.flush();
    await queue.flush(true);
    expect(calls).to.have.length(0);
    expect(timers).to.have.length(0);
    expect(await store.all()).to.have.length(1);
  });

  it('a wake (flush(true)) after a network error sends at once; a plain flush waits', async () => {
    const { queue, calls, reports } = setup({ outcomes: [0] });
    const a = await queued(queue);
    await queue.flush();
    await queue.flush();
    expect(calls, 'plain flush respects the backoff').to.have.length(1);
    await queue.flush(true);
    expect(calls.map((c) => c.id)).to.deep.equal([a.id, a.id]);
    expect(reports.at(-1)).to.deep.equal({ type: 'sent', id: a.id });
  });

  it('a wake does not cut short a wait the server asked for (5xx)', async () => {
    const { queue, calls } = setup({ outcomes: [503] });
    await queued(queue);
    await queue.flush();
    await queue.flush(true);
    expect(calls).to.have.length(1);
  });

  it('never runs two rounds at once; an answer queued during a round goes out in the next', async () => {
    const { transport, state, release, firstCalled } = gatedTransport();
    const { queue, store } = setup({ transport });
    const a = await queued(queue, START - 10);
    const first = queue.flush();
    await firstCalled;
    const b = await queued(queue);
    const second = queue.flush();
    const third = queue.flush();
    release();
    await Promise.all([first, second, third]);
    expect(state.sent).to.deep.equal([a.id, b.id]);
    expect(state.maxActive).to.equal(1);
    expect(await store.all()).to.deep.equal([]);
  });

  it('keeps at least 100: the 101st is refused with QueueFullError and the 100 stay untouched', async () => {
    const { queue, store } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push((await queued(queue, START + i)).id);
    }
    const error = await queue.enqueue(makeAnswer(), ENDPOINT).then(() => 'accepted', (e: unknown) => e);
    expect(error).to.be.instanceOf(QueueFullError);
    const kept = await store.all();
    expect(kept.map((r) => r.answer.id).sort()).to.deep.equal([...ids].sort());
    expect(kept.every((r) => r.attempts === 0 && r.nextAttemptAt === 0)).to.equal(true);
  });

  it('drops answers older than 30 days with an expired report, and sends younger ones', async () => {
    const { queue, store, calls, reports } = setup();
    const old = makeAnswer(START - 31 * DAY);
    const young = makeAnswer(START - 29 * DAY);
    await store.put(old.id, { answer: old, endpoint: ENDPOINT, attempts: 7, nextAttemptAt: 0, status: 503 });
    await store.put(young.id, { answer: young, endpoint: ENDPOINT, attempts: 7, nextAttemptAt: 0, status: 503 });
    await queue.flush();
    expect(reports).to.deep.include({ type: 'expired', id: old.id });
    expect(reports).to.deep.include({ type: 'sent', id: young.id });
    expect(calls.map((c) => c.id)).to.deep.equal([young.id]);
    expect(await store.all()).to.deep.equal([]);
  });

  it('expires even while offline', async () => {
    const { queue, store, reports } = setup({ online: false });
    const old = makeAnswer(START - 40 * DAY);
    await store.put(old.id, { answer: old, endpoint: ENDPOINT, attempts: 1, nextAttemptAt: 0 });
    await queue.flush();
    expect(reports).to.deep.equal([{ type: 'expired', id: old.id }]);
  });

  it('sendOnExit sends due answers with keepalive, keeps them until a 2xx, and honours a wait', async () => {
    const { queue, calls, store, reports, clock } = setup({ outcomes: [503] });
    const settled = async (n: number) => {
      for (let i = 0; i < 1000 && reports.length < n; i++) await Promise.resolve();
      expect(reports, 'a report arrived').to.have.length(n);
    };
    const a = await queued(queue);
    queue.sendOnExit();
    await settled(1);
    expect(calls.map((c) => [c.id, c.keepalive])).to.deep.equal([[a.id, true]]);
    expect((await store.all()).map((r) => r.answer.id), 'kept after a 503').to.deep.equal([a.id]);

    queue.sendOnExit();
    expect(calls, 'not again while the backoff runs').to.have.length(1);

    clock.advance(60 * 60 * 1000 + 1);
    queue.sendOnExit();
    await settled(2);
    expect(await store.all(), 'gone after a 2xx').to.deep.equal([]);
    expect(reports.at(-1)).to.deep.equal({ type: 'sent', id: a.id });
  });

  it('sendOnExit keeps to the keepalive budget browsers share (60 KB), counting the sends already under way', async () => {
    const calls: string[] = [];
    const held: Array<() => void> = [];
    // Every send hangs until the test lets it answer, as on a slow network while the tab closes.
    const transport: Transport = (_e, answer) => {
      calls.push(answer.id);
      return new Promise((resolve) => held.push(() => resolve(classify(200))));
    };
    const { queue } = setup({ transport });
    await queued(queue, START - 2);
    await queued(queue, START - 1);
    const round = queue.flush();
    for (let i = 0; i < 50 && calls.length < 2; i++) await settle();
    expect(calls, 'two sends under way').to.have.length(2);
    // Six answers of about 11 KB each: 36 KB of budget is left beside the two (12 KB each, at most).
    const big: string[] = [];
    for (let i = 0; i < 6; i++) {
      const a = makeAnswer(START + i, 'x'.repeat(10_700));
      expect(byteLength(JSON.stringify(a))).to.be.within(10_800, 11_500);
      await queue.enqueue(a, ENDPOINT);
      big.push(a.id);
    }
    queue.sendOnExit();
    expect(calls.slice(2), 'the oldest three fit; the rest wait for the next page view').to.deep.equal(big.slice(0, 3));
    held.splice(0).forEach((answer) => answer());
    await round;
  });

  it('sendOnExit skips set-aside answers and does nothing offline', async () => {
    const offline = setup({ online: false });
    await queued(offline.queue);
    offline.queue.sendOnExit();
    expect(offline.calls).to.have.length(0);

    const { queue, calls } = setup({ outcomes: [400] });
    await queued(queue);
    await queue.flush();
    queue.sendOnExit();
    expect(calls).to.have.length(1);
  });

  it('sendOnExit leaves answers from other tabs (found in the store, not given here) to those tabs', async () => {
    const { queue, calls, store } = setup({ outcomes: [503] });
    const elsewhere = makeAnswer(START);
    await store.put(elsewhere.id, { answer: elsewhere, endpoint: ENDPOINT, attempts: 1, nextAttemptAt: START + 60_000, status: 503 });
    await queue.flush();
    queue.sendOnExit();
    expect(calls).to.have.length(0);
  });

  it('counts a fetch that throws synchronously as a network error: kept, retrying', async () => {
    const throwing = (() => {
      throw new TypeError('host page broke fetch');
    }) as unknown as typeof fetch;
    const { queue, reports, stored } = setup({ transport: fetchTransport(1000, () => throwing) });
    const a = await queued(queue);
    await queue.flush();
    expect(reports).to.deep.equal([{ type: 'failed', id: a.id, status: 0, retrying: true }]);
    expect(await stored(a.id)).to.include({ attempts: 1, status: 0 });
  });

  it('after a failed round, a flush made during a later round still queues a round and sends the new answer', async () => {
    const base = memoryStore<QueuedAnswer>();
    let storeFails = true;
    const store: KeyValueStore<QueuedAnswer> = {
      ...base,
      all: async () => {
        if (storeFails) throw new DOMException('transient', 'UnknownError');
        return base.all();
      },
    };
    const { transport, state, release, firstCalled } = gatedTransport();
    const queue = new DeliveryQueue({ store, transport, lock: (t) => t(), clock: fakeClock().clock, isOnline: () => true });
    // Round 1 fails on a store error; a flush made meanwhile fails with it (fair enough).
    await Promise.allSettled([queue.flush(), queue.flush()]);
    storeFails = false;
    // Later, storage works again: a round is sending x when the customer submits a.
    const x = await queued(queue, START - 1000);
    const round = queue.flush();
    await firstCalled;
    const a = await queued(queue);
    const next = queue.flush().catch((error) => error);
    release();
    await round;
    expect(await next, 'flush() resolves').to.equal(undefined);
    expect(state.sent).to.deep.equal([x.id, a.id]);
  });
});

describe('DeliveryQueue, cost of waiting and of a long queue', () => {
  it('while a wait the server asked for is on, a flush neither reads storage nor sends', async () => {
    const { queue, calls, store, clock, live } = setup({ outcomes: [{ kind: 'retry', status: 503, retryAfter: '60' }] });
    let reads = 0;
    const all = store.all.bind(store);
    store.all = () => (reads++, all());
    await queued(queue);
    await queue.flush();
    reads = 0;
    await queued(queue);
    await queue.flush(true);
    await queue.flush();
    expect(reads, 'store reads during the wait').to.equal(0);
    expect(calls).to.have.length(1);
    expect(live(), 'still one timer').to.have.length(1);

    clock.advance(60_000);
    live()[0]!.callback();
    await queue.flush();
    expect(calls, 'both go out when the wait is over').to.have.length(3);
    expect(await store.all()).to.deep.equal([]);
  });

  it('near the cap, enqueue reads the store once and trusts it again: answers sent by another tab free the room', async () => {
    const { queue, store } = setup({ online: false });
    for (let i = 0; i < 85; i++) await queued(queue, START + i);
    // Another tab sends and deletes 80 of them behind this page's back.
    for (const record of (await store.all()).slice(0, 80)) await store.delete(record.answer.id);
    let reads = 0;
    const all = store.all.bind(store);
    store.all = () => (reads++, all());
    for (let i = 0; i < 10; i++) await queued(queue, START + 100 + i);
    expect(reads, 'one read finds the room; the next nine need none').to.equal(1);
    expect(await all()).to.have.length(15);
  });

  it('a failure stops the lanes even when the wait it set is over before their replies come', async () => {
    let clock!: Clock & { advance(ms: number): void };
    let sends = 0;
    // Slow replies: five seconds pass during each, longer than the first failure's backoff.
    const transport: Transport = async () => {
      const call = ++sends;
      clock.advance(5000);
      await Promise.resolve();
      return call === 1 ? { kind: 'retry', status: 503, retryAfter: null } : classify(200);
    };
    const q = setup({ transport });
    clock = q.clock as typeof clock;
    for (let i = 0; i < 30; i++) await queued(q.queue, START + i);
    await q.queue.flush();
    expect(sends, 'sends started before the lanes stopped').to.be.within(4, 7);
  });

  it('one slow reply does not hold up the other sends: they go out in the meantime', async () => {
    const { transport, state, release, firstCalled } = gatedTransport();
    const { queue, store } = setup({ transport });
    for (let i = 0; i < 12; i++) await queued(queue, START + i);
    const round = queue.flush();
    await firstCalled;
    // Let the other lanes run while the first reply hangs.
    for (let i = 0; i < 50 && (await store.all()).length > 1; i++) await new Promise((r) => setTimeout(r));
    expect(await store.all(), 'only the slow one still waits').to.have.length(1);
    expect(state.maxActive, 'sends at once').to.be.within(2, 4);
    release();
    await round;
    expect(state.sent).to.have.length(12);
    expect(await store.all()).to.deep.equal([]);
  });
});

describe('DeliveryQueue, deletes written while the next sends go out', () => {
  it('reports sent only once the answer is deleted, and a flush ends only when every delete is written', async () => {
    const inner = memoryStore<QueuedAnswer>();
    const gates: Array<() => void> = [];
    // A store whose deletes wait until the test lets them through, like a slow disk.
    const store: KeyValueStore<QueuedAnswer> = {
      durable: true,
      all: () => inner.all(),
      put: (key, value) => inner.put(key, value),
      delete: (key) => new Promise<void>((resolve) => gates.push(() => resolve(inner.delete(key)))),
    };
    const reports: QueueReport[] = [];
    const sent: string[] = [];
    const queue = new DeliveryQueue({
      store,
      lock: (task) => task(),
      transport: async (_e, answer) => (sent.push(answer.id), classify(200)),
      clock: fakeClock().clock,
      isOnline: () => true,
      report: (r) => reports.push(r),
    });
    for (let i = 0; i < 6; i++) await queued(queue, START + i);
    let done = false;
    const flushed = queue.flush().then(() => (done = true));
    for (let i = 0; i < 20 && sent.length < 6; i++) await new Promise((r) => setTimeout(r));
    expect(sent, 'all six sent without waiting for a delete').to.have.length(6);
    expect(reports, 'nothing reported sent before its delete').to.deep.equal([]);
    expect(done, 'flush still waiting for the deletes').to.equal(false);
    gates.splice(0).forEach((open) => open());
    await flushed;
    expect(reports.map((r) => r.type)).to.deep.equal(Array(6).fill('sent'));
    expect(await inner.all()).to.deep.equal([]);
  });
});

describe('DeliveryQueue.dispose', () => {
  it('stops for good: a round under way schedules no timer afterwards', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const timers: unknown[] = [];
    const store = memoryStore<QueuedAnswer>();
    const queue = new DeliveryQueue({
      store,
      lock: (task) => task(),
      transport: async () => (await gate, { kind: 'retry', status: 503, retryAfter: null }),
      clock: { now: () => Date.now(), setTimeout: (fn) => (timers.push(fn), timers.length), clearTimeout: () => {} },
      isOnline: () => true,
    });
    await queue.enqueue(makeAnswer(), ENDPOINT);
    const round = queue.flush();
    queue.dispose();
    release();
    await round;
    expect(timers, 'no retry timer after dispose').to.have.length(0);
    await queue.flush();
    expect((await store.all())[0]!.attempts, 'and no further round').to.equal(1);
  });
});
