// A real, throwaway PostgreSQL for the tests.
//
// postgresUrl() → the URL of a fresh, empty database (for the store: a schema of its own, see below).
// - FEEDBACK_TEST_DATABASE_URL set: one new database (t_<random>) on that server per process, dropped
//   when the process ends.
// - otherwise: ONE cluster per process (initdb into a temp dir owned by the postgres user, a free port,
//   its unix socket inside that dir, listening on 127.0.0.1 only, fsync on because durability is what
//   is tested), stopped and deleted when the process exits.
// postgresAvailable: true, or a string saying why not (printed once; FEEDBACK_REQUIRE_POSTGRES=1 throws).
//
// As a command, `node receiver/test/support/postgres.js ARGS…` starts one cluster, runs `node ARGS…`
// with FEEDBACK_TEST_DATABASE_URL pointing at it (so test files skip their own initdb), then stops it,
// whatever the outcome, and exits with the command's code.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const URL_VARIABLE = 'FEEDBACK_TEST_DATABASE_URL';
const required = process.env.FEEDBACK_REQUIRE_POSTGRES === '1';

/** The folder holding initdb, pg_ctl and postgres: PATH first, then Debian's versioned folders. */
function findBinaries() {
  const candidates = (process.env.PATH ?? '').split(path.delimiter);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(path.join(debian, version, 'bin'));
    }
  }
  return candidates.find((dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
}

const binaries = process.env[URL_VARIABLE] ? null : findBinaries();
const runningAsRoot = process.getuid?.() === 0;

function reasonUnavailable() {
  if (process.env[URL_VARIABLE]) return null;
  if (!binaries) return 'initdb and pg_ctl not found (Debian/Ubuntu: apt-get install postgresql)';
  if (runningAsRoot) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no postgres user to run the server as (apt-get install postgresql creates it)';
    }
  }
  return null;
}

const reason = reasonUnavailable();
if (reason) {
  if (required) throw new Error(`PostgreSQL is required (FEEDBACK_REQUIRE_POSTGRES=1) but ${reason}`);
  console.log(`# PostgreSQL tests skipped: ${reason}`);
}

/** true, or why the PostgreSQL tests cannot run here. */
export const postgresAvailable = reason ?? true;

/** Runs a PostgreSQL binary; root cannot run the server, so it runs as the postgres user. */
function command(binary, args) {
  const file = path.join(binaries, binary);
  return runningAsRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; returns its URL (database `postgres`) and a synchronous stop (usable on exit). */
export async function startCluster() {
  if (reason) throw new Error(`PostgreSQL unavailable: ${reason}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fp-pg-'));
  if (runningAsRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        const [file, args] = command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        execFileSync(file, args, { stdio: 'ignore' });
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // --no-sync only skips initdb's own fsyncs of the template files; the server runs with fsync on.
    const [initdb, initArgs] = command('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
    await run(initdb, initArgs);
    let lastError;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
      const [pgCtl, ctlArgs] = command('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start']);
      try {
        await run(pgCtl, ctlArgs);
        started = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (error) {
        lastError = error; // most likely the port was taken in between: try another
      }
    }
    throw lastError;
  } catch (error) {
    stop();
    throw error;
  }
}

let server; // Promise<URL of the maintenance database>
let processDatabase; // Promise<URL of this process's own database>

async function serverUrl() {
  if (process.env[URL_VARIABLE]) return process.env[URL_VARIABLE];
  server ??= startCluster().then(({ url, stop }) => {
    process.on('exit', stop);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        stop();
        process.exit(130);
      });
    }
    return url;
  });
  return server;
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const randomName = () => `t_${randomBytes(6).toString('hex')}`;

/**
 * The URL of a new, empty database, as the store sees it: each call gets a schema of its own (put
 * first on the search_path through the URL's `options`), inside one database made for this process.
 * A schema costs milliseconds where CREATE DATABASE copies and fsyncs a template (0.3 to 0.9 s).
 */
export async function postgresUrl() {
  processDatabase ??= serverUrl().then(async (base) => {
    const name = randomName();
    await withClient(base, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    if (process.env[URL_VARIABLE]) dropOnExit(base, name);
    return url;
  });
  const database = await processDatabase;
  const schema = randomName();
  await withClient(database.toString(), (client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(database);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A database made on a shared server is dropped once this process has nothing else to do. */
function dropOnExit(base, name) {
  let dropping = false;
  process.on('beforeExit', async () => {
    if (dropping) return;
    dropping = true;
    await withClient(base, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(
      () => undefined, // the shared server is thrown away at the end of the run anyway
    );
  });
}

async function main(args) {
  // `node --test receiver/test/` runs every .js file under a test folder, this one too, without
  // arguments and inside the cluster this command already started: nothing to run then.
  if (args.length === 0) return;
  let cluster = null;
  if (!reason && !process.env[URL_VARIABLE]) cluster = await startCluster();
  const stop = () => cluster?.stop();
  process.on('exit', stop);
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: cluster ? { ...process.env, [URL_VARIABLE]: cluster.url } : process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
