import { expect } from '@open-wc/testing';
import { wakeOnConnectivity } from '../../src/delivery/wake.js';

/** A window with its own event targets and a settable visibility state. */
const fakeWindow = () => {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const win = Object.assign(new EventTarget(), { document: doc });
  return { win: win as unknown as Window, doc };
};

const fakeQueue = () => {
  const calls: string[] = [];
  return {
    calls,
    queue: {
      flush: async (wake?: boolean) => void calls.push(`flush(${wake})`),
      sendOnExit: () => void calls.push('sendOnExit'),
    },
  };
};

describe('wakeOnConnectivity', () => {
  it('wakes the queue (flush(true)) when the browser comes back online', () => {
    const { win } = fakeWindow();
    const { queue, calls } = fakeQueue();
    wakeOnConnectivity(queue, win);
    win.dispatchEvent(new Event('online'));
    expect(calls).to.deep.equal(['flush(true)']);
  });

  it('wakes it when the tab is shown again, not when it is hidden', () => {
    const { win, doc } = fakeWindow();
    const { queue, calls } = fakeQueue();
    wakeOnConnectivity(queue, win);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).to.deep.equal([]);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).to.deep.equal(['flush(true)']);
  });

  it('sends what waits when the page goes away (pagehide)', () => {
    const { win } = fakeWindow();
    const { queue, calls } = fakeQueue();
    wakeOnConnectivity(queue, win);
    win.dispatchEvent(new Event('pagehide'));
    expect(calls).to.deep.equal(['sendOnExit']);
  });

  it('stops listening once stopped', () => {
    const { win, doc } = fakeWindow();
    const { queue, calls } = fakeQueue();
    const stop = wakeOnConnectivity(queue, win);
    stop();
    win.dispatchEvent(new Event('online'));
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    expect(calls).to.deep.equal([]);
  });
});
