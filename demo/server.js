// `npm start`: the demo shop and the configurator as static files, and the real receiver
// (feedback-prompt-receiver, embedded SQLite) on a port of its own, as a shop would run them:
// the widget on the shop's origin posts across origins to the receiver, which allows exactly
// the shop's origins. A demo owner is created on the first start, so the inbox can be tried at once.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { addOwner, addToken, startReceiver } from '../receiver/dist/index.js';
import { serveFolders } from '../scripts/static-files.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Git-ignored, outside every served folder: the answers hold customers' e-mail addresses. */
export const DEMO_DATA = path.join(REPO_ROOT, '.demo-data');
/** The port demo/index.html and demo/configure.html send answers to (their `endpoint`). */
export const RECEIVER_PORT = 8787;
export const DEMO_OWNER = 'owner@demo.shop';
const SIGN_IN_FILE = 'demo-sign-in.json';
const PORT_ATTEMPTS = 21;

/** Extra origins (a shop on another port, say) from FEEDBACK_ALLOWED_ORIGINS, comma-separated. */
function originsFromEnv() {
  return (process.env.FEEDBACK_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
}

/** The shop: `/` and `/configure.html` as short addresses, `/demo/` and `/dist/` as folders; nothing else. */
async function createShop() {
  const app = Fastify({ logger: false, requestTimeout: 30_000 });
  await serveFolders(app, { '/demo/': path.join(REPO_ROOT, 'demo'), '/dist/': path.join(REPO_ROOT, 'dist') });
  const demoFolder = path.join(REPO_ROOT, 'demo');
  app.get('/', (req, reply) => reply.sendFile('index.html', demoFolder));
  app.get('/configure.html', (req, reply) => reply.sendFile('configure.html', demoFolder));
  return app;
}

/** Listens on `port`, or the next free one of up to 20 after it (port 0: any free port). */
async function listen(app, port, host) {
  for (let attempt = 0; ; attempt++) {
    try {
      await app.listen({ port: port === 0 ? 0 : port + attempt, host });
      return app.server.address().port;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || port === 0 || attempt + 1 >= PORT_ATTEMPTS) throw err;
    }
  }
}

/**
 * The demo owner's sign-in and API token, made on the first start and kept beside the answers,
 * so every later start prints the same ones. A random password: the demo may be reachable by others.
 */
async function demoSignIn(store, receiverOptions) {
  const file = path.join(receiverOptions.data, SIGN_IN_FILE);
  const saved = await readFile(file, 'utf8').then(JSON.parse, () => null);
  if (saved && (await store.findOwner(saved.email))) return saved;
  if (await store.findOwner(DEMO_OWNER)) {
    throw new Error(`${DEMO_OWNER} exists but ${file} is gone: delete ${receiverOptions.data} to start the demo afresh`);
  }
  const signIn = { email: DEMO_OWNER, password: randomBytes(12).toString('base64url') };
  await addOwner(receiverOptions, signIn.email, signIn.password);
  signIn.token = await addToken(receiverOptions, 'demo');
  await writeFile(file, `${JSON.stringify(signIn, null, 2)}\n`, { mode: 0o600 });
  return signIn;
}

/**
 * Starts the shop and the receiver.
 * @param {{ port?: number, receiverPort?: number, host?: string, dataDir?: string, allowedOrigins?: string[],
 *   log?: (line: string) => void }} [options]
 *   port 0 / receiverPort 0: any free port (tests). A busy `port` tries the next ones; a busy
 *   receiverPort stops the start, since the shop's pages name it.
 */
export async function startDemo({
  port = 8080, receiverPort = RECEIVER_PORT, host = '127.0.0.1', dataDir = DEMO_DATA, allowedOrigins = originsFromEnv(),
  log = (line) => console.log(line),
} = {}) {
  const shop = await createShop();
  let receiver;
  try {
    const shopPort = await listen(shop, port, host);
    // Browsers send Origin on every cross-origin POST: the shop's own two spellings are allowed.
    const shopOrigins = [`http://localhost:${shopPort}`, `http://127.0.0.1:${shopPort}`];
    await mkdir(dataDir, { recursive: true });
    const receiverOptions = {
      port: receiverPort,
      host,
      data: dataDir,
      allowedOrigins: [...shopOrigins, ...allowedOrigins],
      // Warnings only, as plain lines: a refused origin says how to allow it; a log line per request would drown that.
      logger: { level: 'warn', stream: { write: (line) => log(`receiver: ${JSON.parse(line).msg}`) } },
    };
    receiver = await startReceiver(receiverOptions).catch((err) => {
      if (err.code !== 'EADDRINUSE') throw err;
      throw new Error(`port ${receiverPort} is in use, and the demo shop sends its answers there: stop what runs on it (another npm start?) and try again`);
    });
    const signIn = await demoSignIn(receiver.store, receiverOptions);
    const receiverUrl = receiver.url.replace(/\/$/, '').replace('//127.0.0.1:', '//localhost:');
    return {
      shop: `http://localhost:${shopPort}/`,
      configurator: `http://localhost:${shopPort}/configure.html`,
      receiver: receiverUrl,
      endpoint: `${receiverUrl}/answers`,
      inbox: `${receiverUrl}/inbox/`,
      signIn,
      store: receiver.store,
      allowedOrigins: receiverOptions.allowedOrigins,
      async close() {
        await shop.close();
        await receiver.close();
      },
    };
  } catch (err) {
    await shop.close();
    await receiver?.close();
    throw err;
  }
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
  let demo;
  try {
    demo = await startDemo({ port: Number(process.env.PORT) || 8080 });
  } catch (err) {
    console.error(`The demo could not start: ${err.message}`);
    process.exit(1);
  }
  const extra = demo.allowedOrigins.slice(2);
  console.log(`feedback-prompt demo is running:

  shop          ${demo.shop}
  configurator  ${demo.configurator}
  inbox         ${demo.inbox}
  endpoint      ${demo.endpoint}   (SQLite in ${shortPath(DEMO_DATA)}/)

  demo sign-in  ${demo.signIn.email} / ${demo.signIn.password}
  API token     ${demo.signIn.token}
                curl -H 'Authorization: Bearer ${demo.signIn.token}' ${demo.receiver}/api/answers
${extra.length ? `\n  also accepting answers from: ${extra.join(', ')}\n` : ''}
Press Ctrl+C to stop.`);
  const stop = (signal) => {
    // A second Ctrl+C means "now": don't wait for slow connections.
    process.once(signal, () => process.exit(130));
    demo.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
