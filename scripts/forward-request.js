// Hands a request on to the real receiver, byte for byte (headers, Origin and preflights included):
// the fault layers of the browser tests and of `npm run soak` sit in front of a real receiver with it.
import http from 'node:http';

/**
 * @param {string} target  the receiver's base URL
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {{ dropReply?: boolean, onStatus?: (status: number) => void }} [options]
 *   dropReply: read the receiver's answer, then drop the client's connection instead of replying
 *   (an answer stored whose 201 never arrives); onStatus: told the receiver's status.
 * @returns {Promise<void>} settles once the client's exchange is over (answered or dropped)
 */
export function forwardRequest(target, req, res, { dropReply = false, onStatus = () => {} } = {}) {
  const over = new Promise((resolve) => res.once('close', resolve));
  const { hostname, port } = new URL(target);
  const upstream = http.request({ host: hostname, port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    onStatus(answer.statusCode);
    if (dropReply) {
      answer.resume().once('end', () => req.socket.destroy());
      return;
    }
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.once('error', () => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { 'Access-Control-Allow-Origin': '*' }).end();
  });
  req.pipe(upstream);
  return over;
}
