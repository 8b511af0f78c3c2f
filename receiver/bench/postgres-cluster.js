// A PostgreSQL cluster whose data folder is kept between bench runs (receiver/bench/.cache/), so the
// million answers are loaded into it once. Root cannot run the server: it runs as the postgres user,
// like test/support/postgres.js (whose clusters are thrown away, which is right for tests).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

const BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((dir) => existsSync(path.join(dir, 'pg_ctl')));
const asRoot = process.getuid?.() === 0;

function run(binary, args) {
  const file = path.join(BIN, binary);
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  return execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the kept cluster in `dir` (made on first use) and returns the URL of its database `bench`;
 * `stop()` shuts it down cleanly (a checkpoint, so the next start needs no recovery).
 */
export async function startKeptCluster(dir) {
  if (!BIN) throw new Error('PostgreSQL binaries not found in /usr/lib/postgresql/*/bin');
  const data = path.join(dir, 'pgdata');
  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    mkdirSync(data, { recursive: true });
    if (asRoot) {
      const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
      chownSync(data, id('-u'), id('-g'));
    }
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale']);
  }
  // A run that was killed leaves its server up: stop it before starting on a port of our own.
  try {
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  } catch {
    // not running
  }
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', path.join(data, 'server.log'), '-w', 'start', '-o', `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c max_connections=100`]);
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'bench'");
    if (rowCount === 0) await admin.query('CREATE DATABASE bench');
  } finally {
    await admin.end();
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  process.once('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/bench`, stop };
}

/**
 * (Re)creates the database `name` in the cluster of `url`, empty, and returns its URL: `bench` before
 * a load (an interrupted load is thrown away rather than topped up), `bench_empty` to compare start-ups.
 */
export async function recreateDatabase(url, name) {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a bench database name: ${name}`);
  const target = new URL(url);
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.href });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  target.pathname = `/${name}`;
  return target.href;
}
