import { expect } from '@open-wc/testing';
describe('probe', () => {
  it('keepalive with a big multibyte body', async () => {
    const body = JSON.stringify({ answer: '日'.repeat(25_000) });
    console.log('chars', body.length, 'bytes', new TextEncoder().encode(body).length);
    let result: string;
    try {
      const r = await fetch(location.origin + '/__probe__', { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'application/json' } });
      result = 'status ' + r.status;
    } catch (e) { result = 'threw ' + String(e); }
    console.log(result);
    let result2: string;
    try {
      const r = await fetch(location.origin + '/__probe__', { method: 'POST', body, keepalive: false, headers: { 'Content-Type': 'application/json' } });
      result2 = 'status ' + r.status;
    } catch (e) { result2 = 'threw ' + String(e); }
    console.log('no keepalive:', result2);
    expect(1).to.equal(1);
  });
});
