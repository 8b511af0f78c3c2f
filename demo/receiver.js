// The demo endpoint answers are POSTed to: CORS, validation, dedupe by id and a durable
// append-only store (one JSON line per answer). It speaks the status codes the widget's
// delivery table in SPEC.md relies on: 201 stored, 409 already stored, 4xx never retried,
// 5xx retried. Node built-ins only, so a shop can copy it as a starting point.
import { readFileSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { pickAnswer, validateAnswer } from './validate-answer.js';

const ROUTE = '/answers';
const ALLOW = 'GET, HEAD, POST, OPTIONS';
const CORS = {
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Max-Age': '600',
  // The widget honours Retry-After, which a cross-origin script may only read when exposed.
  'Access-Control-Expose-Headers': 'Retry-After',
  Vary: 'Origin',
};
// After a 413 the client may still be uploading; reading a bounded tail (and throwing it away)
// lets it see the reply instead of a connection reset, without letting it stream forever.
const DISCARD_LIMIT = 1 << 20;
const DISCARD_MS = 2000;

const normalizeOrigin = (origin) => {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
};

/**
 * @param {{ dataDir: string, allowedOrigins?: '*' | string[], maxBytes?: number, log?: (line: string) => void }} options
 */
export function createReceiver({ dataDir, allowedOrigins = '*', maxBytes = 16384, log = (line) => console.log(line) }) {
  if (typeof dataDir !== 'string' || dataDir === '') throw new TypeError('createReceiver: "dataDir" must be a folder path');
  const file = path.join(dataDir, 'answers.jsonl');
  const origins = allowedOrigins === '*' ? '*' : new Set(allowedOrigins.map(normalizeOrigin));
  const stored = load(file, log);
  const seen = new Set(stored.records.map((record) => record.id.toLowerCase()));
  // Answers being written, by id: a second POST of the same id waits for the first to settle.
  const writing = new Map();
  const appender = createAppender(dataDir, file, stored.needsNewline);

  function cors(req) {
    const origin = req.headers.origin;
    if (origins === '*') return { allowed: true, headers: { ...CORS, 'Access-Control-Allow-Origin': '*' } };
    // No Origin header: not a cross-origin browser request (curl, a server, a same-origin GET).
    if (origin === undefined) return { allowed: true, headers: { ...CORS } };
    if (!origins.has(origin)) return { allowed: false, origin, headers: { ...CORS } };
    return { allowed: true, headers: { ...CORS, 'Access-Control-Allow-Origin': origin } };
  }

  async function post(req, res, headers) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return sendJson(res, 415, { error: 'Content-Type must be application/json' }, headers);
    const tooLarge = { error: `body is larger than ${maxBytes} bytes` };
    if (Number(req.headers['content-length']) > maxBytes) return refuseTooLarge(req, res, tooLarge, headers);
    const body = await readBody(req, maxBytes);
    if (body === 'aborted') return;
    if (body === 'too-large') return refuseTooLarge(req, res, tooLarge, headers);

    let answer;
    try {
      answer = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch (err) {
      const why = err instanceof SyntaxError ? err.message : 'body is not valid UTF-8';
      return sendJson(res, 400, { error: `invalid JSON: ${why}` }, headers);
    }
    const problem = validateAnswer(answer);
    if (problem) return sendJson(res, 400, { error: problem }, headers);
    const key = req.headers['idempotency-key'];
    if (key !== undefined && key.trim() !== answer.id) {
      return sendJson(res, 400, { error: '"Idempotency-Key" header must equal the body\'s "id"' }, headers);
    }

    const id = answer.id.toLowerCase();
    const duplicate = { id: answer.id, status: 'duplicate' };
    if (seen.has(id)) return sendJson(res, 409, duplicate, headers);
    if (writing.has(id)) {
      // Told "duplicate" only once the first copy is really on disk; otherwise ask for a retry.
      if (await writing.get(id)) return sendJson(res, 409, duplicate, headers);
      return sendJson(res, 503, { error: 'the answer could not be stored yet; try again' }, { ...headers, 'Retry-After': '5' });
    }
    const record = { ...pickAnswer(answer), receivedAt: new Date().toISOString() };
    // Registered before the first await, so a concurrent POST of the same id finds it.
    const write = appender.append(`${JSON.stringify(record)}\n`).then(
      () => {
        seen.add(id);
        stored.records.push(record);
        return true;
      },
      (err) => {
        log(`could not store answer ${answer.id}: ${err.message}`);
        return false;
      },
    );
    writing.set(id, write);
    const ok = await write.finally(() => writing.delete(id));
    if (!ok) return sendJson(res, 503, { error: 'the answer could not be stored; try again' }, { ...headers, 'Retry-After': '5' });
    log(`answer ${answer.id} stored (site "${answer.site}", ${answer.lang})`);
    sendJson(res, 201, { id: answer.id }, headers);
  }

  async function route(req, res) {
    const { allowed, origin, headers } = cors(req);
    const method = req.method;
    if (!['GET', 'HEAD', 'POST', 'OPTIONS'].includes(method)) {
      return sendJson(res, 405, { error: `${method} is not allowed on ${ROUTE}` }, { ...headers, Allow: ALLOW });
    }
    if (!allowed) {
      const message = `Origin ${origin} is not allowed to send answers to this endpoint. ` +
        'Add it to the allowed origins (FEEDBACK_ALLOWED_ORIGINS for the demo server).';
      if (method === 'OPTIONS') return sendText(res, 403, message, headers);
      return sendJson(res, 403, { error: message }, headers);
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...headers, 'Content-Length': '0' });
      return res.end();
    }
    if (method === 'POST') return post(req, res, headers);
    sendJson(res, 200, newestFirst(stored.records), headers);
  }

  return {
    /** Answers requests for /answers; false for any other path so the caller can serve it. */
    async handle(req, res) {
      if ((req.url ?? '').split('?')[0] !== ROUTE) return false;
      try {
        await route(req, res);
      } catch (err) {
        log(`error answering ${req.method} ${ROUTE}: ${err.stack ?? err}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      }
      return true;
    },
    /** The stored answers, newest first (copies: changing them changes nothing stored). */
    records: () => structuredClone(newestFirst(stored.records)),
    /** Waits until the answers being written are on disk. */
    async close() {
      await Promise.allSettled([...writing.values()]);
      await appender.close();
    },
  };
}

function newestFirst(records) {
  // Reversed first so answers received in the same millisecond still list the later one first.
  return records.slice().reverse().sort((a, b) => (Date.parse(b.receivedAt) || 0) - (Date.parse(a.receivedAt) || 0));
}

/** Reads what earlier runs stored, so dedupe by id survives a restart. */
function load(file, log) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return { records: [], needsNewline: false };
    throw err;
  }
  const records = [];
  const ids = new Set();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      record = null;
    }
    if (record === null || typeof record !== 'object' || typeof record.id !== 'string') {
      log(`${file} line ${index + 1}: skipped, not a stored answer (corrupt or partly written)`);
      return;
    }
    if (ids.has(record.id.toLowerCase())) return;
    ids.add(record.id.toLowerCase());
    records.push(record);
  });
  // A crash mid-write can leave a line without its newline; the next record must not join it.
  return { records, needsNewline: text.length > 0 && !text.endsWith('\n') };
}

/**
 * Appends lines durably (write, then fsync). Lines that arrive while a write is under way are
 * batched into the next write, so a burst of answers costs one fsync rather than one each.
 * The file is opened per batch rather than held: a receiver that is dropped without close()
 * leaks no descriptor, and a file someone moved aside is simply started afresh.
 */
function createAppender(dataDir, file, needsNewline) {
  let queue = [];
  let flushing = null;
  let dirSynced = false;

  async function writeBatch(text) {
    await mkdir(dataDir, { recursive: true });
    const handle = await open(file, 'a');
    try {
      await handle.appendFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!dirSynced) dirSynced = await syncDir(dataDir);
  }

  async function flush() {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await writeBatch((needsNewline ? '\n' : '') + batch.map((item) => item.line).join(''));
        needsNewline = false;
        batch.forEach((item) => item.resolve());
      } catch (err) {
        // The write may have been partial: start the next one on a fresh line.
        needsNewline = true;
        batch.forEach((item) => item.reject(err));
      }
    }
    flushing = null;
  }

  return {
    append(line) {
      return new Promise((resolve, reject) => {
        queue.push({ line, resolve, reject });
        flushing ??= flush();
      });
    },
    close: async () => {
      await flushing;
    },
  };
}

/** Makes a newly created answers file survive a power cut too (its directory entry is data). */
async function syncDir(dir) {
  try {
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the file's own fsync still holds.
  }
  return true;
}

/** @returns {Promise<Buffer | 'too-large' | 'aborted'>} */
function readBody(req, limit) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const done = (result) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) return done('too-large');
      chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onError = () => done('aborted');
    const onClose = () => done('aborted');
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

function refuseTooLarge(req, res, body, headers) {
  sendJson(res, 413, body, { ...headers, Connection: 'close' });
  let discarded = 0;
  const stop = () => req.socket?.destroy();
  const timer = setTimeout(stop, DISCARD_MS).unref();
  req.on('data', (chunk) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) stop();
  });
  req.on('end', () => clearTimeout(timer)).on('close', () => clearTimeout(timer));
  req.resume();
}

function sendJson(res, status, body, headers = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(payload);
}

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
