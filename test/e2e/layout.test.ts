// The panel on a small phone, as drawn by the browser: Send in sight without scrolling, the answer
// field giving way rather than Send, nothing touching its neighbour, touch targets of 44px.
import { expect, fixtureCleanup } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { freshStart, mount, part, type } from '../support/helpers.js';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';

const EVERYTHING = { rating: true, 'ask-email': true, topics: 'Products, Delivery, Website', 'privacy-url': '/privacy', 'max-length': '60' };

const box = (el: Element | null | undefined): DOMRect => {
  if (!el) throw new Error('missing element');
  return el.getBoundingClientRect();
};
const within = (inner: DOMRect, outer: { top: number; bottom: number; left: number; right: number }) =>
  inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5 && inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;
const screen = () => ({ top: 0, left: 0, bottom: innerHeight, right: innerWidth });

const openPanel = async (attrs: Record<string, string | boolean>): Promise<FeedbackPrompt> => {
  const el = await mount({ endpoint: await freshStart(), ...attrs });
  el.open();
  await el.updateComplete;
  await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
  return el;
};

describe('the panel on a 320×568 phone', () => {
  before(() => setViewport({ width: 320, height: 568 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => fixtureCleanup());

  for (const lang of ['en', 'ar', 'ja']) {
    it(`${lang}: shows Send without scrolling, with every optional field asked for`, async () => {
      const el = await openPanel({ ...EVERYTHING, lang });
      const panel = box(part(el, 'panel'));
      expect(within(panel, screen()), 'the panel fits the screen').to.equal(true);
      expect(part(el, 'panel')!.scrollTop, 'nothing scrolled').to.equal(0);
      expect(within(box(part(el, 'submit')), panel), 'Send inside the panel').to.equal(true);
      // The pinned row holds Send alone (the privacy link scrolls with the fields): a row that
      // wrapped onto two lines would cover the fields above it.
      expect(box(part(el, 'submit')!.parentElement).height, 'one line pinned').to.be.at.most(box(part(el, 'submit')).height + 21);
      expect(el.shadowRoot!.querySelector('.privacy a'), 'the privacy link is there, scrolling with the fields').to.not.equal(null);
      // The answer field gave way (it asks for 120px when there is room), but stays usable.
      const field = box(part(el, 'textarea'));
      expect(field.height).to.be.within(70, 120);
    });
  }

  it('keeps Close in sight after sending, with Write another beside it or both the full width', async () => {
    const el = await openPanel(EVERYTHING);
    type(part<HTMLTextAreaElement>(el, 'textarea')!, 'More green tea, please');
    await el.updateComplete;
    const sent = new Promise((resolve) => el.addEventListener('feedback-submit', resolve, { once: true }));
    part(el, 'submit')!.click();
    await sent;
    await el.updateComplete;
    const closeButton = el.shadowRoot!.querySelector('.primary')!;
    expect(closeButton.textContent!.trim()).to.equal('Close');
    expect(el.shadowRoot!.querySelector('.secondary')!.textContent!.trim()).to.equal('Write another answer');
    expect(within(box(closeButton), screen())).to.equal(true);
    // Side by side, or stacked each the row's full width: never Close alone at the end of a second line.
    const [another, close, row] = [box(el.shadowRoot!.querySelector('.secondary')), box(closeButton), box(closeButton.parentElement)];
    const stacked = close.width >= row.width - 1 && another.width >= row.width - 1;
    expect(close.top === another.top || stacked, 'side by side or both full width').to.equal(true);
    (closeButton as HTMLElement).click();
    await el.updateComplete;
    expect(part(el, 'panel'), 'Close closes').to.equal(null);
  });
});

describe('the form\'s spacing and targets', () => {
  afterEach(() => fixtureCleanup());

  it('leaves room for the focus ring (5px) between each field and its neighbours', async () => {
    const el = await openPanel({ ...EVERYTHING, position: 'inline' });
    const root = el.shadowRoot!;
    type(part<HTMLTextAreaElement>(el, 'textarea')!, 'x'.repeat(50));
    await el.updateComplete;
    const gap = (above: Element | null, below: Element | null) => box(below).top - box(above).bottom;
    expect(root.querySelector('#count')!.textContent, 'near the limit the counter shows').to.equal('10 characters left');
    expect(gap(part(el, 'textarea'), root.querySelector('#count')), 'counter under the field').to.be.at.least(6);
    expect(gap(root.querySelector('#count'), root.querySelector('label[for=topic]')), 'topic label').to.be.at.least(6);
    expect(gap(root.querySelector('#topic'), root.querySelector('legend')), '"How are we doing?" under the topics').to.be.at.least(6);
    expect(gap(root.querySelector('.scale'), root.querySelector('.ends')), 'the words at the scale\'s ends').to.be.at.least(6);
    expect(gap(root.querySelector('.ends'), root.querySelector('label[for=email]'))).to.be.at.least(6);
    expect(gap(root.querySelector('#email'), root.querySelector('#email-why'))).to.be.at.least(6);
    const ends = [...root.querySelectorAll('.ends span')].map((s) => s.textContent);
    expect(ends).to.deep.equal(['Very poor', 'Very good']);
  });

  // The privacy link grows from 24px to 44px only under (pointer: coarse), which this mouse-driven
  // browser does not match; scripts/screenshots.js shoots the phone with touch on.
  it('gives fingers 44px targets: launcher, close, Send and each point of the scale', async () => {
    const el = await openPanel({ ...EVERYTHING });
    const root = el.shadowRoot!;
    for (const target of [part(el, 'submit'), part(el, 'launcher'), root.querySelector('.close'), ...root.querySelectorAll('.scale label')]) {
      expect(box(target).width, target!.textContent!).to.be.at.least(44);
      expect(box(target).height, target!.textContent!).to.be.at.least(44);
    }
  });
});
