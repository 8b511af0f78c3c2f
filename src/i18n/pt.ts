import type { Translation } from './en.js';

/** Portuguese. */
const pt: Translation = {
  question: 'O que podemos fazer por você?',
  launcher: 'Sua opinião',
  intro: 'Um produto que você não encontrou, algo que atrapalhou, uma ideia: lemos todas as respostas.',
  answerLabel: 'Sua resposta',
  remaining: 'Caracteres restantes: {n}',
  tooLong: 'Caracteres a mais: {n}',
  send: 'Enviar',
  close: 'Fechar',
  empty: 'Escreva algumas palavras primeiro.',
  email: 'E-mail (opcional)',
  emailWhy: 'Só para podermos responder.',
  emailInvalid: 'Verifique o endereço de e-mail ou deixe o campo em branco.',
  rating: 'Como estamos indo? (opcional)',
  ratings: 'Muito ruim|Ruim|Regular|Bom|Muito bom',
  topic: 'Qual é o assunto? (opcional)',
  chooseTopic: 'Escolha um assunto',
  privacy: 'O que acontece com sua resposta',
  sending: 'Enviando…',
  thanks: 'Obrigado por nos contar.',
  sent: 'Sua resposta chegou até nós.',
  savedOffline: 'Salva neste dispositivo. Vamos enviá-la assim que você estiver on-line de novo.',
  retrying: 'Salva neste dispositivo. Vamos continuar tentando enviá-la.',
  refused: 'A loja não conseguiu receber sua resposta agora. Ela fica salva neste dispositivo.',
  notKept: 'Não enviada, e este navegador não conseguiu guardá-la: copie seu texto e tente de novo mais tarde.',
  queueFull: 'Há respostas demais aguardando envio neste navegador. Copie seu texto e tente de novo mais tarde.',
  another: 'Escrever outra resposta',
};
export default pt;
