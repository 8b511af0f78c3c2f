// npm run bench:receiver — how many answers the receiver keeps per second, how fast it answers, and
// how it holds up with a million stored. A benchmark: it prints figures beside the targets of issue 9
// and never fails on them. In one run, on loopback, with autocannon:
//   (a) Fastify answering 201 with nothing stored: the ceiling of this machine and framework
//   (b) the receiver on SQLite   (c) the receiver on PostgreSQL (a throwaway cluster)
// then the million (SQLite and PostgreSQL; loaded once into receiver/bench/.cache/) and the inbox
// (INBOX's bench/inbox.js).
// Output is printed and saved to receiver/bench/results/. Options (environment):
//   BENCH_SECONDS=10   length of each load run     BENCH_MILLION=1000000   answers for the big store
//   BENCH_PARTS=ingest,million,inbox               which parts to run
//   BENCH_MILLION_POSTGRES=0                       the million on SQLite only
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './child.js';
import { BENCH_ORIGIN, offerAnswers } from './load.js';
import { ensureMillion, measureMillion } from './million.js';
import { recreateDatabase, startKeptCluster } from './postgres-cluster.js';
import { ingestTable, millionTable } from './report.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RECEIVER = path.resolve(HERE, '..');
const SECONDS = Number(process.env.BENCH_SECONDS) || 10;
const MILLION = Number(process.env.BENCH_MILLION) || 1_000_000;
const PARTS = (process.env.BENCH_PARTS ?? 'ingest,million,inbox').split(',');
const FIXED_RATE = 500;
const SATURATION_CONNECTIONS = 32;
// The bench sends thousands of answers a second from one address: far over a shop's limits (these are the highest allowed).
const NO_LIMITS = { limitPerAddress: 1_000_000, limitPerSite: 1_000_000 };

const lines = [];
const log = (line = '') => {
  console.log(line);
  lines.push(line);
};

function ensureBuilt() {
  if (existsSync(path.join(RECEIVER, 'dist', 'index.js'))) return;
  log('building receiver/dist (tsc)…');
  const tsc = path.resolve(RECEIVER, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(RECEIVER, 'tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the receiver does not build');
}

/** Warm-up, then saturation, then the fixed offered rate, against one server in its own process. */
async function measureIngest(label, options) {
  const server = await startServer(options);
  try {
    log(`${label}: warming up, then ${SECONDS} s as fast as it answers and ${SECONDS} s at ${FIXED_RATE}/s`);
    await offerAnswers(server.url, { seconds: 2, connections: SATURATION_CONNECTIONS, seed: 1 });
    const saturation = await offerAnswers(server.url, { seconds: SECONDS, connections: SATURATION_CONNECTIONS, seed: 2 });
    const fixed = await offerAnswers(server.url, { seconds: SECONDS, connections: 16, rate: FIXED_RATE, seed: 3 });
    return { saturation, fixed, peakRssMB: server.peakRssMB(), startupMs: server.readyMs, ownStartMs: server.startMs };
  } finally {
    await server.stop();
  }
}

async function ingestPart() {
  const results = {};
  results.ceiling = await measureIngest('(a) ceiling', { kind: 'ceiling' });
  const sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'fp-bench-sqlite-'));
  try {
    results.sqlite = await measureIngest('(b) SQLite', { kind: 'receiver', data: sqliteDir, allowedOrigins: [BENCH_ORIGIN], ...NO_LIMITS });
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }
  const { postgresAvailable, postgresUrl } = await import('../test/support/postgres.js');
  if (postgresAvailable === true) {
    const databaseUrl = await postgresUrl();
    results.postgres = await measureIngest('(c) PostgreSQL', { kind: 'receiver', databaseUrl, allowedOrigins: [BENCH_ORIGIN], ...NO_LIMITS });
  } else {
    results.postgresSkipped = postgresAvailable;
  }
  return results;
}

const millionDir = (kind) => path.join(HERE, '.cache', `${kind}-${MILLION}`);

/** The store's million, loaded now unless cached; resolves with the bench's API token. */
async function loadOnce({ kind, dir, location, clear }) {
  const say = (line) => log(`  ${kind}: ${line.trim()}`);
  say(`${MILLION.toLocaleString('en')} answers, kept in ${path.relative(process.cwd(), dir)}/`);
  const { token, loadedNow, loadSeconds } = await ensureMillion({ dir, location, count: MILLION, log: say, clear });
  say(loadedNow ? `loaded in ${loadSeconds.toFixed(0)} s through the store's insert` : `cached (loaded once in ${loadSeconds?.toFixed(0)} s)`);
  // A newer receiver's migrations (an index over a million rows, say) run once here, so the start-up
  // measured below is a start like any other day's, not an upgrade.
  const t0 = performance.now();
  const { openStore } = await import('../dist/store/open.js');
  await (await openStore(location)).close();
  say(`schema brought up to date in ${Math.round(performance.now() - t0)} ms`);
  return token;
}

/** Both stores' millions: loaded at once when not cached (each load waits on its own disk flushes), then measured one by one. */
async function millionPart() {
  log('the million:');
  const sqliteDir = millionDir('sqlite');
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'fp-bench-empty-'));
  const stores = [{
    kind: 'SQLite', dir: sqliteDir, location: { data: sqliteDir }, empty: async () => ({ data: emptyDir }),
    clear: () => rmSync(sqliteDir, { recursive: true, force: true }),
  }];
  let cluster;
  if (process.env.BENCH_MILLION_POSTGRES !== '0') {
    const dir = millionDir('postgres');
    try {
      cluster = await startKeptCluster(dir);
      stores.push({
        kind: 'PostgreSQL', dir, location: { databaseUrl: cluster.url },
        empty: async () => ({ databaseUrl: await recreateDatabase(cluster.url, 'bench_empty') }),
        clear: () => recreateDatabase(cluster.url, 'bench'),
      });
    } catch (err) {
      log(`  PostgreSQL: skipped, ${err.message}`);
    }
  }
  try {
    const tokens = await Promise.all(stores.map(loadOnce));
    const results = {};
    for (const [i, store] of stores.entries()) results[store.kind] = await measureMillion(store.location, tokens[i], await store.empty());
    return results;
  } finally {
    cluster?.stop();
    rmSync(emptyDir, { recursive: true, force: true });
  }
}

/**
 * The inbox page in headless Chromium (INBOX's bench/inbox.js) against the million once it is cached,
 * in a process of its own like the other servers here (run in this one, its typed searches stalled).
 */
function inboxPart() {
  const script = path.join(HERE, 'inbox.js');
  if (!existsSync(script)) return log('inbox: receiver/bench/inbox.js is not there; skipped');
  const dir = millionDir('sqlite');
  const env = { ...process.env, ...(existsSync(path.join(dir, 'answers.sqlite')) ? { BENCH_DATA: dir } : {}) };
  const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 300_000 });
  for (const line of `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd().split('\n')) log(line);
  if (result.status !== 0) log(`inbox bench exited with ${result.status ?? result.signal}`);
}

const started = Date.now();
ensureBuilt();
log(`receiver bench, ${new Date().toISOString()}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.versions.node}, load average ${os.loadavg()[0].toFixed(1)}`);
log();
if (PARTS.includes('ingest')) {
  const ingest = await ingestPart();
  log();
  for (const line of ingestTable(ingest, { seconds: SECONDS, rate: FIXED_RATE, connections: SATURATION_CONNECTIONS })) log(line);
  log();
}
if (PARTS.includes('million')) {
  const million = await millionPart();
  log();
  for (const line of millionTable(million, MILLION)) log(line);
  log();
}
if (PARTS.includes('inbox')) {
  inboxPart();
  log();
}
log(`took ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${os.loadavg()[0].toFixed(1)} at the end (other work on this machine shows up in every figure)`);
const resultsDir = path.join(HERE, 'results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`saved to ${path.relative(process.cwd(), file)}`);
// The throwaway PostgreSQL stops on exit (test/support/postgres.js).
process.exit(0);
