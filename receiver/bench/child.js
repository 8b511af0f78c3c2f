// Starts bench/serve.js as a child process and watches it: when it was ready, and its peak
// resident memory (the kernel's VmHWM), read from /proc like `ps` would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const SERVE = fileURLToPath(new URL('./serve.js', import.meta.url));

/** Peak resident set size of a live process, in MB (Linux); null where /proc is missing. */
export function peakRssMB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * @param {object} options  serve.js's JSON options ({kind: 'ceiling'} or {kind: 'receiver', ...})
 *   readyMs: spawn → listening (Node's boot included); startMs: the server's own start, as it measured it
 * @returns {Promise<{ url: string, pid: number, readyMs: number, startMs: number, peakRssMB(): number | null, stop(): Promise<void> }>}
 */
export async function startServer(options) {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVE, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise((resolve) => lines.once('line', resolve)),
    exited.then((code) => Promise.reject(new Error(`the ${options.kind} server exited (code ${code}) before it listened`))),
  ]);
  const readyMs = performance.now() - started;
  const { url, startMs } = JSON.parse(first);
  return {
    url,
    pid: child.pid,
    readyMs,
    startMs,
    peakRssMB: () => peakRssMB(child.pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
