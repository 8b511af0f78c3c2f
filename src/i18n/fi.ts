import type { Translation } from './en.js';

/** Finnish. */
const fi: Translation = {
  question: 'Miten voisimme auttaa sinua?',
  launcher: 'Palaute',
  intro: 'Tuote, jota kaipasit, jokin, mikä hankaloitti, tai idea: luemme jokaisen vastauksen.',
  answerLabel: 'Vastauksesi',
  remaining: 'Merkkejä jäljellä: {n}',
  tooLong: 'Merkkejä liikaa: {n}',
  send: 'Lähetä',
  close: 'Sulje',
  empty: 'Kirjoita ensin muutama sana.',
  email: 'Sähköposti (vapaaehtoinen)',
  emailWhy: 'Vain jotta voimme vastata sinulle.',
  emailInvalid: 'Tarkista sähköpostiosoite tai jätä kenttä tyhjäksi.',
  rating: 'Miten olemme onnistuneet? (vapaaehtoinen)',
  ratings: 'Erittäin huonosti|Huonosti|Kohtalaisesti|Hyvin|Erittäin hyvin',
  topic: 'Mitä asia koskee? (vapaaehtoinen)',
  chooseTopic: 'Valitse aihe',
  privacy: 'Mitä vastauksellesi tapahtuu',
  sending: 'Lähetetään…',
  thanks: 'Kiitos, että kerroit meille.',
  sent: 'Vastauksesi on perillä.',
  savedOffline: 'Tallennettu tälle laitteelle. Lähetämme sen, kun olet taas verkossa.',
  retrying: 'Tallennettu tälle laitteelle. Yritämme edelleen lähettää sen.',
  refused: 'Kauppa ei voinut juuri nyt ottaa vastaustasi vastaan. Se on tallessa tällä laitteella.',
  notKept: 'Ei lähetetty, eikä selain voinut tallentaa sitä: kopioi tekstisi ja yritä myöhemmin uudelleen.',
  queueFull: 'Tästä selaimesta odottaa lähetystä liian monta vastausta. Kopioi tekstisi ja yritä myöhemmin uudelleen.',
  another: 'Kirjoita uusi vastaus',
};
export default fi;
