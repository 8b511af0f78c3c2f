import type { Translation } from './en.js';

/** Spanish. */
const es: Translation = {
  question: '¿Qué podemos hacer por ti?',
  launcher: 'Tu opinión',
  intro: 'Un producto que no encontraste, algo que te complicó las cosas, una idea: leemos todas las respuestas.',
  answerLabel: 'Tu respuesta',
  remaining: 'Caracteres restantes: {n}',
  tooLong: 'Caracteres de más: {n}',
  send: 'Enviar',
  close: 'Cerrar',
  empty: 'Escríbenos primero unas palabras.',
  email: 'Correo electrónico (opcional)',
  emailWhy: 'Solo para poder responderte.',
  emailInvalid: 'Revisa la dirección de correo o deja el campo vacío.',
  rating: '¿Qué tal lo hacemos? (opcional)',
  ratings: 'Muy mal|Mal|Regular|Bien|Muy bien',
  topic: '¿De qué se trata? (opcional)',
  chooseTopic: 'Elige un tema',
  privacy: 'Qué pasa con tu respuesta',
  sending: 'Enviando…',
  thanks: 'Gracias por contárnoslo.',
  sent: 'Ya tenemos tu respuesta.',
  savedOffline: 'Guardada en este dispositivo. La enviaremos cuando vuelvas a tener conexión.',
  retrying: 'Guardada en este dispositivo. Seguiremos intentando enviarla.',
  refused: 'La tienda no ha podido recibir tu respuesta ahora. Queda guardada en este dispositivo.',
  notKept: 'No se envió y este navegador no pudo guardarla: copia tu texto y vuelve a intentarlo más tarde.',
  queueFull: 'Hay demasiadas respuestas pendientes de envío en este navegador. Copia tu texto y vuelve a intentarlo más tarde.',
  another: 'Escribir otra respuesta',
};
export default es;
