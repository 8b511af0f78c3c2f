// The element's side of delivery: events for answers it did not take, and which endpoint an answer goes to.
import { expect } from '@open-wc/testing';
import { answer, freshStart, mount, part, putInQueue, queuedRecord, receiverLog, scriptFaults, storedQueue } from '../support/helpers.js';

const DAY = 86_400_000;
const nextEvent = <T>(el: Element, type: string) =>
  new Promise<T>((resolve) => el.addEventListener(type, (e) => resolve((e as CustomEvent<T>).detail), { once: true }));

describe('<feedback-prompt> and the answers in its queue', () => {
  let endpoint: string;
  beforeEach(async () => {
    endpoint = await freshStart();
  });

  it('fires feedback-expired for an answer that waited more than 30 days, and drops it unsent', async () => {
    const old = queuedRecord({ answer: 'From last season', createdAt: new Date(Date.now() - 31 * DAY).toISOString() }, { endpoint, attempts: 9, status: 503 });
    await putInQueue([old]);
    const el = await mount({ endpoint });
    const expired = nextEvent<{ id: string }>(el, 'feedback-expired');
    await el.flush();
    expect(await expired).to.deep.equal({ id: old.answer.id });
    expect(await storedQueue()).to.deep.equal([]);
    expect((await receiverLog()).attempts, 'never sent').to.deep.equal([]);
  });

  it('an answer keeps the endpoint it was given for; a changed endpoint applies to the answers given after it', async () => {
    // docs/widget-contract.md, "Which endpoint": the customer answered a shop's endpoint, and only that one gets it.
    await scriptFaults([{ status: 503, retryAfter: 1 }]);
    const el = await mount({ endpoint });
    const failed = nextEvent(el, 'feedback-failed');
    const first = await answer(el, 'Given while the old endpoint was set');
    await failed;
    const moved = 'http://127.0.0.1:9/answers';
    el.endpoint = moved;
    await el.updateComplete;
    const sent = nextEvent<{ id: string }>(el, 'feedback-sent');
    expect(await sent, 'the waiting answer went to its own endpoint').to.deep.equal({ id: first });
    expect((await receiverLog()).records.map((r) => r.id)).to.deep.equal([first]);

    const refused = nextEvent<{ id: string; status: number }>(el, 'feedback-failed');
    const second = await answer(el, 'Given after the change');
    expect(await refused, 'the new answer went to the new endpoint (nothing listens there)').to.include({ id: second, status: 0 });
    expect((await storedQueue()).map((r) => [r.answer.id, r.endpoint])).to.deep.equal([[second, moved]]);
  });

  it('a translation naming fewer rating points still shows the whole 1–5 scale', async () => {
    const el = await mount({ endpoint, rating: true, texts: '{"ratings":"Bad|Good"}' });
    el.open();
    await el.updateComplete;
    const points = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=rating]')].map((input) => input.value);
    expect(points).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(part(el, 'panel')).to.not.equal(null);
  });
});
