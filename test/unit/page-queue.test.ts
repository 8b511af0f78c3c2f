import { expect } from '@open-wc/testing';
import { createAnswer } from '../../src/delivery/answer.js';
import { pageQueues, type Listener, type RunningQueue } from '../../src/delivery/page-queue.js';
import { DeliveryQueue, type QueueReport, type QueuedAnswer } from '../../src/delivery/queue.js';
import { memoryStore } from '../../src/delivery/store.js';
import { classify } from '../../src/delivery/transport.js';
import { fakeClock, START } from '../support/fake-clock.js';

const ENDPOINT = 'https://collect.example/answers';
let seq = 0;
const answer = () => createAnswer({ site: 's', answer: 'a', lang: 'en' }, 'https://shop.example/', START, () => `pq-${++seq}`);

/** Page queues over a real DeliveryQueue (memory store, a transport answering 200): counts starts and stops. */
const harness = () => {
  const started: Array<{ stopped: boolean; disposed: boolean }> = [];
  const store = memoryStore<QueuedAnswer>();
  const open = pageQueues((route): RunningQueue => {
    const life = { stopped: false, disposed: false };
    started.push(life);
    const queue = new DeliveryQueue({ store, lock: (task) => task(), transport: async () => classify(201), clock: fakeClock().clock, isOnline: () => true, report: route });
    const dispose = queue.dispose.bind(queue);
    queue.dispose = () => ((life.disposed = true), dispose());
    return { queue, stop: () => void (life.stopped = true) };
  });
  return { open, started, store };
};

/** A listener that keeps what it hears, named for the prompt it stands for. */
const prompt = (name: string, heard: string[]): Listener => (report: QueueReport) => void heard.push(`${name}:${report.type}`);

describe('the page queue shared by a page\'s prompts', () => {
  it('reports each answer once, to the prompt that took it', async () => {
    const { open } = harness();
    const heard: string[] = [];
    const a = open(prompt('a', heard));
    const b = open(prompt('b', heard));
    await b.enqueue(answer(), ENDPOINT);
    await a.queue.flush(true);
    expect(heard).to.deep.equal(['b:sent']);
  });

  it('when the prompt that took the answer has left, its report goes to a prompt still on the page', async () => {
    const { open } = harness();
    const heard: string[] = [];
    const a = open(prompt('a', heard));
    const b = open(prompt('b', heard));
    await b.enqueue(answer(), ENDPOINT);
    b.close();
    await a.queue.flush(true);
    expect(heard).to.deep.equal(['a:sent']);
  });

  it('one queue for all prompts; the last one leaving stops it, and the next prompt starts a fresh one', async () => {
    const { open, started, store } = harness();
    const heard: string[] = [];
    const a = open(prompt('a', heard));
    const b = open(prompt('b', heard));
    expect(started, 'queues started').to.have.length(1);
    a.close();
    expect(started[0], 'still running while b is on the page').to.deep.equal({ stopped: false, disposed: false });
    b.close();
    expect(started[0], 'stopped once the last prompt left').to.deep.equal({ stopped: true, disposed: true });
    // Nothing runs on the stopped queue: an answer left behind waits for the next queue.
    const left = answer();
    await store.put(left.id, { answer: left, endpoint: ENDPOINT, attempts: 0, nextAttemptAt: 0 });
    await a.queue.flush(true);
    expect(await store.all(), 'the stopped queue sent nothing').to.have.length(1);
    const c = open(prompt('c', heard));
    expect(started, 'a fresh queue for the next prompt').to.have.length(2);
    await c.queue.flush(true);
    expect(heard, 'the answer left behind is reported to the prompt now on the page').to.deep.equal(['c:sent']);
  });
});
