import type { Translation } from './en.js';

/** Chinese, Traditional (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`). */
const zhHant: Translation = {
  question: '我們能為您做些什麼？',
  launcher: '意見回饋',
  intro: '沒找到的商品、讓您不便的地方、一個想法：每一則回覆我們都會用心閱讀。',
  answerLabel: '您的回覆',
  remaining: '還可輸入 {n} 個字元',
  tooLong: '超出 {n} 個字元',
  send: '送出',
  close: '關閉',
  empty: '請先寫幾句話。',
  email: '電子郵件（選填）',
  emailWhy: '僅用於回覆您。',
  emailInvalid: '請檢查電子郵件地址，或留空。',
  rating: '您對我們滿意嗎？（選填）',
  ratings: '非常不滿意|不滿意|普通|滿意|非常滿意',
  topic: '是關於什麼呢？（選填）',
  chooseTopic: '請選擇主題',
  privacy: '我們如何處理您的回覆',
  sending: '傳送中…',
  thanks: '感謝您告訴我們。',
  sent: '我們已收到您的回覆。',
  savedOffline: '已儲存在此裝置上。您恢復連線後我們會立即送出。',
  retrying: '已儲存在此裝置上。我們會繼續嘗試送出。',
  refused: '商店暫時無法接收您的回覆。回覆仍儲存在此裝置上。',
  notKept: '未能送出，且此瀏覽器無法儲存：請複製您的文字，稍後再試。',
  queueFull: '此瀏覽器中等待送出的回覆過多。請複製您的文字，稍後再試。',
  another: '再寫一則',
};
export default zhHant;
