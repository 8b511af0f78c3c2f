// The bench's tables: each figure beside its target from issue 9 (✓ met, ✗ not met).

const int = (n) => Math.round(n).toLocaleString('en');
const ms = (n) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const mark = (ok) => (ok ? ' ✓' : ' ✗');

function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i] ?? '').length)));
  const line = (row) => `| ${row.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

const refusals = (run) => {
  const parts = Object.entries(run.other).map(([code, n]) => `${n}×${code}`);
  if (run.errors) parts.push(`${run.errors} errors`);
  return parts.join(', ') || 'none';
};

/** (a) ceiling, (b) SQLite, (c) PostgreSQL side by side. */
export function ingestTable({ ceiling, sqlite, postgres, postgresSkipped }, { seconds, rate, connections }) {
  const columns = [ceiling, sqlite, postgres];
  const cell = (result, format) => (result ? format(result) : 'skipped');
  const ratio = (result) => result.saturation.perSecond / ceiling.saturation.perSecond;
  const rows = [
    [`answers/s sustained (${connections} connections, ${seconds} s)`,
      int(ceiling.saturation.perSecond),
      cell(sqlite, (r) => int(r.saturation.perSecond) + mark(r.saturation.perSecond >= 3000)),
      cell(postgres, (r) => int(r.saturation.perSecond) + mark(r.saturation.perSecond >= 1500)),
      'SQLite ≥ 3,000 durable; PostgreSQL ≥ 1,500'],
    ['ratio to the ceiling (b)/(a), (c)/(a)', '1.00',
      cell(sqlite, (r) => ratio(r).toFixed(2) + mark(ratio(r) >= 0.3)),
      cell(postgres, (r) => ratio(r).toFixed(2)),
      'SQLite ≥ 0.3'],
    [`p50 / p99 at ${rate}/s offered`,
      `${ms(ceiling.fixed.p50)} / ${ms(ceiling.fixed.p99)}`,
      cell(sqlite, (r) => `${ms(r.fixed.p50)} / ${ms(r.fixed.p99)}${mark(r.fixed.p99 <= 50)}`),
      cell(postgres, (r) => `${ms(r.fixed.p50)} / ${ms(r.fixed.p99)}`),
      'SQLite p99 ≤ 50 ms'],
    [`answered at ${rate}/s offered (per s)`, ...columns.map((r) => cell(r, (x) => int(x.fixed.perSecond))), ''],
    ['p50 / p99 at saturation', ...columns.map((r) => cell(r, (x) => `${ms(x.saturation.p50)} / ${ms(x.saturation.p99)}`)), ''],
    ['other statuses (saturation; fixed rate)', ...columns.map((r) => cell(r, (x) => `${refusals(x.saturation)}; ${refusals(x.fixed)}`)), ''],
    ['server peak RSS', ...columns.map((r) => cell(r, (x) => `${int(x.peakRssMB)} MB`)), ''],
    ['start-up, empty store: spawn → listening (own start)', ...columns.map((r) => cell(r, (x) => `${ms(x.startupMs)} (${ms(x.ownStartMs)})`)), ''],
  ];
  const out = table(['ingest', '(a) ceiling', '(b) SQLite', '(c) PostgreSQL', 'target'], rows);
  if (postgresSkipped) out.push(`(c) skipped: ${postgresSkipped}`);
  return out;
}

/** The million, one column per store. */
export function millionTable(byStore, count) {
  const stores = Object.keys(byStore);
  const get = (g, target) => `${ms(g.warmMs)} (first ${ms(g.coldMs)})${mark(g.warmMs <= target)}`;
  const row = (label, format, target) => [label, ...stores.map((store) => format(byStore[store])), target];
  const rows = [
    row('start-up: spawn → listening (own start), median of 3', (m) => `${ms(m.startupMs)} (${ms(m.ownStartMs)})${mark(m.startupMs <= 1000)}`, '≤ 1 s'),
    row('  the same with an empty store, just before', (m) => `${ms(m.empty.startupMs)} (${ms(m.empty.ownStartMs)})`, 'no growth'),
    row('first page, newest 50', (m) => get(m.firstPage, 100), '≤ 100 ms'),
    row('search q=gluten, 50 shown', (m) => get(m.search, 100), '≤ 100 ms'),
    row('search q=delivery, lang=en, rating=1', (m) => get(m.filteredSearch, 100), '≤ 100 ms'),
    row('full CSV export', (m) => `${m.csv.seconds.toFixed(1)} s, ${int(m.csv.rows)} rows, ${int(m.csv.megabytes)} MB`, 'streams'),
    row('receiver peak RSS (VmHWM) after the export', (m) => `${int(m.peakRssMB)} MB (before it ${int(m.rssBeforeExport)} MB)${mark(m.peakRssMB <= 150)}`, '≤ 150 MB'),
  ];
  return [
    ...table([`${int(count)} answers stored`, ...stores, 'target'], rows),
    'requests: median of 5 after the first call (first call in brackets)',
  ];
}
