// The summary of `npm run soak`, computed from what the receiver stored (read from its store), not
// from what the browser says: lost = submitted ids not stored; duplicated = ids stored more than once,
// or stored ids never submitted. Repeated POSTs the receiver answered 409 are counted and explained.

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Prints the summary, computed from the receiver's own store, and the timelines of anything
 * lost or duplicated; resolves with the exit code (1: lost, duplicated, or the harness stumbled).
 */
export async function report(soak) {
  const { store, layer, faults, submitted, unconfirmed, browserTimeline, widgetEvents, consoleLines } = soak;
  const { harnessErrors, missing, drainMs, leftovers } = soak;
  const lineCount = new Map(); // id -> how many stored answers have it
  const storedText = new Map();
  for await (const record of store.stream({})) {
    count(lineCount, record.id);
    storedText.set(record.id, record.answer);
  }
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
  const tabGone = faults.log.filter((f) => /reloaded|closed/.test(f.what));
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
      } else repeats.unexplained.push(id);
    }
  }

  const list = (map) => [...map].filter(([, n]) => n).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  const offline = [...submitted.values()].filter((s) => s.offline).length;
  console.log(`\nsoak: ${submitted.size} submitted, ${lineCount.size} stored, ${lost.length} lost, ${duplicated} duplicated`);
  console.log(`  submitted while their tab was offline (navigator.onLine false): ${offline}`);
  console.log(`  server faults injected:  ${list(new Map(Object.entries(layer.faults)))}`);
  console.log(`  browser faults injected: ${list(faults.counts)}`);
  console.log(`  POST /answers attempts the receiver saw: ${layer.posts} (receiver answered ${list(new Map(Object.entries(layer.statuses)))})`);
  const why = list(new Map(Object.entries({ ...repeats, unexplained: repeats.unexplained.length })));
  console.log(`  409 (an id already stored, sent again): ${layer.statuses[409] ?? 0}${layer.statuses[409] ? `, because ${why}` : ''}`);
  console.log(`  connections: ${layer.connections}; network faults also applied to Chromium's own silent resend: ${layer.resendsFaulted}`);
  const sentTwice = [...browserTimeline.values()].filter((events) => events.filter((e) => e.what.endsWith('feedback-sent')).length > 1).length;
  console.log(`  widget events seen in the tabs: ${list(widgetEvents)}; ids reported sent more than once: ${sentTwice}`);
  console.log(`  ${missing.length ? 'gave up waiting' : 'all stored'} ${secs(drainMs)} after the faults stopped; ${leftovers.length} left in the browser queue`);
  console.log(`  ${soak.run}`);
  if (consoleLines.size) console.log(`  console warnings/errors in the tabs:\n${[...consoleLines].map(([t, n]) => `    ×${n} ${t.slice(0, 200)}`).join('\n')}`);

  const problems = [];
  if (lost.length) problems.push(`lost (submitted, never stored): ${lost.length}`);
  if (repeated.length) problems.push(`stored more than once: ${repeated.length}`);
  if (strangers.length) problems.push(`stored but never submitted: ${strangers.length}`);
  if (altered.length) problems.push(`stored with other text than submitted: ${altered.length}`);
  if (unconfirmed.length) problems.push(`submissions without a feedback-submit: ${unconfirmed.map((u) => `${u.text} in ${u.tab}: ${u.error}`).join('; ')}`);
  const counted = await store.count({});
  if ([...lineCount.values()].reduce((a, b) => a + b, 0) !== counted) problems.push(`the store lists ${lineCount.size} ids but counts ${counted} answers`);
  problems.push(...harnessErrors);
  if (problems.length) console.log(`\nproblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const verbose = process.env.SOAK_VERBOSE ? afterTabGone.slice(0, 5) : [];
  for (const id of [...lost, ...repeated, ...strangers, ...altered, ...repeats.unexplained.slice(0, 5), ...verbose].slice(0, 12)) {
    timeline(id, soak);
  }
  if (missing.length && !lost.length) console.log('  (the receiver got the last ones while the harness was reading)');
  return lost.length || duplicated || altered.length || unconfirmed.length || harnessErrors.length ? 1 : 0;
}

/** Everything known about one answer, in time order: for reporting a loss or a duplicate. */
function timeline(id, { submitted, browserTimeline, layer, faults, leftovers }) {
  const s = submitted.get(id);
  const events = [
    ...(s ? [{ at: s.at, what: `submitted as "${s.text}" in ${s.tab}${s.offline ? ' (offline)' : ''}` }] : []),
    ...(browserTimeline.get(id) ?? []).map((e) => ({ ...e, what: `browser: ${e.what}` })),
    ...(layer.timeline.get(id) ?? []).map((e) => ({ ...e, what: `server:  ${e.what}` })),
  ].sort((a, b) => a.at - b.at);
  const first = events[0]?.at ?? 0;
  const last = events.at(-1)?.at ?? first;
  // Offline spells last up to 5 s: one that began a little earlier may still be on.
  const from = (f) => first - (f.what.includes('offline') ? 6000 : 2000);
  const nearby = faults.log.filter((f) => f.at >= from(f) && f.at <= last + 2000).map((f) => ({ ...f, what: `fault:   ${f.what}` }));
  console.log(`\n  timeline of ${id}:`);
  for (const e of [...events, ...nearby].sort((a, b) => a.at - b.at)) console.log(`    ${secs(e.at).padStart(8)}  ${e.what}`);
  const queued = leftovers.find((r) => r.id === id);
  if (queued) console.log(`    still in the browser queue: ${JSON.stringify(queued)}`);
}
