import { expect } from '@open-wc/testing';
import { POSITIONS, TRIGGERS, choice, httpUrl, jsonObject, list, numberIn } from '../../src/options.js';

const BASE = 'https://shop.example/products/tea?x=1';

describe('options', () => {
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

  describe('choice', () => {
    it('accepts an allowed value silently', () => {
      expect(choice('position', 'inline', POSITIONS, 'bottom-right')).to.equal('inline');
      expect(choice('trigger', 'exit', TRIGGERS, 'button')).to.equal('exit');
      expect(warnings).to.deep.equal([]);
    });

    it('uses the default silently when the attribute is absent or empty', () => {
      for (const value of [undefined, null, '']) {
        expect(choice('position', value, POSITIONS, 'bottom-right')).to.equal('bottom-right');
      }
      expect(warnings).to.deep.equal([]);
    });

    it('falls back on an unknown value with one warning naming attribute and value', () => {
      const bad = fresh('top-middle');
      expect(choice('position', bad, POSITIONS, 'bottom-right')).to.equal('bottom-right');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('position').and.to.contain(bad).and.to.contain('bottom-right');
    });

    it('is case-sensitive, like HTML enumerated values here', () => {
      const bad = fresh('INLINE');
      expect(choice('position', bad, POSITIONS, 'bottom-right')).to.equal('bottom-right');
    });
  });

  describe('numberIn', () => {
    it('reads numbers from attribute strings and properties', () => {
      expect(numberIn('delay', '12', 30, 0)).to.equal(12);
      expect(numberIn('delay', 2.5, 30, 0)).to.equal(2.5);
      expect(numberIn('sample', '0', 1, 0, 1)).to.equal(0);
      expect(numberIn('sample', '1', 1, 0, 1)).to.equal(1);
      expect(numberIn('sample', '0.25', 1, 0, 1)).to.equal(0.25);
      expect(warnings).to.deep.equal([]);
    });

    it('uses the default silently when absent', () => {
      expect(numberIn('delay', undefined, 30, 0)).to.equal(30);
      expect(numberIn('delay', '', 30, 0)).to.equal(30);
      expect(warnings).to.deep.equal([]);
    });

    it('falls back, warning, on text, out-of-range and non-finite values', () => {
      const cases: Array<[string, unknown, number, number, number?]> = [
        ['sample', fresh('abc'), 1, 0, 1],
        ['sample', 1.5 + n++ / 1000, 1, 0, 1],
        ['delay', -1 - n++, 30, 0],
        ['scroll', 101 + n++, 50, 0, 100],
        ['delay', 'Infinity', 30, 0],
        ['delay', NaN, 30, 0],
      ];
      for (const [attribute, value, fallback, min, max] of cases) {
        expect(numberIn(attribute, value, fallback, min, max), `${attribute}=${String(value)}`).to.equal(fallback);
      }
      expect(warnings).to.have.length(cases.length);
      cases.forEach(([attribute, value], i) => {
        expect(warnings[i]).to.contain(attribute).and.to.contain(String(value));
      });
    });
  });

  it('a whitespace-only number attribute (sample=" ", delay=" ") falls back to the default with a warning', () => {
    expect(numberIn('sample', ' ', 1, 0, 1)).to.equal(1);
    expect(numberIn('delay', '\t', 30, 0)).to.equal(30);
    expect(warnings).to.have.length(2);
  });

  it('warns once per attribute and value: a repeat stays quiet, another value warns again', () => {
    const bad = fresh('soon');
    numberIn('delay', bad, 30, 0);
    numberIn('delay', bad, 30, 0);
    choice('delay', bad, ['x'], 'x');
    expect(warnings).to.have.length(1);
    const other = fresh('later');
    numberIn('delay', other, 30, 0);
    expect(warnings).to.have.length(2);
    expect(warnings[1]).to.contain(other);
  });

  describe('jsonObject', () => {
    it('parses a JSON object attribute and passes an object property through', () => {
      expect(jsonObject('context', '{"pageType":"cart","items":3}')).to.deep.equal({ pageType: 'cart', items: 3 });
      const property = { order: 'A-1' };
      expect(jsonObject('context', property)).to.equal(property);
      expect(jsonObject('context', undefined)).to.deep.equal({});
      expect(jsonObject('context', '')).to.deep.equal({});
      expect(warnings).to.deep.equal([]);
    });

    it('gives {} with a warning for invalid JSON, arrays, null and primitives', () => {
      const values = [`{not json ${++n}`, `[1,${++n}]`, `null`, `"text ${++n}"`, ++n];
      for (const value of values) expect(jsonObject('context', value), String(value)).to.deep.equal({});
      expect(warnings).to.have.length(values.length);
      expect(warnings[0]).to.contain('context').and.to.contain(String(values[0]));
    });
  });

  describe('httpUrl', () => {
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
  });

  describe('list', () => {
    it('splits on commas, trims, and drops empty entries', () => {
      expect(list('Products, Delivery ,,Other')).to.deep.equal(['Products', 'Delivery', 'Other']);
      expect(list(' Returns ')).to.deep.equal(['Returns']);
      expect(list('')).to.deep.equal([]);
      expect(list(' , ,')).to.deep.equal([]);
      expect(list(undefined)).to.deep.equal([]);
      expect(list(['a', 'b'])).to.deep.equal([]);
    });
  });
});
