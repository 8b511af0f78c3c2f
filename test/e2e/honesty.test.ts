import { expect } from '@open-wc/testing';
import { clearDeviceStorage, fillIn, fillQueueWithRefused, freshStart, mount, part, receiverDown, receiverUp, storedQueue, Tab, waitFor } from '../support/helpers.js';

describe('telling the customer honestly what happened to their answer', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });
  afterEach(async () => {
    await Tab.closeAll();
    await receiverUp().catch(() => {});
    await clearDeviceStorage();
  });

  it('refuses a new answer when 100 are already waiting, keeping the text and evicting nothing', async () => {
    await fillQueueWithRefused(100);
    const el = await mount({ endpoint });
    await fillIn(el, 'One more thing');
    part(el, 'submit')!.click();
    const alert = await waitFor(() => el.shadowRoot!.querySelector('[role=alert]'), 'the message');
    expect(alert.textContent).to.contain('copy your text');
    expect((part(el, 'textarea') as HTMLTextAreaElement).value).to.equal('One more thing');
    const queue = await storedQueue();
    expect(queue).to.have.length(100);
    expect(queue.every((r) => r.answer.answer.startsWith('old '))).to.equal(true);
  });

  it('says an answer is saved offline, then that it has reached the shop', async function () {
    const tab = await Tab.open({ endpoint });
    if (!(await tab.offline(true))) this.skip();
    await tab.answer('Offline for a moment');
    await waitFor(async () => (await tab.status()) === "Saved on this device. We'll send it when you're back online.", 'the offline status');
    await tab.offline(false);
    await waitFor(async () => (await tab.status()) === 'Your answer has reached us.', 'the sent status');
  });

  it('without IndexedDB and without a connection: says it could not keep the answer and shows the text to copy', async () => {
    await receiverDown();
    const tab = await Tab.open({ endpoint, 'no-indexeddb': '' });
    await tab.answer('Please keep this somewhere');
    await waitFor(async () => (await tab.status()).startsWith('Not sent'), 'the not-kept status');
    const shown = await tab.eval(() => (window as any).promptEl.shadowRoot.querySelector('textarea[readonly]')?.value);
    expect(shown).to.equal('Please keep this somewhere');
  });
});
