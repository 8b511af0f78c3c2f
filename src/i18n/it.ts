import type { Translation } from './en.js';

/** Italian. */
const it: Translation = {
  question: 'Cosa possiamo fare per te?',
  launcher: 'Feedback',
  intro: 'Un prodotto che non hai trovato, qualcosa che ti ha messo in difficoltà, un’idea: leggiamo ogni risposta.',
  answerLabel: 'La tua risposta',
  remaining: 'Caratteri rimanenti: {n}',
  tooLong: 'Caratteri in eccesso: {n}',
  send: 'Invia',
  close: 'Chiudi',
  empty: 'Scrivi prima qualche parola.',
  email: 'E-mail (facoltativa)',
  emailWhy: 'Solo per poterti rispondere.',
  emailInvalid: 'Controlla l’indirizzo e-mail o lascia il campo vuoto.',
  rating: 'Come ti trovi con noi? (facoltativo)',
  ratings: 'Molto male|Male|Così così|Bene|Molto bene',
  topic: 'Di cosa si tratta? (facoltativo)',
  chooseTopic: 'Scegli un argomento',
  privacy: 'Cosa succede alla tua risposta',
  sending: 'Invio in corso…',
  thanks: 'Grazie per averci scritto.',
  sent: 'La tua risposta ci è arrivata.',
  savedOffline: 'Salvata su questo dispositivo. La invieremo appena tornerai online.',
  retrying: 'Salvata su questo dispositivo. Continueremo a provare a inviarla.',
  refused: 'Il negozio non ha potuto ricevere la tua risposta in questo momento. Resta salvata su questo dispositivo.',
  notKept: 'Non inviata, e questo browser non è riuscito a conservarla: copia il testo e riprova più tardi.',
  queueFull: 'Troppe risposte sono in attesa di invio da questo browser. Copia il testo e riprova più tardi.',
  another: 'Scrivi un’altra risposta',
};
export default it;
