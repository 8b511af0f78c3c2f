// The overview's "what do people write about": the most frequent words of a bounded sample of recent
// answers (OVERVIEW_SAMPLE, newest first), counted in JavaScript so both dialects agree. Words are
// lower-cased, shorter than three letters or a stop word of English, Dutch, German, French or Spanish
// left out; each answer counts a word once, so one long rant cannot top the list.

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
  ]
    .join(' ')
    .split(' '),
);

export function topWords(texts: Iterable<string>, limit = OVERVIEW_WORDS): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    for (const word of words) {
      if ([...word].length < 3 || STOP_WORDS.has(word) || /^\p{N}+$/u.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}
