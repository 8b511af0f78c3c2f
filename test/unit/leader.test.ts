import { expect } from '@open-wc/testing';
import { originLock, type Lock } from '../../src/delivery/leader.js';
import { LEASE_MS } from '../../src/delivery/lease.js';
import { fakeClock, START } from '../support/fake-clock.js';

/** Runs two tasks under `first` and `second`; each logs its start and end and holds until released. */
const race = async (first: Lock, second: Lock, secondIsWaiting: () => Promise<void> = async () => {}) => {
  const log: string[] = [];
  let active = 0;
  let maxActive = 0;
  const releases: Array<() => void> = [];
  const started: Array<Promise<void>> = [];
  const task = (name: string) => {
    let markStarted!: () => void;
    started.push(new Promise((r) => (markStarted = r)));
    return async () => {
      maxActive = Math.max(maxActive, ++active);
      log.push(`${name} start`);
      markStarted();
      await new Promise<void>((r) => releases.push(r));
      log.push(`${name} end`);
      active--;
      return name;
    };
  };
  const a = first(task('a'));
  const b = second(task('b'));
  await started[0];
  // Release a only once b has asked for the lock (a broken lock would have let b start by now).
  await secondIsWaiting();
  releases.shift()!();
  await a;
  await started[1];
  releases.shift()!();
  const results = [await a, await b];
  return { log, maxActive, results };
};

/** Resolves once Web Locks shows a request for `name` waiting behind the holder. */
const pendingOn = (name: string) => async () => {
  for (;;) {
    const { pending = [], held = [] } = await navigator.locks.query();
    if (pending.some((l) => l.name === name)) return;
    if (held.filter((l) => l.name === name).length > 1) return; // broken: both hold it; the test will say so
  }
};

describe('originLock with Web Locks', () => {
  it('never runs two tasks under the same name at once (two lock instances, like two tabs)', async function () {
    if (!navigator.locks) this.skip();
    const name = `fp-unit-${crypto.randomUUID()}`;
    const { log, maxActive, results } = await race(originLock(name), originLock(name), pendingOn(name));
    expect(maxActive).to.equal(1);
    expect(log).to.deep.equal(['a start', 'a end', 'b start', 'b end']);
    expect(results).to.deep.equal(['a', 'b']);
  });

  it('serialises two tasks on the same lock instance too', async function () {
    if (!navigator.locks) this.skip();
    const name = `fp-unit-${crypto.randomUUID()}`;
    const lock = originLock(name);
    const { maxActive, log } = await race(lock, lock, pendingOn(name));
    expect(maxActive).to.equal(1);
    expect(log).to.deep.equal(['a start', 'a end', 'b start', 'b end']);
  });

  it('passes a task\'s error on and frees the lock', async function () {
    if (!navigator.locks) this.skip();
    const lock = originLock(`fp-unit-${crypto.randomUUID()}`);
    let error: unknown;
    await lock(async () => {
      throw new Error('boom');
    }).catch((e) => (error = e));
    expect(String(error)).to.contain('boom');
    expect(await lock(async () => 'next')).to.equal('next');
  });
});

// Passing `undefined` would pick up the defaults (navigator.locks, localStorage): a JS default
// parameter applies to an explicit undefined. null is the way to say "there is none".
const NO_LOCKS = null as unknown as undefined;
const NO_STORAGE = () => undefined;

describe('originLock with the localStorage lease (no Web Locks)', () => {
  let name: string;
  const key = () => `${name}:lease`;

  beforeEach(() => {
    name = `fp-unit-${crypto.randomUUID()}`;
  });
  afterEach(() => localStorage.removeItem(key()));

  it('serialises two tasks of two lock instances (two tabs) and removes the lease after', async () => {
    const { log, maxActive, results } = await race(
      originLock(name, NO_LOCKS, () => localStorage),
      originLock(name, NO_LOCKS, () => localStorage),
    );
    expect(maxActive).to.equal(1);
    expect(log).to.deep.equal(['a start', 'a end', 'b start', 'b end']);
    expect(results).to.deep.equal(['a', 'b']);
    expect(localStorage.getItem(key()), 'no lease left behind').to.equal(null);
  });

  it('holds a lease with an expiry while the task runs', async () => {
    const lock = originLock(name, NO_LOCKS, () => localStorage);
    const seen = await lock(async () => localStorage.getItem(key()));
    const [owner, until] = seen!.split(' ');
    expect(owner).to.match(/^[a-z0-9]+$/);
    expect(Number(until)).to.be.greaterThan(Date.now());
    expect(localStorage.getItem(key())).to.equal(null);
  });

  it('does not wait for an expired lease another tab left behind', async () => {
    localStorage.setItem(key(), `crashedtab ${Date.now() - 1}`);
    const started = performance.now();
    expect(await originLock(name, NO_LOCKS, () => localStorage)(async () => 'ran')).to.equal('ran');
    expect(performance.now() - started).to.be.below(400);
  });

  it('frees the lease when the task throws', async () => {
    const lock = originLock(name, NO_LOCKS, () => localStorage);
    let error: unknown;
    await lock(async () => {
      throw new Error('boom');
    }).catch((e) => (error = e));
    expect(String(error)).to.contain('boom');
    expect(localStorage.getItem(key())).to.equal(null);
  });

  it('runs the task directly when there is no storage either', async () => {
    expect(await originLock(name, NO_LOCKS, NO_STORAGE)(async () => 42)).to.equal(42);
  });

  it('two tasks on the same lease lock instance run one after the other, as with Web Locks', async () => {
    const lock = originLock(name, NO_LOCKS, () => localStorage);
    const { maxActive, log } = await race(lock, lock);
    expect(maxActive).to.equal(1);
    expect(log).to.deep.equal(['a start', 'a end', 'b start', 'b end']);
  });

  it('renews the lease while a long round runs: another tab still waits after the first lease would have run out', async () => {
    const { clock, run, timers } = fakeClock();
    const first = originLock(name, NO_LOCKS, () => localStorage, clock);
    const second = originLock(name, NO_LOCKS, () => localStorage, clock);
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    // The lease's own file loads first (as in a browser without Web Locks): wait for the task to start.
    const held = first(() => new Promise<void>((r) => ((release = r), started())));
    await running;
    expect(localStorage.getItem(key()), 'the first tab holds the lease').to.match(/ \d+$/);
    let secondRan = false;
    const waiting = second(async () => void (secondRan = true));
    // Two lease periods, as four 20-second sends one after the other would take.
    await run(2 * LEASE_MS);
    const polls = timers.filter((t) => t.ms === 500 && t.cleared).map((t) => t.at);
    expect(Math.max(...polls) - START, 'the second tab still looked at the lease after the first one ran out').to.be.greaterThan(LEASE_MS);
    expect(secondRan, 'the second tab ran while the first still worked').to.equal(false);
    release();
    await held;
    await run(1000);
    await waiting;
    expect(secondRan, 'then the second tab runs').to.equal(true);
  });

  it('on finishing, leaves alone a lease another tab took meanwhile (this tab was frozen past its own)', async () => {
    const lock = originLock(name, NO_LOCKS, () => localStorage);
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const held = lock(() => new Promise<void>((r) => ((release = r), started())));
    await running;
    const other = `othertab ${Date.now() + LEASE_MS}`;
    localStorage.setItem(key(), other);
    release();
    await held;
    expect(localStorage.getItem(key())).to.equal(other);
  });
});
