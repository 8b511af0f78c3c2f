import type { Translation } from './en.js';

/** Dutch. */
const nl: Translation = {
  question: 'Wat kunnen we voor je doen?',
  launcher: 'Feedback',
  intro: 'Een product dat je miste, iets waar je tegenaan liep, een idee: we lezen elk antwoord.',
  answerLabel: 'Je antwoord',
  remaining: 'Tekens over: {n}',
  tooLong: 'Tekens te veel: {n}',
  send: 'Versturen',
  close: 'Sluiten',
  empty: 'Schrijf eerst een paar woorden.',
  email: 'E-mailadres (optioneel)',
  emailWhy: 'Alleen om je terug te kunnen mailen.',
  emailInvalid: 'Controleer het e-mailadres, of laat het leeg.',
  rating: 'Hoe doen we het? (optioneel)',
  ratings: 'Heel slecht|Slecht|Gaat wel|Goed|Heel goed',
  topic: 'Waar gaat het over? (optioneel)',
  chooseTopic: 'Kies een onderwerp',
  privacy: 'Wat er met je antwoord gebeurt',
  sending: 'Versturen…',
  thanks: 'Bedankt dat je het ons laat weten.',
  sent: 'Je antwoord is bij ons aangekomen.',
  savedOffline: 'Opgeslagen op dit apparaat. We versturen het zodra je weer online bent.',
  retrying: 'Opgeslagen op dit apparaat. We blijven proberen het te versturen.',
  refused: 'De winkel kon je antwoord nu niet aannemen. Het blijft bewaard op dit apparaat.',
  notKept: 'Niet verstuurd, en deze browser kon het niet bewaren: kopieer je tekst en probeer het later opnieuw.',
  queueFull: 'In deze browser wachten te veel antwoorden op verzending. Kopieer je tekst en probeer het later opnieuw.',
  another: 'Nog een antwoord schrijven',
};
export default nl;
