import { expect } from '@open-wc/testing';
import { answer, clearDeviceStorage, mount, receiverLog, resetReceiver, scriptFaults, storedQueue, waitFor } from '../support/helpers.js';

describe('delivery to a real endpoint', () => {
  let endpoint: string;
  beforeEach(async () => {
    await clearDeviceStorage();
    endpoint = await resetReceiver();
  });

  it('delivers an answer once, with the documented body and headers', async () => {
    const el = await mount({ endpoint, site: 'shop-42', lang: 'nl' });
    el.context = { pageType: 'cart' };
    const sent = new Promise((r) => el.addEventListener('feedback-sent', (e) => r((e as CustomEvent).detail)));
    const id = await answer(el, 'Meer glutenvrije <b>koekjes</b> 🍪');
    expect(await sent).to.deep.equal({ id });
    const { attempts, records } = await receiverLog();
    expect(attempts.map((a) => a.id)).to.deep.equal([id]);
    expect(records).to.have.length(1);
    const record = records[0]!;
    expect(record).to.include({ id, version: 1, site: 'shop-42', answer: 'Meer glutenvrije <b>koekjes</b> 🍪', lang: 'nl' });
    expect(record).to.include({ email: null, rating: null, topic: null });
    expect(record.context).to.deep.equal({ pageType: 'cart' });
    expect(record.page).to.equal(location.origin + location.pathname);
    expect(await storedQueue()).to.deep.equal([]);
  });

  it('keeps the answer through 503 with Retry-After, then delivers one record', async () => {
    await scriptFaults([{ status: 503, retryAfter: 1 }]);
    const el = await mount({ endpoint });
    const failed = new Promise((r) => el.addEventListener('feedback-failed', (e) => r((e as CustomEvent).detail)));
    const id = await answer(el, 'Please stock oat milk');
    expect(await failed).to.deep.equal({ id, status: 503, retrying: true });
    expect((await storedQueue()).map((r) => r.answer.id)).to.deep.equal([id]);
    await waitFor(async () => (await receiverLog()).records.length === 1, 'the retry after Retry-After', 6000);
    const { attempts } = await receiverLog();
    expect(attempts.map((a) => a.id)).to.deep.equal([id, id]);
    expect(attempts[1]!.at - attempts[0]!.at).to.be.at.least(900);
  });
});
