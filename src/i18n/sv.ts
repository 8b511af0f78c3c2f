import type { Translation } from './en.js';

/** Swedish. */
const sv: Translation = {
  question: 'Vad kan vi göra för dig?',
  launcher: 'Tyck till',
  intro: 'En produkt du saknade, något som var i vägen, en idé: vi läser varje svar.',
  answerLabel: 'Ditt svar',
  remaining: '{n} tecken kvar',
  tooLong: '{n} tecken för mycket',
  send: 'Skicka',
  close: 'Stäng',
  empty: 'Skriv gärna några ord först.',
  email: 'E-post (valfritt)',
  emailWhy: 'Bara så att vi kan svara dig.',
  emailInvalid: 'Kontrollera e-postadressen, eller lämna fältet tomt.',
  rating: 'Vad tycker du om oss? (valfritt)',
  ratings: 'Mycket dåligt|Dåligt|Okej|Bra|Mycket bra',
  topic: 'Vad gäller det? (valfritt)',
  chooseTopic: 'Välj ett ämne',
  privacy: 'Vad som händer med ditt svar',
  sending: 'Skickar…',
  thanks: 'Tack för att du berättar.',
  sent: 'Ditt svar har kommit fram till oss.',
  savedOffline: 'Sparat på den här enheten. Vi skickar det när du är online igen.',
  retrying: 'Sparat på den här enheten. Vi fortsätter att försöka skicka det.',
  refused: 'Butiken kunde inte ta emot ditt svar just nu. Det finns kvar på den här enheten.',
  notKept: 'Inte skickat, och webbläsaren kunde inte spara det: kopiera din text och försök igen senare.',
  queueFull: 'För många svar väntar på att skickas från den här webbläsaren. Kopiera din text och försök igen senare.',
  another: 'Skriv ett svar till',
};
export default sv;
