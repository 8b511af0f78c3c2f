// A local SMTP server (smtp-server) on 127.0.0.1, collecting what the receiver sends; stopped when
// the test ends. nextMessage() waits for the next message to arrive.
import { SMTPServer } from 'smtp-server';

/** Quoted-printable soft breaks and escapes undone, so tests can look for plain text. */
function decodeQuotedPrintable(text) {
  return Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

function parse(raw) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  const body = rest.join('\n\n');
  const text = /quoted-printable/i.test(headers['content-transfer-encoding'] ?? '') ? decodeQuotedPrintable(body) : body;
  return { headers, text };
}

export async function useSmtp(t) {
  const messages = [];
  const waiting = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = {
          from: session.envelope.mailFrom?.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          ...parse(raw),
        };
        messages.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  let read = 0;
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    messages,
    /** the next message not yet returned by nextMessage() */
    nextMessage() {
      if (read < messages.length) return Promise.resolve(messages[read++]);
      return new Promise((resolve) => waiting.push((message) => resolve(messages[read++] ?? message)));
    },
  };
}
