import type { Translation } from './en.js';

/** Japanese. */
const ja: Translation = {
  question: '私たちにできることはありますか？',
  launcher: 'ご意見箱',
  intro: '見つからなかった商品、困ったこと、アイデアなど、いただいた声はすべて読んでいます。',
  answerLabel: 'ご意見',
  remaining: '残り{n}文字',
  tooLong: '{n}文字超えています',
  send: '送信',
  close: '閉じる',
  empty: 'ひとことご記入ください。',
  email: 'メールアドレス（任意）',
  emailWhy: 'ご返信のためだけに使います。',
  emailInvalid: 'メールアドレスをご確認いただくか、空欄のままにしてください。',
  rating: 'ご満足いただけていますか？（任意）',
  ratings: 'とても不満|やや不満|ふつう|満足|とても満足',
  topic: 'どんな内容ですか？（任意）',
  chooseTopic: 'テーマを選んでください',
  privacy: 'ご意見の取り扱いについて',
  sending: '送信中…',
  thanks: 'お聞かせいただき、ありがとうございます。',
  sent: 'ご意見はしっかり届きました。',
  savedOffline: 'この端末に保存しました。オンラインに戻りしだい送信します。',
  retrying: 'この端末に保存しました。引き続き送信を試みます。',
  refused: 'ただいまショップでご意見を受け付けられませんでした。この端末に保存されています。',
  notKept: '送信できず、このブラウザに保存することもできませんでした。文章をコピーして、後ほどもう一度お試しください。',
  queueFull: 'このブラウザで送信待ちのご意見が多すぎます。文章をコピーして、後ほどもう一度お試しください。',
  another: '別のご意見を書く',
};
export default ja;
