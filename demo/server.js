// `npm start`: the demo shop, configurator and inbox as static files, plus the receiver at
// /answers, on one local origin. Node built-ins only.
import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { createReceiver } from './receiver.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT_ATTEMPTS = 21;
const ALIASES = new Map([
  ['/', '/demo/index.html'],
  ['/configure.html', '/demo/configure.html'],
  ['/inbox.html', '/demo/inbox.html'],
]);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;
const ENCODERS = {
  // Quality 5: most of brotli's gain at a fraction of its default (11) cost, for every reload.
  br: (buf) => promisify(zlib.brotliCompress)(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (buf) => promisify(zlib.gzip)(buf),
};
const compressedCache = new Map();

/** The encoding to use for a client's Accept-Encoding: br when accepted, then gzip, else none. */
function pickEncoding(header = '') {
  const accepted = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const weight = (name) => accepted.get(name) ?? (accepted.get('*') || 0);
  return ['br', 'gzip'].find((name) => weight(name) > 0) ?? null;
}

async function compressed(file, info, encoding, body) {
  const key = `${encoding}:${file}:${info.size}:${info.mtimeMs}`;
  if (!compressedCache.has(key)) {
    if (compressedCache.size >= 200) compressedCache.delete(compressedCache.keys().next().value);
    compressedCache.set(key, await ENCODERS[encoding](body));
  }
  return compressedCache.get(key);
}

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Resolves a URL path to a file inside root, or returns the status to answer instead. */
async function resolveFile(urlPath, root, hidden) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  const segments = decoded.split('/');
  // Refused outright rather than normalised: "..", backslashes and NUL only ever mean trouble here,
  // and dot-files (.git, .env) are not the demo's to publish.
  if (decoded.includes('\0') || decoded.includes('\\') || segments.some((s) => s === '..' || s === '.')) return { status: 403 };
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };
  let file = path.join(root, ...segments);
  try {
    // realpath, so a symlink cannot lead out of the root either.
    file = await realpath(file);
    if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
    if (hidden.some((dir) => file === dir || file.startsWith(dir + path.sep))) return { status: 404 };
    let info = await stat(file);
    if (info.isDirectory()) {
      // Leading slashes collapsed: "//host/" in Location would send the browser to another site.
      if (!urlPath.endsWith('/')) return { redirect: `/${urlPath.replace(/^\/+/, '')}/` };
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    return info.isFile() ? { file, info } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}

async function serveStatic(req, res, root, hidden) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  const urlPath = (req.url ?? '/').split('?')[0];
  if (!urlPath.startsWith('/')) return sendText(res, 400, 'Bad request\n');
  const found = await resolveFile(ALIASES.get(urlPath) ?? urlPath, root, hidden);
  if (found.redirect) return sendText(res, 301, `Moved to ${found.redirect}\n`, { Location: found.redirect });
  if (found.status) {
    const text = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' }[found.status];
    return sendText(res, found.status, `${text}: ${urlPath}\n`);
  }
  const { file, info } = found;
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  // no-cache means "revalidate", so an ETag makes reloads cheap while edits still show at once.
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  let body = await readFile(file);
  const encoding = COMPRESSIBLE.test(type) && body.length > 256 ? pickEncoding(req.headers['accept-encoding']) : null;
  if (encoding) {
    body = await compressed(file, info, encoding, body);
    headers['Content-Encoding'] = encoding;
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Extra origins (a shop on another port, say) from FEEDBACK_ALLOWED_ORIGINS: comma-separated, or "*". */
function originsFromEnv() {
  const value = (process.env.FEEDBACK_ALLOWED_ORIGINS ?? '').trim();
  return value === '*' ? '*' : value.split(',').map((origin) => origin.trim()).filter(Boolean);
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError).once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the demo server. port 0 picks any free port; a busy port tries the next ones (up to +20).
 * @param {{ port?: number, host?: string, root?: string, dataDir?: string,
 *   allowedOrigins?: '*' | string[], quiet?: boolean }} [options]
 * @returns {Promise<{ url: string, server: http.Server, receiver: ReturnType<typeof createReceiver>, close(): Promise<void> }>}
 */
export async function startServer({
  port = 8080, host = '127.0.0.1', root = REPO_ROOT, dataDir, allowedOrigins = originsFromEnv(), quiet = false,
} = {}) {
  root = await realpath(path.resolve(root));
  dataDir = path.resolve(dataDir ?? path.join(root, 'demo', 'data'));
  const log = quiet ? () => {} : (line) => console.log(line);
  let receiver = null;
  const server = http.createServer(async (req, res) => {
    try {
      if (!receiver) return sendText(res, 503, 'Starting\n', { 'Retry-After': '1' });
      if (await receiver.handle(req, res)) return;
      // The stored answers hold customers' e-mail addresses: only the inbox (via GET /answers) shows them.
      await serveStatic(req, res, root, [dataDir]);
    } catch (err) {
      log(`error serving ${req.url}: ${err.stack ?? err}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error\n');
      else res.destroy();
    }
  });
  // Slow or stalled clients must not hold the demo hostage.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  let bound;
  for (let attempt = 0; ; attempt++) {
    try {
      bound = await listen(server, port === 0 ? 0 : port + attempt, host);
      break;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || port === 0 || attempt + 1 >= PORT_ATTEMPTS) throw err;
    }
  }
  const own = [`http://127.0.0.1:${bound}`, `http://localhost:${bound}`];
  if (!['127.0.0.1', 'localhost', '0.0.0.0', '::'].includes(host)) own.push(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
  // Browsers send Origin on same-origin POSTs too, so the server's own origins are always allowed.
  receiver = createReceiver({
    dataDir,
    allowedOrigins: allowedOrigins === '*' ? '*' : [...own, ...allowedOrigins],
    log,
  });

  const url = `http://localhost:${bound}/`;
  let closing = null;
  return {
    url,
    server,
    receiver,
    close() {
      closing ??= (async () => {
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections();
        await closed;
        await receiver.close();
      })();
      return closing;
    },
  };
}

const runDirectly = (() => {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();

/** Relative to the working folder when inside it, else absolute: whichever is shorter to read. */
function shortPath(file) {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

if (runDirectly) {
  const extra = originsFromEnv();
  const running = await startServer({ port: Number(process.env.PORT) || 8080 });
  const base = running.url.replace(/\/$/, '');
  console.log(`feedback-prompt demo is running:

  shop          ${base}/
  configurator  ${base}/configure.html
  inbox         ${base}/inbox.html
  endpoint      ${base}/answers   (stored in ${shortPath(path.join(REPO_ROOT, 'demo', 'data', 'answers.jsonl'))})
${extra.length ? `\n  also accepting answers from: ${extra === '*' ? 'any origin' : extra.join(', ')}\n` : ''}
Press Ctrl+C to stop.`);
  const stop = (signal) => {
    // A second Ctrl+C means "now": don't wait for slow connections.
    process.once(signal, () => process.exit(130));
    running.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
