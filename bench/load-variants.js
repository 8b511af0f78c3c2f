import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotli, gzip } from '../scripts/size.js';
import { openPage } from './browser.js';
import { BUILD, LOAD_TIMEOUT_MS, ROOT, ROUNDS, VARIANTS, WINDOW_MS, elapsed, log } from './config.js';
import { fmt, median, padL } from './stats.js';

// Sizes of the files each variant loaded: raw, gzip -9, brotli 11 (best case a CDN reaches).
const sizeCache = new Map();
function fileSizes(file) {
  if (!sizeCache.has(file)) {
    const raw = readFileSync(file);
    sizeCache.set(file, {
      raw: raw.length,
      gzip: gzip(raw),
      brotli: brotli(raw),
    });
  }
  return sizeCache.get(file);
}

const metricsOf = (reply) => Object.fromEntries(reply.metrics.map((m) => [m.name, m.value]));

function widgetFile(origin, url) {
  if (!url.startsWith(`${origin}/`)) return null;
  const urlPath = new URL(url).pathname;
  if (!/^\/(dist|bench\/\.build)\//.test(urlPath) || /\/shop-[a-z0-9]+\.html$/.test(urlPath)) return null;
  const parts = decodeURIComponent(urlPath).split('/').filter(Boolean);
  // /dist/ is served from the bench's private copy (see snapshotElement in builds.js).
  return parts[0] === 'dist' ? path.join(BUILD, 'dist', ...parts.slice(1)) : path.join(ROOT, ...parts);
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
      return { longTasks: window.__bench.longTasks, longFrameScripts: window.__bench.longFrameScripts, longFrameForced: window.__bench.longFrameForced, cls: window.__bench.cls, widgetCls: window.__bench.widgetCls, loadMs: nav ? nav.loadEventEnd : null };
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
      widgetCls: seen.widgetCls,
      heapKB: heap / 1024,
      loadMs: seen.loadMs,
      external,
      errors,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

export async function measureVariants(browser, origin, failures) {
  const results = Object.fromEntries(VARIANTS.map((v) => [v.id, []]));
  // One uncounted load of each: the first load of a fresh browser pays for starting things up.
  for (const { id } of VARIANTS) await measureLoad(browser, origin, id).catch(() => {});
  log(`warm-up done (${elapsed()})`);
  for (let round = 1; round <= ROUNDS; round++) {
    const line = [];
    for (const { id } of VARIANTS) {
      try {
        const r = await measureLoad(browser, origin, id);
        results[id].push(r);
        line.push(`${id} ${fmt(r.scriptMs, 0)}${r.launcherMs !== null ? `/${fmt(r.launcherMs, 0)}` : ''}`);
      } catch (err) {
        failures.push(`round ${round} ${id}: ${err.message}`);
        line.push(`${id} failed`);
      }
    }
    log(`round ${padL(String(round), 2)}/${ROUNDS}  script ms / launcher ms: ${line.join('  ')}  (${elapsed()})`);
  }

  const baseScript = median(results.a.map((r) => r.scriptMs));
  const baseHeap = median(results.a.map((r) => r.heapKB));
  for (const rs of Object.values(results)) {
    for (const r of rs) {
      r.addedScriptMs = r.scriptMs - baseScript;
      r.addedHeapKB = r.heapKB - baseHeap;
    }
  }
  return results;
}
