import type { Translation } from './en.js';

/** Czech (the polite "vy", as Czech shops address customers). */
const cs: Translation = {
  question: 'Co pro vás můžeme udělat?',
  launcher: 'Váš názor',
  intro: 'Zboží, které vám chybělo, něco, co vás zdrželo, nápad: čteme každou odpověď.',
  answerLabel: 'Vaše odpověď',
  remaining: 'Zbývá znaků: {n}',
  tooLong: 'Znaků navíc: {n}',
  send: 'Odeslat',
  close: 'Zavřít',
  empty: 'Napište nám prosím nejdřív pár slov.',
  email: 'E-mail (nepovinné)',
  emailWhy: 'Jen abychom vám mohli odpovědět.',
  emailInvalid: 'Zkontrolujte prosím e-mailovou adresu, nebo pole nechte prázdné.',
  rating: 'Jak si vedeme? (nepovinné)',
  ratings: 'Velmi špatně|Špatně|Ujde to|Dobře|Výborně',
  topic: 'Čeho se to týká? (nepovinné)',
  chooseTopic: 'Vyberte téma',
  privacy: 'Co se stane s vaší odpovědí',
  sending: 'Odesíláme…',
  thanks: 'Děkujeme, že jste nám dali vědět.',
  sent: 'Vaše odpověď k nám dorazila.',
  savedOffline: 'Uloženo v tomto zařízení. Odešleme ji, jakmile budete znovu online.',
  retrying: 'Uloženo v tomto zařízení. Budeme ji dál zkoušet odeslat.',
  refused: 'Obchod teď nemohl vaši odpověď přijmout. Zůstává uložená v tomto zařízení.',
  notKept: 'Neodesláno a prohlížeč ji nemohl uložit: zkopírujte si prosím text a zkuste to později.',
  queueFull: 'V tomto prohlížeči čeká na odeslání příliš mnoho odpovědí. Zkopírujte si prosím text a zkuste to později.',
  another: 'Napsat další odpověď',
};
export default cs;
