// GET /api/answers.csv: the filtered answers as CSV, streamed row by row from store.stream() through
// csv-stringify, so a million answers never sit in memory at once.

import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { StoredAnswer } from '../store/store.js';

export const CSV_COLUMNS = [
  'id', 'receivedAt', 'createdAt', 'status', 'site', 'page', 'lang', 'topic', 'rating', 'email', 'answer', 'tags', 'note', 'context',
] as const;

// A spreadsheet runs a cell starting with these as a formula (=HYPERLINK(...) sending data away):
// a leading apostrophe makes it text, and the apostrophe is not shown.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function row(answer: StoredAnswer): string[] {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: answer.id,
    receivedAt: answer.receivedAt,
    createdAt: answer.createdAt,
    status: answer.status,
    site: answer.site,
    page: answer.page,
    lang: answer.lang,
    topic: answer.topic ?? '',
    rating: answer.rating === null ? '' : String(answer.rating),
    email: answer.email ?? '',
    answer: answer.answer,
    tags: answer.tags.join('; '),
    note: answer.note,
    context: Object.keys(answer.context).length === 0 ? '' : JSON.stringify(answer.context),
  };
  return CSV_COLUMNS.map((column) => neutralise(cells[column]));
}

async function* rows(answers: AsyncIterable<StoredAnswer>): AsyncGenerator<string[]> {
  for await (const answer of answers) yield row(answer);
}

/** A byte stream of the CSV: a UTF-8 byte order mark (so Excel reads accents right), a header, the rows. */
export function csvStream(answers: AsyncIterable<StoredAnswer>): Readable {
  const stringifier = stringify({ header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows' });
  const source = Readable.from(rows(answers));
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}
