import type { Translation } from './en.js';

/** Hungarian (the polite "Ön"). */
const hu: Translation = {
  question: 'Miben segíthetünk Önnek?',
  launcher: 'Visszajelzés',
  intro: 'Egy termék, amelyet hiányolt, valami, ami akadályozta, egy ötlet: minden választ elolvasunk.',
  answerLabel: 'Az Ön válasza',
  remaining: 'Még {n} karakter',
  tooLong: '{n} karakterrel hosszabb a kelleténél',
  send: 'Küldés',
  close: 'Bezárás',
  empty: 'Kérjük, előbb írjon néhány szót.',
  email: 'E-mail-cím (nem kötelező)',
  emailWhy: 'Csak azért, hogy válaszolhassunk Önnek.',
  emailInvalid: 'Kérjük, ellenőrizze az e-mail-címet, vagy hagyja üresen a mezőt.',
  rating: 'Mennyire elégedett velünk? (nem kötelező)',
  ratings: 'Nagyon elégedetlen|Elégedetlen|Közepesen|Elégedett|Nagyon elégedett',
  topic: 'Mivel kapcsolatos? (nem kötelező)',
  chooseTopic: 'Válasszon témát',
  privacy: 'Mi történik a válaszával',
  sending: 'Küldés folyamatban…',
  thanks: 'Köszönjük, hogy elmondta nekünk.',
  sent: 'Válasza megérkezett hozzánk.',
  savedOffline: 'Elmentve ezen az eszközön. Elküldjük, amint újra online lesz.',
  retrying: 'Elmentve ezen az eszközön. Továbbra is próbáljuk elküldeni.',
  refused: 'Az üzlet most nem tudta fogadni a válaszát. Ezen az eszközön megőriztük.',
  notKept: 'Nem sikerült elküldeni, és a böngésző sem tudta megőrizni: kérjük, másolja ki a szöveget, és próbálja újra később.',
  queueFull: 'Ebből a böngészőből túl sok válasz vár elküldésre. Kérjük, másolja ki a szöveget, és próbálja újra később.',
  another: 'Újabb válasz írása',
};
export default hu;
