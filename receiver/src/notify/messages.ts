// The text of notification e-mails. Customer text goes into a plain-text body only (never HTML), and
// into a subject with line breaks removed, so it cannot add headers or markup.

import type { StoredAnswer } from '../store/store.js';

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function describe(answer: StoredAnswer): string {
  const lines = [
    answer.answer,
    '',
    `Page: ${answer.page}`,
    `Site: ${answer.site}`,
    ...(answer.topic ? [`Topic: ${answer.topic}`] : []),
    ...(answer.rating !== null ? [`Rating: ${answer.rating} of 5`] : []),
    `Language: ${answer.lang}`,
    ...(answer.email ? [`E-mail: ${answer.email}`] : []),
    `Received: ${answer.receivedAt}`,
    `Id: ${answer.id}`,
  ];
  return lines.join('\n');
}

export function answerMail(answer: StoredAnswer): { subject: string; text: string } {
  return {
    subject: `New feedback (${oneLine(answer.site, 60)}): ${oneLine(answer.answer, 70)}`,
    text: `${describe(answer)}\n\nRead and answer it in the inbox (/inbox/ on the receiver).\n`,
  };
}

export function digestMail(answers: StoredAnswer[]): { subject: string; text: string } {
  const parts = answers.map((answer, index) => `${index + 1}.\n${describe(answer)}`);
  return {
    subject: `Feedback digest: ${answers.length} new answer${answers.length === 1 ? '' : 's'}`,
    text: `${parts.join('\n\n---\n\n')}\n\nRead and answer them in the inbox (/inbox/ on the receiver).\n`,
  };
}

/** Digests go out at 08:00 server time: the next such moment after `now`. */
export function nextDigestAt(now: Date): Date {
  const next = new Date(now);
  next.setHours(8, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}
