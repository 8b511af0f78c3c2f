import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FeedbackPrompt } from '../../src/feedback-prompt.js';
import { answer, captureConsole, fillIn, freshStart, mount, part, receiverLog, storedQueue, type, waitFor } from '../support/helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const textOf = (el: Element, selector: string) => shadow(el).querySelector(selector)?.textContent?.trim() ?? '';

describe('<feedback-prompt>', () => {
  let endpoint: string;
  const errors = captureConsole('error');
  beforeEach(async () => {
    endpoint = await freshStart();
  });

  it('shows a launcher, and on click a panel with the question, focused on the answer', async () => {
    const el = await mount({ endpoint });
    const launcher = part(el, 'launcher')!;
    expect(launcher.textContent!.trim()).to.equal('Feedback');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'panel')).to.equal(null);
    const opened = new Promise((r) => el.addEventListener('feedback-open', r, { once: true }));
    launcher.click();
    await opened;
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('What could we do for you?');
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    expect(part(el, 'panel')!.getAttribute('role')).to.equal('dialog');
    expect(shadow(el).activeElement).to.equal(part(el, 'textarea'));
  });

  it('asks the shop owner\'s question and answers in the page\'s language', async () => {
    const wrapper = await fixture(html`<div lang="nl-BE"><feedback-prompt endpoint=${endpoint} question="Wat mist je?"></feedback-prompt></div>`);
    const el = wrapper.querySelector('feedback-prompt')!;
    await waitFor(() => part(el, 'launcher'), 'the Dutch texts to load');
    el.open();
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Wat mist je?');
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Versturen');
    expect(textOf(el, '#count'), 'no counter before the customer nears the limit').to.equal('');
  });

  it('Escape closes the panel and gives focus back to the launcher', async () => {
    const el = await mount({ endpoint });
    part(el, 'launcher')!.click();
    await el.updateComplete;
    const closed = new Promise((r) => el.addEventListener('feedback-close', r, { once: true }));
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(part(el, 'panel')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(part(el, 'launcher'));
  });

  it('counts the characters left and will not send more than max-length', async () => {
    const el = await mount({ endpoint, 'max-length': '10' });
    el.open();
    await el.updateComplete;
    type(part(el, 'textarea') as HTMLTextAreaElement, '12345678');
    await el.updateComplete;
    expect(textOf(el, '#count')).to.equal('2 characters left');
    type(part(el, 'textarea') as HTMLTextAreaElement, '123456789012');
    await el.updateComplete;
    expect(textOf(el, '#count')).to.equal('2 characters too many');
    let submitted = false;
    el.addEventListener('feedback-submit', () => (submitted = true));
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(part(el, 'textarea')!.getAttribute('aria-invalid')).to.equal('true');
    expect((part(el, 'textarea') as HTMLTextAreaElement).value, 'nothing the customer typed is cut off').to.equal('123456789012');
  });

  it('will not send an empty or whitespace-only answer, and says why', async () => {
    const el = await mount({ endpoint });
    await fillIn(el, '   \n\t ');
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(textOf(el, '#answer-error')).to.equal('Please write a few words first.');
    expect(shadow(el).activeElement).to.equal(part(el, 'textarea'));
    expect(await storedQueue()).to.deep.equal([]);
  });

  it('shows markup, scripts and control characters as text and sends them as typed', async () => {
    const el = await mount({ endpoint, question: '<img src=x onerror="window.pwned=1">?' });
    const nasty = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1"> \u0007\u202Eمرحبا 👋';
    const sent = new Promise((r) => el.addEventListener('feedback-sent', r, { once: true }));
    await answer(el, nasty);
    await sent;
    expect(shadow(el).querySelector('img, script')).to.equal(null);
    expect((window as any).pwned).to.equal(undefined);
    expect((await receiverLog()).records[0]!.answer).to.equal(nasty);
  });

  it('thanks the customer, and a reopened panel offers a fresh, empty form', async () => {
    const el = await mount({ endpoint });
    const sent = new Promise((r) => el.addEventListener('feedback-sent', r, { once: true }));
    await answer(el, 'Lovely shop');
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Thank you for telling us.');
    await sent;
    await el.updateComplete;
    expect(textOf(el, '[role=status]')).to.equal('Your answer has reached us.');
    el.close();
    await el.updateComplete;
    el.open();
    await el.updateComplete;
    expect((part(el, 'textarea') as HTMLTextAreaElement).value).to.equal('');
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('What could we do for you?');
  });

  it('keeps a half-typed answer through an accidental close and a reload', async () => {
    let el = await mount({ endpoint });
    el.open();
    await el.updateComplete;
    type(part(el, 'textarea') as HTMLTextAreaElement, 'I was about to say');
    el.close();
    await el.updateComplete;
    el.open();
    await el.updateComplete;
    expect((part(el, 'textarea') as HTMLTextAreaElement).value).to.equal('I was about to say');
    el.remove();
    el = await mount({ endpoint });
    el.open();
    await el.updateComplete;
    expect((part(el, 'textarea') as HTMLTextAreaElement).value, 'after a reload').to.equal('I was about to say');
    const sent = new Promise((resolve) => el.addEventListener('feedback-sent', resolve, { once: true }));
    await answer(el, 'I was about to say: more rye bread');
    expect(localStorage.getItem('feedback-prompt:draft'), 'the draft is gone once sent').to.equal(null);
    // Delivered before the next test resets the endpoint: a send still in flight then would come back
    // as a failure and put the answer back into the next test's queue.
    await sent;
  });

  it('drops a bot\'s submission silently when the hidden field is filled', async () => {
    const el = await mount({ endpoint });
    await fillIn(el, 'Buy cheap watches', (root) => (root.querySelector<HTMLInputElement>('input[name=website]')!.value = 'http://spam.example'));
    let submitted = false;
    el.addEventListener('feedback-submit', () => (submitted = true));
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Thank you for telling us.');
    expect(submitted).to.equal(false);
    expect(await storedQueue()).to.deep.equal([]);
  });

  it('renders in place with position="inline", without a launcher', async () => {
    const el = await mount({ endpoint, position: 'inline' });
    expect(part(el, 'launcher')).to.equal(null);
    expect(part(el, 'panel')!.getAttribute('role')).to.equal('region');
    expect(getComputedStyle(part(el, 'panel')!).position).to.equal('static');
  });

  for (const [label, value] of [['missing', undefined], ['not http(s)', 'javascript:alert(1)'], ['not a URL', 'http://']] as const) {
    it(`with an endpoint ${label}: one console.error naming it, nothing shown, nothing kept`, async () => {
      const el = (await mount(value === undefined ? {} : { endpoint: value })) as FeedbackPrompt;
      await el.updateComplete;
      el.open();
      await el.updateComplete;
      expect(shadow(el).childElementCount + (shadow(el).textContent?.trim().length ?? 0)).to.equal(0);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('"endpoint"');
      expect(localStorage.length).to.equal(0);
      expect(await storedQueue()).to.deep.equal([]);
    });
  }

  it('writes nothing to the device until the customer acts', async () => {
    const el = await mount({ endpoint, trigger: 'button' });
    // The queue is read in idle time after connecting: wait for that idle callback (ours, asked for
    // later, runs after it), then for the round it started (flush waits for it and runs one more).
    await new Promise((r) => requestIdleCallback(r));
    await el.flush();
    expect(localStorage.length).to.equal(0);
    expect(await storedQueue()).to.deep.equal([]);
  });
});

describe('<feedback-prompt> configured after it is on the page', () => {
  const errors = captureConsole('error');
  it('starts working when a script sets the endpoint later', async () => {
    const endpoint = await freshStart();
    const el = await fixture<FeedbackPrompt>(html`<feedback-prompt></feedback-prompt>`);
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    expect(errors, 'the missing endpoint is reported once').to.have.length(1);
    el.endpoint = endpoint;
    await waitFor(() => part(el, 'launcher'), 'the launcher');
    const sent = new Promise((r) => el.addEventListener('feedback-sent', r, { once: true }));
    await answer(el, 'Configured late');
    await sent;
    expect((await receiverLog()).records.map((r) => r.answer)).to.deep.equal(['Configured late']);
  });
});

describe('<feedback-prompt> under stress from a hurried customer or a busy page', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });

  it('queues one answer when Send is tapped twice in a row', async () => {
    const el = await mount({ endpoint });
    await fillIn(el, 'Tap tap');
    const ids: string[] = [];
    el.addEventListener('feedback-submit', (e) => ids.push((e as CustomEvent).detail.id));
    const sent = new Promise((r) => el.addEventListener('feedback-sent', r, { once: true }));
    part(el, 'submit')!.click();
    part(el, 'submit')!.click();
    await sent;
    // Both taps' writes began before the first send; a second answer would be in the queue, and
    // this flush (one full round after any under way) would send it.
    await el.flush();
    expect(await storedQueue(), 'nothing left to send').to.deep.equal([]);
    expect(ids).to.have.length(1);
    expect((await receiverLog()).records).to.have.length(1);
  });

  it('with two prompts on a page, each event fires once, on the prompt that took the answer', async () => {
    const a = await mount({ endpoint, position: 'inline' });
    const b = await mount({ endpoint, position: 'bottom-left' });
    const seen: string[] = [];
    a.addEventListener('feedback-sent', () => seen.push('a'));
    b.addEventListener('feedback-sent', () => seen.push('b'));
    await answer(b, 'From the floating one');
    await waitFor(() => seen.length > 0, 'feedback-sent');
    // Each report reaches its listeners in one go: a second event would be here already; flush
    // settles any round still running.
    await b.flush();
    expect(seen).to.deep.equal(['b']);
    await waitFor(() => b.shadowRoot!.querySelector('[role=status]')!.textContent!.includes('reached us'), 'the sent status on b');
  });

  it('brings back the draft in an inline form after a reload', async () => {
    let el = await mount({ endpoint, position: 'inline' });
    type(part(el, 'textarea') as HTMLTextAreaElement, 'Half a thought');
    el.remove();
    el = await mount({ endpoint, position: 'inline' });
    await el.updateComplete;
    expect((part(el, 'textarea') as HTMLTextAreaElement).value).to.equal('Half a thought');
  });

  it('follows lang set as a property, as every attribute is also a property', async () => {
    const el = await mount({ endpoint });
    el.lang = 'de';
    await waitFor(() => part(el, 'launcher')?.textContent?.trim() === 'Feedback' && translationReady(el), 'the German texts');
    el.open();
    await el.updateComplete;
    expect(part(el, 'submit')!.textContent!.trim()).to.equal('Senden');
  });

  it('has no sideways scroll in a right-to-left panel', async () => {
    const el = await mount({ endpoint, lang: 'ar', rating: true, 'ask-email': true });
    await waitFor(() => part(el, 'launcher'), 'the Arabic texts');
    el.open();
    await el.updateComplete;
    const panel = part(el, 'panel')!;
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
  });
});

/** True once the element renders in the language it was asked for (not still waiting for its chunk). */
const translationReady = (el: Element) => el.shadowRoot!.querySelector('.root')?.getAttribute('lang') === 'de';
