// The faults `npm run soak` injects: a random fault layer in front of the real receiver's
// POST /answers, the browser-side faults (offline spells, reloads, closed tabs), and the seeded
// random numbers both draw from.

/** Small seeded PRNG (mulberry32), so a run's fault choices can be replayed with SOAK_SEED. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one key of `weights` ({kind: probability}), or `fallback` for the probability left over. */
export function pick(random, weights, fallback) {
  let r = random();
  for (const [kind, p] of Object.entries(weights)) {
    if (r < p) return kind;
    r -= p;
  }
  return fallback;
}

/** What a POST /answers may meet while faults are on; the rest passes straight through. */
export const SERVER_FAULTS = {
  '503': 0.04,
  '503 + Retry-After: 1': 0.03,
  '429 + Retry-After: 1': 0.05,
  '500': 0.04,
  'socket destroyed before storing': 0.05,
  'stored, then socket destroyed': 0.05,
  'delay 0-800 ms': 0.15,
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const NETWORK_FAULTS = new Set(['socket destroyed before storing', 'stored, then socket destroyed']);
/** Chromium resends at once, on a new connection, a request whose reused connection died unanswered. */
const RESEND_WINDOW_MS = 300;

/**
 * A layer whose `handle(req, res)` counts every POST /answers and, while `enabled`, answers some of
 * them with a fault instead; the rest (and everything else) `forward(req, res, {dropReply, onStatus})`
 * hands to the real receiver. `at()` gives the time stamps for the per-id timeline.
 *
 * A destroyed keep-alive connection alone never reaches the page: Chromium silently resends the
 * request on a fresh one. So a network fault on a reused connection also hits that resend (counted
 * in `resendsFaulted`), and the widget really sees the network error.
 */
export function createFaultLayer({ forward, random, at }) {
  const layer = {
    enabled: true,
    posts: 0,
    inFlight: 0,
    connections: 0,
    resendsFaulted: 0,
    /** injected faults by kind */
    faults: Object.fromEntries(Object.keys(SERVER_FAULTS).map((kind) => [kind, 0])),
    /** statuses the receiver itself answered (passed-through and delayed requests) */
    statuses: {},
    /** id -> [{at, what}]: everything the server did with that id */
    timeline: new Map(),
  };
  const connection = new WeakMap(); // socket -> {n, requests}
  const resend = new Map(); // id -> {kind, until}: a network fault the browser's own resend meets too
  const note = (id, what) => {
    if (!layer.timeline.has(id)) layer.timeline.set(id, []);
    layer.timeline.get(id).push({ at: at(), what });
  };

  const cors = (req) => ({
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  });
  const refuse = (req, res, status, extra = {}) => {
    const body = JSON.stringify({ error: `soak fault: ${status}` });
    res.writeHead(status, { ...cors(req), ...extra, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  /** Lets the receiver answer, recording its status; with `abort`, the reply never leaves. */
  const passOn = (req, res, id, abort) =>
    forward(req, res, {
      dropReply: abort,
      onStatus(status) {
        layer.statuses[status] = (layer.statuses[status] ?? 0) + 1;
        note(id, abort ? `receiver ${status}, reply dropped (socket destroyed)` : `receiver ${status}`);
      },
    });

  layer.handle = async (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== '/answers') return forward(req, res);
    layer.posts++;
    layer.inFlight++;
    const id = String(req.headers['idempotency-key'] ?? '?');
    if (!connection.has(req.socket)) connection.set(req.socket, { n: ++layer.connections, requests: 0 });
    const conn = connection.get(req.socket);
    conn.requests++;
    try {
      const echo = resend.get(id);
      resend.delete(id);
      const isResend = layer.enabled && echo !== undefined && Date.now() < echo.until;
      const drawn = layer.enabled ? pick(random, SERVER_FAULTS, 'pass') : 'pass';
      const kind = isResend ? echo.kind : drawn;
      if (isResend) layer.resendsFaulted++;
      else if (kind !== 'pass') layer.faults[kind]++;
      if (!isResend && NETWORK_FAULTS.has(kind) && conn.requests > 1) resend.set(id, { kind, until: Date.now() + RESEND_WINDOW_MS });
      const why = layer.enabled ? `${isResend ? "the browser's own resend, " : ''}fault: ${kind}` : 'faults off';
      note(id, `POST on connection ${conn.n}, request ${conn.requests} (${why})`);
      switch (kind) {
        case '503':
          return (refuse(req, res, 503), true);
        case '503 + Retry-After: 1':
          return (refuse(req, res, 503, { 'Retry-After': '1' }), true);
        case '429 + Retry-After: 1':
          return (refuse(req, res, 429, { 'Retry-After': '1' }), true);
        case '500':
          return (refuse(req, res, 500), true);
        case 'socket destroyed before storing':
          return (req.socket.destroy(), true);
        case 'stored, then socket destroyed':
          return passOn(req, res, id, true);
        case 'delay 0-800 ms':
          await sleep(Math.round(random() * 800));
          // The client may have gone meanwhile (or the soak be over): nothing left to hand on.
          if (req.socket.destroyed) return (note(id, 'connection gone during the delay'), true);
          return passOn(req, res, id, false);
        default:
          return passOn(req, res, id, false);
      }
    } finally {
      layer.inFlight--;
    }
  };
  return layer;
}

/** Drawn once before each submission; at most one of them. */
export const BROWSER_FAULTS = { 'offline spell': 0.05, reload: 0.04, 'tab closed, new one opened': 0.015 };

/**
 * Misbehaves on the browser side. `tabs` is the soak's live list of {name, page, offline, timer}
 * (changed in place when a tab is replaced), `openTab()` opens a ready one, `ready(page)` waits
 * for the form after a reload. Offline and closed tabs are never reloaded or closed: that would
 * only test that pages do not load without a network.
 */
export function browserFaults({ tabs, openTab, ready, random, at, onError }) {
  const counts = new Map(Object.keys(BROWSER_FAULTS).map((kind) => [kind, 0]));
  const log = []; // {at, what}

  async function goOnline(tab) {
    clearTimeout(tab.timer);
    tab.timer = null;
    if (!tab.offline) return;
    tab.settling ??= tab.page.setOfflineMode(false).catch((err) => onError(`${tab.name} back online: ${err.message}`));
    await tab.settling;
    tab.settling = null;
    tab.offline = false;
  }

  async function inject(kind) {
    const online = tabs.filter((t) => !t.offline);
    if (!online.length) return;
    const tab = online[Math.floor(random() * online.length)];
    counts.set(kind, counts.get(kind) + 1);
    if (kind === 'offline spell') {
      const ms = Math.round(1000 + random() * 4000);
      log.push({ at: at(), what: `${tab.name} offline for ${(ms / 1000).toFixed(1)} s` });
      tab.offline = true;
      await tab.page.setOfflineMode(true);
      tab.timer = setTimeout(() => void goOnline(tab), ms);
    } else if (kind === 'reload') {
      log.push({ at: at(), what: `${tab.name} reloaded` });
      await tab.page.reload({ waitUntil: 'load', timeout: 15_000 });
      await ready(tab.page);
    } else {
      log.push({ at: at(), what: `${tab.name} closed` });
      tabs.splice(tabs.indexOf(tab), 1);
      await tab.page.close();
      const fresh = await openTab();
      tabs.push(fresh);
      log.push({ at: at(), what: `${fresh.name} opened` });
    }
  }

  /** No more timers: for the cleanup. */
  const stop = () => tabs.forEach((tab) => clearTimeout(tab.timer));
  return { counts, log, inject, goOnline, stop };
}
