import type { Translation } from './en.js';

/** Chinese, Simplified (`zh`, `zh-CN`, `zh-SG`, `zh-Hans`). */
const zh: Translation = {
  question: '我们能为您做些什么？',
  launcher: '意见反馈',
  intro: '没找到的商品、让您不便的地方、一个想法：每一条回复我们都会认真阅读。',
  answerLabel: '您的回复',
  remaining: '还可输入 {n} 个字符',
  tooLong: '超出 {n} 个字符',
  send: '发送',
  close: '关闭',
  empty: '请先写几句话。',
  email: '电子邮箱（选填）',
  emailWhy: '仅用于回复您。',
  emailInvalid: '请检查电子邮箱地址，或留空。',
  rating: '您对我们满意吗？（选填）',
  ratings: '很不满意|不满意|一般|满意|很满意',
  topic: '是关于什么的？（选填）',
  chooseTopic: '请选择主题',
  privacy: '我们如何处理您的回复',
  sending: '正在发送…',
  thanks: '感谢您告诉我们。',
  sent: '我们已收到您的回复。',
  savedOffline: '已保存在此设备上。您恢复联网后我们会立即发送。',
  retrying: '已保存在此设备上。我们会继续尝试发送。',
  refused: '商店暂时无法接收您的回复。回复仍保存在此设备上。',
  notKept: '未能发送，且此浏览器无法保存：请复制您的文字，稍后再试。',
  queueFull: '此浏览器中等待发送的回复过多。请复制您的文字，稍后再试。',
  another: '再写一条',
};
export default zh;
