// `npm run bench`: what <feedback-prompt> costs a shop page, next to no widget and two peers,
// in headless Chromium with the CPU throttled 4×. Everything is served from loopback; the
// browser's proxy is a local sink, so anything that tried to leave 127.0.0.1 would be counted and
// dropped, never sent. A benchmark, not a test: it prints PASS/MISS per target and exits 0.
//
// Environment: BENCH_ROUNDS (default 9), BENCH_WINDOW_MS (default 3000: each load is measured at
// this time after navigation start), BENCH_SUBMITS (default 200), BENCH_REBUILD=1 (re-bundle peers),
// CHROME_PATH (see scripts/find-browser.js).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { findChrome } from '../scripts/find-browser.js';
import { startBenchServer } from './server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const BUILD = path.join(BENCH, '.build');
const intEnv = (name, fallback, min) => Math.max(min, Number.parseInt(process.env[name] ?? '', 10) || fallback);
const ROUNDS = intEnv('BENCH_ROUNDS', 9, 1);
const WINDOW_MS = intEnv('BENCH_WINDOW_MS', 3000, 1000);
const SUBMITS = intEnv('BENCH_SUBMITS', 200, 10);
const CPU_RATE = 4;
const LOAD_TIMEOUT_MS = 30_000;
const startedAt = performance.now();

const VARIANTS = [
  { id: 'a', name: '(a) no widget' },
  { id: 'b', name: '(b) feedback-prompt' },
  { id: 'c1', name: '(c1) PushFeedback' },
  { id: 'c2', name: '(c2) Sentry feedback' },
];
const TARGETS = {
  addedScriptMs: 25,
  longTasks: 0,
  cls: 0,
  addedHeapKB: 250,
  submitP95Ms: 10,
  flushMs: 1000,
};

const log = (line = '') => process.stdout.write(`${line}\n`);
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------------------------------------
// 1. Builds: the element (only when missing or older than src/), the peers, the variant pages.

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The element as the bench serves it at /dist/: a private copy in bench/.build/dist/, so a test
 * run rebuilding dist/ in the same tree meanwhile (build.js empties it first) cannot pull the file
 * from under a page load, and the bench never empties dist/ under someone else's tests either.
 * dist/ is copied when it is newer than src/; otherwise the ESM build of rollup.config.js (same
 * plugins, same settings) is run with its output sent to the private folder.
 */
async function snapshotElement() {
  const target = path.join(BUILD, 'dist');
  const src = path.join(ROOT, 'src');
  const dist = path.join(ROOT, 'dist');
  const entry = path.join(dist, 'feedback-prompt.js');
  const newestSrc = Math.max(newestMtime(src), statSync(path.join(ROOT, 'rollup.config.js')).mtimeMs);
  const ownBuild = path.join(target, '.built-from-src');
  if (existsSync(ownBuild) && statSync(ownBuild).mtimeMs >= newestSrc &&
    !(existsSync(entry) && statSync(entry).mtimeMs >= newestSrc)) return 'built from src/ by the bench earlier (dist/ is stale or missing)';
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const copyEsm = () => {
    const files = readdirSync(dist).filter((f) => /^feedback-prompt(-[\w-]+)?\.js$/.test(f));
    for (const file of files) writeFileSync(path.join(target, file), readFileSync(path.join(dist, file)));
    // Every chunk the entry imports must be there too, or a rebuild was half-way through.
    const text = readFileSync(path.join(target, 'feedback-prompt.js'), 'utf8');
    const wanted = [...text.matchAll(/["']\.\/(feedback-prompt-[\w-]+\.js)["']/g)].map((m) => m[1]);
    return wanted.every((file) => existsSync(path.join(target, file)));
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      if (!existsSync(entry) || statSync(entry).mtimeMs < newestSrc) break;
      if (copyEsm()) return 'a copy of dist/ (newer than src/)';
    } catch {
      // dist/ changed while being copied: try again.
    }
    await sleep(1000);
  }
  log('▶ dist/ is missing or older than src/: building the ESM bundle from rollup.config.js into bench/.build/dist/');
  const configs = (await import(pathToFileURL(path.join(ROOT, 'rollup.config.js')).href)).default;
  const esm = configs.find((c) => c.output?.entryFileNames === 'feedback-prompt.js');
  if (!esm) throw new Error('rollup.config.js has no build with entryFileNames "feedback-prompt.js"');
  const bundle = await rollup({ ...esm, onwarn: () => {} });
  await bundle.write({ ...esm.output, dir: target });
  await bundle.close();
  writeFileSync(ownBuild, `${new Date().toISOString()}\n`);
  return 'built from src/ by the bench (dist/ was stale or missing)';
}

async function bundlePeer(name, outFile) {
  const entry = path.join(BENCH, 'entries', `${name}.js`);
  const pkg = name === 'sentry' ? '@sentry/browser' : name;
  const inputs = [entry, path.join(ROOT, 'node_modules', pkg, 'package.json'), fileURLToPath(import.meta.url)];
  if (process.env.BENCH_REBUILD !== '1' && existsSync(outFile) &&
    inputs.every((file) => statSync(file).mtimeMs <= statSync(outFile).mtimeMs)) return false;
  const warnings = [];
  const bundle = await rollup({
    input: entry,
    // The peers' own ESM builds; "production" conditions, as a shop's bundler would pick them.
    plugins: [resolve({ browser: true, exportConditions: ['production'] }), terser({ format: { comments: false } })],
    onwarn: (warning) => warnings.push(warning),
  });
  await bundle.write({ file: outFile, format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const serious = warnings.filter((w) => !['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(w.code));
  for (const w of serious) log(`  rollup (${name}): ${w.code}: ${w.message}`);
  return true;
}

const WIDGET_SNIPPETS = {
  a: { head: '', body: '' },
  b: {
    head: '<script type="module" src="/dist/feedback-prompt.js"></script>',
    body: '<feedback-prompt endpoint="/answers" site="bench"></feedback-prompt>',
  },
  // fetch-data="false": no project lookup at app.pushfeedback.com; custom-font: no Google Fonts link.
  c1: {
    head: '<link rel="stylesheet" href="/bench/.build/pushfeedback.css">\n  <script type="module" src="/bench/.build/pushfeedback.js"></script>',
    body: '<feedback-button project="bench" button-position="bottom-right" modal-position="bottom-right" ' +
      'fetch-data="false" custom-font="true">Feedback</feedback-button>',
  },
  c2: { head: '<script type="module" src="/bench/.build/sentry.js"></script>', body: '' },
  // Feedback-prompt only: the always-open inline form, for the submit and flush figures.
  hold: {
    head: '<script type="module" src="/dist/feedback-prompt.js"></script>',
    body: '<feedback-prompt endpoint="/bench/hold" site="bench" position="inline"></feedback-prompt>',
  },
  flush: {
    head: '<script type="module" src="/dist/feedback-prompt.js"></script>',
    body: '<feedback-prompt endpoint="/answers" site="bench" position="inline"></feedback-prompt>',
  },
};

function writePages() {
  const template = readFileSync(path.join(BENCH, 'shop.html'), 'utf8');
  for (const [id, { head, body }] of Object.entries(WIDGET_SNIPPETS)) {
    const html = template.replace('<!-- bench:head -->', head).replace('<!-- bench:body -->', body);
    if (/\b(?:https?:)?\/\/(?!127\.0\.0\.1[:/])[a-z0-9.-]+/i.test(html.replace(/<style>[\s\S]*?<\/style>/, ''))) {
      throw new Error(`bench page ${id} has an external URL`);
    }
    writeFileSync(path.join(BUILD, `shop-${id}.html`), html);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Sizes of the files each variant loaded: raw, gzip -9, brotli 11 (best case a CDN reaches).

const sizeCache = new Map();
function fileSizes(file) {
  if (!sizeCache.has(file)) {
    const raw = readFileSync(file);
    sizeCache.set(file, {
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(file);
}

// ---------------------------------------------------------------------------------------------
// 3. One page load, measured.

/** Runs in every new document before any of its scripts: observers and the launcher watch. */
const OBSERVERS = `(() => {
  if (window.__bench) return;
  const b = window.__bench = { longTasks: [], longFrameScripts: {}, longFrameForced: {}, cls: 0, shifts: 0, visibleAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // Long animation frames name the scripts that ran in them: script time by file, long frames only.
  try {
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries()) {
        if (frame.blockingDuration <= 0) continue;
        for (const s of frame.scripts) {
          const file = s.sourceURL ? s.sourceURL.split('?')[0].split('/').pop() || '(page)' : '(inline or unknown)';
          b.longFrameScripts[file] = (b.longFrameScripts[file] || 0) + s.duration;
          b.longFrameForced[file] = (b.longFrameForced[file] || 0) + (s.forcedStyleAndLayoutDuration || 0);
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) { b.cls += e.value; b.shifts++; }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  // The launcher: feedback-prompt's [part=launcher], PushFeedback's button, Sentry's actor.
  // The same cheap query runs on every frame in every variant (the baseline too) until the stop
  // time, so its cost cancels out of "added script time".
  const HOSTS = 'feedback-prompt, feedback-button, #sentry-feedback';
  const LAUNCHERS = { 'FEEDBACK-PROMPT': '[part=launcher]', 'FEEDBACK-BUTTON': '.feedback-button-content', DIV: '.widget__actor' };
  const STOP = ${WINDOW_MS + 20_000};
  let done;
  b.visible = new Promise((resolve) => (done = resolve));
  const tick = () => {
    const host = document.querySelector(HOSTS);
    if (b.visibleAt === null && host && host.shadowRoot) {
      const launcher = host.shadowRoot.querySelector(LAUNCHERS[host.tagName]);
      const box = launcher && launcher.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) done((b.visibleAt = performance.now()));
    }
    if (performance.now() < STOP) requestAnimationFrame(tick);
    else done(b.visibleAt);
  };
  requestAnimationFrame(tick);
})();`;

const metricsOf = (reply) => Object.fromEntries(reply.metrics.map((m) => [m.name, m.value]));

function widgetFile(origin, url) {
  if (!url.startsWith(`${origin}/`)) return null;
  const urlPath = new URL(url).pathname;
  if (!/^\/(dist|bench\/\.build)\//.test(urlPath) || /\/shop-[a-z0-9]+\.html$/.test(urlPath)) return null;
  const parts = decodeURIComponent(urlPath).split('/').filter(Boolean);
  // /dist/ is served from the bench's private copy (see snapshotElement).
  return parts[0] === 'dist' ? path.join(BUILD, 'dist', ...parts.slice(1)) : path.join(ROOT, ...parts);
}

async function openPage(browser, origin) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.setDefaultTimeout(LOAD_TIMEOUT_MS);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  const requests = new Map();
  const external = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, method: e.request.method, encoded: 0, done: false });
    const { protocol, hostname } = new URL(e.request.url);
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1') external.push(e.request.url);
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { encoded: e.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { failed: e.errorText, done: true });
  });
  await page.evaluateOnNewDocument(OBSERVERS);
  return { context, page, cdp, requests, external };
}

async function measureLoad(browser, origin, variant) {
  const { context, page, cdp, requests, external } = await openPage(browser, origin);
  try {
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${origin}/bench/.build/shop-${variant}.html`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const launcherMs = variant === 'a' ? null : await page.evaluate(() => window.__bench.visible);
    if (variant !== 'a' && launcherMs === null) {
      const missing = [...requests.values()].filter((r) => r.status >= 400).map((r) => `${r.status} ${new URL(r.url).pathname}`);
      throw new Error(`the launcher never became visible${missing.length ? ` (${missing.join(', ')})` : ''}`);
    }
    // Every variant is measured at the same moment after navigation start (later only when the
    // launcher itself came late), so the idle-time work the widgets schedule is included.
    const now = await page.evaluate(() => performance.now());
    await sleep(Math.max(0, Math.max(WINDOW_MS, (launcherMs ?? 0) + 1000) - now));
    const m = metricsOf(await cdp.send('Performance.getMetrics'));
    const seen = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { longTasks: window.__bench.longTasks, longFrameScripts: window.__bench.longFrameScripts, longFrameForced: window.__bench.longFrameForced, cls: window.__bench.cls, loadMs: nav ? nav.loadEventEnd : null };
    });
    // Heap after a full GC: what the widget keeps, not what it happened to leave lying around.
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = metricsOf(await cdp.send('Performance.getMetrics')).JSHeapUsedSize;

    const files = new Map();
    let transferred = 0;
    let beacons = 0;
    let pageTransferred = 0;
    const pageUrl = `${origin}/bench/.build/shop-${variant}.html`;
    for (const r of requests.values()) {
      pageTransferred += r.encoded;
      const file = r.method === 'GET' && r.status === 200 ? widgetFile(origin, r.url) : null;
      if (file) {
        files.set(file, fileSizes(file));
        transferred += r.encoded;
      } else if (r.url !== pageUrl && !r.url.startsWith('data:')) beacons++;
    }
    const sizes = [...files.values()].reduce((sum, s) => ({
      raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli,
    }), { raw: 0, gzip: 0, brotli: 0 });
    return {
      variant,
      files: [...requests.values()].filter((r) => r.method === 'GET' && r.status === 200 && widgetFile(origin, r.url))
        .map((r) => new URL(r.url).pathname),
      rawKB: sizes.raw / 1024,
      gzipKB: sizes.gzip / 1024,
      brotliKB: sizes.brotli / 1024,
      transferredKB: transferred / 1024,
      pageTransferredKB: pageTransferred / 1024,
      beacons,
      scriptMs: m.ScriptDuration * 1000,
      recalcs: m.RecalcStyleCount,
      layouts: m.LayoutCount,
      longFrameScripts: seen.longFrameScripts,
      longFrameForced: seen.longFrameForced,
      longTasks: seen.longTasks.length,
      longTaskList: seen.longTasks,
      tbtMs: seen.longTasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      launcherMs,
      cls: seen.cls,
      heapKB: heap / 1024,
      loadMs: seen.loadMs,
      external,
      errors,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Feedback-prompt only: submit-to-durable, and flushing a full queue.

/** In the page: submits `n` answers through the inline form; click → `feedback-submit` each. */
async function submitLoop(page, n, clearEvery) {
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

async function openFormPage(browser, origin, variant, cpuRate) {
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

async function measureFlush(browser, server, cpuRate) {
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

// ---------------------------------------------------------------------------------------------
// 5. Statistics and the report.

const sorted = (xs) => xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}
const median = (xs) => quantile(xs, 0.5);
const fmt = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padL = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function summary(values, digits) {
  const s = sorted(values);
  if (!s.length) return '—';
  const lo = s[0];
  const hi = s.at(-1);
  const mid = fmt(median(s), digits);
  return lo === hi ? mid : `${mid} (${fmt(lo, digits)}–${fmt(hi, digits)})`;
}

function ratio(a, b) {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  return `${(a / b).toFixed(2)}×`;
}

// ---------------------------------------------------------------------------------------------
// Main.

async function startProxySink() {
  // Chrome sends every non-loopback request to this "proxy", which counts and drops it.
  const sink = { connections: 0, targets: new Set() };
  const server = net.createServer((socket) => {
    sink.connections++;
    socket.once('data', (chunk) => {
      const [method, target] = chunk.toString('latin1').split('\r\n')[0].split(' ');
      sink.targets.add(`${method} ${target}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => {});
    socket.setTimeout(2000, () => socket.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = server.address().port;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  return sink;
}

async function main() {
  const chrome = findChrome();
  process.chdir(ROOT);
  mkdirSync(BUILD, { recursive: true });
  const elementSource = await snapshotElement();
  const rebuilt = [];
  if (await bundlePeer('pushfeedback', path.join(BUILD, 'pushfeedback.js'))) rebuilt.push('pushfeedback');
  if (await bundlePeer('sentry', path.join(BUILD, 'sentry.js'))) rebuilt.push('sentry');
  writeFileSync(path.join(BUILD, 'pushfeedback.css'),
    readFileSync(path.join(ROOT, 'node_modules', 'pushfeedback', 'dist', 'pushfeedback', 'pushfeedback.css')));
  writePages();
  if (rebuilt.length) log(`▶ bundled ${rebuilt.join(', ')} into bench/.build/ (${elapsed()})`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-bench-'));
  const server = await startBenchServer({ root: ROOT, dataDir, mounts: { '/dist/': path.join(BUILD, 'dist') } });
  const sink = await startProxySink();
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
      // Loopback always bypasses a proxy; everything else goes to the sink and dies there.
      `--proxy-server=http://127.0.0.1:${sink.port}`,
      // Fewer of Chromium's own calls home (Debian's build still tries update and accounts hosts).
      '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication',
    ],
  });
  // Ctrl+C, or a reader that went away (| head): still close the browser and remove the temp folder.
  const bail = () => {
    browser.close().catch(() => {}).finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', bail).once('SIGTERM', bail);
  process.stdout.on('error', bail);
  // If anything hangs, do not hang with it: report what there is and leave.
  const watchdog = setTimeout(() => {
    log(`\n✖ bench: gave up after ${elapsed()}; closing the browser.`);
    browser.close().catch(() => {}).finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  }, 9 * 60_000);
  watchdog.unref();

  const version = await browser.version();
  const loadBefore = os.loadavg()[0];
  log(`feedback-prompt bench — ${version}, CPU throttled ${CPU_RATE}×, ${ROUNDS} rounds, each load measured ${WINDOW_MS} ms after navigation start`);
  log(`<feedback-prompt> served at /dist/ from ${elementSource}`);
  log(`${os.cpus().length} cores, load average ${loadBefore.toFixed(2)} at start; server ${server.origin} (brotli q5 / gzip, as demo/server.js)\n`);

  const results = Object.fromEntries(VARIANTS.map((v) => [v.id, []]));
  const failures = [];
  try {
    // One uncounted load of each: the first load of a fresh browser pays for starting things up.
    for (const { id } of VARIANTS) await measureLoad(browser, server.origin, id).catch(() => {});
    log(`warm-up done (${elapsed()})`);
    for (let round = 1; round <= ROUNDS; round++) {
      const line = [];
      for (const { id } of VARIANTS) {
        try {
          const r = await measureLoad(browser, server.origin, id);
          results[id].push(r);
          line.push(`${id} ${fmt(r.scriptMs, 0)}${r.launcherMs !== null ? `/${fmt(r.launcherMs, 0)}` : ''}`);
        } catch (err) {
          failures.push(`round ${round} ${id}: ${err.message}`);
          line.push(`${id} failed`);
        }
      }
      log(`round ${padL(String(round), 2)}/${ROUNDS}  script ms / launcher ms: ${line.join('  ')}  (${elapsed()})`);
    }

    // ----- The table.
    const base = results.a;
    const baseScript = median(base.map((r) => r.scriptMs));
    const baseHeap = median(base.map((r) => r.heapKB));
    const baseLong = median(base.map((r) => r.longTasks)) ?? 0;
    for (const rs of Object.values(results)) {
      for (const r of rs) {
        r.addedScriptMs = r.scriptMs - baseScript;
        r.addedHeapKB = r.heapKB - baseHeap;
      }
    }
    const rows = [
      ['widget files, raw KB', 'rawKB', 1],
      ['  gzip -9 KB', 'gzipKB', 1],
      ['  brotli 11 KB', 'brotliKB', 1],
      ['  transferred KB (br q5 + headers)', 'transferredKB', 1],
      ['other requests (API, beacons)', 'beacons', 0],
      ['script time ms', 'scriptMs', 1],
      ['  added script ms (vs a median)', 'addedScriptMs', 1],
      ['  style recalcs (count)', 'recalcs', 0],
      ['  layouts (count)', 'layouts', 0],
      ['long tasks', 'longTasks', 0],
      ['total blocking time ms', 'tbtMs', 0],
      ['launcher visible ms (from nav start)', 'launcherMs', 0],
      ['load event ms', 'loadMs', 0],
      ['CLS', 'cls', 4],
      ['JS heap after GC KB', 'heapKB', 0],
      ['  added heap KB (vs a median)', 'addedHeapKB', 0],
    ];
    const W0 = 38;
    const W = 24;
    log(`\nMedian (min–max) over ${ROUNDS} loads per variant, CPU ${CPU_RATE}×:\n`);
    log(pad('', W0) + VARIANTS.map((v) => padL(v.name, W)).join(''));
    for (const [label, key, digits] of rows) {
      log(pad(label, W0) + VARIANTS.map(({ id }) => {
        if (id === 'a' && /added|launcher|widget|gzip|brotli|transferred/.test(label)) return padL('—', W);
        return padL(summary(results[id].map((r) => r[key]), digits), W);
      }).join(''));
    }
    for (const { id, name } of VARIANTS.slice(1)) {
      const files = results[id][0]?.files ?? [];
      log(`${name} files: ${files.join(', ') || '—'}`);
    }
    log('Script time inside long animation frames, by file (median ms per load, of which forced style+layout):');
    for (const { id, name } of VARIANTS) {
      const names = [...new Set(results[id].flatMap((r) => Object.keys(r.longFrameScripts ?? {})))];
      const parts = names
        .map((file) => [file, median(results[id].map((r) => r.longFrameScripts?.[file] ?? 0)),
          median(results[id].map((r) => r.longFrameForced?.[file] ?? 0))])
        .filter(([, ms]) => ms >= 1)
        .sort((x, y) => y[1] - x[1])
        .map(([file, ms, forced]) => `${file} ${fmt(ms, 0)} (${fmt(forced, 0)})`);
      log(`  ${pad(name, 22)} ${parts.join(', ') || 'none'}`);
    }

    const med = (id, key) => median(results[id].map((r) => r[key]));
    log('\nRatios (of medians):');
    log(`  (b)/(a)  total script time ${ratio(med('b', 'scriptMs'), med('a', 'scriptMs'))}, ` +
      `JS heap ${ratio(med('b', 'heapKB'), med('a', 'heapKB'))}, ` +
      `load event ${ratio(med('b', 'loadMs'), med('a', 'loadMs'))}, ` +
      `bytes transferred for the whole page ${ratio(med('b', 'pageTransferredKB'), med('a', 'pageTransferredKB'))}`);
    const versus = [
      ['brotli KB', 'brotliKB'],
      ['transferred KB', 'transferredKB'],
      ['added script', 'addedScriptMs'],
      ['added heap', 'addedHeapKB'],
      ['launcher visible', 'launcherMs'],
    ];
    for (const peer of ['c1', 'c2']) {
      const name = VARIANTS.find((v) => v.id === peer).name;
      log(`  (b) vs ${pad(name, 21)} ` + versus.map(([label, key]) => `${label} ${ratio(med('b', key), med(peer, key))}`).join(', '));
    }

    // ----- Feedback-prompt only.
    log(`\nfeedback-prompt only (${elapsed()}):`);
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

    // ----- Targets.
    const b = results.b;
    const verdict = (ok) => (ok === null ? 'n/a ' : ok ? 'PASS' : 'MISS');
    const addedScript = med('b', 'addedScriptMs');
    const longMed = med('b', 'longTasks');
    const addedLong = longMed === null ? null : longMed - baseLong;
    // Noise on a shared machine moves long-task counts both ways, so the widget's own script time
    // inside long animation frames decides too: zero means none of its code ran in a long frame.
    const ownInLong = b.length ? median(b.map((r) => Object.entries(r.longFrameScripts ?? {})
      .filter(([file]) => file.startsWith('feedback-prompt')).reduce((sum, [, ms]) => sum + ms, 0))) : null;
    const clsMax = b.length ? Math.max(...b.map((r) => r.cls)) : null;
    const addedHeap = med('b', 'addedHeapKB');
    const p95 = submits[CPU_RATE] ? quantile(submits[CPU_RATE].times, 0.95) : null;
    const flush = flushes[CPU_RATE];
    const flushOk = flush ? flush.received >= 100 && flush.flushMs <= TARGETS.flushMs : null;
    const lines = [
      [addedScript === null ? null : addedScript <= TARGETS.addedScriptMs,
        `added script time ≤ ${TARGETS.addedScriptMs} ms at ${CPU_RATE}×`, `median ${fmt(addedScript)} ms (min–max ${fmt(Math.min(...b.map((r) => r.addedScriptMs)))}–${fmt(Math.max(...b.map((r) => r.addedScriptMs)))})`],
      [addedLong === null ? null : addedLong <= TARGETS.longTasks && ownInLong < 1,
        'zero long tasks', `median ${fmt(longMed, 0)} in (b) vs ${fmt(baseLong, 0)} in (a), max ${b.length ? Math.max(...b.map((r) => r.longTasks)) : '—'} in (b); ` +
        `feedback-prompt's own script inside long frames: median ${fmt(ownInLong, 0)} ms per load`],
      [clsMax === null ? null : clsMax <= TARGETS.cls, 'CLS 0', `max ${fmt(clsMax, 4)} over ${b.length} loads`],
      [addedHeap === null ? null : addedHeap <= TARGETS.addedHeapKB,
        `added heap ≤ ${TARGETS.addedHeapKB} KB`, `median ${fmt(addedHeap, 0)} KB`],
      [p95 === null ? null : p95 <= TARGETS.submitP95Ms,
        `submit-to-durable p95 ≤ ${TARGETS.submitP95Ms} ms`, `p95 ${fmt(p95)} ms at ${CPU_RATE}× over ${submits[CPU_RATE]?.times.length ?? 0} submits`],
      [flushOk, `flush of 100 ≤ ${TARGETS.flushMs / 1000} s`,
        flush ? `${fmt(flush.flushMs, 0)} ms for ${flush.received} at ${CPU_RATE}×` : 'not measured'],
    ];
    log('\nTargets (feedback-prompt):');
    for (const [ok, what, got] of lines) log(`  ${verdict(ok)}  ${pad(what, 38)} ${got}`);

    const external = Object.values(results).flat().flatMap((r) => r.external);
    const errors = [...new Set(Object.values(results).flat().flatMap((r) => r.errors.map((e) => `${r.variant}: ${e}`)))];
    log(`\nNetwork: ${external.length} request(s) aimed outside 127.0.0.1${external.length ? ` (${[...new Set(external)].slice(0, 5).join(', ')})` : ''}; ` +
      `${sink.connections} connection(s) from the browser itself reached the drop-everything loopback proxy${sink.targets.size ? ` (${[...sink.targets].slice(0, 5).join(', ')})` : ''}; ` +
      `Sentry ingest (/api/1/) got ${server.counts.sentry} request(s), other /api/ (PushFeedback config, floor probe) ${server.counts.otherApi}, ` +
      `the "down" receiver ${server.counts.hold} (1 per submit page, the rest sent on page exit despite Retry-After).`);
    if (errors.length) log(`Page errors: ${errors.slice(0, 5).join(' | ')}`);
    if (failures.length) log(`Failed measurements: ${failures.join(' | ')}`);
    log(`Load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end: other work on this machine shows up as noise.`);

    mkdirSync(path.join(BENCH, 'results'), { recursive: true });
    const out = path.join(BENCH, 'results', 'latest.json');
    writeFileSync(out, JSON.stringify({ version, rounds: ROUNDS, cpuRate: CPU_RATE, windowMs: WINDOW_MS, results, submits, flushes }, null, 1));
    log(`Raw numbers: ${path.relative(process.cwd(), out)}. Done in ${elapsed()}.`);
  } finally {
    clearTimeout(watchdog);
    await browser.close().catch(() => {});
    await sink.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench: ${err.stack ?? err}`);
    process.exit(1);
  },
);
