// Offers answers to POST /answers with autocannon on loopback: as fast as the server takes them
// (saturation), or at a fixed offered rate; every request a fresh, realistic answer.
import autocannon from 'autocannon';
import { makeAnswer, seededRandom } from './answers.js';

/** The shop's origin in every request: the receiver allows it, as a real one allows its shop. */
export const BENCH_ORIGIN = 'http://shop.bench.example';

/**
 * @param {string} url  the server's base URL
 * @param {{ seconds: number, connections: number, rate?: number, seed?: number }} options
 *   rate: answers offered per second in all (autocannon's overallRate); none = as fast as answered
 * @returns {Promise<{ perSecond: number, p50: number, p99: number, stored: number, other: Record<string, number>, errors: number }>}
 */
export async function offerAnswers(url, { seconds, connections, rate, seed = 42 }) {
  const random = seededRandom(seed);
  const result = await autocannon({
    url: `${url}/answers`,
    method: 'POST',
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN },
    requests: [
      {
        setupRequest(request) {
          const answer = makeAnswer(random);
          return { ...request, body: JSON.stringify(answer), headers: { ...request.headers, 'idempotency-key': answer.id } };
        },
      },
    ],
  });
  const other = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) if (code !== '201') other[code] = Number(count);
  const stored = Number(result.statusCodeStats?.['201']?.count ?? 0);
  return {
    perSecond: stored / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    stored,
    other,
    errors: result.errors + result.timeouts,
  };
}
