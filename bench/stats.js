const sorted = (xs) => xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
export function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}
export const median = (xs) => quantile(xs, 0.5);
export const fmt = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
export const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
export const padL = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function summary(values, digits) {
  const s = sorted(values);
  if (!s.length) return '—';
  const lo = s[0];
  const hi = s.at(-1);
  const mid = fmt(median(s), digits);
  return lo === hi ? mid : `${mid} (${fmt(lo, digits)}–${fmt(hi, digits)})`;
}

export function ratio(a, b) {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  return `${(a / b).toFixed(2)}×`;
}
