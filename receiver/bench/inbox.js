// The inbox with many answers stored, in headless Chromium: time from navigation to the first answers
// painted, and from the last key of a search typed in the box to its results painted. A benchmark: it
// prints figures beside the targets (≤ 1 s, ≤ 300 ms) and never fails on them.
//   node receiver/bench/inbox.js            100,000 answers in a temporary SQLite store (BENCH_INBOX_COUNT)
//   BENCH_DATA=dir node receiver/bench/inbox.js   an existing store instead (bench/run.js passes its million)
// Needs the build (npm run build). The function benchInbox() is what bench/run.js can call.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeAnswer, seededRandom } from './answers.js';
import { launchBrowser, newPage, signIn } from '../test/support/browser.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OWNER = { email: 'bench-inbox@shop.example', password: 'a long bench password for the inbox' };
const SEARCHES = ['biscuits', 'kortingscode', 'Lieferung', 'PayPal', 'checkout'];
const IN_FLIGHT = 10_000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${Math.round(value)} ms`;

/** `count` answers through the store's own insert (group commit, full-text index), one a minute apart. */
async function loadAnswers(data, count) {
  const { openStore } = await import('../dist/store/open.js');
  const store = await openStore({ data });
  const random = seededRandom(11);
  const newest = Date.now();
  try {
    for (let done = 0; done < count; done += IN_FLIGHT) {
      const inserts = [];
      for (let i = done; i < Math.min(done + IN_FLIGHT, count); i++) {
        const receivedAt = new Date(newest - (count - i) * 60_000).toISOString();
        inserts.push(store.insert(makeAnswer(random, { id: randomUUID, createdAt: receivedAt }), receivedAt, []));
      }
      await Promise.all(inserts);
    }
    return await store.count({});
  } finally {
    await store.close();
  }
}

/** Navigation to the first answer painted (the frame after it is in the page), in the page's clock. */
async function firstAnswersPainted(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const handle = await page.waitForFunction(() => (document.querySelector('.card .answer-text') ? performance.now() : false), {
    polling: 'raf',
    timeout: 15_000,
  });
  return handle.jsonValue();
}

/** The last key of `word` typed in the search box to its results painted. */
async function searchPainted(page, word) {
  await page.click('#search', { count: 3 });
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => !location.search.includes('q=') && document.querySelector('.answers')?.getAttribute('aria-busy') === 'false');
  await page.evaluate(() => {
    document.addEventListener('input', () => (window.lastKeyAt = performance.now()), { capture: true });
  });
  await page.type('#search', word, { delay: 60 });
  const handle = await page.waitForFunction(
    (query) =>
      new URLSearchParams(location.search).get('q') === query &&
      document.querySelector('.answers')?.getAttribute('aria-busy') === 'false' &&
      (document.querySelector('.card') || document.querySelector('.notice'))
        ? performance.now() - window.lastKeyAt
        : false,
    { polling: 'raf', timeout: 15_000 },
    word,
  );
  return { ms: await handle.jsonValue(), shown: await page.$$eval('.card', (cards) => cards.length) };
}

/**
 * @param {{ data?: string, count?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ answers: number, firstPaint: { coldMs: number, warmMs: number }, search: { medianMs: number, worstMs: number } }>}
 */
export async function benchInbox({ data = process.env.BENCH_DATA, count = Number(process.env.BENCH_INBOX_COUNT) || 100_000, log = console.log } = {}) {
  const { addOwner, startReceiver } = await import('../dist/index.js');
  if (!existsSync(path.join(HERE, '..', 'dist', 'inbox', 'index.html'))) throw new Error('the inbox page is not built: run npm run build');
  const temporary = !data;
  const folder = data ?? mkdtempSync(path.join(os.tmpdir(), 'feedback-inbox-bench-'));
  let browser;
  let receiver;
  try {
    let answers;
    if (temporary) {
      const started = performance.now();
      answers = await loadAnswers(folder, count);
      log(`inbox bench: ${answers.toLocaleString('en')} answers loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await addOwner({ data: folder }, OWNER.email, OWNER.password).catch(() => {
      // Already there from an earlier run on the same store.
    });
    receiver = await startReceiver({ data: folder, port: 0, host: '127.0.0.1', logger: false });
    answers ??= await receiver.store.count({});
    browser = await launchBrowser();
    const page = await newPage(browser);
    const inbox = `${receiver.url}/inbox/`;
    await signIn(page, inbox, OWNER.email, OWNER.password);

    const paints = [];
    for (let i = 0; i < 6; i++) paints.push(await firstAnswersPainted(page, `${inbox}?status=all`));
    const firstPaint = { coldMs: paints[0], warmMs: median(paints.slice(1)) };

    const searches = [];
    for (const word of SEARCHES) searches.push({ word, ...(await searchPainted(page, word)) });
    const times = searches.map((search) => search.ms);
    const search = { medianMs: median(times), worstMs: Math.max(...times) };

    log(`inbox, ${answers.toLocaleString('en')} answers (${receiver.store.dialect}), headless Chromium, ${os.cpus().length} cores:`);
    log(`  navigation → first answers painted: first ${ms(firstPaint.coldMs)}, median of 5 more ${ms(firstPaint.warmMs)}   (target ≤ 1000 ms)`);
    log(`  search typed → results painted: median ${ms(search.medianMs)}, worst ${ms(search.worstMs)}   (target ≤ 300 ms; includes the 80 ms pause after the last key)`);
    log(`    ${searches.map((s) => `${s.word} ${ms(s.ms)} (${s.shown} shown)`).join(', ')}`);
    return { answers, firstPaint, search };
  } finally {
    await browser?.close();
    await receiver?.close();
    if (temporary) rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchInbox();
}
