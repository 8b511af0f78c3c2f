// Feedback-prompt only: submit-to-durable, and flushing a full queue.
import { setTimeout as sleep } from 'node:timers/promises';
import { openPage } from './browser.js';
import { CPU_RATE, SUBMITS, elapsed, log } from './config.js';
import { fmt, median, quantile } from './stats.js';

/** In the page: submits `n` answers through the inline form; click → `feedback-submit` each. */
export async function submitLoop(page, n, clearEvery) {
  return page.evaluate(async (n, clearEvery) => {
    const el = document.querySelector('feedback-prompt');
    await customElements.whenDefined('feedback-prompt');
    const root = el.shadowRoot;
    const waitFor = async (find, what) => {
      for (let i = 0; i < 1000; i++) {
        const found = find();
        if (found) return found;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    const idb = (mode, op) => new Promise((resolve, reject) => {
      const open = indexedDB.open('feedback-prompt');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const request = op(db.transaction('queue', mode).objectStore('queue'));
        request.onsuccess = () => { db.close(); resolve(request.result); };
        request.onerror = () => { db.close(); reject(request.error); };
      };
    });
    const times = [];
    const depths = [];
    const counts = [];
    let depth = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % clearEvery === 0) {
        counts.push(await idb('readonly', (s) => s.count()));
        await idb('readwrite', (s) => s.clear());
        depth = 0;
      }
      const textarea = await waitFor(() => root.querySelector('[part=textarea]'), 'the form');
      textarea.value = `Bench answer ${i}: more loose-leaf oolong, please, and oat milk by the cup.`;
      textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      // A person's click comes frames after their last keystroke: let that keystroke's frame render
      // first, so its style, layout and paint are not counted as the submit's.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const submitted = new Promise((resolve) => el.addEventListener('feedback-submit', () => resolve(performance.now()), { once: true }));
      const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 10_000));
      const t0 = performance.now();
      root.querySelector('[part=submit]').click();
      const t1 = await Promise.race([submitted, timeout]);
      if (t1 === null) throw new Error(`submit ${i} did not fire feedback-submit within 10 s`);
      times.push(t1 - t0);
      depths.push(depth++);
      (await waitFor(() => root.querySelector('button.secondary'), 'the "write another" button')).click();
      await el.updateComplete;
    }
    counts.push(await idb('readonly', (s) => s.count()));
    return { times, depths, counts, online: navigator.onLine };
  }, n, clearEvery);
}

/**
 * In the page: the floor under submit-to-durable and under a send. Bare IndexedDB (a readwrite
 * put until its transaction completes; the enqueue pattern of getAllKeys+getAll then a put) and
 * a bare same-origin keepalive POST, with no widget code in between.
 */
async function floorProbe(page, n) {
  return page.evaluate(async (n) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('bench-floor', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const complete = (tx) => new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    const request = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const value = { answer: { id: 'x', answer: 'y'.repeat(80), createdAt: new Date().toISOString() }, endpoint: location.href, attempts: 0, nextAttemptAt: 0 };
    const put = [];
    const pattern = [];
    const post = [];
    for (let i = 0; i < n; i++) {
      if (i % 25 === 0) await complete((() => { const tx = db.transaction('s', 'readwrite'); tx.objectStore('s').clear(); return tx; })());
      let t = performance.now();
      const tx = db.transaction('s', 'readwrite');
      tx.objectStore('s').put(value, `p${i}`);
      await complete(tx);
      put.push(performance.now() - t);
      t = performance.now();
      const store = db.transaction('s').objectStore('s');
      await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      const tx2 = db.transaction('s', 'readwrite');
      tx2.objectStore('s').put(value, `q${i}`);
      await complete(tx2);
      pattern.push(performance.now() - t);
      t = performance.now();
      await fetch('/api/floor', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' }, keepalive: true });
      post.push(performance.now() - t);
    }
    db.close();
    indexedDB.deleteDatabase('bench-floor');
    return { put, pattern, post };
  }, n);
}

export async function openFormPage(browser, origin, variant, cpuRate) {
  const opened = await openPage(browser, origin);
  await opened.cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await opened.page.goto(`${origin}/bench/.build/shop-${variant}.html`, { waitUntil: 'load' });
  await opened.page.waitForFunction(() => document.querySelector('feedback-prompt')?.shadowRoot?.querySelector('[part=textarea]'));
  return opened;
}

async function measureSubmits(browser, origin, cpuRate) {
  const { context, page } = await openFormPage(browser, origin, 'hold', cpuRate);
  try {
    // The endpoint answers 503 + Retry-After: 3600, so answers stay queued. The queue keeps at most
    // 100, so it is emptied (outside the timing) every 50 submits: depth 0..49 before each submit.
    const clearEvery = 50;
    const floor = await floorProbe(page, 50);
    const result = await submitLoop(page, SUBMITS, clearEvery);
    const expected = Array.from({ length: Math.ceil(SUBMITS / clearEvery) }, (_, i) => Math.min(clearEvery, SUBMITS - i * clearEvery));
    return { ...result, floor, expected, allDurable: JSON.stringify(result.counts) === JSON.stringify(expected) };
  } finally {
    await context.close().catch(() => {});
  }
}

export async function measureFlush(browser, server, cpuRate) {
  const { context, page } = await openFormPage(browser, server.origin, 'flush', cpuRate);
  try {
    await page.setOfflineMode(true);
    const queued = await submitLoop(page, 100, 1e9);
    // Where the time goes: each POST's start and end, as the page sees them (the transport looks
    // fetch up on every call, so this wrapper sees the widget's sends).
    await page.evaluate(() => {
      const real = window.fetch;
      window.__posts = [];
      window.fetch = (...args) => {
        const entry = [performance.now(), null];
        window.__posts.push(entry);
        return real(...args).finally(() => { entry[1] = performance.now(); });
      };
    });
    const before = server.counts.stored;
    const timedBefore = server.answerTimes.length;
    const pageT0 = await page.evaluate(() => performance.now());
    const t0 = performance.now();
    await page.setOfflineMode(false);
    await page.evaluate(() => void document.querySelector('feedback-prompt').flush());
    let received = 0;
    while (performance.now() - t0 < 30_000) {
      received = server.counts.stored - before;
      if (received >= 100) break;
      await sleep(5);
    }
    const flushMs = performance.now() - t0;
    await sleep(300);
    const left = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('feedback-prompt');
      open.onsuccess = () => {
        const count = open.result.transaction('queue').objectStore('queue').count();
        count.onsuccess = () => { open.result.close(); resolve(count.result); };
      };
      open.onerror = () => resolve(null);
    }));
    const posts = await page.evaluate(() => window.__posts);
    const postMs = posts.filter(([, end]) => end !== null).map(([start, end]) => end - start);
    const gapMs = posts.slice(1).map(([start], i) => (posts[i][1] === null ? null : start - posts[i][1]));
    return {
      firstPostAfterMs: posts.length ? posts[0][0] - pageT0 : null, postMs, gapMs,
      receiverMs: server.answerTimes.slice(timedBefore), queuedWhileOffline: queued.counts.at(-1), offline: !queued.online, received, flushMs, leftInQueue: left, enqueueTimes: queued.times };
  } finally {
    await context.close().catch(() => {});
  }
}

export async function measureQueue(browser, server, failures) {
  log(`\nfeedback-prompt only (from ${elapsed()} into the run):`);
  const submits = {};
  for (const rate of [CPU_RATE, 1]) {
    try {
      const s = await measureSubmits(browser, server.origin, rate);
      submits[rate] = s;
      const low = s.times.filter((_, i) => s.depths[i] < 10);
      const high = s.times.filter((_, i) => s.depths[i] >= 40);
      log(`  submit → durable at CPU ${rate}× (click → feedback-submit, which fires after the IndexedDB write), ${s.times.length} submits:`);
      log(`    p50 ${fmt(quantile(s.times, 0.5))} ms, p95 ${fmt(quantile(s.times, 0.95))} ms, max ${fmt(Math.max(...s.times))} ms; ` +
        `p50 with <10 already queued ${fmt(median(low))} ms, with ≥40 queued ${fmt(median(high))} ms; ` +
        `in IndexedDB per batch of 50: ${s.counts.join('/')}${s.allDurable ? ' (all there)' : ` — expected ${s.expected.join('/')}`}`);
      log(`    floor, same page, no widget code: IndexedDB put→complete p50 ${fmt(median(s.floor.put))} / p95 ${fmt(quantile(s.floor.put, 0.95))} ms; ` +
        `getAll+put p50 ${fmt(median(s.floor.pattern))} / p95 ${fmt(quantile(s.floor.pattern, 0.95))} ms; ` +
        `keepalive POST p50 ${fmt(median(s.floor.post))} ms`);
    } catch (err) {
      failures.push(`submits at ${rate}×: ${err.message}`);
      log(`  submits at CPU ${rate}×: failed: ${err.message}`);
    }
  }
  const flushes = {};
  for (const rate of [CPU_RATE, 1]) {
    try {
      const f = await measureFlush(browser, server, rate);
      flushes[rate] = f;
      log(`  flush of a full queue at CPU ${rate}×: ${f.queuedWhileOffline} queued while offline${f.offline ? '' : ' (navigator.onLine stayed true!)'}, ` +
        `${f.received} at the receiver after ${fmt(f.flushMs, 0)} ms (${fmt(f.flushMs / Math.max(1, f.received))} ms per answer), ` +
        `${f.leftInQueue} left in IndexedDB`);
      log(`    sent one at a time: first POST ${fmt(f.firstPostAfterMs, 0)} ms after going online; per answer a POST round trip p50 ${fmt(median(f.postMs))} ms ` +
        `(the receiver's part: validate, append, fdatasync p50 ${fmt(median(f.receiverMs))} ms) + between POSTs p50 ${fmt(median(f.gapMs))} ms (IndexedDB delete, bookkeeping)`);
      log(`    filling the queue offline: p50 ${fmt(median(f.enqueueTimes))} ms per submit, ${fmt(median(f.enqueueTimes.slice(0, 10)))} ms for the first 10, ` +
        `${fmt(median(f.enqueueTimes.slice(-10)))} ms for the last 10`);
    } catch (err) {
      failures.push(`flush at ${rate}×: ${err.message}`);
      log(`  flush at CPU ${rate}×: failed: ${err.message}`);
    }
  }
  return { submits, flushes };
}
