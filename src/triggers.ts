import { readLocal, writeLocal } from './local-storage.js';
import type { Trigger } from './settings/attributes.js';

const SNOOZE_KEY = 'feedback-prompt:snoozed-until';
const DAY_MS = 86_400_000;
/** After the customer stops typing in the page's own form, give them a moment before asking. */
const AFTER_TYPING_MS = 2000;

/** Quiets automatic triggers on this origin; written only after an answer or a dismiss. */
export const snooze = (days: number, now = Date.now(), storage?: Storage): void => {
  if (days > 0) writeLocal(SNOOZE_KEY, String(now + days * DAY_MS), storage);
};

export const isSnoozed = (now = Date.now(), storage?: Storage): boolean =>
  Number(readLocal(SNOOZE_KEY, storage)) > now;

export interface TriggerSettings {
  trigger: Trigger;
  delay: number;
  scroll: number;
  sample: number;
}

/** True while the customer is busy in one of the page's own fields. */
const typingInPage = (doc: Document): boolean => {
  const el = doc.activeElement as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
};

/**
 * Arms an automatic trigger for this page view: it fires `open` at most once, never while the
 * customer types in the page, and not at all when snoozed or outside the sample.
 * Returns the function that disarms it.
 */
export const armTrigger = (
  settings: TriggerSettings,
  open: () => void,
  win: Window = window,
  random: () => number = Math.random,
): (() => void) => {
  const { trigger } = settings;
  if (trigger === 'button' || trigger === 'manual' || isSnoozed() || random() >= settings.sample) return () => {};
  const doc = win.document;
  const cleanups: Array<() => void> = [];
  const listen = (target: EventTarget, type: string, fn: (e: Event) => void): void => {
    target.addEventListener(type, fn, { passive: true });
    cleanups.push(() => target.removeEventListener(type, fn));
  };
  const disarm = () => cleanups.splice(0).forEach((fn) => fn());
  const fire = () => {
    disarm();
    // Busy in the page's own form: look again a little later, rather than interrupt.
    if (!typingInPage(doc)) return open();
    const timer = win.setTimeout(fire, AFTER_TYPING_MS);
    cleanups.push(() => win.clearTimeout(timer));
  };
  if (trigger === 'delay') {
    const timer = win.setTimeout(fire, settings.delay * 1000);
    cleanups.push(() => win.clearTimeout(timer));
  } else if (trigger === 'scroll') {
    const check = () => {
      const max = doc.documentElement.scrollHeight - win.innerHeight;
      // A page too short to scroll gives no sign of interest, so it never fires.
      if (max > 0 && (win.scrollY / max) * 100 >= settings.scroll) fire();
    };
    listen(win, 'scroll', check);
  } else if (win.matchMedia('(hover: hover) and (pointer: fine)').matches) {
    // Exit intent only means something with a mouse; on touch there is no pointer leaving.
    listen(doc, 'mouseout', (e) => {
      const { relatedTarget, clientY } = e as MouseEvent;
      if (!relatedTarget && clientY <= 0) fire();
    });
  }
  return disarm;
};
