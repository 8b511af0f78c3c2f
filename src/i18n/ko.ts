import type { Translation } from './en.js';

/** Korean (polite 해요체). */
const ko: Translation = {
  question: '무엇을 도와드릴까요?',
  launcher: '의견 보내기',
  intro: '찾지 못한 상품, 불편했던 점, 아이디어 등 보내주신 의견은 모두 읽고 있어요.',
  answerLabel: '보내실 의견',
  remaining: '{n}자 남음',
  tooLong: '{n}자 초과',
  send: '보내기',
  close: '닫기',
  empty: '먼저 몇 마디 적어 주세요.',
  email: '이메일(선택)',
  emailWhy: '답변을 드릴 때만 사용해요.',
  emailInvalid: '이메일 주소를 확인하시거나 비워 두세요.',
  rating: '저희 서비스는 어떠셨나요? (선택)',
  ratings: '매우 불만족|불만족|보통|만족|매우 만족',
  topic: '어떤 내용인가요? (선택)',
  chooseTopic: '주제를 선택해 주세요',
  privacy: '보내주신 의견은 이렇게 다뤄요',
  sending: '보내는 중…',
  thanks: '말씀해 주셔서 감사합니다.',
  sent: '보내주신 의견이 잘 도착했어요.',
  savedOffline: '이 기기에 저장했어요. 다시 온라인이 되면 바로 보내 드릴게요.',
  retrying: '이 기기에 저장했어요. 계속 보내 보고 있어요.',
  refused: '지금은 상점에서 의견을 받지 못했어요. 이 기기에 그대로 저장되어 있어요.',
  notKept: '보내지 못했고 이 브라우저에 저장할 수도 없었어요. 글을 복사해 두셨다가 나중에 다시 시도해 주세요.',
  queueFull: '이 브라우저에서 보내기를 기다리는 의견이 너무 많아요. 글을 복사해 두셨다가 나중에 다시 시도해 주세요.',
  another: '의견 더 쓰기',
};
export default ko;
