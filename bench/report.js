import os from 'node:os';
import { CPU_RATE, ROUNDS, TARGETS, VARIANTS, log } from './config.js';
import { fmt, median, pad, padL, quantile, ratio, summary } from './stats.js';

const mediansOf = (results) => (id, key) => median(results[id].map((r) => r[key]));

export function printTable(results) {
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
}

export function printRatios(results) {
  const med = mediansOf(results);
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
}

export function printTargets(results, submits, flushes) {
  const med = mediansOf(results);
  const baseLong = median(results.a.map((r) => r.longTasks)) ?? 0;
  const b = results.b;
  const verdict = (ok) => (ok === null ? 'n/a ' : ok ? 'PASS' : 'MISS');
  const addedScript = med('b', 'addedScriptMs');
  const longMed = med('b', 'longTasks');
  const addedLong = longMed === null ? null : longMed - baseLong;
  // Noise on a shared machine moves long-task counts both ways, so the widget's own script time
  // inside long animation frames decides too: zero means none of its code ran in a long frame.
  const ownInLong = b.length ? median(b.map((r) => Object.entries(r.longFrameScripts ?? {})
    .filter(([file]) => file.startsWith('feedback-prompt')).reduce((sum, [, ms]) => sum + ms, 0))) : null;
  const clsMax = b.length ? Math.max(...b.map((r) => r.widgetCls)) : null;
  const pageClsMax = b.length ? Math.max(...b.map((r) => r.cls)) : null;
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
    [clsMax === null ? null : clsMax <= TARGETS.cls, 'CLS 0 (shifts of the widget\'s boxes)',
      `max ${fmt(clsMax, 4)} over ${b.length} loads (the whole page's CLS, the shop's own shifts included: max ${fmt(pageClsMax, 4)})`],
    [addedHeap === null ? null : addedHeap <= TARGETS.addedHeapKB,
      `added heap ≤ ${TARGETS.addedHeapKB} KB`, `median ${fmt(addedHeap, 0)} KB`],
    [p95 === null ? null : p95 <= TARGETS.submitP95Ms,
      `submit-to-durable p95 ≤ ${TARGETS.submitP95Ms} ms`, `p95 ${fmt(p95)} ms at ${CPU_RATE}× over ${submits[CPU_RATE]?.times.length ?? 0} submits`],
    [flushOk, `flush of 100 ≤ ${TARGETS.flushMs / 1000} s`,
      flush ? `${fmt(flush.flushMs, 0)} ms for ${flush.received} at ${CPU_RATE}×` : 'not measured'],
  ];
  log('\nTargets (feedback-prompt):');
  for (const [ok, what, got] of lines) log(`  ${verdict(ok)}  ${pad(what, 38)} ${ok === null ? 'not measured in this run (see BENCH_PARTS)' : got}`);
}

export function printNotes({ results, sink, server, failures, loadBefore }) {
  const external = Object.values(results).flat().flatMap((r) => r.external);
  const errors = [...new Set(Object.values(results).flat().flatMap((r) => r.errors.map((e) => `${r.variant}: ${e}`)))];
  log(`\nNetwork: ${external.length} request(s) aimed outside 127.0.0.1${external.length ? ` (${[...new Set(external)].slice(0, 5).join(', ')})` : ''}; ` +
    `${sink.connections} connection(s) from the browser itself reached the drop-everything loopback proxy${sink.targets.size ? ` (${[...sink.targets].slice(0, 5).join(', ')})` : ''}; ` +
    `Sentry ingest (/api/1/) got ${server.counts.sentry} request(s), other /api/ (PushFeedback config, floor probe) ${server.counts.otherApi}, ` +
    `the "down" receiver ${server.counts.hold} (1 per submit page, the rest sent on page exit despite Retry-After).`);
  if (errors.length) log(`Page errors: ${errors.slice(0, 5).join(' | ')}`);
  if (failures.length) log(`Failed measurements: ${failures.join(' | ')}`);
  log(`Load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end: other work on this machine shows up as noise.`);
}
