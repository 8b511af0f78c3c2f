import { expect } from '@open-wc/testing';
import { createAnswer, type Answer } from '../../src/delivery/answer.js';
import { byteLength, classify, fetchTransport, fitsIn } from '../../src/delivery/transport.js';
import { resetReceiver, scriptFaults } from '../support/helpers.js';

const ENDPOINT = 'https://collect.example/answers';

const answer = (text = 'More gluten-free biscuits', context: Record<string, unknown> = {}): Answer =>
  createAnswer({ site: 'shop-42', answer: text, lang: 'en', context }, 'https://shop.example/cart?order=9#x');

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records each call and answers with `status` (and optional headers). */
const recordingFetch = (status = 200, headers: Record<string, string> = {}) => {
  const calls: Call[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : '{}', { status, headers });
  }) as unknown as typeof fetch;
  return { calls, impl };
};

describe('fetchTransport', () => {
  it('POSTs the answer as JSON with Idempotency-Key = id and no credentials', async () => {
    const a = answer();
    const { calls, impl } = recordingFetch(201);
    const outcome = await fetchTransport(1000, () => impl)(ENDPOINT, a);
    expect(outcome).to.deep.equal({ kind: 'delivered', status: 201 });
    expect(calls).to.have.length(1);
    const { url, init } = calls[0]!;
    expect(url).to.equal(ENDPOINT);
    expect(init.method).to.equal('POST');
    expect(init.credentials).to.equal('omit');
    const headers = new Headers(init.headers);
    expect(headers.get('Content-Type')).to.equal('application/json');
    expect(headers.get('Idempotency-Key')).to.equal(a.id);
    expect(JSON.parse(init.body as string)).to.deep.equal(a);
  });

  it('sends the page without query string or fragment', async () => {
    const { calls, impl } = recordingFetch(200);
    await fetchTransport(1000, () => impl)(ENDPOINT, answer());
    expect(JSON.parse(calls[0]!.init.body as string).page).to.equal('https://shop.example/cart');
  });

  it('asks for keepalive only when told to, and only for a body under the keepalive budget', async () => {
    const { calls, impl } = recordingFetch(200);
    const send = fetchTransport(1000, () => impl);
    await send(ENDPOINT, answer());
    await send(ENDPOINT, answer(), { keepalive: true });
    await send(ENDPOINT, answer('x'.repeat(70_000)), { keepalive: true });
    expect(calls.map((c) => c.init.keepalive)).to.deep.equal([false, true, false]);
  });

  it('the keepalive budget counts bytes: 25,000 CJK characters (75 KB) go without keepalive and are delivered', async () => {
    const big = answer('日'.repeat(25_000));
    expect(new TextEncoder().encode(JSON.stringify(big)).length).to.be.greaterThan(65_536);
    const { calls, impl } = recordingFetch(200);
    await fetchTransport(1000, () => impl)(ENDPOINT, big, { keepalive: true });
    expect(calls[0]!.init.keepalive, 'no keepalive for a body over 64 KiB').to.equal(false);
    // With the browser's own fetch: the request must at least reach the server (here told to refuse it).
    const endpoint = await resetReceiver();
    await scriptFaults([{ status: 422 }]);
    const outcome = await fetchTransport(5000)(endpoint, big, { keepalive: true });
    expect(outcome).to.deep.equal({ kind: 'rejected', status: 422 });
  });

  it('looks fetch up on every send, so a host page\'s later patch is used', async () => {
    const first = recordingFetch(200);
    const second = recordingFetch(200);
    let current = first.impl;
    const send = fetchTransport(1000, () => current);
    await send(ENDPOINT, answer());
    current = second.impl;
    await send(ENDPOINT, answer());
    expect([first.calls.length, second.calls.length]).to.deep.equal([1, 1]);
  });

  it('passes Retry-After on to the outcome', async () => {
    const { impl } = recordingFetch(503, { 'Retry-After': '120' });
    expect(await fetchTransport(1000, () => impl)(ENDPOINT, answer())).to.deep.equal({
      kind: 'retry',
      status: 503,
      retryAfter: '120',
    });
  });

  it('turns a rejected fetch (network error) into a retry with status 0', async () => {
    const impl = (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    expect(await fetchTransport(1000, () => impl)(ENDPOINT, answer())).to.deep.include({ kind: 'retry', status: 0 });
  });

  it('turns a fetch that throws synchronously, or a throwing lookup, into a retry with status 0', async () => {
    const throwing = (() => {
      throw new Error('patched fetch exploded');
    }) as unknown as typeof fetch;
    expect(await fetchTransport(1000, () => throwing)(ENDPOINT, answer())).to.deep.include({ kind: 'retry', status: 0 });
    const lookup = () => {
      throw new Error('no fetch here');
    };
    expect(await fetchTransport(1000, lookup)(ENDPOINT, answer())).to.deep.include({ kind: 'retry', status: 0 });
  });

  it('gives up after timeoutMs on an endpoint that never answers: retry with status 0', async () => {
    let signal: AbortSignal | undefined;
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        signal = init.signal!;
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as unknown as typeof fetch;
    const started = performance.now();
    const outcome = await fetchTransport(50, () => hanging)(ENDPOINT, answer());
    expect(outcome).to.deep.include({ kind: 'retry', status: 0 });
    expect(signal!.aborted).to.equal(true);
    expect(performance.now() - started).to.be.at.least(40);
  });
});

describe('fitsIn', () => {
  it('agrees with the encoded byte length for ASCII, accents, CJK and emoji around the limit', () => {
    const limit = 300;
    for (const unit of ['a', 'é', '語', '🍪']) {
      for (let n = 1; n <= 320; n++) {
        const text = unit.repeat(n);
        expect(fitsIn(text, limit), `${n} × ${unit}`).to.equal(byteLength(text) <= limit);
      }
    }
  });
});

describe('classify (the status table in docs/widget-contract.md)', () => {
  it('2xx and 409 are delivered', () => {
    for (const status of [200, 201, 202, 204, 299, 409]) {
      expect(classify(status), String(status)).to.deep.equal({ kind: 'delivered', status });
    }
  });

  it('network error (0), 408, 425, 429 and 5xx are retried, with Retry-After kept', () => {
    for (const status of [0, 408, 425, 429, 500, 502, 503, 504, 599]) {
      expect(classify(status, '30'), String(status)).to.deep.equal({ kind: 'retry', status, retryAfter: '30' });
    }
    expect(classify(503)).to.deep.equal({ kind: 'retry', status: 503, retryAfter: null });
  });

  it('any other 4xx is rejected (not retried)', () => {
    for (const status of [400, 401, 403, 404, 405, 410, 413, 415, 422, 451]) {
      expect(classify(status), String(status)).to.deep.equal({ kind: 'rejected', status });
    }
  });
});
