// `npm run bench`: what <feedback-prompt> costs a shop page, next to no widget and two peers,
// in headless Chromium with the CPU throttled 4×. Everything is served from loopback; the
// browser's proxy is a local sink, so anything that tried to leave 127.0.0.1 would be counted and
// dropped, never sent. A benchmark, not a test: it prints PASS/MISS per target and exits 0.
//
// Environment: BENCH_ROUNDS (default 9), BENCH_WINDOW_MS (default 3000: each load is measured at
// this time after navigation start), BENCH_SUBMITS (default 200), BENCH_REBUILD=1 (re-bundle peers),
// BENCH_PARTS (default "loads,queue,interactions": the page loads, then submit and flush figures,
// then open/keystroke/Send latency; BENCH_INTERACTION_ROUNDS, default 5),
// CHROME_PATH (see scripts/find-browser.js).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChrome } from '../scripts/find-browser.js';
import { launchBrowser, startProxySink } from './browser.js';
import { prepareBuilds } from './builds.js';
import { BENCH, BUILD, CPU_RATE, PARTS, ROOT, ROUNDS, WINDOW_MS, elapsed, log } from './config.js';
import { measureVariants } from './load-variants.js';
import { measureQueue } from './queue-figures.js';
import { measureInteractions, printInteractions } from './interactions.js';
import { printNotes, printRatios, printTable, printTargets } from './report.js';
import { startBenchServer } from './server.js';

async function main() {
  const chrome = findChrome();
  process.chdir(ROOT);
  const elementSource = await prepareBuilds();

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'feedback-prompt-bench-'));
  const server = await startBenchServer({ root: ROOT, dataDir, mounts: { '/dist/': path.join(BUILD, 'dist') } });
  const sink = await startProxySink();
  const browser = await launchBrowser(chrome, sink);
  const abandon = (code) =>
    browser.close().catch(() => {}).finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(code);
    });
  // Ctrl+C, or a reader that went away (| head): still close the browser and remove the temp folder.
  const bail = () => abandon(130);
  process.once('SIGINT', bail).once('SIGTERM', bail);
  process.stdout.on('error', bail);
  // If anything hangs, do not hang with it: report what there is and leave.
  const watchdog = setTimeout(() => {
    log(`\n✖ bench: gave up after ${elapsed()}; closing the browser.`);
    abandon(0);
  }, 9 * 60_000);
  watchdog.unref();

  const version = await browser.version();
  const loadBefore = os.loadavg()[0];
  log(`feedback-prompt bench — ${version}, CPU throttled ${CPU_RATE}×, ${ROUNDS} rounds, each load measured ${WINDOW_MS} ms after navigation start`);
  log(`<feedback-prompt> served at /dist/ from ${elementSource}`);
  log(`${os.cpus().length} cores, load average ${loadBefore.toFixed(2)} at start; server ${server.origin} (brotli q5 / gzip, as demo/server.js)\n`);

  const failures = [];
  try {
    const results = PARTS.includes('loads') ? await measureVariants(browser, server.origin, failures) : { a: [], b: [], c1: [], c2: [] };
    if (PARTS.includes('loads')) (printTable(results), printRatios(results));
    const { submits, flushes } = PARTS.includes('queue') ? await measureQueue(browser, server, failures) : { submits: {}, flushes: {} };
    printTargets(results, submits, flushes);
    const interactions = PARTS.includes('interactions') ? await measureInteractions(browser, server.origin, failures) : null;
    if (interactions) printInteractions(interactions);
    printNotes({ results, sink, server, failures, loadBefore });

    mkdirSync(path.join(BENCH, 'results'), { recursive: true });
    const out = path.join(BENCH, 'results', 'latest.json');
    writeFileSync(out, JSON.stringify({ version, rounds: ROUNDS, cpuRate: CPU_RATE, windowMs: WINDOW_MS, results, submits, flushes, interactions }, null, 1));
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
