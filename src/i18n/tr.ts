import type { Translation } from './en.js';

/** Turkish (the polite "siz"). */
const tr: Translation = {
  question: 'Sizin için ne yapabiliriz?',
  launcher: 'Görüşünüz',
  intro: 'Bulamadığınız bir ürün, sizi zorlayan bir şey, bir fikir: her yanıtı okuyoruz.',
  answerLabel: 'Yanıtınız',
  remaining: '{n} karakter kaldı',
  tooLong: '{n} karakter fazla',
  send: 'Gönder',
  close: 'Kapat',
  empty: 'Lütfen önce birkaç kelime yazın.',
  email: 'E-posta (isteğe bağlı)',
  emailWhy: 'Yalnızca size geri dönebilmek için.',
  emailInvalid: 'Lütfen e-posta adresini kontrol edin ya da alanı boş bırakın.',
  rating: 'Bizi nasıl buluyorsunuz? (isteğe bağlı)',
  ratings: 'Çok kötü|Kötü|İdare eder|İyi|Çok iyi',
  topic: 'Konu nedir? (isteğe bağlı)',
  chooseTopic: 'Bir konu seçin',
  privacy: 'Yanıtınıza ne olur',
  sending: 'Gönderiliyor…',
  thanks: 'Bize anlattığınız için teşekkür ederiz.',
  sent: 'Yanıtınız bize ulaştı.',
  savedOffline: 'Bu cihaza kaydedildi. Yeniden çevrimiçi olduğunuzda göndereceğiz.',
  retrying: 'Bu cihaza kaydedildi. Göndermeyi denemeye devam ediyoruz.',
  refused: 'Mağaza yanıtınızı şu anda alamadı. Yanıtınız bu cihazda saklanıyor.',
  notKept: 'Gönderilemedi ve bu tarayıcı yanıtı saklayamadı: lütfen metninizi kopyalayıp daha sonra yeniden deneyin.',
  queueFull: 'Bu tarayıcıda gönderilmeyi bekleyen çok fazla yanıt var. Lütfen metninizi kopyalayıp daha sonra yeniden deneyin.',
  another: 'Başka bir yanıt yazın',
};
export default tr;
