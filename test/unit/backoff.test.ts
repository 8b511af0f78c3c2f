import { expect } from '@open-wc/testing';
import { BASE_DELAY_MS, MAX_DELAY_MS, MIN_RETRY_AFTER_MS, backoffDelay, nextDelay, parseRetryAfter } from '../../src/delivery/backoff.js';

const ALMOST_ONE = 1 - Number.EPSILON;
const NOW = Date.parse('2026-11-22T10:00:00.000Z');

describe('backoffDelay (full jitter)', () => {
  it('waits nothing when the jitter draws 0', () => {
    for (const attempt of [1, 2, 5, 30]) expect(backoffDelay(attempt, () => 0)).to.equal(0);
  });

  it('waits up to the cap for the attempt when the jitter draws almost 1', () => {
    expect(backoffDelay(1, () => ALMOST_ONE)).to.equal(BASE_DELAY_MS);
    expect(backoffDelay(2, () => ALMOST_ONE)).to.equal(2 * BASE_DELAY_MS);
    expect(backoffDelay(3, () => ALMOST_ONE)).to.equal(4 * BASE_DELAY_MS);
  });

  it('doubles the window with each attempt', () => {
    const half = () => 0.5;
    const delays = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, half));
    expect(delays).to.deep.equal([1000, 2000, 4000, 8000, 16000]);
  });

  it('never waits longer than one hour, however many attempts', () => {
    expect(MAX_DELAY_MS).to.equal(3_600_000);
    for (const attempt of [12, 20, 100, 10_000]) {
      expect(backoffDelay(attempt, () => ALMOST_ONE)).to.equal(MAX_DELAY_MS);
    }
  });

  it('stays within [0, cap] for random draws', () => {
    for (let attempt = 1; attempt <= 15; attempt++) {
      const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(attempt);
        expect(d).to.be.within(0, cap);
      }
    }
  });

  it('treats attempt 0 like the first attempt (no shorter window)', () => {
    expect(backoffDelay(0, () => ALMOST_ONE)).to.equal(BASE_DELAY_MS);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('120', NOW)).to.equal(120_000);
    expect(parseRetryAfter(' 7 ', NOW)).to.equal(7_000);
    expect(parseRetryAfter('0', NOW)).to.equal(0);
  });

  it('reads an HTTP date relative to now', () => {
    const in90s = new Date(NOW + 90_000).toUTCString();
    expect(parseRetryAfter(in90s, NOW)).to.equal(90_000);
  });

  it('treats a date in the past as "now" (0), never negative', () => {
    expect(parseRetryAfter(new Date(NOW - 60_000).toUTCString(), NOW)).to.equal(0);
  });

  it('ignores an absent or unreadable value (undefined, so the backoff applies)', () => {
    for (const value of [null, undefined, '', 'soon', 'later please', '12abc']) {
      expect(parseRetryAfter(value, NOW), String(value)).to.equal(undefined);
    }
  });

  it('caps the server\'s wish at one hour (seconds and dates)', () => {
    expect(parseRetryAfter('86400', NOW)).to.equal(MAX_DELAY_MS);
    expect(parseRetryAfter('99999999999999999999', NOW)).to.equal(MAX_DELAY_MS);
    expect(parseRetryAfter(new Date(NOW + 7 * 86_400_000).toUTCString(), NOW)).to.equal(MAX_DELAY_MS);
  });
});

describe('nextDelay', () => {
  it('prefers the server\'s Retry-After over the jittered backoff', () => {
    expect(nextDelay(3, 5_000, () => ALMOST_ONE)).to.equal(5_000);
  });

  it('never retries faster than MIN_RETRY_AFTER_MS, even when told "Retry-After: 0"', () => {
    expect(nextDelay(3, 0, () => ALMOST_ONE)).to.equal(MIN_RETRY_AFTER_MS);
  });

  it('falls back to the jittered backoff without one', () => {
    expect(nextDelay(3, undefined, () => 0.5)).to.equal(4_000);
  });
});
