// npm run soak: a bounded soak test of delivery. Three tabs of one origin submit SOAK_ANSWERS
// answers over SOAK_SECONDS while the server (scripts/soak-faults.js) and the browser (offline
// spells, reloads, closed tabs) misbehave at random. Then the faults stop, and the receiver's
// own data file must hold every submitted answer exactly once. Exit 0: nothing lost or duplicated.
//
//   SOAK_ANSWERS=300 SOAK_SECONDS=150 SOAK_DRAIN_SECONDS=60 SOAK_SEED=1234 npm run soak
// SOAK_VERBOSE=1 also prints the timelines of a few answers sent again after their tab went away.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer } from '../demo/server.js';
import { findChrome } from './find-browser.js';
import { ROOT } from './run.js';
import { installFaultLayer, pick, seededRandom } from './soak-faults.js';

const intFromEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const ANSWERS = intFromEnv('SOAK_ANSWERS', 300);
const SECONDS = intFromEnv('SOAK_SECONDS', 150);
const DRAIN_SECONDS = intFromEnv('SOAK_DRAIN_SECONDS', 60);
const SEED = intFromEnv('SOAK_SEED', Math.floor(Math.random() * 2 ** 31));
const TABS = 3;
/** Drawn once before each submission; at most one of them. */
const BROWSER_FAULTS = { 'offline spell': 0.05, reload: 0.04, 'tab closed, new one opened': 0.015 };
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
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
const submitted = new Map(); // id -> {n, text, tab, at}
const unconfirmed = []; // submissions whose feedback-submit the harness never saw
const browserTimeline = new Map(); // id -> [{at, what}]
const browserFaultLog = []; // {at, what}
const browserFaults = new Map(Object.keys(BROWSER_FAULTS).map((kind) => [kind, 0]));
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
  await page.goto(`${running.base}/scripts/soak-page.html`, { waitUntil: 'load', timeout: 15_000 });
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
    return { id: detail.id, answer: detail.answer };
  }, text);

async function goOnline(tab) {
  clearTimeout(tab.timer);
  tab.timer = null;
  if (!tab.offline) return;
  tab.settling ??= tab.page.setOfflineMode(false).catch((err) => harnessErrors.push(`${tab.name} back online: ${err.message}`));
  await tab.settling;
  tab.settling = null;
  tab.offline = false;
}

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

// ---------- browser faults ----------

async function injectBrowserFault(kind) {
  // Reloading or closing an offline tab would only test that offline pages do not load.
  const online = tabs.filter((t) => !t.offline);
  if (!online.length) return;
  const tab = online[Math.floor(browserRandom() * online.length)];
  count(browserFaults, kind);
  if (kind === 'offline spell') {
    const ms = Math.round(1000 + browserRandom() * 4000);
    browserFaultLog.push({ at: at(), what: `${tab.name} offline for ${secs(ms)}` });
    tab.offline = true;
    await tab.page.setOfflineMode(true);
    tab.timer = setTimeout(() => void goOnline(tab), ms);
  } else if (kind === 'reload') {
    browserFaultLog.push({ at: at(), what: `${tab.name} reloaded` });
    await tab.page.reload({ waitUntil: 'load', timeout: 15_000 });
    await formReady(tab.page);
  } else {
    browserFaultLog.push({ at: at(), what: `${tab.name} closed` });
    tabs.splice(tabs.indexOf(tab), 1);
    await tab.page.close();
    const fresh = await openTab();
    tabs.push(fresh);
    browserFaultLog.push({ at: at(), what: `${fresh.name} opened` });
  }
}

// ---------- the run ----------

async function soak() {
  if (!existsSync(path.join(ROOT, 'dist', 'feedback-prompt.js'))) throw new Error('dist/feedback-prompt.js is missing: run `node scripts/build.js` first');
  const executablePath = findChrome(); // exits with advice when there is none: before anything needs cleaning up
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'feedback-prompt-soak-'));
  running = await startServer({ port: 0, host: '127.0.0.1', root: ROOT, dataDir, allowedOrigins: [], quiet: true });
  running.base = `http://127.0.0.1:${running.server.address().port}`;
  // startServer calls receiver.handle on the object it returns, so the layer sits in front of it.
  const layer = (running.layer = installFaultLayer(running.receiver, { random: serverRandom, at }));
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
    if (fault) await injectBrowserFault(fault).catch((err) => harnessErrors.push(`${fault}: ${err.message}`));
    await sleep(phaseStart + (n - 1) * interval - Date.now());
    const tab = tabs[Math.floor(browserRandom() * tabs.length)];
    const text = `soak-${n}`;
    try {
      const { id, answer } = await submit(tab.page, text);
      if (answer !== text) harnessErrors.push(`${text} was queued as ${JSON.stringify(answer)}`);
      submitted.set(id, { n, text, tab: tab.name, at: at(), offline: tab.offline });
    } catch (err) {
      unconfirmed.push({ n, text, tab: tab.name, at: at(), error: err.message });
    }
    if (n % 50 === 0) log(`${n} submitted; receiver has ${running.receiver.records().length}; ${layer.posts} POSTs so far`);
  }

  // Faults off, everyone online, one flush each; then only the widget's own scheduling.
  layer.enabled = false;
  const drainStart = Date.now();
  log(`faults off; ${submitted.size} submitted, receiver has ${running.receiver.records().length}; flushing and waiting`);
  await Promise.all(tabs.map(goOnline));
  for (const tab of tabs) {
    await tab.page
      .evaluate(() => void document.querySelector('feedback-prompt').flush())
      .catch((err) => harnessErrors.push(`flush in ${tab.name}: ${err.message}`));
  }
  const wanted = [...submitted.keys()];
  let missing = wanted;
  while (missing.length && Date.now() - drainStart < DRAIN_SECONDS * 1000) {
    await sleep(250);
    const stored = new Set(running.receiver.records().map((r) => r.id));
    missing = wanted.filter((id) => !stored.has(id));
  }
  const drainMs = Date.now() - drainStart;
  // Let the tabs finish deleting what was delivered and the server answer what is in flight.
  let leftovers = [];
  for (const until = Date.now() + 5000; Date.now() < until; await sleep(250)) {
    leftovers = await storedQueue(tabs[0].page).catch(() => leftovers);
    if (!leftovers.length && !layer.inFlight) break;
  }
  return report({ layer, missing, drainMs, leftovers });
}

async function report({ layer, missing, drainMs, leftovers }) {
  const file = path.join(dataDir, 'answers.jsonl');
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  const lines = text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const lineCount = new Map();
  const storedText = new Map();
  for (const record of lines) count(lineCount, record.id), storedText.set(record.id, record.answer);
  const lost = [...submitted.keys()].filter((id) => !lineCount.has(id));
  const repeated = [...lineCount].filter(([, n]) => n > 1).map(([id]) => id);
  const strangers = [...lineCount.keys()].filter((id) => !submitted.has(id));
  const altered = [...submitted].filter(([id, s]) => lineCount.has(id) && storedText.get(id) !== s.text).map(([id]) => id);
  const duplicated = repeated.length + strangers.length;

  // A 409 means the answer was sent again after it was stored. Expected when the reply was lost,
  // or when the tab that sent it went away mid-send (its keepalive request lives on, its lock and
  // its "delete from the queue" do not). Any other 409: two live senders, against the spec.
  const repeats = { 'the reply was lost': 0, 'a tab reloaded or closed while it was pending': 0, unexplained: [] };
  const afterTabGone = [];
  const tabGone = browserFaultLog.filter((f) => /reloaded|closed/.test(f.what));
  for (const [id, events] of layer.timeline) {
    let replyLost = false;
    const firstPost = events[0].at;
    for (const { at: when, what } of events) {
      if (what.includes('reply dropped')) replyLost = true;
      if (!what.startsWith('receiver 409')) continue;
      if (replyLost) repeats['the reply was lost']++;
      else if (tabGone.some((f) => f.at >= firstPost - 250 && f.at <= when)) {
        repeats['a tab reloaded or closed while it was pending']++;
        afterTabGone.push(id);
      }
      else repeats.unexplained.push(id);
    }
  }

  const list = (map) => [...map].filter(([, n]) => n).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  console.log(`\nsoak: ${submitted.size} submitted, ${lineCount.size} stored, ${lost.length} lost, ${duplicated} duplicated`);
  console.log(`  server faults injected:  ${list(new Map(Object.entries(layer.faults)))}`);
  console.log(`  browser faults injected: ${list(browserFaults)}`);
  console.log(`  POST /answers attempts the receiver saw: ${layer.posts} (receiver answered ${list(new Map(Object.entries(layer.statuses)))})`);
  const why = list(new Map(Object.entries({ ...repeats, unexplained: repeats.unexplained.length })));
  console.log(`  409 (an id already stored, sent again): ${layer.statuses[409] ?? 0}${layer.statuses[409] ? `, because ${why}` : ''}`);
  console.log(`  connections: ${layer.connections}; network faults also applied to Chromium's own silent resend: ${layer.resendsFaulted}`);
  const sentTwice = [...browserTimeline.values()].filter((events) => events.filter((e) => e.what.endsWith('feedback-sent')).length > 1).length;
  console.log(`  widget events seen in the tabs: ${list(widgetEvents)}; ids reported sent more than once: ${sentTwice}`);
  console.log(`  all stored ${secs(drainMs)} after the faults stopped; ${leftovers.length} left in the browser queue; ${tabsOpened} tabs opened in all`);
  console.log(`  seed ${SEED}; ${ANSWERS} answers over ${SECONDS} s; took ${secs(at())}`);
  if (consoleLines.size) console.log(`  console warnings/errors in the tabs:\n${[...consoleLines].map(([t, n]) => `    ×${n} ${t.slice(0, 200)}`).join('\n')}`);

  const problems = [];
  if (lost.length) problems.push(`lost (submitted, never stored): ${lost.length}`);
  if (repeated.length) problems.push(`stored more than once in the data file: ${repeated.length}`);
  if (strangers.length) problems.push(`stored but never submitted: ${strangers.length}`);
  if (altered.length) problems.push(`stored with other text than submitted: ${altered.length}`);
  if (unconfirmed.length) problems.push(`submissions without a feedback-submit: ${unconfirmed.map((u) => `${u.text} in ${u.tab}: ${u.error}`).join('; ')}`);
  if (lineCount.size !== running.receiver.records().length) problems.push(`data file has ${lineCount.size} ids, receiver.records() ${running.receiver.records().length}`);
  problems.push(...harnessErrors);
  if (problems.length) console.log(`\nproblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const verbose = process.env.SOAK_VERBOSE ? afterTabGone.slice(0, 5) : [];
  for (const id of [...lost, ...repeated, ...strangers, ...altered, ...repeats.unexplained.slice(0, 5), ...verbose].slice(0, 12)) {
    timeline(id, layer, leftovers);
  }
  if (missing.length && !lost.length) console.log('  (the receiver got the last ones while the harness was reading)');
  return lost.length || duplicated || altered.length || unconfirmed.length || harnessErrors.length ? 1 : 0;
}

/** Everything known about one answer, in time order: for reporting a loss or a duplicate. */
function timeline(id, layer, leftovers) {
  const s = submitted.get(id);
  const events = [
    ...(s ? [{ at: s.at, what: `submitted as "${s.text}" in ${s.tab}${s.offline ? ' (offline)' : ''}` }] : []),
    ...(browserTimeline.get(id) ?? []).map((e) => ({ ...e, what: `browser: ${e.what}` })),
    ...(layer.timeline.get(id) ?? []).map((e) => ({ ...e, what: `server:  ${e.what}` })),
  ].sort((a, b) => a.at - b.at);
  const first = events[0]?.at ?? 0;
  const last = events.at(-1)?.at ?? first;
  const nearby = browserFaultLog.filter((f) => f.at >= first - 2000 && f.at <= last + 2000).map((f) => ({ ...f, what: `fault:   ${f.what}` }));
  console.log(`\n  timeline of ${id}:`);
  for (const e of [...events, ...nearby].sort((a, b) => a.at - b.at)) console.log(`    ${secs(e.at).padStart(8)}  ${e.what}`);
  const queued = leftovers.find((r) => r.id === id);
  if (queued) console.log(`    still in the browser queue: ${JSON.stringify(queued)}`);
}

// ---------- always clean up ----------

let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const tab of tabs) clearTimeout(tab.timer);
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
