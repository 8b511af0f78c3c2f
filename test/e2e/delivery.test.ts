import { expect } from '@open-wc/testing';
import { answer, freshStart, mount, receiverDown, receiverLog, receiverUp, resetReceiver, scriptFaults, storedQueue, waitFor } from '../support/helpers.js';

const detailOf = (el: Element, type: string) =>
  new Promise<any>((resolve) => el.addEventListener(type, (e) => resolve((e as CustomEvent).detail), { once: true }));

describe('delivery to a real endpoint', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });

  it('delivers an answer once, with the documented body and headers', async () => {
    document.cookie = 'session=secret; path=/';
    history.replaceState(null, '', `${location.pathname}?order=123#step-2`);
    const el = await mount({ endpoint, site: 'shop-42', lang: 'nl' });
    el.context = { pageType: 'cart' };
    const sent = detailOf(el, 'feedback-sent');
    const id = await answer(el, 'Meer glutenvrije <b>koekjes</b> 🍪');
    expect(await sent).to.deep.equal({ id });
    const { attempts, records } = await receiverLog();
    expect(attempts.map((a) => a.id)).to.deep.equal([id]);
    expect(attempts[0]!.headers.contentType).to.equal('application/json');
    expect(attempts[0]!.headers.cookie, 'credentials are omitted').to.equal(null);
    expect(records).to.have.length(1);
    const { receivedAt, ...record } = records[0]!;
    expect(receivedAt).to.be.a('string');
    expect(record).to.have.keys('id', 'version', 'site', 'answer', 'email', 'rating', 'topic', 'lang', 'page', 'createdAt', 'context');
    expect(record).to.include({ id, version: 1, site: 'shop-42', answer: 'Meer glutenvrije <b>koekjes</b> 🍪', lang: 'nl' });
    expect(record).to.include({ email: null, rating: null, topic: null });
    expect(record.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.context).to.deep.equal({ pageType: 'cart' });
    expect(record.page, 'no query string or fragment').to.equal(location.origin + location.pathname);
    expect(Date.parse(record.createdAt as string)).to.be.closeTo(Date.now(), 60_000);
    expect(await storedQueue()).to.deep.equal([]);
    document.cookie = 'session=; max-age=0; path=/';
    history.replaceState(null, '', location.pathname);
  });

  it('writes the answer to IndexedDB before the first send attempt', async () => {
    await scriptFaults([{ hang: true }]);
    const el = await mount({ endpoint });
    const sent = detailOf(el, 'feedback-sent');
    const id = await answer(el, 'Gift wrapping, please');
    const queued = await storedQueue();
    expect(queued.map((r) => r.answer.id)).to.deep.equal([id]);
    expect(queued[0]!.answer.answer).to.equal('Gift wrapping, please');
    await waitFor(async () => (await receiverLog()).attempts.length === 1, 'the hanging attempt');
    // End the hang here, so the lock it holds and the retry it records stay inside this test.
    await resetReceiver();
    // The receiver answers the hanging request 503, or, on a busy machine, the browser may see the
    // connection drop first (0): either way the attempt has ended and is recorded, kept for a retry.
    const ended = await waitFor(async () => (await storedQueue()).find((r) => r.status !== undefined), 'the hanging attempt to end');
    expect(ended.status).to.be.oneOf([503, 0]);
    // Let the retry deliver it here: a retry still waiting when the next test starts would fail
    // against that test's endpoint and report into it.
    expect(await sent).to.deep.equal({ id });
    expect(await storedQueue()).to.deep.equal([]);
  });

  it('sends again once the endpoint, down at first, is back', async () => {
    await receiverDown();
    const el = await mount({ endpoint });
    const failed = detailOf(el, 'feedback-failed');
    const id = await answer(el, 'Do you ship to Belgium?');
    expect(await failed).to.deep.equal({ id, status: 0, retrying: true });
    expect((await storedQueue()).map((r) => r.answer.id)).to.deep.equal([id]);
    await receiverUp();
    // flush() is the API a page calls when it knows the endpoint is back.
    await el.flush();
    await waitFor(async () => (await receiverLog()).records.length === 1, 'the retry');
    expect((await receiverLog()).attempts.map((a) => a.id)).to.deep.equal([id]);
    expect(await storedQueue()).to.deep.equal([]);
  });

  it('keeps the answer through 503 with Retry-After, then delivers one record', async () => {
    await scriptFaults([{ status: 503, retryAfter: 1 }]);
    const el = await mount({ endpoint });
    const failed = detailOf(el, 'feedback-failed');
    const id = await answer(el, 'Please stock oat milk');
    expect(await failed).to.deep.equal({ id, status: 503, retrying: true });
    expect((await storedQueue()).map((r) => r.answer.id)).to.deep.equal([id]);
    await waitFor(async () => (await receiverLog()).records.length === 1, 'the retry after Retry-After', 6000);
    const { attempts } = await receiverLog();
    expect(attempts.map((a) => a.id)).to.deep.equal([id, id]);
    expect(attempts[1]!.at - attempts[0]!.at).to.be.at.least(900);
  });

  for (const status of [400, 413, 422]) {
    it(`does not retry a ${status}, keeps the answer aside and says so`, async () => {
      await scriptFaults([{ status }]);
      const el = await mount({ endpoint });
      const failed = detailOf(el, 'feedback-failed');
      const id = await answer(el, 'An answer the endpoint refuses');
      expect(await failed).to.deep.equal({ id, status, retrying: false });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal(
        'The shop could not accept your answer just now. It is kept on this device.',
      );
      await el.flush();
      expect((await receiverLog()).attempts).to.have.length(1);
      const kept = await storedQueue();
      expect(kept.map((r) => [r.answer.id, r.setAside, r.status])).to.deep.equal([[id, true, status]]);
      expect((await el.failed()).map((r) => r.answer.id)).to.deep.equal([id]);
      // Once the endpoint is fixed, the shop can send it after all.
      await el.resend(id);
      await waitFor(async () => (await receiverLog()).records.length === 1, 'the resend');
      expect(await storedQueue()).to.deep.equal([]);
    });
  }
});
