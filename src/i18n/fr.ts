import type { Translation } from './en.js';

/** French. */
const fr: Translation = {
  question: 'Que pourrions-nous faire pour vous\u00a0?',
  launcher: 'Votre avis',
  intro: 'Un produit qui vous a manqué, quelque chose qui vous a gêné, une idée\u00a0: nous lisons toutes les réponses.',
  answerLabel: 'Votre réponse',
  remaining: 'Caractères restants\u00a0: {n}',
  tooLong: 'Caractères en trop\u00a0: {n}',
  send: 'Envoyer',
  close: 'Fermer',
  empty: 'Écrivez-nous d’abord quelques mots.',
  email: 'E-mail (facultatif)',
  emailWhy: 'Uniquement pour pouvoir vous répondre.',
  emailInvalid: 'Vérifiez l’adresse e-mail ou laissez-la vide.',
  rating: 'Que pensez-vous de nous\u00a0? (facultatif)',
  ratings: 'Très mauvais|Mauvais|Correct|Bien|Très bien',
  topic: 'De quoi s’agit-il\u00a0? (facultatif)',
  chooseTopic: 'Choisissez un sujet',
  privacy: 'Ce que devient votre réponse',
  sending: 'Envoi en cours…',
  thanks: 'Merci de nous avoir écrit.',
  sent: 'Votre réponse nous est bien parvenue.',
  savedOffline: 'Enregistrée sur cet appareil. Nous l’enverrons dès que vous serez de nouveau en ligne.',
  retrying: 'Enregistrée sur cet appareil. Nous continuons d’essayer de l’envoyer.',
  refused: 'La boutique n’a pas pu accepter votre réponse pour l’instant. Elle reste enregistrée sur cet appareil.',
  notKept: 'Non envoyée, et ce navigateur n’a pas pu la conserver\u00a0: copiez votre texte et réessayez plus tard.',
  queueFull: 'Trop de réponses attendent d’être envoyées depuis ce navigateur. Copiez votre texte et réessayez plus tard.',
  another: 'Écrire une autre réponse',
};
export default fr;
