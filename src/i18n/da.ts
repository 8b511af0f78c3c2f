import type { Translation } from './en.js';

/** Danish. */
const da: Translation = {
  question: 'Hvad kan vi gøre for dig?',
  launcher: 'Ris og ros',
  intro: 'Et produkt, du savnede, noget, der drillede, en idé: vi læser hvert eneste svar.',
  answerLabel: 'Dit svar',
  remaining: '{n} tegn tilbage',
  tooLong: '{n} tegn for meget',
  send: 'Send',
  close: 'Luk',
  empty: 'Skriv lige et par ord først.',
  email: 'E-mail (valgfrit)',
  emailWhy: 'Kun så vi kan svare dig.',
  emailInvalid: 'Tjek e-mailadressen, eller lad feltet stå tomt.',
  rating: 'Hvordan klarer vi os? (valgfrit)',
  ratings: 'Meget dårligt|Dårligt|Okay|Godt|Rigtig godt',
  topic: 'Hvad handler det om? (valgfrit)',
  chooseTopic: 'Vælg et emne',
  privacy: 'Hvad der sker med dit svar',
  sending: 'Sender…',
  thanks: 'Tak, fordi du fortæller os det.',
  sent: 'Dit svar er nået frem til os.',
  savedOffline: 'Gemt på denne enhed. Vi sender det, så snart du er online igen.',
  retrying: 'Gemt på denne enhed. Vi bliver ved med at prøve at sende det.',
  refused: 'Butikken kunne ikke tage imod dit svar lige nu. Det er gemt på denne enhed.',
  notKept: 'Ikke sendt, og browseren kunne ikke gemme det: kopiér din tekst, og prøv igen senere.',
  queueFull: 'Der venter for mange svar på at blive sendt fra denne browser. Kopiér din tekst, og prøv igen senere.',
  another: 'Skriv et svar mere',
};
export default da;
