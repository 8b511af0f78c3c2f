import { expect } from '@open-wc/testing';
import { freshStart, receiverLog, resetReceiver, scriptFaults, sendAfterwards, storedQueue, Tab, waitFor } from '../support/helpers.js';

const recordsOf = async () => (await receiverLog()).records;
const attemptsPer = async () => {
  const counts: Record<string, number> = {};
  for (const a of (await receiverLog()).attempts) counts[a.id!] = (counts[a.id!] ?? 0) + 1;
  return counts;
};

describe('delivery under faults, in real tabs', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });
  afterEach(async () => {
    await Tab.closeAll();
    await resetReceiver();
  });

  it('sends the same Idempotency-Key through 503 ×3 and delivers once on the 200', async () => {
    await scriptFaults([{ status: 503, retryAfter: 0 }, { status: 503, retryAfter: 0 }, { status: 503, retryAfter: 0 }]);
    const tab = await Tab.open({ endpoint });
    const id = await tab.answer('More sizes, please');
    await waitFor(async () => (await recordsOf()).length === 1, 'delivery after three 503s');
    expect((await receiverLog()).attempts.map((a) => a.id)).to.deep.equal([id, id, id, id]);
    const failures = (await tab.events()).filter((e) => e.type === 'feedback-failed').map((e) => e.detail);
    expect(failures).to.deep.equal([1, 2, 3].map(() => ({ id, status: 503, retrying: true })));
  });

  it('waits as long as a 429 asks before trying again', async () => {
    await scriptFaults([{ status: 429, retryAfter: 2 }]);
    const tab = await Tab.open({ endpoint });
    await tab.answer('Calm down, I will wait');
    await waitFor(async () => (await recordsOf()).length === 1, 'delivery after the 429', 8000);
    const [first, second] = (await receiverLog()).attempts;
    expect(second!.at - first!.at).to.be.within(1900, 6000);
  });

  it('retries an answer stored just before the connection dropped, leaving one record', async () => {
    await scriptFaults([{ abortAfterStore: true }]);
    const tab = await Tab.open({ endpoint });
    const id = await tab.answer('Stored, but I never heard back');
    await waitFor(async () => (await storedQueue()).length === 0, 'the queue to empty');
    const { attempts, records } = await receiverLog();
    expect(records.map((r) => r.id)).to.deep.equal([id]);
    expect(attempts.length).to.be.at.least(2);
    expect(new Set(attempts.map((a) => a.id))).to.deep.equal(new Set([id]));
  });

  it('sends an answer again after a reload that cut off a hanging request', async () => {
    await scriptFaults([{ hang: true }]);
    const tab = await Tab.open({ endpoint });
    const id = await tab.answer('The page froze while sending');
    await waitFor(async () => (await receiverLog()).attempts.length === 1, 'the hanging request');
    await tab.reload();
    await waitFor(async () => (await recordsOf()).length === 1, 'delivery from the reloaded page');
    expect((await recordsOf()).map((r) => r.id)).to.deep.equal([id]);
    await waitFor(async () => (await storedQueue()).length === 0, 'the queue to empty');
  });

  it('sends what the last page view left behind on the next one', async function () {
    const tab = await Tab.open({ endpoint });
    if (!(await tab.offline(true))) this.skip();
    const id = await tab.answer('Left behind offline');
    // The customer closes the tab while still offline: only the next page view can send it.
    await Tab.closeAll();
    expect(await recordsOf()).to.deep.equal([]);
    expect((await storedQueue()).map((r) => r.answer.id)).to.deep.equal([id]);
    await Tab.open({ endpoint });
    await waitFor(async () => (await recordsOf()).length === 1, 'delivery on the next page view');
    expect(await attemptsPer()).to.deep.equal({ [id]: 1 });
  });

  it('never lets two tabs POST the same answer, even with a slow endpoint', async () => {
    await scriptFaults(Array.from({ length: 20 }, () => ({ delayMs: 400 })));
    const [a, b] = [await Tab.open({ endpoint }), await Tab.open({ endpoint })];
    // A customer in each tab, answering at the same time.
    const twice = async (tab: Tab, name: string) => [await tab.answer(`From ${name}, 1`), await tab.answer(`From ${name}, 2`)];
    const ids = (await Promise.all([twice(a, 'tab A'), twice(b, 'tab B')])).flat();
    expect(new Set(ids).size).to.equal(4);
    // Both tabs also flush on their own: each wants to send everything the origin has queued.
    await Promise.all([a.eval(() => (window as any).promptEl.flush()), b.eval(() => (window as any).promptEl.flush())]);
    await waitFor(async () => (await recordsOf()).length === 4, 'all four answers', 15000);
    expect(await attemptsPer()).to.deep.equal(Object.fromEntries(ids.map((id) => [id, 1])));
  });

  it('still delivers, and says so once in the console, where IndexedDB is unavailable', async () => {
    const tab = await Tab.open({ endpoint, 'no-indexeddb': '' });
    const id = await tab.answer('Private window answer');
    await waitFor(async () => (await recordsOf()).length === 1, 'delivery without IndexedDB');
    expect((await recordsOf())[0]!.id).to.equal(id);
    const warnings = await tab.eval(() => (window as any).warnings as string[]);
    expect(warnings.filter((w) => w.includes('IndexedDB'))).to.have.length(1);
  });

  it('delivers 50 answers queued offline, each exactly once', async function () {
    const tab = await Tab.open({ endpoint });
    if (!(await tab.offline(true))) this.skip();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await tab.answer(`Offline answer ${i}`));
    expect(await storedQueue()).to.have.length(50);
    await tab.offline(false);
    await waitFor(async () => (await recordsOf()).length === 50, 'all 50 answers', 15000);
    expect(await attemptsPer()).to.deep.equal(Object.fromEntries(ids.map((id) => [id, 1])));
  });
});

describe('leaving the page', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });
  afterEach(() => Tab.closeAll());

  it('fires its own waiting answer on pagehide with keepalive when another tab holds the sending turn', async function () {
    // Seen here: Firefox ESR does not let this send out (the same send after a 503 does go out
    // there); the answer then waits in IndexedDB for the next page view, which is still no loss.
    if (navigator.userAgent.includes('Firefox')) this.skip();
    // Tab B's send hangs, so B keeps the origin's sending turn; tab A's answer waits behind it.
    await scriptFaults([{ hang: true }]);
    const [a, b] = [await Tab.open({ endpoint }), await Tab.open({ endpoint })];
    await b.answer('Stuck in a slow send');
    await waitFor(async () => (await receiverLog()).attempts.length === 1, "B's hanging send");
    const id = await a.answer('Leaving right away');
    await a.close();
    await waitFor(async () => (await recordsOf()).some((r) => r.id === id), 'the keepalive send from the closing tab');
    expect((await attemptsPer())[id]).to.equal(1);
  });

  it('honours the server\'s Retry-After even when the tab closes', async () => {
    await scriptFaults([{ status: 503, retryAfter: 3600 }]);
    const tab = await Tab.open({ endpoint });
    const id = await tab.answer('Wait an hour, then');
    await waitFor(async () => (await tab.events()).some((e) => e.type === 'feedback-failed'), 'the 503');
    await tab.close();
    // Anything the closing tab sent on its way out left before this, and arrives before it.
    const marker = await sendAfterwards(endpoint);
    expect((await receiverLog()).attempts.map((a) => a.id)).to.deep.equal([id, marker]);
    expect((await storedQueue()).map((r) => r.answer.id), 'kept for a later page view').to.deep.equal([id]);
  });
});
