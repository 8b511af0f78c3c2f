import { expect } from '@open-wc/testing';
import { armTrigger, isSnoozed, snooze, type TriggerSettings } from '../../src/triggers.js';

const SNOOZE_KEY = 'feedback-prompt:snoozed-until';
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-22T10:00:00.000Z');

const settings = (overrides: Partial<TriggerSettings> = {}): TriggerSettings => ({
  trigger: 'delay',
  delay: 30,
  scroll: 50,
  sample: 1,
  ...overrides,
});

/**
 * A window whose timers run only when the test runs them; the document is the real one
 * (focus is real) unless a fake one is given. Records every listener and timer armTrigger sets.
 */
const fakeWindow = (options: { document?: unknown; hover?: boolean } = {}) => {
  const timers: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
  const target = new EventTarget();
  const listened: string[] = [];
  const win = {
    document: options.document ?? document,
    innerHeight: 1000,
    scrollY: 0,
    setTimeout: (callback: () => void, ms: number) => timers.push({ callback, ms, cleared: false }),
    clearTimeout: (handle: number) => void (timers[handle - 1] && (timers[handle - 1]!.cleared = true)),
    matchMedia: () => ({ matches: options.hover ?? true }),
    addEventListener: (type: string, fn: EventListener, o?: AddEventListenerOptions) => {
      listened.push(type);
      target.addEventListener(type, fn, o);
    },
    removeEventListener: (type: string, fn: EventListener) => target.removeEventListener(type, fn),
    dispatchEvent: (e: Event) => target.dispatchEvent(e),
  };
  const live = () => timers.filter((t) => !t.cleared);
  /** Runs the live timers due now (as a browser would), once each. */
  const runTimers = () => live().forEach((t) => ((t.cleared = true), t.callback()));
  return { win: win as unknown as Window, timers, live, runTimers, listened };
};

describe('snooze', () => {
  let saved: string | null;
  beforeEach(() => {
    saved = localStorage.getItem(SNOOZE_KEY);
    localStorage.removeItem(SNOOZE_KEY);
  });
  afterEach(() => {
    if (saved === null) localStorage.removeItem(SNOOZE_KEY);
    else localStorage.setItem(SNOOZE_KEY, saved);
  });

  it('writes nothing for 0 (or negative) days', () => {
    snooze(0, NOW);
    snooze(-3, NOW);
    expect(localStorage.getItem(SNOOZE_KEY)).to.equal(null);
    expect(isSnoozed(NOW)).to.equal(false);
  });

  it('quiets for the given days, then not', () => {
    snooze(30, NOW);
    expect(Number(localStorage.getItem(SNOOZE_KEY))).to.equal(NOW + 30 * DAY);
    expect(isSnoozed(NOW)).to.equal(true);
    expect(isSnoozed(NOW + 30 * DAY - 1)).to.equal(true);
    expect(isSnoozed(NOW + 30 * DAY)).to.equal(false);
  });

  it('is not snoozed with no mark or a garbled one', () => {
    expect(isSnoozed(NOW)).to.equal(false);
    localStorage.setItem(SNOOZE_KEY, 'tomorrow');
    expect(isSnoozed(NOW)).to.equal(false);
  });
});

describe('armTrigger', () => {
  let saved: string | null;
  const inputs: HTMLElement[] = [];
  beforeEach(() => {
    saved = localStorage.getItem(SNOOZE_KEY);
    localStorage.removeItem(SNOOZE_KEY);
  });
  afterEach(() => {
    inputs.splice(0).forEach((el) => el.remove());
    if (saved === null) localStorage.removeItem(SNOOZE_KEY);
    else localStorage.setItem(SNOOZE_KEY, saved);
  });
  const pageInput = () => {
    const input = document.createElement('input');
    document.body.append(input);
    inputs.push(input);
    return input;
  };

  it('delay: opens once, after the delay (real timers)', async () => {
    let opens = 0;
    const started = performance.now();
    const opened = new Promise<number>((resolve) => {
      armTrigger(settings({ delay: 0.05 }), () => resolve(++opens));
    });
    expect(opens, 'not at once').to.equal(0);
    expect(await opened).to.equal(1);
    expect(performance.now() - started).to.be.at.least(45);
  });

  it('delay: arms exactly one timer of delay seconds, and opens once when it runs', () => {
    const { win, timers, runTimers, live } = fakeWindow();
    let opens = 0;
    armTrigger(settings({ delay: 12 }), () => opens++, win);
    expect(timers.map((t) => t.ms)).to.deep.equal([12_000]);
    runTimers();
    expect(opens).to.equal(1);
    expect(live()).to.have.length(0);
  });

  it('disarming before the delay means it never opens', () => {
    const { win, timers } = fakeWindow();
    const disarm = armTrigger(settings(), () => expect.fail('opened after disarm'), win);
    disarm();
    expect(timers[0]!.cleared).to.equal(true);
  });

  for (const trigger of ['button', 'manual'] as const) {
    it(`${trigger}: arms nothing at all`, () => {
      const { win, timers, listened } = fakeWindow();
      armTrigger(settings({ trigger }), () => expect.fail('opened'), win);
      expect([timers.length, listened.length]).to.deep.equal([0, 0]);
    });
  }

  it('does not arm outside the sample (random 0.5, sample 0.4), does inside (sample 0.6)', () => {
    const outside = fakeWindow();
    armTrigger(settings({ sample: 0.4 }), () => expect.fail('opened'), outside.win, () => 0.5);
    expect(outside.timers).to.have.length(0);
    const zero = fakeWindow();
    armTrigger(settings({ sample: 0 }), () => expect.fail('opened'), zero.win, () => 0);
    expect(zero.timers, 'sample 0 never fires').to.have.length(0);
    const inside = fakeWindow();
    armTrigger(settings({ sample: 0.6 }), () => {}, inside.win, () => 0.5);
    expect(inside.timers).to.have.length(1);
  });

  it('does not arm while snoozed', () => {
    snooze(1);
    const { win, timers, listened } = fakeWindow();
    armTrigger(settings(), () => expect.fail('opened'), win);
    armTrigger(settings({ trigger: 'scroll' }), () => expect.fail('opened'), win);
    expect([timers.length, listened.length]).to.deep.equal([0, 0]);
  });

  it('postpones while the customer types in the page\'s own <input>, then opens after they leave it', () => {
    const { win, runTimers, timers } = fakeWindow();
    let opens = 0;
    const first = pageInput();
    const second = pageInput();
    first.focus();
    expect(document.activeElement).to.equal(first);
    armTrigger(settings({ delay: 1 }), () => opens++, win);
    runTimers(); // the delay is over while typing
    expect(opens, 'not while typing').to.equal(0);

    second.focus(); // tabbing to the next field: focusout, a grace period starts
    runTimers();
    expect(opens, 'still typing in the next field').to.equal(0);

    second.blur();
    expect(timers.at(-1)!.ms).to.be.at.least(1000);
    runTimers();
    expect(opens).to.equal(1);
    runTimers();
    expect(opens, 'once').to.equal(1);
  });

  it('scroll: opens once the page is scrolled past the percentage', () => {
    const doc = Object.assign(new EventTarget(), { activeElement: null, documentElement: { scrollHeight: 3000 } });
    const { win } = fakeWindow({ document: doc });
    let opens = 0;
    armTrigger(settings({ trigger: 'scroll', scroll: 50 }), () => opens++, win);
    (win as { scrollY: number }).scrollY = 900; // 45 % of 2000
    win.dispatchEvent(new Event('scroll'));
    expect(opens).to.equal(0);
    (win as { scrollY: number }).scrollY = 1000;
    win.dispatchEvent(new Event('scroll'));
    win.dispatchEvent(new Event('scroll'));
    expect(opens).to.equal(1);
  });

  it('scroll: a page too short to scroll never opens by itself (no sign of interest; the launcher stays)', () => {
    const doc = Object.assign(new EventTarget(), { activeElement: null, documentElement: { scrollHeight: 800 } });
    const { win } = fakeWindow({ document: doc }); // innerHeight 1000: nothing to scroll
    let opens = 0;
    armTrigger(settings({ trigger: 'scroll', scroll: 50 }), () => opens++, win);
    win.dispatchEvent(new Event('scroll'));
    expect(opens).to.equal(0);
  });

  it('exit: opens when the pointer leaves through the top, only with a fine pointer', () => {
    const doc = Object.assign(new EventTarget(), { activeElement: null });
    const mouse = fakeWindow({ document: doc, hover: true });
    let opens = 0;
    armTrigger(settings({ trigger: 'exit' }), () => opens++, mouse.win);
    doc.dispatchEvent(new MouseEvent('mouseout', { clientY: 300 }));
    expect(opens, 'leaving sideways inside the page').to.equal(0);
    doc.dispatchEvent(new MouseEvent('mouseout', { clientY: -2 }));
    doc.dispatchEvent(new MouseEvent('mouseout', { clientY: -2 }));
    expect(opens).to.equal(1);

    const touchDoc = Object.assign(new EventTarget(), { activeElement: null });
    const touch = fakeWindow({ document: touchDoc, hover: false });
    armTrigger(settings({ trigger: 'exit' }), () => expect.fail('opened on touch'), touch.win);
    touchDoc.dispatchEvent(new MouseEvent('mouseout', { clientY: -2 }));
  });
});
