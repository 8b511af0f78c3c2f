import type { Translation } from './en.js';

/** Romanian (the polite "dumneavoastră"). */
const ro: Translation = {
  question: 'Cu ce vă putem ajuta?',
  launcher: 'Sugestii',
  intro: 'Un produs care v-a lipsit, ceva care v-a încurcat, o idee: citim fiecare răspuns.',
  answerLabel: 'Răspunsul dumneavoastră',
  remaining: 'Mai aveți {n} caractere',
  tooLong: '{n} caractere în plus',
  send: 'Trimiteți',
  close: 'Închideți',
  empty: 'Vă rugăm să scrieți mai întâi câteva cuvinte.',
  email: 'E-mail (opțional)',
  emailWhy: 'Doar ca să vă putem răspunde.',
  emailInvalid: 'Vă rugăm să verificați adresa de e-mail sau să lăsați câmpul gol.',
  rating: 'Cum ne descurcăm? (opțional)',
  ratings: 'Foarte rău|Rău|Acceptabil|Bine|Foarte bine',
  topic: 'Despre ce este vorba? (opțional)',
  chooseTopic: 'Alegeți un subiect',
  privacy: 'Ce se întâmplă cu răspunsul dumneavoastră',
  sending: 'Se trimite…',
  thanks: 'Vă mulțumim că ne-ați spus.',
  sent: 'Răspunsul dumneavoastră a ajuns la noi.',
  savedOffline: 'Salvat pe acest dispozitiv. Îl trimitem imediat ce sunteți din nou online.',
  retrying: 'Salvat pe acest dispozitiv. Încercăm în continuare să îl trimitem.',
  refused: 'Magazinul nu a putut primi acum răspunsul dumneavoastră. Rămâne salvat pe acest dispozitiv.',
  notKept: 'Nu a fost trimis, iar browserul nu l-a putut păstra: vă rugăm să copiați textul și să încercați din nou mai târziu.',
  queueFull: 'Prea multe răspunsuri așteaptă să fie trimise din acest browser. Vă rugăm să copiați textul și să încercați din nou mai târziu.',
  another: 'Scrieți încă un răspuns',
};
export default ro;
