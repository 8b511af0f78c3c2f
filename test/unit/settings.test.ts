import { expect } from '@open-wc/testing';
import { ATTRIBUTES, type AttributeName, type AttributeSpec } from '../../src/settings/attributes.js';
import { httpUrl, readSettings, readValue } from '../../src/settings/read.js';

const BASE = 'https://shop.example/products/tea?x=1';
const spec = (name: AttributeName): AttributeSpec => ATTRIBUTES.find((row) => row.name === name)!;
const read = (name: AttributeName, value: unknown) => readValue(spec(name), value, document.body);

describe('reading settings (src/settings/read.ts)', () => {
  let warnings: string[];
  const realWarn = console.warn;
  // The "warn once" memory is per page: every test uses values no other test uses.
  let n = 0;
  const fresh = (value: string) => `${value}-${++n}`;

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = realWarn;
  });

  describe('choices', () => {
    it('accepts an allowed value silently', () => {
      expect(read('position', 'inline')).to.equal('inline');
      expect(read('trigger', 'exit')).to.equal('exit');
      expect(warnings).to.deep.equal([]);
    });

    it('uses the default silently when the attribute is absent or empty', () => {
      for (const value of [undefined, null, '']) expect(read('position', value)).to.equal('bottom-right');
      expect(warnings).to.deep.equal([]);
    });

    it('falls back on an unknown value with one warning naming attribute and value', () => {
      const bad = fresh('top-middle');
      expect(read('position', bad)).to.equal('bottom-right');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('position').and.to.contain(bad).and.to.contain('bottom-right');
    });

    it('is case-sensitive, like HTML enumerated values here', () => {
      expect(read('position', fresh('INLINE'))).to.equal('bottom-right');
    });
  });

  describe('numbers', () => {
    it('reads numbers from attribute strings and properties', () => {
      expect(read('delay', '12')).to.equal(12);
      expect(read('delay', 2.5)).to.equal(2.5);
      expect(read('sample', '0')).to.equal(0);
      expect(read('sample', '1')).to.equal(1);
      expect(read('sample', '0.25')).to.equal(0.25);
      expect(read('max-length', '99.7'), 'a whole number of characters').to.equal(99);
      expect(warnings).to.deep.equal([]);
    });

    it('uses the default silently when absent', () => {
      expect(read('delay', undefined)).to.equal(30);
      expect(read('delay', '')).to.equal(30);
      expect(warnings).to.deep.equal([]);
    });

    it('falls back, warning, on text, out-of-range and non-finite values, booleans and objects', () => {
      const cases: Array<[AttributeName, unknown, number]> = [
        ['sample', fresh('abc'), 1],
        ['sample', 1.5 + n++ / 1000, 1],
        ['delay', -1 - n++, 30],
        ['scroll', 101 + n++, 50],
        ['delay', 'Infinity', 30],
        ['delay', NaN, 30],
        ['max-length', true, 2000],
        ['snooze-days', { days: n++ }, 30],
      ];
      for (const [attribute, value, fallback] of cases) expect(read(attribute, value), `${attribute}=${String(value)}`).to.equal(fallback);
      expect(warnings).to.have.length(cases.length);
      cases.forEach(([attribute, value], i) => {
        expect(warnings[i]).to.contain(attribute).and.to.contain(typeof value === 'object' ? JSON.stringify(value) : String(value));
      });
    });

    it('a whitespace-only number attribute (sample=" ", delay=" ") falls back to the default with a warning', () => {
      expect(read('sample', ' ')).to.equal(1);
      expect(read('delay', '\t')).to.equal(30);
      expect(warnings).to.have.length(2);
    });
  });

  it('warns once per attribute and value: a repeat stays quiet, another value warns again', () => {
    const bad = fresh('soon');
    read('delay', bad);
    read('delay', bad);
    expect(warnings).to.have.length(1);
    const other = fresh('later');
    read('delay', other);
    expect(warnings).to.have.length(2);
    expect(warnings[1]).to.contain(other);
  });

  describe('text, booleans and lists', () => {
    it('text must be text; booleans must be booleans; lists are comma-separated text', () => {
      expect(read('site', 'shop-42')).to.equal('shop-42');
      expect(read('site', undefined)).to.equal('');
      expect(read('site', { id: n++ })).to.equal('');
      expect(read('ask-email', true)).to.equal(true);
      expect(read('ask-email', undefined)).to.equal(false);
      expect(read('ask-email', `yes ${n++}`)).to.equal(false);
      expect(read('topics', 'Products, Delivery ,,Other')).to.deep.equal(['Products', 'Delivery', 'Other']);
      expect(read('topics', ' , ,')).to.deep.equal([]);
      expect(read('topics', ['a', `b${n++}`])).to.deep.equal([]);
      expect(warnings, 'one for each value of the wrong type').to.have.length(3);
    });
  });

  describe('objects (context, texts)', () => {
    it('parses a JSON object attribute and passes an object property through', () => {
      expect(read('context', '{"pageType":"cart","items":3}')).to.deep.equal({ pageType: 'cart', items: 3 });
      const property = { order: 'A-1' };
      expect(read('context', property)).to.equal(property);
      expect(read('context', undefined)).to.deep.equal({});
      expect(read('context', '')).to.deep.equal({});
      expect(warnings).to.deep.equal([]);
    });

    it('gives {} with a warning for invalid JSON, arrays, null and primitives', () => {
      const values = [`{not json ${++n}`, `[1,${++n}]`, `null`, `"text ${++n}"`, ++n];
      for (const value of values) expect(read('context', value), String(value)).to.deep.equal({});
      expect(warnings).to.have.length(values.length);
      expect(warnings[0]).to.contain('context').and.to.contain(String(values[0]));
    });

    it('texts: keeps the texts, leaves out (with one warning) values that are not text and unknown keys', () => {
      const value = `{"send":"Tell us","launcher":${++n},"sned":"typo","toString":"x","close":{"en":"Close"}}`;
      expect(read('texts', value)).to.deep.equal({ send: 'Tell us' });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('texts=').and.to.contain('"launcher":');
    });
  });

  describe('URLs', () => {
    it('accepts absolute http(s) URLs and resolves relative ones against the page', () => {
      expect(httpUrl('https://collect.example/a', BASE)).to.equal('https://collect.example/a');
      expect(httpUrl('http://localhost:8080/feedback', BASE)).to.equal('http://localhost:8080/feedback');
      expect(httpUrl('/api/feedback', BASE)).to.equal('https://shop.example/api/feedback');
      expect(httpUrl('feedback', BASE)).to.equal('https://shop.example/products/feedback');
    });

    it('refuses other schemes, nonsense and absence', () => {
      for (const value of ['javascript:alert(1)', 'data:text/plain,hi', 'ftp://x.example/', 'mailto:a@b.example', 'http://', '', undefined, null, 42]) {
        expect(httpUrl(value, BASE), String(value)).to.equal(undefined);
      }
    });

    it('an unusable endpoint is undefined without a warning (the element reports it); privacy-url warns', () => {
      expect(read('endpoint', 'javascript:alert(1)')).to.equal(undefined);
      expect(warnings).to.deep.equal([]);
      expect(read('privacy-url', `javascript:void(${++n})`)).to.equal(undefined);
      expect(warnings).to.have.length(1);
    });
  });

  it('readSettings reads every attribute of the table, by property, into a plain object', () => {
    const el = document.createElement('div');
    const settings = readSettings(el, { endpoint: '/answers', scrollPercent: '20', snoozeDays: 3, lang: 'nl-BE' });
    expect(Object.keys(settings)).to.have.length(ATTRIBUTES.length);
    expect(settings).to.include({ endpoint: new URL('/answers', document.baseURI).href, scrollPercent: 20, snoozeDays: 3, lang: 'nl', position: 'bottom-right', maxLength: 2000 });
  });
});
