import { expect, fixture, html } from '@open-wc/testing';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';
import { nextTask } from '../../src/idle.js';
import { answer, captureConsole, fillIn, freshStart, mount, part, pressSend, receiverLog, type, waitFor } from '../support/helpers.js';

const opened = (el: Element) => new Promise((resolve) => el.addEventListener('feedback-open', resolve, { once: true }));
/** Counts the prompt's feedback-open events from now on. */
const openings = (el: Element) => {
  const seen = { count: 0 };
  el.addEventListener('feedback-open', () => seen.count++);
  return seen;
};
/**
 * Resolves once the next timer of `ms` that the page sets (an automatic trigger's delay) has run,
 * so whatever it would do has happened: the event that comes first, not a guess at how long to wait.
 */
const timerRuns = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    const real = window.setTimeout;
    window.setTimeout = ((callback: TimerHandler, delay?: number, ...rest: unknown[]) => {
      if (delay !== ms || typeof callback !== 'function') return real(callback, delay, ...rest);
      window.setTimeout = real;
      return real(() => (callback(...rest), resolve()), delay);
    }) as typeof window.setTimeout;
  });
/** A timer set now runs after every timer of the same or a shorter delay set before it. */
const afterTimersSoFar = () => new Promise((resolve) => setTimeout(resolve));

/** Fills the form as a customer would and sends it; resolves with what the endpoint stored. */
const sendForm = async (el: FeedbackPrompt, fill: (root: ShadowRoot) => void) => {
  await answer(el, 'Here is my answer', fill);
  await waitFor(async () => (await receiverLog()).records.length === 1, 'the answer to arrive');
  return (await receiverLog()).records[0]!;
};

describe('attributes a shop owner sets', () => {
  let endpoint: string;
  const warnings = captureConsole('warn');
  beforeEach(async () => {
    endpoint = await freshStart();
  });

  it('rating, topics, ask-email and context arrive with the answer', async () => {
    const el = await mount({ endpoint, rating: true, topics: 'Products, Delivery ,Website', 'ask-email': true, context: '{"pageType":"cart"}' });
    const record = await sendForm(el, (root) => {
      root.querySelector<HTMLInputElement>('input[name=rating][value="4"]')!.click();
      const topic = root.querySelector<HTMLSelectElement>('select[name=topic]')!;
      expect([...topic.options].map((o) => o.textContent)).to.deep.equal(['Choose a topic', 'Products', 'Delivery', 'Website']);
      topic.value = 'Delivery';
      type(root.querySelector<HTMLInputElement>('input[name=email]')!, ' ana@example.com ');
    });
    expect(record).to.include({ rating: 4, topic: 'Delivery', email: 'ana@example.com' });
    expect(record.context).to.deep.equal({ pageType: 'cart' });
  });

  it('leaves optional fields out unless asked, and sends null for them', async () => {
    const el = await mount({ endpoint });
    el.open();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input[name=email], input[name=rating], select')).to.equal(null);
    const record = await sendForm(el, () => {});
    expect(record).to.include({ rating: null, topic: null, email: null });
  });

  it('privacy-url shows a link under the form', async () => {
    const el = await mount({ endpoint, 'privacy-url': '/privacy.html' });
    el.open();
    await el.updateComplete;
    const link = el.shadowRoot!.querySelector('a')!;
    expect(link.href).to.equal(new URL('/privacy.html', location.href).href);
    expect(link.textContent!.trim()).to.equal('What happens with your answer');
  });

  it('texts overrides any built-in text', async () => {
    const el = await mount({ endpoint, texts: '{"send":"Tell us","launcher":"Ideas?"}' });
    expect(part(el, 'launcher')!.textContent!.trim()).to.equal('Ideas?');
    el.open();
    await el.updateComplete;
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Tell us');
  });

  it('position="bottom-left" puts the launcher on the left', async () => {
    const el = await mount({ endpoint, position: 'bottom-left' });
    expect(part(el, 'launcher')!.getBoundingClientRect().left).to.be.lessThan(innerWidth / 2);
    const right = await mount({ endpoint });
    expect(part(right, 'launcher')!.getBoundingClientRect().left).to.be.greaterThan(innerWidth / 2);
  });

  it('Arabic mirrors the panel and moves the default launcher to the other side', async () => {
    const el = await mount({ endpoint, lang: 'ar' });
    await waitFor(() => part(el, 'launcher'), 'the Arabic texts');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
    expect(part(el, 'launcher')!.getBoundingClientRect().left).to.be.lessThan(innerWidth / 2);
    el.open();
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('ماذا يمكننا أن نقدّم لك؟');
  });

  it('Japanese from <html lang> when nothing nearer says otherwise', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'ja';
    try {
      const el = await mount({ endpoint });
      await waitFor(() => part(el, 'launcher'), 'the Japanese texts');
      el.open();
      await el.updateComplete;
      const record = await sendForm(el, () => {});
      expect(record.lang).to.equal('ja');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('trigger="delay" opens by itself after the delay, once', async () => {
    const el = await mount({ endpoint, trigger: 'delay', delay: '0.1', 'snooze-days': '0' });
    await opened(el);
    const again = openings(el);
    el.close();
    // A second prompt armed after the close, with the same delay: were the first re-armed at the
    // close, its timer would run before this one's.
    const control = await mount({ endpoint, trigger: 'delay', delay: '0.1', 'snooze-days': '0' });
    await opened(control);
    expect(again.count, 'opened again').to.equal(0);
  });

  it('trigger="delay" waits while the customer types in the page\'s own form', async () => {
    const input = await fixture<HTMLInputElement>(html`<input aria-label="Search" />`);
    input.focus();
    const delayRan = timerRuns(50);
    const el = await mount({ endpoint, trigger: 'delay', delay: '0.05' });
    const seen = openings(el);
    await delayRan;
    expect(seen.count, 'opened over the page\'s own form').to.equal(0);
    const open = opened(el);
    input.blur();
    await open;
  });

  it('trigger="scroll" opens once the page is scrolled that far', async () => {
    const tall = await fixture(html`<div style="height: 4000px"></div>`);
    const el = await mount({ endpoint, trigger: 'scroll', scroll: '20' });
    const seen = openings(el);
    // A scroll event at the top of the page: the trigger looks at once, and must not fire.
    dispatchEvent(new Event('scroll'));
    expect(seen.count, 'opened before the page was scrolled').to.equal(0);
    const open = opened(el);
    scrollTo(0, 2000);
    await open;
    scrollTo(0, 0);
    tall.remove();
  });

  for (const mouse of [true, false]) {
    it(`trigger="exit" ${mouse ? 'opens when the pointer leaves toward the top' : 'stays quiet on touch screens'}`, async () => {
      // Headless browsers report no pointing device at all, so say which one this "device" has.
      const realMatchMedia = window.matchMedia;
      window.matchMedia = (query: string) =>
        query.includes('pointer: fine') ? ({ matches: mouse } as MediaQueryList) : realMatchMedia.call(window, query);
      try {
        const el = await mount({ endpoint, trigger: 'exit' });
        const seen = openings(el);
        // The trigger decides while each event is dispatched: no waiting needed either way.
        document.dispatchEvent(new MouseEvent('mouseout', { clientY: 200, relatedTarget: null, bubbles: true }));
        expect(seen.count, 'opened on a pointer moving within the page').to.equal(0);
        document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null, bubbles: true }));
        expect(seen.count).to.equal(mouse ? 1 : 0);
      } finally {
        window.matchMedia = realMatchMedia;
      }
    });
  }

  it('trigger="manual" never opens by itself; open() does', async () => {
    const el = await mount({ endpoint, trigger: 'manual', delay: '0' });
    const seen = openings(el);
    // A delay-0 timer set at arming would have run before this one.
    await afterTimersSoFar();
    expect(seen.count, 'opened by itself').to.equal(0);
    el.open();
    await el.updateComplete;
    expect(part(el, 'panel')).not.to.equal(null);
  });

  it('snooze-days keeps automatic triggers quiet after a dismiss; the launcher stays', async () => {
    const first = await mount({ endpoint, trigger: 'delay', delay: '0', 'snooze-days': '7' });
    await opened(first).catch(() => {});
    await waitFor(() => part(first, 'panel'), 'the first prompt');
    first.close();
    first.remove();
    const until = Number(localStorage.getItem('feedback-prompt:snoozed-until'));
    expect(until - Date.now()).to.be.closeTo(7 * 86_400_000, 60_000);
    const again = await mount({ endpoint, trigger: 'delay', delay: '0' });
    const seen = openings(again);
    await afterTimersSoFar();
    expect(seen.count, 'opened while snoozed').to.equal(0);
    expect(part(again, 'launcher')).not.to.equal(null);
  });

  it('a prompt removed before its first render never arms its trigger', async () => {
    const el = document.createElement('feedback-prompt');
    el.setAttribute('endpoint', endpoint);
    el.setAttribute('trigger', 'delay');
    el.setAttribute('delay', '0');
    let opened = 0;
    el.addEventListener('feedback-open', () => opened++);
    document.body.append(el);
    // A single-page app that mounts and unmounts at once, before the browser is idle.
    el.remove();
    await el.updateComplete;
    // The trigger would be armed a task after the first render, and its delay-0 timer run after that.
    await nextTask();
    await afterTimersSoFar();
    expect(opened, 'feedback-open from a removed prompt').to.equal(0);
  });

  it('sample="0" keeps automatic triggers off on this page view', async () => {
    const el = await mount({ endpoint, trigger: 'delay', delay: '0', sample: '0' });
    const seen = openings(el);
    // Armed after the first: its timer runs after any the first would have set.
    const always = await mount({ endpoint, trigger: 'delay', delay: '0', sample: '1' });
    await opened(always);
    expect(seen.count, 'opened outside the sample').to.equal(0);
  });

  it('an invalid value falls back to the default with one warning naming it', async () => {
    const el = await mount({ endpoint, position: 'diagonal', sample: 'abc', delay: '-5', 'max-length': 'lots', trigger: 'sometimes' });
    el.open();
    await el.updateComplete;
    for (const [attribute, value] of [['position', 'diagonal'], ['sample', 'abc'], ['delay', '-5'], ['max-length', 'lots'], ['trigger', 'sometimes']]) {
      expect(warnings.filter((w) => w.includes(`${attribute}="${value}"`)), attribute).to.have.length(1);
    }
    expect(part(el, 'launcher')!.getBoundingClientRect().left).to.be.greaterThan(innerWidth / 2);
    // The counter appears near the limit: 1995 of the default 2000 characters leaves 5.
    type(part<HTMLTextAreaElement>(el, 'textarea')!, 'x'.repeat(1995));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#count')!.textContent).to.equal('5 characters left');
  });
});

describe('settings of the wrong type never take the widget away', () => {
  let endpoint: string;
  const warnings = captureConsole('warn');
  beforeEach(async () => {
    endpoint = await freshStart();
  });

  /** Mounts with `texts` set to `value`, opens the panel and returns the send button's text. */
  const sendLabel = async (texts: string) => {
    const el = await mount({ endpoint, texts });
    el.open();
    await el.updateComplete;
    return part(el, 'submit')?.textContent?.trim();
  };

  for (const texts of ['{"send":5}', 'null', '["Tell us"]', '{"send":{"en":"Tell us"}}', '{"send":null}', '"Tell us"', '{oops']) {
    it(`texts='${texts}': one warning naming texts and the value, the built-in text instead`, async () => {
      expect(await sendLabel(texts)).to.equal('Send');
      const named = warnings.filter((w) => w.includes('texts'));
      expect(named, warnings.join('\n')).to.have.length(1);
      expect(named[0]).to.contain(texts.length > 8 ? texts.slice(1, 7) : texts);
    });
  }

  it('texts is checked key by key: a good key still applies next to a bad one', async () => {
    const el = await mount({ endpoint, texts: '{"send":7,"launcher":"Ideas?"}' });
    expect(part(el, 'launcher')!.textContent!.trim()).to.equal('Ideas?');
    el.open();
    await el.updateComplete;
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Send');
    expect(warnings.filter((w) => w.includes('texts'))).to.have.length(1);
  });

  it('properties of the wrong type warn once, naming the attribute, and fall back', async () => {
    const el = await mount({ endpoint, position: 'inline' });
    const cases: Array<[keyof FeedbackPrompt, unknown, string]> = [
      ['site', { id: 42 }, 'site'],
      ['question', 42, 'question'],
      ['topics', ['a', 'b'], 'topics'],
      ['askEmail', 'yes please', 'ask-email'],
      ['context', [1, 2], 'context'],
      ['texts', 12, 'texts'],
      ['maxLength', { n: 5 }, 'max-length'],
    ];
    for (const [property, value] of cases) (el as unknown as Record<string, unknown>)[property as string] = value;
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('What could we do for you?');
    expect(el.shadowRoot!.querySelector('input[name=email]'), 'ask-email stays off').to.equal(null);
    expect(el.shadowRoot!.querySelector('select'), 'no topics').to.equal(null);
    for (const [, , attribute] of cases) {
      expect(warnings.filter((w) => w.includes(`${attribute}=`)), attribute).to.have.length(1);
    }
    const sent = new Promise<CustomEvent>((r) => el.addEventListener('feedback-submit', r as never, { once: true }));
    await fillIn(el, 'Still works');
    await pressSend(el);
    const { detail } = await sent;
    expect(detail).to.include({ site: '', answer: 'Still works' });
    expect(detail.context).to.deep.equal({});
  });
});
