import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';
import { contrast, luminance, toRgb } from '../../src/contrast.js';
import { answer, fillIn, freshStart, mount, part, type, waitFor } from '../support/helpers.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

const axeViolations = async (el: Element): Promise<string[]> => {
  if (!(window as any).axe) await import('axe-core/axe.min.js' as string);
  // A page the runner keeps in the background renders no frames, so the panel's fade-in would sit at
  // its first frame; check the panel as a customer sees it once it has appeared.
  for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
  const results = await (window as any).axe.run(el, { runOnly: { type: 'tag', values: TAGS } });
  return results.violations.map(
    (v: any) => `${v.id}: ${v.nodes.map((n: any) => `${n.target.join(' ')} ${n.any.map((a: any) => a.message).join(' ')}`).join(', ')}`,
  );
};

/**
 * Colour-scheme emulation is a DevTools (CDP) call: Chromium only. Firefox, driven over WebDriver
 * BiDi, refuses it with a stack trace in the runner's output, so it is not asked there.
 */
const canEmulateMedia = !navigator.userAgent.includes('Firefox');

const FULL = { rating: true, 'ask-email': true, topics: 'Products,Delivery', 'privacy-url': '/privacy' };

/** Every state a customer can meet: closed, open, with an error, thanked. */
const eachState = async (el: FeedbackPrompt, check: (state: string) => Promise<void>) => {
  await check('closed');
  el.open();
  await el.updateComplete;
  await check('open');
  part(el, 'submit')!.click();
  await el.updateComplete;
  await check('error');
  await answer(el, 'All good');
  await el.updateComplete;
  await check('thanked');
};

describe('accessibility', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });
  afterEach(async () => {
    if (canEmulateMedia) await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 }).catch(() => {});
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe (WCAG 2.2 AA) in every state, ${scheme}`, async function () {
      // Where the scheme cannot be emulated, test the one the browser has.
      if (canEmulateMedia) await emulateMedia({ colorScheme: scheme });
      if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches) {
        this.test!.title += ` — skipped: this browser shows ${scheme === 'dark' ? 'light' : 'dark'} and cannot be switched`;
        this.skip();
      }
      const el = await mount({ endpoint, ...FULL });
      await eachState(el, async (state) => expect(await axeViolations(el), state).to.deep.equal([]));
    });
  }

  for (const accent of ['#ffd400', '#0b1f4d', '#808080', 'hotpink', 'oklch(70% 0.2 150)']) {
    it(`keeps button text readable on accent ${accent}`, async () => {
      const el = await mount({ endpoint, accent });
      await el.updateComplete;
      const style = getComputedStyle(part(el, 'launcher')!);
      expect(toRgb(style.backgroundColor)).to.deep.equal(toRgb(accent));
      // The text colour follows once the colour code (its own chunk) has loaded.
      const ratio = () => contrast(luminance(toRgb(style.backgroundColor)!), luminance(toRgb(style.color)!));
      await waitFor(() => ratio() >= 4.5, `readable text on ${accent}`, 6000);
    });
  }

  it('keeps button text readable on an accent the page sets through --feedback-prompt-accent', async () => {
    const el = await mount({ endpoint });
    el.style.setProperty('--feedback-prompt-accent', '#ffd400');
    const ratio = () => {
      const style = getComputedStyle(part(el, 'launcher')!);
      return contrast(luminance(toRgb(style.backgroundColor)!), luminance(toRgb(style.color)!));
    };
    // The check runs in idle time after the first render, to keep it out of the page's start.
    await waitFor(() => ratio() >= 4.5, 'readable text on the page\'s accent', 6000);
  });

  it('moves by keyboard: launcher, into the panel, through every field, Escape back out', async () => {
    const el = await mount({ endpoint, ...FULL });
    part(el, 'launcher')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.activeElement).to.equal(part(el, 'textarea'));
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = root.activeElement as HTMLElement | null;
      if (!active) {
        order.push(`outside:${document.activeElement?.tagName}`);
        continue;
      }
      order.push(active.getAttribute('part') ?? active.getAttribute('name') ?? active.tagName.toLowerCase());
    }
    expect(order.slice(0, 5)).to.deep.equal(['topic', 'rating', 'email', 'a', 'submit']);
    // A non-modal dialog: Tab from its last control moves on to the page, not back into the panel.
    expect(order[5], 'after the send button').to.match(/^outside:/);
    // Arrow keys choose a rating, as in any radio group.
    (root.querySelector('input[name=rating]') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect((root.querySelector('input[name=rating]:checked') as HTMLInputElement).value).to.equal('2');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root.activeElement).to.equal(part(el, 'launcher'));
  });

  it('gives every control a target of at least 24×24 px', async () => {
    const el = await mount({ endpoint, ...FULL });
    el.open();
    await el.updateComplete;
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, textarea, select, input:not([name=website]), a, .scale label')];
    expect(controls.length).to.be.greaterThan(8);
    for (const control of controls.filter((c) => !c.matches('.scale input'))) {
      const { width, height } = control.getBoundingClientRect();
      expect(Math.min(width, height), control.outerHTML.slice(0, 60)).to.be.at.least(24);
    }
  });

  it('reflows at 320 px wide without sideways scrolling', async function () {
    try {
      await setViewport({ width: 320, height: 640 });
    } catch {
      this.skip();
    }
    const el = await mount({ endpoint, ...FULL });
    el.open();
    await el.updateComplete;
    const panel = part(el, 'panel')!.getBoundingClientRect();
    expect(panel.left).to.be.at.least(0);
    expect(panel.right).to.be.at.most(320);
    for (const child of el.shadowRoot!.querySelectorAll('[part=panel] *')) {
      const box = child.getBoundingClientRect();
      if (box.width && !child.closest('.trap, .sr')) expect(box.right, child.outerHTML.slice(0, 60)).to.be.at.most(panel.right + 0.5);
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('identifies errors in text next to the field', async () => {
    const el = await mount({ endpoint, 'ask-email': true });
    await fillIn(el, 'Hello', (root) => type(root.querySelector<HTMLInputElement>('input[name=email]')!, 'not-an-address'));
    part(el, 'submit')!.click();
    await el.updateComplete;
    const email = el.shadowRoot!.querySelector('input[name=email]')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.contain('email-error');
    expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.contain('e-mail');
    expect(el.shadowRoot!.activeElement).to.equal(email);
  });
});
