import { expect } from '@open-wc/testing';
import { freshStart, receiverLog, storedQueue, Tab, waitFor } from '../support/helpers.js';

describe('offline', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });
  afterEach(() => Tab.closeAll());

  it('keeps an answer given offline and sends it once when the browser is back online', async function () {
    const tab = await Tab.open({ endpoint });
    if (!(await tab.offline(true))) this.skip();
    await waitFor(() => tab.eval(() => !navigator.onLine), 'the tab to go offline');
    const id = await tab.answer('Your site is slow on my phone');
    await waitFor(async () => (await tab.status()).includes('back online'), 'the offline status');
    expect((await storedQueue()).map((r) => r.answer.id)).to.deep.equal([id]);
    expect((await receiverLog()).attempts).to.deep.equal([]);
    await tab.offline(false);
    await waitFor(async () => (await receiverLog()).records.length === 1, 'delivery after going online');
    expect((await receiverLog()).attempts.map((a) => a.id)).to.deep.equal([id]);
    await waitFor(async () => (await storedQueue()).length === 0, 'the queue to empty');
    await waitFor(async () => (await tab.status()).includes('reached us'), 'the sent status');
  });
});
