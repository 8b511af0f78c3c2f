import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH = path.join(ROOT, 'bench');
export const BUILD = path.join(BENCH, '.build');
const intEnv = (name, fallback, min) => Math.max(min, Number.parseInt(process.env[name] ?? '', 10) || fallback);
export const ROUNDS = intEnv('BENCH_ROUNDS', 9, 1);
export const WINDOW_MS = intEnv('BENCH_WINDOW_MS', 3000, 1000);
export const SUBMITS = intEnv('BENCH_SUBMITS', 200, 10);
export const PARTS = (process.env.BENCH_PARTS ?? 'loads,queue,interactions').split(',');
export const CPU_RATE = 4;
export const LOAD_TIMEOUT_MS = 30_000;
const startedAt = performance.now();

export const VARIANTS = [
  { id: 'a', name: '(a) no widget' },
  { id: 'b', name: '(b) feedback-prompt' },
  { id: 'c1', name: '(c1) PushFeedback' },
  { id: 'c2', name: '(c2) Sentry feedback' },
];
export const TARGETS = {
  addedScriptMs: 25,
  longTasks: 0,
  cls: 0,
  addedHeapKB: 250,
  submitP95Ms: 10,
  flushMs: 1000,
};

export const log = (line = '') => process.stdout.write(`${line}\n`);
export const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0)} s`;
