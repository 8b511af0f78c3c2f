import { expect } from '@open-wc/testing';
import { createAnswer, pageOf } from '../../src/delivery/answer.js';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');

describe('answer', () => {
  it('pageOf keeps origin and path only: no query string, no fragment', () => {
    expect(pageOf('https://shop.example/cart?order=123&token=abc#step-2')).to.equal('https://shop.example/cart');
    expect(pageOf('https://shop.example:8443/')).to.equal('https://shop.example:8443/');
    expect(pageOf('https://user:pw@shop.example/a')).to.equal('https://shop.example/a');
  });

  it('createAnswer builds the documented record, with null for what was not given', () => {
    const a = createAnswer({ site: 'shop-42', answer: 'Free text as typed', lang: 'nl' }, 'https://shop.example/cart?x=1', NOW, () => 'fixed-id');
    expect(a).to.deep.equal({
      id: 'fixed-id',
      version: 1,
      site: 'shop-42',
      answer: 'Free text as typed',
      email: null,
      rating: null,
      topic: null,
      lang: 'nl',
      page: 'https://shop.example/cart',
      createdAt: '2026-11-22T10:00:00.000Z',
      context: {},
    });
  });

  it('keeps what was given, text exactly as typed', () => {
    const typed = '  <script>alert(1)</script> مرحبا 🍪\u0007\n';
    const a = createAnswer(
      { site: '', answer: typed, lang: 'ar', email: 'kim@example.com', rating: 4, topic: 'Delivery', context: { pageType: 'cart' } },
      'https://shop.example/',
    );
    expect(a).to.include({ answer: typed, email: 'kim@example.com', rating: 4, topic: 'Delivery' });
    expect(a.context).to.deep.equal({ pageType: 'cart' });
  });

  it('gives every answer a fresh UUID v4 by default', () => {
    const ids = new Set(Array.from({ length: 20 }, () => createAnswer({ site: '', answer: 'x', lang: 'en' }, 'https://a.example/').id));
    expect(ids.size).to.equal(20);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('drops functions and undefined from the context and does not share the host page\'s object', () => {
    const context = { order: 'A-1', track: () => 1, nested: { n: 2 }, gone: undefined };
    const a = createAnswer({ site: '', answer: 'x', lang: 'en', context }, 'https://a.example/');
    expect(a.context).to.deep.equal({ order: 'A-1', nested: { n: 2 } });
    context.nested.n = 3;
    expect((a.context.nested as { n: number }).n).to.equal(2);
    expect(() => structuredClone(a)).to.not.throw();
  });

  it('a context JSON cannot represent (a cycle, a BigInt) is left out with a warning, and the answer is still built', () => {
    const cart: Record<string, unknown> = { items: 2 };
    cart.self = cart;
    const make = (context: Record<string, unknown>) => () =>
      createAnswer({ site: '', answer: 'x', lang: 'en', context }, 'https://a.example/');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      expect(make({ cart })).to.not.throw();
      expect(make({ total: 10n })).to.not.throw();
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
    for (const warning of warnings) expect(warning).to.contain('context');
  });
});
