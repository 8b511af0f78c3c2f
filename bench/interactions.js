// How quickly each widget answers the customer: the Event Timing duration (input to the next
// paint, as INP counts it) of opening the panel, a keystroke in the answer field and Send, for
// feedback-prompt and the two peers, each driven by real input (CDP mouse and keyboard) at the
// bench's CPU slowdown. Event Timing reports nothing under 16 ms: such an interaction counts as
// 16 ms (an upper bound) and is marked "≤".
import { openPage } from './browser.js';
import { CPU_RATE, LOAD_TIMEOUT_MS, elapsed, log } from './config.js';
import { fmt, median, pad as padR, padL } from './stats.js';

export const INTERACTION_ROUNDS = Math.max(1, Number.parseInt(process.env.BENCH_INTERACTION_ROUNDS ?? '', 10) || 5);
const KEYSTROKES = 5;
const FLOOR_MS = 16;

/** Where each widget keeps its launcher, answer field and send button (peers: as they render them). */
const WIDGETS = {
  b: { name: 'feedback-prompt', launcher: ['feedback-prompt', '[part=launcher]'], field: ['feedback-prompt', '[part=textarea]'], send: ['feedback-prompt', '[part=submit]'] },
  c1: { name: 'PushFeedback', launcher: ['feedback-button', '.feedback-button-content'], field: ['feedback-modal', 'textarea'], send: ['feedback-modal', '.feedback-modal-button--submit'] },
  c2: { name: 'Sentry feedback', launcher: ['#sentry-feedback', '.widget__actor'], field: ['#sentry-feedback', '#message'], send: ['#sentry-feedback', '.btn--primary'] },
};
export const INTERACTIONS = ['open', 'keystroke', 'send'];

/** In the page: the box of `inner` inside `host`'s shadow root, when drawn. */
const boxOf = ([host, inner]) => {
  const el = document.querySelector(host)?.shadowRoot?.querySelector(inner);
  const box = el?.getBoundingClientRect();
  return box && box.width > 0 && box.height > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
};

/** In the page: records every event entry that belongs to an interaction. */
const observeEvents = () => {
  window.__interactions = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__interactions.push({ id: e.interactionId, duration: e.duration, start: e.startTime });
    }
  }).observe({ type: 'event', durationThreshold: 16 });
};

/** In the page: two frames and a task, so the interaction's paint happened and its entry was delivered. */
const settle = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))));

/** In the page: the longest interaction that started after `since` (the one just caused), or null. */
const longestSince = (since) => {
  const durations = window.__interactions.filter((e) => e.start >= since).map((e) => e.duration);
  return durations.length ? Math.max(...durations) : null;
};

async function timed(page, act) {
  const since = await page.evaluate(() => performance.now());
  await act();
  await page.evaluate(settle);
  const ms = await page.evaluate(longestSince, since);
  return { ms: ms ?? FLOOR_MS, below: ms === null };
}

async function clickAt(page, selector) {
  const at = await page.waitForFunction(boxOf, { timeout: LOAD_TIMEOUT_MS }, selector).then((h) => h.jsonValue());
  await page.mouse.click(at.x, at.y);
}

async function measureOnce(browser, origin, variant) {
  const w = WIDGETS[variant];
  const { context, page } = await openPage(browser, origin);
  try {
    await page.goto(`${origin}/bench/.build/shop-${variant}.html`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.evaluate(() => window.__bench.visible);
    // Let each widget finish what it does at start-up in idle time: these are interactions, not the load.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
    await page.evaluate(observeEvents);
    const open = await timed(page, () => clickAt(page, w.launcher));
    await page.waitForFunction(boxOf, { timeout: LOAD_TIMEOUT_MS }, w.field);
    // Focus without an interaction of its own (feedback-prompt focuses the field itself on open).
    await page.evaluate(([host, inner]) => document.querySelector(host).shadowRoot.querySelector(inner).focus(), w.field);
    const keys = [];
    for (let i = 0; i < KEYSTROKES; i++) keys.push(await timed(page, () => page.keyboard.press('a')));
    const send = await timed(page, () => clickAt(page, w.send));
    return { open: [open], keystroke: keys, send: [send] };
  } finally {
    await context.close().catch(() => {});
  }
}

export async function measureInteractions(browser, origin, failures) {
  const results = Object.fromEntries(Object.keys(WIDGETS).map((v) => [v, { open: [], keystroke: [], send: [] }]));
  for (let round = 1; round <= INTERACTION_ROUNDS; round++) {
    const line = [];
    for (const variant of Object.keys(WIDGETS)) {
      try {
        const r = await measureOnce(browser, origin, variant);
        for (const kind of INTERACTIONS) results[variant][kind].push(...r[kind]);
        line.push(`${variant} ${INTERACTIONS.map((k) => fmt(median(r[k].map((s) => s.ms)), 0)).join('/')}`);
      } catch (err) {
        failures.push(`interactions round ${round} ${variant}: ${err.message}`);
        line.push(`${variant} failed`);
      }
    }
    log(`interactions ${padL(String(round), 2)}/${INTERACTION_ROUNDS}  open/key/send ms: ${line.join('  ')}  (${elapsed()})`);
  }
  return results;
}

const summary = (samples) => {
  const ms = samples.map((s) => s.ms);
  if (!ms.length) return null;
  const med = median(ms);
  // "≤" when the median itself was under Event Timing's floor.
  const below = samples.filter((s) => s.below).length * 2 > samples.length;
  return { median: med, min: Math.min(...ms), max: Math.max(...ms), below };
};

export function printInteractions(results) {
  const show = (s) => (s ? `${s.below ? '≤' : ''}${fmt(s.median, 0)} (${fmt(s.min, 0)}–${fmt(s.max, 0)})` : 'failed');
  log(`\nInteraction latency at ${CPU_RATE}× CPU: Event Timing duration, ms, median (min–max); ${INTERACTION_ROUNDS} rounds, ${KEYSTROKES} keystrokes each`);
  const peers = ['c1', 'c2'];
  log(`${padR('', 12)}${Object.values(WIDGETS).map((w) => padR(w.name, 20)).join('')}feedback-prompt ÷ faster peer`);
  const stats = Object.fromEntries(Object.keys(WIDGETS).map((v) => [v, Object.fromEntries(INTERACTIONS.map((k) => [k, summary(results[v][k])]))]));
  for (const kind of INTERACTIONS) {
    const fastestPeer = Math.min(...peers.map((p) => stats[p][kind]?.median ?? Infinity));
    const ratio = stats.b[kind] && Number.isFinite(fastestPeer) ? fmt(stats.b[kind].median / fastestPeer, 2) : '–';
    log(`${padR(kind, 12)}${Object.keys(WIDGETS).map((v) => padR(show(stats[v][kind]), 20)).join('')}${ratio}`);
  }
  // The target: feedback-prompt's slowest interaction at most half the fastest peer's slowest, and ≤ 100 ms.
  const slowest = (v) => Math.max(...INTERACTIONS.map((k) => stats[v][k]?.median ?? Infinity));
  const own = slowest('b');
  const peerBest = Math.min(...peers.map(slowest));
  const ratio = own / peerBest;
  log(`slowest of the three: feedback-prompt ${fmt(own, 0)} ms, fastest peer's ${fmt(peerBest, 0)} ms → ${fmt(ratio, 2)}× ` +
    `(target ≤ 0.5× and ≤ 100 ms: ${ratio <= 0.5 && own <= 100 ? 'PASS' : 'MISS'}); "≤": under Event Timing's 16 ms floor`);
}
