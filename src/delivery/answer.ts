/** What the customer gave us, as it goes on the wire (docs/widget-contract.md, "The answer on the wire"). */
export interface Answer {
  id: string;
  version: 1;
  site: string;
  answer: string;
  email: string | null;
  rating: number | null;
  topic: string | null;
  lang: string;
  page: string;
  createdAt: string;
  context: Record<string, unknown>;
}

/** The fields the form collects; the rest is filled in by `createAnswer`. */
export type AnswerInput = Pick<Answer, 'site' | 'answer' | 'lang'> &
  Partial<Pick<Answer, 'email' | 'rating' | 'topic' | 'context'>>;

/** Origin and path only: a query string or fragment may carry order numbers or tokens. */
export const pageOf = (url: string): string => {
  const u = new URL(url);
  return u.origin + u.pathname;
};

/** Builds a fresh Answer; `now` and `uuid` are injectable so tests are repeatable. */
export const createAnswer = (
  input: AnswerInput,
  page: string,
  now: number = Date.now(),
  uuid: () => string = () => crypto.randomUUID(),
): Answer => ({
  id: uuid(),
  version: 1,
  site: input.site,
  answer: input.answer,
  email: input.email ?? null,
  rating: input.rating ?? null,
  topic: input.topic ?? null,
  lang: input.lang,
  page: pageOf(page),
  createdAt: new Date(now).toISOString(),
  context: plainContext(input.context),
});

/**
 * A round trip through JSON drops functions and DOM nodes a host page might put in `context`, which
 * IndexedDB's structured clone would refuse; a context JSON cannot hold (a cycle, a BigInt) is
 * replaced by `{}` so the customer's answer still goes out.
 */
const plainContext = (context: Record<string, unknown> | undefined): Record<string, unknown> => {
  try {
    return JSON.parse(JSON.stringify(context ?? {}));
  } catch (error) {
    console.warn('feedback-prompt: the context cannot be sent as JSON, so it is left out of this answer.', error);
    return {};
  }
};
