// The inbox's search box is plain words, never the database's query syntax: the words are taken out
// of the text (letters and digits of any script), and every word must match, as a prefix
// ("deliv" finds "delivery") when it has at least PREFIX_FROM letters: a one- or two-letter prefix
// matches half the store and is hardly ever what was meant. Both dialects build their own query from
// the same list of words.

const MAX_TERMS = 16;
const PREFIX_FROM = 3;

const isPrefix = (term: string) => [...term].length >= PREFIX_FROM;

export function searchTerms(q: string): string[] {
  const words = q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** SQLite FTS5: each word quoted (so nothing in it is syntax), with a prefix star; juxtaposition is AND. */
export function fts5Query(terms: string[]): string {
  return terms.map((term) => (isPrefix(term) ? `"${term}"*` : `"${term}"`)).join(' ');
}

/** PostgreSQL to_tsquery: words hold only letters and digits, so quoting them is enough. */
export function tsQuery(terms: string[]): string {
  return terms.map((term) => (isPrefix(term) ? `'${term}':*` : `'${term}'`)).join(' & ');
}
