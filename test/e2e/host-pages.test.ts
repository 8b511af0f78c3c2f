// The built widget (dist/) on real pages a shop might have, each opened in a real extra tab:
// strict CSP, Trusted Types, a style nonce, an older Lit, a clashing <feedback-prompt>, the
// classic script's auto-mount, and hostile global CSS. The pages live in test/support/host-pages/;
// each loads monitor.js first, which records errors, rejections, CSP violations and console output.
import { expect } from '@open-wc/testing';
import { freshStart, receiverLog, Tab, waitFor } from '../support/helpers.js';

const PAGES = '/test/support/host-pages';

interface HostLog {
  errors: string[];
  violations: string[];
  consoleErrors: string[];
  consoleWarnings: string[];
}
interface Box {
  width: number;
  height: number;
  right: number;
  bottom: number;
  display: string;
  visibility: string;
  opacity: string;
  position: string;
  background: string;
  color: string;
  fontSize: string;
  /** The point in the middle of the box hits this element (nothing covers it). */
  hit: boolean;
}
interface LauncherState extends Box {
  viewport: { width: number; height: number };
}
interface PanelState {
  panel: Box;
  textarea: Box;
  heading: Box;
  submit: Box;
  focusInTextarea: boolean;
}
interface Sent {
  answer: { id: string; answer: string; rating: number | null; topic: string | null };
  status: string;
}

// ---- Run inside the tab: each self-contained, as it travels as source text. ----

/** Waits for the widget's launcher, then reports how it is drawn; null if it never rendered. */
const launcherState = async (): Promise<LauncherState | null> => {
  const el = document.querySelector('feedback-prompt') as any;
  const until = performance.now() + 8000;
  while (!el?.shadowRoot?.querySelector('[part=launcher]') && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
  }
  const launcher: HTMLElement | null = el?.shadowRoot?.querySelector('[part=launcher]') ?? null;
  if (!launcher) return null;
  await el.updateComplete;
  return {
    ...(window as any).describeBox(launcher),
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
  };
};

/** Clicks the launcher and reports how the panel and its fields are drawn; null if no panel. */
const openPanel = async (): Promise<PanelState | null> => {
  const el = document.querySelector('feedback-prompt') as any;
  const root: ShadowRoot = el.shadowRoot;
  root.querySelector<HTMLElement>('[part=launcher]')!.click();
  await el.updateComplete;
  const panel = root.querySelector<HTMLElement>('[part=panel]');
  if (!panel) return null;
  await Promise.all(panel.getAnimations({ subtree: true }).map((a) => a.finished));
  // open() moves focus once its render is done, in a callback it asked for before ours.
  await el.updateComplete;
  const describe = (node: Element | null): Box | null => (window as any).describeBox(node);
  return {
    panel: describe(panel)!,
    textarea: describe(root.querySelector('[part=textarea]'))!,
    heading: describe(root.querySelector('[part=heading]'))!,
    submit: describe(root.querySelector('[part=submit]'))!,
    focusInTextarea: root.activeElement === root.querySelector('[part=textarea]'),
  };
};

/** Types an answer (and picks a rating and topic if asked) and presses send, as a customer would. */
const sendAnswer = async ({ text, rating, topic }: { text: string; rating?: number; topic?: string }): Promise<Sent> => {
  const el = document.querySelector('feedback-prompt') as any;
  const root: ShadowRoot = el.shadowRoot;
  if (!root.querySelector('[part=panel]')) {
    root.querySelector<HTMLElement>('[part=launcher]')!.click();
    await el.updateComplete;
  }
  const field = root.querySelector<HTMLTextAreaElement>('[part=textarea]')!;
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (rating) root.querySelector<HTMLInputElement>(`input[name=rating][value="${rating}"]`)!.click();
  if (topic) {
    const select = root.querySelector<HTMLSelectElement>('select[name=topic]')!;
    select.value = topic;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await el.updateComplete;
  const submitted = new Promise<any>((resolve) =>
    el.addEventListener('feedback-submit', (e: CustomEvent) => resolve(e.detail), { once: true }),
  );
  root.querySelector<HTMLElement>('[part=submit]')!.click();
  const answer = await submitted;
  await el.updateComplete;
  return { answer, status: root.querySelector('[role=status]')?.textContent?.trim() ?? '' };
};

const readHostLog = (): HostLog => (window as any).hostLog;

/** Proves the page's CSP is in force and monitor.js hears it: an inline style attribute is refused. */
const policyIsLive = async (): Promise<boolean> => {
  const log = (window as any).hostLog;
  const before = log.violations.length;
  const probe = document.createElement('div');
  probe.setAttribute('style', 'outline: 1px solid red');
  document.body.append(probe);
  const until = performance.now() + 3000;
  while (log.violations.length === before && performance.now() < until) await new Promise((r) => setTimeout(r, 25));
  const refused = log.violations.length > before && getComputedStyle(probe).outlineStyle !== 'solid';
  probe.remove();
  return refused;
};

// ---- The test side. ----

const open = (page: string, endpoint: string): Promise<Tab> =>
  Tab.openPath(`${PAGES}/${page}?endpoint=${encodeURIComponent(endpoint)}`);

const expectShown = (box: Box | null | undefined, what: string): void => {
  expect(box, `${what} rendered`).to.be.ok;
  expect(box!.width, `${what} width`).to.be.greaterThan(0);
  expect(box!.height, `${what} height`).to.be.greaterThan(0);
  expect(box!.display, `${what} display`).to.not.equal('none');
  expect(box!.visibility, `${what} visibility`).to.equal('visible');
  expect(Number(box!.opacity), `${what} opacity`).to.equal(1);
  expect(box!.hit, `${what} is on top (not covered)`).to.equal(true);
};

/**
 * The whole customer path on the tab's page: the launcher is shown in its corner, the panel opens
 * with its fields, and the answer sent arrives at the receiver exactly once.
 */
const expectWidgetWorks = async (tab: Tab, text: string, extra: { rating?: number; topic?: string } = {}) => {
  const launcher = await tab.eval(launcherState);
  expectShown(launcher, 'the launcher');
  expect(launcher!.position, 'the launcher floats').to.equal('fixed');
  expect(launcher!.viewport.width - launcher!.right, 'launcher 16px from the right').to.be.closeTo(16, 2);
  expect(launcher!.viewport.height - launcher!.bottom, 'launcher 16px from the bottom').to.be.closeTo(16, 2);

  const panel = await tab.eval(openPanel);
  expect(panel, 'the panel opened').to.be.ok;
  expectShown(panel!.panel, 'the panel');
  expectShown(panel!.textarea, 'the answer field');
  expectShown(panel!.heading, 'the heading');
  expectShown(panel!.submit, 'the send button');
  expect(panel!.focusInTextarea, 'focus moved to the answer field').to.equal(true);

  const sent = await tab.eval(sendAnswer, { text, ...extra });
  expect(sent.answer.answer).to.equal(text);
  await waitFor(async () => (await receiverLog()).records.length > 0, 'the answer at the receiver');
  // A duplicate would come from the page's queue: flush() waits for any round under way and runs one more.
  await tab.eval(() => (document.querySelector('feedback-prompt') as any).flush());
  const { attempts, records } = await receiverLog();
  expect(attempts.map((a) => a.id), 'one attempt, with the answer id').to.deep.equal([sent.answer.id]);
  expect(records, 'one record').to.have.length(1);
  expect(records[0]).to.include({ id: sent.answer.id, answer: text });
  return { launcher: launcher!, panel: panel!, record: records[0]! };
};

const expectClean = (log: HostLog): void => {
  expect(log, 'monitor.js ran').to.be.ok;
  expect(log.errors, 'uncaught errors and rejections').to.deep.equal([]);
  expect(log.violations, 'CSP violations').to.deep.equal([]);
};

/** After the clean check: the page's policy was really in force all along. */
const expectPolicyLive = async (tab: Tab): Promise<void> => {
  expect(await tab.eval(policyIsLive), 'the CSP is in force (an inline style attribute is refused and reported)').to.equal(true);
};

describe('the built widget on real host pages', function () {
  // Opening real tabs and round trips to the receiver, on a busy 2-core machine.
  this.timeout(40000);
  let endpoint: string;

  beforeEach(async () => {
    endpoint = await freshStart();
  });

  afterEach(() => Tab.closeAll());

  it('works under a strict CSP (no unsafe-inline, no unsafe-eval), accent and language chunk included', async () => {
    const tab = await open('strict-csp.html', endpoint);
    const { launcher, record } = await expectWidgetWorks(tab, 'Meer <b>jonge</b> kaas, graag');
    // Set as a custom property through CSSOM, which the policy allows.
    expect(launcher.background, 'the accent attribute took effect').to.equal('rgb(192, 57, 43)');
    // <html lang="nl">: the Dutch texts come from a separate chunk, loaded under script-src 'self'.
    expect(record).to.include({ lang: 'nl', site: 'kaaswinkel' });
    expectClean(await tab.eval(readHostLog));
    await expectPolicyLive(tab);
  });

  it('works with Trusted Types required and only Lit\'s policy "lit-html" allowed', async function () {
    const tab = await open('trusted-types.html', endpoint);
    const { record } = await expectWidgetWorks(tab, 'Mehr Krimis aus Skandinavien');
    expect(record).to.include({ lang: 'de', site: 'buchladen' });
    expectClean(await tab.eval(readHostLog));
    await expectPolicyLive(tab);

    const enforcement = await tab.eval(() => {
      if (!('trustedTypes' in window)) return null;
      const rejects = (attempt: () => unknown) => {
        try {
          attempt();
          return false;
        } catch {
          return true;
        }
      };
      return {
        // The page really enforces Trusted Types: a plain string into an HTML sink is refused ...
        sinkRefusesStrings: rejects(() => (document.createElement('div').innerHTML = '<b>x</b>')),
        // ... and "lit-html" is taken: Lit created its policy (a second one may not have the name).
        litPolicyCreated: rejects(() => (window as any).trustedTypes.createPolicy('lit-html', {})),
      };
    });
    if (!enforcement) {
      this.test!.title += ' — Trusted Types check skipped: this browser has no window.trustedTypes, so the policy is not enforced';
      this.skip();
    }
    expect(enforcement).to.deep.equal({ sinkRefusesStrings: true, litPolicyCreated: true });
  });

  it('renders styled with window.litNonce and a nonce-only style-src', async () => {
    const tab = await open('lit-nonce.html', endpoint);
    const { launcher, panel } = await expectWidgetWorks(tab, 'Do you sell matcha whisks?');
    // Styles from the shadow root (not the browser's defaults) are in force.
    expect(launcher.position).to.equal('fixed');
    expect(panel.panel.position).to.equal('fixed');
    expect(launcher.background, 'the default accent').to.equal('rgb(29, 91, 191)');
    expect(await tab.eval(() => (window as any).litNonce)).to.equal('c2hvcC1ub25jZQ');
    expectClean(await tab.eval(readHostLog));
    await expectPolicyLive(tab);
  });

  it('works next to a Lit 2 element already on the page, and both keep working', async () => {
    const tab = await open('old-lit.html', endpoint);
    const oldWidget = async () => {
      const old = document.querySelector('old-widget') as any;
      const until = performance.now() + 8000;
      while (!old?.shadowRoot?.querySelector('button') && performance.now() < until) await new Promise((r) => setTimeout(r, 25));
      const button = old?.shadowRoot?.querySelector('button');
      if (!button) return null;
      const before = button.textContent.trim();
      button.click();
      await old.updateComplete;
      const b = button.getBoundingClientRect();
      return { before, after: button.textContent.trim(), width: b.width, height: b.height, border: getComputedStyle(button).borderTopWidth };
    };
    expect(await tab.eval(oldWidget)).to.deep.include({ before: 'In your basket: 0', after: 'In your basket: 1', border: '2px' });
    await expectWidgetWorks(tab, 'A size guide for gravel frames');
    // The old element still responds after the widget loaded and was used.
    expect(await tab.eval(oldWidget)).to.deep.include({ before: 'In your basket: 1', after: 'In your basket: 2' });
    const versions: string[] = await tab.eval(() => (window as any).litHtmlVersions ?? []);
    expect(versions.some((v) => v.startsWith('2.')), `Lit 2 loaded (${versions})`).to.equal(true);
    expect(versions.some((v) => v.startsWith('3.')), `Lit 3 loaded (${versions})`).to.equal(true);
    // Lit's "multiple versions" warning is fine; an error is not.
    const log = await tab.eval(readHostLog);
    expectClean(log);
    expect(log.consoleErrors).to.deep.equal([]);
  });

  it('leaves a <feedback-prompt> the page defined first alone, with one clear console.error', async () => {
    const tab = await open('own-element.html', endpoint);
    const state = await tab.eval(async () => {
      // page.goto waited for load, so the widget module has run.
      const el = document.querySelector('feedback-prompt') as HTMLElement;
      const before = el.getAttribute('clicked');
      el.querySelector('button')!.click();
      el.querySelector('button')!.click();
      return {
        stillTheShopsClass: customElements.get('feedback-prompt') === (window as any).ShopFeedback,
        isTheShopsElement: el instanceof (window as any).ShopFeedback,
        shadowRoot: !!el.shadowRoot,
        count: document.querySelectorAll('feedback-prompt').length,
        before,
        after: el.getAttribute('clicked'),
        text: el.textContent!.trim(),
      };
    });
    expect(state).to.deep.equal({
      stillTheShopsClass: true,
      isTheShopsElement: true,
      shadowRoot: false,
      count: 1,
      before: null,
      after: '2',
      text: 'Contact us',
    });
    const log = await tab.eval(readHostLog);
    expectClean(log);
    expect(log.consoleErrors, 'one console.error').to.have.length(1);
    expect(log.consoleErrors[0]).to.contain('<feedback-prompt>');
    expect((await receiverLog()).attempts).to.deep.equal([]);
  });

  it('loaded three times (the classic script twice, the module once): one working prompt, no console error', async () => {
    const tab = await open('loaded-twice.html', endpoint);
    await waitFor(() => tab.eval(() => !!document.querySelector('feedback-prompt')?.shadowRoot?.querySelector('[part=launcher]')), 'the auto-mounted launcher', 15000);
    // Every copy has run its registration (each waits a task): the module's whenDefined settles after them.
    await tab.eval(async () => {
      await customElements.whenDefined('feedback-prompt');
      await new Promise((r) => setTimeout(r));
    });
    expect(await tab.eval(() => document.querySelectorAll('feedback-prompt').length), 'prompts on the page').to.equal(1);
    await expectWidgetWorks(tab, 'Loaded thrice, answered once');
    const log = await tab.eval(readHostLog);
    expectClean(log);
    expect(log.consoleErrors, 'console errors').to.deep.equal([]);
  });

  it('auto-mounts one prompt from the classic script\'s data-* attributes and delivers a rating', async () => {
    const tab = await open('auto-mount.html', endpoint);
    await waitFor(() => tab.eval(() => !!document.querySelector('feedback-prompt')?.shadowRoot?.querySelector('[part=launcher]')), 'the auto-mounted launcher', 15000);
    const mounted = await tab.eval(() => {
      const all = document.querySelectorAll('feedback-prompt');
      const el = all[0]!;
      return {
        count: all.length,
        inBody: el.parentElement === document.body,
        attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      };
    });
    expect(mounted).to.deep.equal({
      count: 1,
      inBody: true,
      attributes: { endpoint, site: 'tm', rating: '', topics: 'A,B' },
    });
    const { record } = await expectWidgetWorks(tab, 'Faster checkout', { rating: 4, topic: 'B' });
    expect(record).to.include({ site: 'tm', rating: 4, topic: 'B', lang: 'en' });
    expectClean(await tab.eval(readHostLog));
  });

  it('still shows and reads well under hostile global CSS', async () => {
    const tab = await open('hostile-css.html', endpoint);
    // The page's CSS really is hostile: its own button is gone, its body font huge and right-to-left.
    expect(
      await tab.eval(() => ({
        pageButton: getComputedStyle(document.querySelector('body > button')!).display,
        bodyFont: getComputedStyle(document.body).fontSize,
        bodyDirection: getComputedStyle(document.body).direction,
      })),
    ).to.deep.equal({ pageButton: 'none', bodyFont: '40px', bodyDirection: 'rtl' });
    const { launcher, panel } = await expectWidgetWorks(tab, 'Please stop shouting');
    expect(launcher.background, 'the accent, not unset').to.equal('rgb(29, 91, 191)');
    expect(launcher.fontSize).to.not.equal('40px');
    for (const color of [panel.textarea.color, panel.heading.color]) {
      expect(color).to.not.be.oneOf(['transparent', 'rgba(0, 0, 0, 0)']);
    }
    for (const [what, box] of Object.entries(panel)) {
      if (typeof box === 'object') expect(box.fontSize, `${what} font size`).to.not.equal('40px');
    }
    expect(panel.textarea.fontSize).to.equal('15px');
    expectClean(await tab.eval(readHostLog));
  });
});
