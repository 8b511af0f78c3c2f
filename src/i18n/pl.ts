import type { Translation } from './en.js';

/** Polish. */
const pl: Translation = {
  question: 'Co możemy dla Ciebie zrobić?',
  launcher: 'Twoja opinia',
  intro: 'Produkt, którego Ci zabrakło, coś, co przeszkadzało, pomysł – czytamy każdą odpowiedź.',
  answerLabel: 'Twoja odpowiedź',
  remaining: 'Pozostało znaków: {n}',
  tooLong: 'Znaków za dużo: {n}',
  send: 'Wyślij',
  close: 'Zamknij',
  empty: 'Napisz najpierw kilka słów.',
  email: 'E-mail (opcjonalnie)',
  emailWhy: 'Tylko po to, żebyśmy mogli Ci odpowiedzieć.',
  emailInvalid: 'Sprawdź adres e-mail albo zostaw to pole puste.',
  rating: 'Jak nas oceniasz? (opcjonalnie)',
  ratings: 'Bardzo słabo|Słabo|Przeciętnie|Dobrze|Bardzo dobrze',
  topic: 'Czego to dotyczy? (opcjonalnie)',
  chooseTopic: 'Wybierz temat',
  privacy: 'Co dzieje się z Twoją odpowiedzią',
  sending: 'Wysyłanie…',
  thanks: 'Dziękujemy, że dajesz nam znać.',
  sent: 'Twoja odpowiedź do nas dotarła.',
  savedOffline: 'Zapisano na tym urządzeniu. Wyślemy ją, gdy znów będziesz online.',
  retrying: 'Zapisano na tym urządzeniu. Będziemy dalej próbować ją wysłać.',
  refused: 'Sklep nie mógł teraz przyjąć Twojej odpowiedzi. Pozostaje zapisana na tym urządzeniu.',
  notKept: 'Nie wysłano, a ta przeglądarka nie mogła jej zachować: skopiuj tekst i spróbuj ponownie później.',
  queueFull: 'Zbyt wiele odpowiedzi czeka w tej przeglądarce na wysłanie. Skopiuj tekst i spróbuj ponownie później.',
  another: 'Napisz kolejną odpowiedź',
};
export default pl;
