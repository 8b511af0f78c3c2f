import type { Translation } from './en.js';

/** German. */
const de: Translation = {
  question: 'Was können wir für Sie tun?',
  launcher: 'Feedback',
  intro: 'Ein Produkt, das Ihnen gefehlt hat, etwas, das Sie gestört hat, eine Idee: Wir lesen jede Antwort.',
  answerLabel: 'Ihre Antwort',
  remaining: 'Noch {n} Zeichen',
  tooLong: '{n} Zeichen zu viel',
  send: 'Senden',
  close: 'Schließen',
  empty: 'Bitte schreiben Sie zuerst ein paar Worte.',
  email: 'E-Mail (optional)',
  emailWhy: 'Nur damit wir Ihnen antworten können.',
  emailInvalid: 'Bitte prüfen Sie die E-Mail-Adresse oder lassen Sie das Feld leer.',
  rating: 'Wie machen wir uns? (optional)',
  ratings: 'Sehr schlecht|Schlecht|Geht so|Gut|Sehr gut',
  topic: 'Worum geht es? (optional)',
  chooseTopic: 'Thema auswählen',
  privacy: 'Was mit Ihrer Antwort passiert',
  sending: 'Wird gesendet…',
  thanks: 'Vielen Dank für Ihre Rückmeldung.',
  sent: 'Ihre Antwort ist bei uns angekommen.',
  savedOffline: 'Auf diesem Gerät gespeichert. Wir senden sie, sobald Sie wieder online sind.',
  retrying: 'Auf diesem Gerät gespeichert. Wir versuchen weiter, sie zu senden.',
  refused: 'Der Shop konnte Ihre Antwort gerade nicht annehmen. Sie bleibt auf diesem Gerät gespeichert.',
  notKept: 'Nicht gesendet, und der Browser konnte sie nicht speichern. Bitte kopieren Sie Ihren Text und senden Sie ihn später.',
  queueFull: 'In diesem Browser warten zu viele Antworten auf den Versand. Bitte kopieren Sie Ihren Text und versuchen Sie es später noch einmal.',
  another: 'Noch eine Antwort schreiben',
};
export default de;
