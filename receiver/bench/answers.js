// Realistic answers for the receiver bench: the widget's wire records, with lengths, languages,
// scripts, ratings, topics, e-mail addresses and contexts spread as a shop's customers would send
// them. Seeded, so two runs send the same mix; every answer gets a fresh id.
import { randomUUID } from 'node:crypto';

// The same seeded generator as the soak's: one copy of it.
export { seededRandom } from '../../scripts/soak-faults.js';

// Phrases per language, joined into answers of 1 to ~40 phrases (a few words to a long paragraph).
const PHRASES = {
  en: ['Delivery took far too long', 'I could not find the gluten-free biscuits', 'the checkout asked for my address twice',
    'please add a search box', 'lovely tea, will order again', 'the discount code did not work', 'shipping to Ireland is expensive',
    'more sizes please', 'the page was slow on my phone', 'I wanted to pay with PayPal'],
  nl: ['De bezorging duurde te lang', 'ik kon de glutenvrije koekjes niet vinden', 'graag een zoekfunctie',
    'de kortingscode werkte niet', 'heerlijke thee, ik bestel zeker opnieuw', 'verzendkosten naar België zijn hoog'],
  de: ['Die Lieferung hat zu lange gedauert', 'ich habe die glutenfreien Kekse nicht gefunden', 'bitte eine Suchfunktion',
    'der Rabattcode hat nicht funktioniert', 'Versand nach Österreich ist teuer'],
  fr: ['La livraison a pris trop de temps', 'je n’ai pas trouvé les biscuits sans gluten', 'ajoutez une recherche, s’il vous plaît',
    'le code promo ne fonctionnait pas', 'très bon thé, je recommanderai'],
  ja: ['配送に時間がかかりすぎました', 'グルテンフリーのビスケットが見つかりませんでした', '検索機能を追加してください',
    '割引コードが使えませんでした', 'とても美味しいお茶でした'],
  ar: ['استغرق التوصيل وقتا طويلا', 'لم أجد البسكويت الخالي من الغلوتين', 'أضيفوا خانة بحث من فضلكم', 'رمز الخصم لم يعمل'],
};
export const LANGUAGES = Object.keys(PHRASES);
export const SITES = ['kettle-and-crumb', 'kettle-and-crumb-nl', 'tea-corner', 'bakery-42'];
export const TOPICS = [null, 'Products', 'Delivery', 'Website', 'Something else'];
const PAGES = ['/', '/cart', '/checkout', '/tea/sencha', '/baking/biscuits', '/account/orders'];
/** Weighted towards short answers, with a long tail: most customers write a line, a few write a letter. */
const LENGTHS = [1, 1, 1, 2, 2, 3, 4, 6, 10, 40];

const pickFrom = (random, list) => list[Math.floor(random() * list.length)];

/**
 * @param {() => number} random
 * @param {{ id?: () => string, createdAt?: string }} [options]
 * @returns {object} one wire record (SPEC.md "The answer on the wire")
 */
export function makeAnswer(random, { id = randomUUID, createdAt = new Date().toISOString() } = {}) {
  const lang = random() < 0.5 ? 'en' : pickFrom(random, LANGUAGES);
  const phrases = PHRASES[lang];
  const count = pickFrom(random, LENGTHS);
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(pickFrom(random, phrases));
  const site = pickFrom(random, SITES);
  return {
    id: id(),
    version: 1,
    site,
    answer: `${parts.join(lang === 'ja' ? '。' : '. ')}${lang === 'ja' ? '。' : '.'}`,
    email: random() < 0.3 ? `customer${Math.floor(random() * 100_000)}@example.com` : null,
    rating: random() < 0.4 ? 1 + Math.floor(random() * 5) : null,
    topic: pickFrom(random, TOPICS),
    lang,
    page: `https://${site}.example${pickFrom(random, PAGES)}`,
    createdAt,
    context: random() < 0.5 ? { pageType: 'cart', cartItems: Math.floor(random() * 6) } : {},
  };
}
