/** English: the fallback for every missing text and the shape every other language follows. */
export const en = {
  question: 'What could we do for you?',
  launcher: 'Feedback',
  intro: 'A product you missed, something that got in your way, an idea: we read every answer.',
  answerLabel: 'Your answer',
  remaining: '{n} characters left',
  tooLong: '{n} characters too many',
  send: 'Send',
  close: 'Close',
  empty: 'Please write a few words first.',
  email: 'E-mail (optional)',
  emailWhy: 'Only so we can get back to you.',
  emailInvalid: 'Please check the e-mail address, or leave it empty.',
  rating: 'How are we doing? (optional)',
  ratings: 'Very poor|Poor|Okay|Good|Very good',
  topic: 'What is it about? (optional)',
  chooseTopic: 'Choose a topic',
  privacy: 'What happens with your answer',
  sending: 'Sending…',
  thanks: 'Thank you for telling us.',
  sent: 'Your answer has reached us.',
  savedOffline: "Saved on this device. We'll send it when you're back online.",
  retrying: "Saved on this device. We'll keep trying to send it.",
  refused: 'The shop could not accept your answer just now. It is kept on this device.',
  notKept: 'Not sent, and this browser could not keep it: please copy your text and try again later.',
  queueFull: 'Too many answers are waiting to be sent from this browser. Please copy your text and try again later.',
  another: 'Write another answer',
};

export type Translation = typeof en;
export type TextKey = keyof Translation;
