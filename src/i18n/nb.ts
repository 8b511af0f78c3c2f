import type { Translation } from './en.js';

/** Norwegian Bokmål (also used for `no` and `nn`). */
const nb: Translation = {
  question: 'Hva kan vi gjøre for deg?',
  launcher: 'Si din mening',
  intro: 'Et produkt du savnet, noe som var i veien, en idé: vi leser hvert eneste svar.',
  answerLabel: 'Svaret ditt',
  remaining: '{n} tegn igjen',
  tooLong: '{n} tegn for mye',
  send: 'Send',
  close: 'Lukk',
  empty: 'Skriv gjerne noen ord først.',
  email: 'E-post (valgfritt)',
  emailWhy: 'Bare så vi kan svare deg.',
  emailInvalid: 'Sjekk e-postadressen, eller la feltet stå tomt.',
  rating: 'Hvordan gjør vi det? (valgfritt)',
  ratings: 'Svært dårlig|Dårlig|Greit|Bra|Svært bra',
  topic: 'Hva gjelder det? (valgfritt)',
  chooseTopic: 'Velg et emne',
  privacy: 'Hva som skjer med svaret ditt',
  sending: 'Sender…',
  thanks: 'Takk for at du sier fra.',
  sent: 'Svaret ditt har kommet fram til oss.',
  savedOffline: 'Lagret på denne enheten. Vi sender det når du er på nett igjen.',
  retrying: 'Lagret på denne enheten. Vi fortsetter å prøve å sende det.',
  refused: 'Butikken kunne ikke ta imot svaret ditt akkurat nå. Det er lagret på denne enheten.',
  notKept: 'Ikke sendt, og nettleseren kunne ikke lagre det: kopier teksten din og prøv igjen senere.',
  queueFull: 'For mange svar venter på å bli sendt fra denne nettleseren. Kopier teksten din og prøv igjen senere.',
  another: 'Skriv et svar til',
};
export default nb;
