import type { Clock } from '../../src/delivery/clock.js';

export const START = Date.parse('2026-11-22T10:00:00.000Z');

interface Timer {
  callback: () => void;
  ms: number;
  at: number;
  cleared: boolean;
}

/**
 * Time that moves only when told. `advance` moves it and runs nothing (a test then runs the timer
 * it means to); `run` moves it step by step and runs every timer that falls due, letting the work
 * each one starts settle before the next.
 */
export const fakeClock = (start = START) => {
  let now = start;
  const timers: Timer[] = [];
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    advance: (ms) => void (now += ms),
    setTimeout: (callback, ms) => (timers.push({ callback, ms, at: now + ms, cleared: false }), timers.at(-1)),
    clearTimeout: (handle) => handle && ((handle as Timer).cleared = true),
  };
  const live = () => timers.filter((t) => !t.cleared);
  const run = async (ms: number, step = 100): Promise<void> => {
    const until = now + ms;
    while (now < until) {
      now = Math.min(until, now + step);
      for (;;) {
        const due = live()
          .filter((t) => t.at <= now)
          .sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        due.cleared = true;
        due.callback();
        await settle();
      }
    }
  };
  return { clock, timers, live, run };
};

/** Lets promise chains started by a callback run to their next real wait. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
