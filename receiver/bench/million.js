// A million answers in a store (SQLite, or PostgreSQL in a kept cluster), loaded once through the
// store's own insert (group commit, full-text index and all) and kept in receiver/bench/.cache/, so
// later runs start at once; then what an owner with that many answers waits for: start-up, first
// page, a search, a full CSV export. `location` is the store: { data } or { databaseUrl }.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { makeAnswer, seededRandom } from './answers.js';
import { startServer } from './child.js';
import { BENCH_ORIGIN } from './load.js';

const READY_FILE = 'bench-ready.json';
const TOKEN_FILE = 'bench-token.txt';
const IN_FLIGHT = 10_000;
// One answer every 30 s: a million span almost a year, so date filters and paging meet real spreads.
const SPACING_MS = 30_000;

/** The bench's API token for the store, made once and kept in `dir`. */
async function benchToken(dir, location) {
  const file = path.join(dir, TOKEN_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const { addToken } = await import('../dist/index.js');
  const token = await addToken(location, 'bench');
  writeFileSync(file, token);
  return token;
}

/**
 * Makes sure the store holds exactly `count` bench answers and an API token; loads them when not.
 * `dir` keeps the marker and the token; `clear()` empties the store before a load.
 * @returns {Promise<{ token: string, loadedNow: boolean, loadSeconds: number | null }>}
 */
export async function ensureMillion({ dir, location, count, log, clear }) {
  const readyFile = path.join(dir, READY_FILE);
  if (existsSync(readyFile)) {
    const ready = JSON.parse(readFileSync(readyFile, 'utf8'));
    if (ready.count === count) return { token: await benchToken(dir, location), loadedNow: false, loadSeconds: ready.loadSeconds };
  }
  // Half a load (an interrupted run) is thrown away rather than topped up: the mix must be the same.
  rmSync(readyFile, { force: true });
  rmSync(path.join(dir, TOKEN_FILE), { force: true });
  await clear();
  mkdirSync(dir, { recursive: true });
  const { openStore } = await import('../dist/store/open.js');
  const store = await openStore(location);
  const random = seededRandom(7);
  const newest = Date.now();
  const started = performance.now();
  try {
    for (let done = 0; done < count; ) {
      const size = Math.min(IN_FLIGHT, count - done);
      const inserts = [];
      for (let i = 0; i < size; i++) {
        const receivedAt = new Date(newest - (count - done - i) * SPACING_MS);
        const answer = makeAnswer(random, { id: randomUUID, createdAt: new Date(receivedAt.getTime() - 2000).toISOString() });
        inserts.push(store.insert(answer, receivedAt.toISOString(), []));
      }
      await Promise.all(inserts);
      done += size;
      if (done % 100_000 === 0) log(`  loaded ${done.toLocaleString('en')} answers (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await store.close();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const token = await benchToken(dir, location);
  writeFileSync(readyFile, JSON.stringify({ count, loadSeconds }));
  return { token, loadedNow: true, loadSeconds };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Times a GET: the first (cold) call and the median of five more. */
async function timeGet(url, headers) {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.json();
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - t0, count: body.answers.length };
  };
  const first = await once();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push((await once()).ms);
  return { coldMs: first.ms, warmMs: median(warm), count: first.count };
}

/** Streams the whole CSV export, counting rows, without keeping it. */
async function timeExport(url, headers) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  let newlines = 0;
  let bytes = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  return { seconds: (performance.now() - t0) / 1000, rows: newlines - 1, megabytes: bytes / 1e6 };
}

const STARTS = 3;

/** Median start-up over a few starts: spawn → listening, and the server's own start. */
async function startUp(location) {
  const spawnToListening = [];
  const own = [];
  for (let i = 0; i < STARTS; i++) {
    const server = await startServer({ kind: 'receiver', ...location, allowedOrigins: [BENCH_ORIGIN] });
    spawnToListening.push(server.readyMs);
    own.push(server.startMs);
    await server.stop();
  }
  return { startupMs: median(spawnToListening), ownStartMs: median(own) };
}

/**
 * Start-up (beside an empty store's, measured just before under the same load: does it grow with the
 * answers?), first page, searches and the export against the million, on a receiver in its own process.
 */
export async function measureMillion(location, token, emptyLocation) {
  const empty = await startUp(emptyLocation);
  const { startupMs, ownStartMs } = await startUp(location);
  const server = await startServer({ kind: 'receiver', ...location, allowedOrigins: [BENCH_ORIGIN] });
  try {
    const headers = { authorization: `Bearer ${token}` };
    const api = `${server.url}/api/answers`;
    const firstPage = await timeGet(`${api}?limit=50`, headers);
    const search = await timeGet(`${api}?q=${encodeURIComponent('gluten')}&limit=50`, headers);
    const filteredSearch = await timeGet(`${api}?q=${encodeURIComponent('delivery')}&lang=en&rating=1&limit=50`, headers);
    const rssBeforeExport = server.peakRssMB();
    const csv = await timeExport(`${server.url}/api/answers.csv`, headers);
    return { startupMs, ownStartMs, empty, firstPage, search, filteredSearch, rssBeforeExport, csv, peakRssMB: server.peakRssMB() };
  } finally {
    await server.stop();
  }
}
