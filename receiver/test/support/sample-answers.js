// A dozen realistic answers in several languages, as the widget sends them (wire format version 1),
// for the inbox's tests, screenshots and bench.
import { randomUUID } from 'node:crypto';

const SAMPLES = [
  ['en', 'Delivery', 4, 'sam.okafor@example.com', 'https://shop.example/checkout/shipping', 'Is there any way to pick a delivery day? I work from home on Wednesdays only, and the last two parcels went back to the depot.'],
  ['nl', 'Bezorging', 2, 'anouk.devries@example.nl', 'https://shop.example/nl/bestelling/123', 'Mijn bestelling is al vijf dagen onderweg en de track-and-trace zegt niets meer sinds maandag. Kunnen jullie even kijken?'],
  ['de', 'Produkte', 5, null, 'https://shop.example/de/tee/rooibos', 'Bitte mehr lose Teesorten! Der Rooibos ist wunderbar, aber 100 g sind schnell weg.'],
  ['fr', null, 3, 'camille@example.fr', 'https://shop.example/fr/panier', "Le code promo de la newsletter ne fonctionne pas dans le panier, il dit « expiré » alors qu'il est valable jusqu'à dimanche."],
  ['en', 'Website', 2, null, 'https://shop.example/search', 'Search for "oolong" shows nothing, but you sell three of them. Had to find them through the menu.'],
  ['es', 'Pago', 4, 'lucia.m@example.es', 'https://shop.example/es/pago', 'Me encantaría poder pagar con Bizum. Todo lo demás, perfecto.'],
  ['ar', null, 5, null, 'https://shop.example/ar/', 'شكراً على التغليف الجميل، وصلت الهدية في الوقت المناسب تماماً.'],
  ['ja', 'Products', 4, 'haruto@example.jp', 'https://shop.example/ja/matcha', '抹茶の量り売りはありますか？30gくらいの小さいサイズがあると嬉しいです。'],
  ['pl', 'Delivery', 3, null, 'https://shop.example/pl/koszyk', 'Czy można zamówić dostawę do paczkomatu? Kurier nigdy mnie nie zastaje.'],
  ['en', 'Products', 5, 'priya.n@example.co.uk', 'https://shop.example/gift-cards', 'Could gift cards come with a printed card? I wanted to give one to my grandmother, who does not use e-mail.\n\nThanks for a lovely shop.'],
  ['nl', 'Website', 3, null, 'https://shop.example/nl/account', 'Het lettertype in mijn account is erg klein op mijn telefoon. Kan dat groter?'],
  ['en', 'Delivery', 1, 'd.brennan@example.ie', 'https://shop.example/orders/88213', 'Parcel arrived with the lid of the tin dented and half the tea on the floor of the box. A bit more padding would help.'],
];

/** The wire records, newest first, `createdAt` spread over the last days before `now`. */
export function sampleAnswers(now = new Date(), site = 'shop.example') {
  return SAMPLES.map(([lang, topic, rating, email, page, answer], index) => ({
    id: randomUUID(),
    version: 1,
    site,
    answer,
    email,
    rating,
    topic,
    lang,
    page,
    createdAt: new Date(now.getTime() - (index * 7 + 3) * 3600_000).toISOString(),
    context: { cartItems: index % 4, viewport: index % 3 ? '1440x900' : '390x844', referrer: index % 2 ? 'https://www.google.com/' : null },
  }));
}

/** Stores answers directly (as the ingest route does), received when they were created. */
export async function storeAnswers(store, answers) {
  for (const answer of answers) await store.insert(answer, answer.createdAt, []);
}
