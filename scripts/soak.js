// npm run soak: a bounded soak test of delivery. Three tabs of one origin submit SOAK_ANSWERS
// answers over SOAK_SECONDS while the server (scripts/soak-faults.js) and the browser (offline
// spells, reloads, closed tabs) misbehave at random. Then the faults stop, and the real receiver's
// store (feedback-prompt-receiver on SQLite, behind the fault layer) must hold every submitted answer
// exactly once. Exit 0: nothing lost or duplicated.
//
//   SOAK_ANSWERS=300 SOAK_SECONDS=150 SOAK_DRAIN_SECONDS=60 SOAK_SEED=1234 npm run soak
// SOAK_VERBOSE=1 also prints the timelines of a few answers sent again after their tab went away.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import puppeteer from 'puppeteer-core';
import { startReceiver } from '../receiver/dist/index.js';
import { CHROME_ARGS, findChrome } from './find-browser.js';
import { forwardRequest } from './forward-request.js';
import { ROOT } from './run.js';
import { BROWSER_FAULTS, browserFaults, createFaultLayer, pick, seededRandom } from './soak-faults.js';
import { serveFolders } from './static-files.js';
import { report } from './soak-report.js';

const intFromEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const ANSWERS = intFromEnv('SOAK_ANSWERS', 300);
const SECONDS = intFromEnv('SOAK_SECONDS', 150);
const DRAIN_SECONDS = intFromEnv('SOAK_DRAIN_SECONDS', 60);
const SEED = intFromEnv('SOAK_SEED', Math.floor(Math.random() * 2 ** 31));
const TABS = 3;
// Three tabs of one address send a few hundred answers in minutes: over a shop's default limits.
const NO_LIMITS = { limitPerAddress: 1_000_000, limitPerSite: 1_000_000 };
const WIDGET_EVENTS = ['feedback-submit', 'feedback-sent', 'feedback-failed', 'feedback-expired'];

const serverRandom = seededRandom(SEED);
const browserRandom = seededRandom(SEED ^ 0x9e3779b9);
const started = Date.now();
const at = () => Date.now() - started;
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

let running; // the server
let browser;
let launching; // puppeteer.launch's promise: an interrupt during the launch must still close the browser
let dataDir;
const tabs = [];
let tabsOpened = 0;
let faults; // the browser-side fault injector
const submitted = new Map(); // id -> {n, text, tab, at, offline}
const unconfirmed = []; // submissions whose feedback-submit the harness never saw
const browserTimeline = new Map(); // id -> [{at, what}]
const widgetEvents = new Map(); // event type -> count
const consoleLines = new Map(); // console warning/error text (ids and ports blurred) -> count
const harnessErrors = [];

const log = (line) => console.log(`[${secs(at()).padStart(7)}] ${line}`);

// ---------- tabs ----------

async function openTab() {
  const tab = { name: `tab${++tabsOpened}`, page: await browser.newPage(), offline: false, timer: null, settling: null };
  const { page } = tab;
  page.on('console', (msg) => {
    if (!['warn', 'warning', 'error'].includes(msg.type())) return;
    count(consoleLines, `${msg.type()}: ${msg.text().replace(/[0-9a-f-]{36}/g, '<id>').replace(/:\d+\//g, ':<port>/')}`);
  });
  page.on('pageerror', (err) => count(consoleLines, `page error: ${err.message}`));
  await page.exposeFunction('__soakEvent', (type, id, status, retrying) => {
    count(widgetEvents, type === 'feedback-failed' ? `${type} (status ${status})` : type);
    if (!id) return;
    if (!browserTimeline.has(id)) browserTimeline.set(id, []);
    const extra = status === null ? '' : ` status ${status}${retrying === null ? '' : `, retrying ${retrying}`}`;
    browserTimeline.get(id).push({ at: at(), what: `${tab.name} ${type}${extra}` });
  });
  await page.evaluateOnNewDocument((types) => {
    for (const type of types) {
      document.addEventListener(type, (e) => {
        const d = e.detail ?? {};
        window.__soakEvent(type, d.id ?? null, d.status ?? null, d.retrying ?? null);
      });
    }
  }, WIDGET_EVENTS);
  await page.goto(`${running.base}/soak.html`, { waitUntil: 'load', timeout: 15_000 });
  await formReady(page);
  return tab;
}

const formReady = (page) =>
  page.waitForFunction(() => document.querySelector('feedback-prompt')?.shadowRoot?.querySelector('[part=textarea]'), {
    timeout: 15_000,
  });

/** Types `text`, presses send and resolves with the answer from `feedback-submit`; then asks for a fresh form. */
const submit = (page, text) =>
  page.evaluate(async (text) => {
    const el = document.querySelector('feedback-prompt');
    const root = el.shadowRoot;
    root.querySelector('.secondary')?.click(); // a thank-you view left from before
    await el.updateComplete;
    const area = root.querySelector('[part=textarea]');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const answer = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const why = root.querySelector('.error, .status')?.textContent?.trim();
        reject(new Error(`no feedback-submit within 10 s${why ? ` (the prompt says: ${why})` : ''}`));
      }, 10_000);
      el.addEventListener('feedback-submit', (e) => (clearTimeout(timer), resolve(e.detail)), { once: true });
    });
    root.querySelector('[part=submit]').click();
    const detail = await answer;
    await el.updateComplete;
    root.querySelector('.secondary')?.click();
    return { id: detail.id, answer: detail.answer, online: navigator.onLine };
  }, text);

/** The queue in IndexedDB, read with the raw API in `page` (never creating the database). */
const storedQueue = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('feedback-prompt');
        request.onupgradeneeded = () => (request.transaction.abort(), resolve([]));
        request.onerror = () => (request.error?.name === 'AbortError' ? resolve([]) : reject(request.error));
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('queue')) return (db.close(), resolve([]));
          const all = db.transaction('queue').objectStore('queue').getAll();
          all.onsuccess = () => (db.close(), resolve(all.result.map(({ answer, ...rest }) => ({ id: answer.id, text: answer.answer, ...rest }))));
          all.onerror = () => (db.close(), reject(all.error));
        };
      }),
  );

// ---------- the run ----------

/** dist/feedback-prompt.js as it is now (waiting a minute for a build under way to write it). */
async function pinnedBuild() {
  const file = path.join(ROOT, 'dist', 'feedback-prompt.js');
  for (let waited = 0; !existsSync(file); waited += 2) {
    if (waited >= 60) throw new Error('dist/feedback-prompt.js is missing: run `node scripts/build.js` first');
    if (!waited) log('waiting for dist/feedback-prompt.js (is a build running?)');
    await sleep(2000);
  }
  await sleep(1000); // a build writing it right now
  return readFile(file);
}

/**
 * The soak's origin: its page, dist/ (every tab, reloaded or new, gets the one pinned build, so a
 * rebuild during the soak, which empties dist/, cannot break page loads halfway; language chunks
 * come from dist/ as they are) and POST /answers through the fault layer to the real receiver.
 */
async function startSoakServer(build) {
  let layer = null;
  const app = Fastify({
    logger: false,
    // /answers never reaches Fastify: the layer reads the raw request, so it can drop connections.
    serverFactory: (handler) =>
      http.createServer((req, res) => ((req.url ?? '').split('?')[0] === '/answers' && layer ? void layer.handle(req, res) : handler(req, res))),
  });
  await serveFolders(app, { '/dist/': path.join(ROOT, 'dist') });
  app.get('/dist/feedback-prompt.js', (req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(build));
  app.get('/soak.html', (req, reply) => reply.sendFile('soak-page.html', path.join(ROOT, 'scripts')));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  let receiver;
  try {
    receiver = await startReceiver({ port: 0, host: '127.0.0.1', data: dataDir, allowedOrigins: [base], logger: false, ...NO_LIMITS });
  } catch (err) {
    await app.close();
    throw err;
  }
  layer = createFaultLayer({ forward: (req, res, options) => forwardRequest(receiver.url, req, res, options), random: serverRandom, at });
  return {
    base,
    layer,
    store: receiver.store,
    async close() {
      await app.close();
      await receiver.close();
    },
  };
}

/** The ids the receiver has stored, read from its store (never from what the browser says). */
async function storedIds() {
  const ids = [];
  for await (const answer of running.store.stream({})) ids.push(answer.id);
  return ids;
}

async function soak() {
  const build = await pinnedBuild();
  const executablePath = findChrome(); // exits with advice when there is none: before anything needs cleaning up
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'feedback-prompt-soak-'));
  running = await startSoakServer(build);
  const { layer } = running;
  browser = await (launching = puppeteer.launch({
    executablePath,
    headless: true,
    args: CHROME_ARGS,
    // Puppeteer would exit the process itself on these, skipping our cleanup.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  }));
  for (let i = 0; i < TABS; i++) tabs.push(await openTab());
  faults = browserFaults({ tabs, openTab, ready: formReady, random: browserRandom, at, onError: (e) => harnessErrors.push(e) });
  log(`${TABS} tabs on ${running.base}; submitting ${ANSWERS} answers over ${SECONDS} s (seed ${SEED})`);

  const interval = (SECONDS * 1000) / ANSWERS;
  const phaseStart = Date.now();
  const giveUpAt = phaseStart + SECONDS * 1000 + 30_000;
  for (let n = 1; n <= ANSWERS; n++) {
    if (Date.now() > giveUpAt) {
      harnessErrors.push(`submission fell behind: stopped after ${n - 1} of ${ANSWERS}`);
      break;
    }
    const fault = pick(browserRandom, BROWSER_FAULTS, null);
    if (fault) await faults.inject(fault).catch((err) => harnessErrors.push(`${fault}: ${err.message}`));
    await sleep(phaseStart + (n - 1) * interval - Date.now());
    const tab = tabs[Math.floor(browserRandom() * tabs.length)];
    const text = `soak-${n}`;
    try {
      const { id, answer, online } = await submit(tab.page, text);
      if (answer !== text) harnessErrors.push(`${text} was queued as ${JSON.stringify(answer)}`);
      submitted.set(id, { n, text, tab: tab.name, at: at(), offline: !online });
    } catch (err) {
      unconfirmed.push({ n, text, tab: tab.name, at: at(), error: err.message });
    }
    if (n % 50 === 0) log(`${n} submitted; receiver has ${await running.store.count({})}; ${layer.posts} POSTs so far`);
  }

  // Faults off, everyone online, one flush each; then only the widget's own scheduling.
  layer.enabled = false;
  const drainStart = Date.now();
  log(`faults off; ${submitted.size} submitted, receiver has ${await running.store.count({})}; flushing and waiting`);
  await Promise.all(tabs.map(faults.goOnline));
  for (const tab of tabs) {
    await tab.page
      .evaluate(() => void document.querySelector('feedback-prompt').flush())
      .catch((err) => harnessErrors.push(`flush in ${tab.name}: ${err.message}`));
  }
  const wanted = [...submitted.keys()];
  let missing = wanted;
  while (missing.length && Date.now() - drainStart < DRAIN_SECONDS * 1000) {
    await sleep(250);
    const stored = new Set(await storedIds());
    missing = wanted.filter((id) => !stored.has(id));
  }
  const drainMs = Date.now() - drainStart;
  // Let the tabs finish deleting what was delivered and the server answer what is in flight.
  let leftovers = [];
  for (const until = Date.now() + 5000; Date.now() < until; await sleep(250)) {
    leftovers = await storedQueue(tabs[0].page).catch(() => leftovers);
    if (!leftovers.length && !layer.inFlight) break;
  }
  return report({
    store: running.store,
    layer,
    faults,
    submitted,
    unconfirmed,
    browserTimeline,
    widgetEvents,
    consoleLines,
    harnessErrors,
    missing,
    drainMs,
    leftovers,
    run: `seed ${SEED}; ${ANSWERS} answers over ${SECONDS} s; ${tabsOpened} tabs opened in all; took ${secs(at())}`,
  });
}

// ---------- always clean up ----------

let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    faults?.stop();
    browser ??= await launching?.catch(() => undefined);
    if (browser) {
      const closed = browser.close().catch(() => {});
      if ((await Promise.race([closed.then(() => true), sleep(10_000)])) !== true) browser.process()?.kill('SIGKILL');
    }
    await running?.close().catch((err) => console.error(`closing the server: ${err.message}`));
    // Requests the fault layer is still delaying are not the receiver's to wait for.
    for (const until = Date.now() + 3000; running?.layer?.inFlight && Date.now() < until; ) await sleep(50);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}

const LIMIT_MS = (SECONDS + DRAIN_SECONDS + 60) * 1000;
const watchdog = setTimeout(() => {
  console.error(`\nsoak: still running after ${secs(LIMIT_MS)}: giving up`);
  cleanup().finally(() => process.exit(1));
}, LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => cleanup().finally(() => process.exit(130)));

let code = 1;
try {
  code = await soak();
} catch (err) {
  console.error(`\nsoak failed: ${err.stack ?? err}`);
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
process.exit(code);
