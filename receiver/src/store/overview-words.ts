// The overview's "what do people write about": the most frequent words of a bounded sample of recent
// answers (OVERVIEW_SAMPLE, newest first), counted in JavaScript so both dialects agree. Words are
// found by Intl.Segmenter, so Japanese and Chinese, written without spaces, yield words too (a split
// on spaces made a whole sentence one "word"); lower-cased; left out: stop words of English, Dutch,
// German, French, Spanish, Japanese and Chinese, and words too short to say anything (fewer than three
// letters; fewer than two in kanji, hanzi, katakana or hangul, where two make a word, such as 配送).
// Each answer counts a word once, so one long rant cannot top the list.

export const OVERVIEW_SAMPLE = 5000;
export const OVERVIEW_WORDS = 30;

const STOP_WORDS = new Set(
  [
    // en
    'the and for are but not you your yours all any can had has have her was one our out his how its',
    'who did get got him she they them their there then than this that these those with from what when',
    'where which will would could should into about just very also some more most much such only been',
    'were being does doing done here why too off over under again once ever each both few other same',
    'own don dont cant isnt wasnt didnt doesnt wont because while until upon like make made want',
    // nl
    'het een van die dat niet zijn wat aan met als voor hij maar ook bij tot dan nog wel kan uit zou',
    'heb hebben had werd worden door over geen mijn zich naar haar deze dit waren veel meer moet zal',
    'omdat toch iets jullie onze jouw hun wij zij ons mij men hoe waar wie daar hier heel alleen',
    // de
    'der die das und ist nicht ein eine einen einem einer den dem des mit sich auf für von auch als',
    'aus bei wie noch nur oder aber wenn wird sind war hat haben kann ich sie wir ihr mir mich dich',
    'uns ihn ihm dass schon sehr zum zur bis nach über unter vor durch gegen ohne mein dein sein',
    // fr
    'les des une est pas que qui dans pour par sur avec plus mais ont son ses aux leur leurs nous',
    'vous ils elles elle été être avoir fait comme tout tous très sans sous ces cette cet mon mes',
    'ton tes notre nos votre vos lui car donc ainsi aussi bien encore peu trop quand où',
    // es
    'los las del por con una uno unos unas para como más pero sus sin sobre este esta esto estos',
    'estas ese esa eso entre cuando muy todo todos también fue ser son está están hay hasta desde',
    'nos les mis tus qué porque donde quien ella ellos nuestro vuestro tiene tienen',
    // ja (two-letter words of hiragana alone are left out by length already)
    'です でした ます ました ません ください とても ちょっと いつも もっと すごく あります ありません',
    'しました します している していた いました こちら そちら どちら なかった',
    'この その あの これ それ あれ どれ こと もの よう ため 私たち',
    // zh
    '我们 你们 他们 她们 这个 那个 这些 那些 一个 没有 就是 不是 可以 因为 所以 但是 还是 已经',
    '什么 怎么 这样 那样 非常 自己 如果 然后 还有 我的 你的 他的 一下 有点',
  ]
    .join(' ')
    .split(' '),
);

/** Scripts where two letters make a word (配送, 包装, 배송): these words may be two letters long. */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Word boundaries by the rules of each script (ICU): dictionaries for Japanese, Chinese, Thai. */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Scripts written without spaces between words. The segmenter is some 15 times slower than a
 * split, so a text without them (most answers) is split at anything not a letter or digit. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTERS = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased. A segment is cut further at anything not a letter or digit
 * ("shop.example" → shop, example), so both ways agree on text in spaced scripts. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  if (!UNSPACED_SCRIPT.test(lower)) return lower.match(LETTERS) ?? [];
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(lower)) {
    if (isWordLike) words.push(...(segment.match(LETTERS) ?? []));
  }
  return words;
}

const meaningful = (word: string): boolean =>
  [...word].length >= (DENSE_SCRIPT.test(word) ? 2 : 3) && !STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word);

export function topWords(texts: Iterable<string>, limit = OVERVIEW_WORDS): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(wordsOf(text))) {
      if (meaningful(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}
