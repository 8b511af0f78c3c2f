import { expect } from '@open-wc/testing';
import { clearDraft, loadDraft, saveDraft } from '../../src/draft.js';

const KEY = 'feedback-prompt:draft';

describe('draft', () => {
  let saved: string | null;
  beforeEach(() => {
    saved = localStorage.getItem(KEY);
    localStorage.removeItem(KEY);
  });
  afterEach(() => {
    if (saved === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, saved);
  });

  it('survives a reload: what is saved is loaded back as typed', () => {
    const draft = { answer: 'Mehr <b>glutenfreie</b> Kekse 🍪\nbitte', email: 'kim@example.com' };
    saveDraft(draft);
    expect(loadDraft()).to.deep.equal(draft);
  });

  it('writes nothing before anything is typed, and removes the draft once emptied', () => {
    saveDraft({ answer: '' });
    expect(localStorage.getItem(KEY)).to.equal(null);
    saveDraft({ answer: 'x' });
    expect(localStorage.getItem(KEY)).to.not.equal(null);
    saveDraft({ answer: '', email: '' });
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('keeps an e-mail typed without an answer', () => {
    saveDraft({ answer: '', email: 'kim@example.com' });
    expect(loadDraft()).to.deep.equal({ answer: '', email: 'kim@example.com' });
  });

  it('clearDraft removes it', () => {
    saveDraft({ answer: 'x' });
    clearDraft();
    expect(loadDraft()).to.equal(undefined);
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('ignores a garbled or foreign value', () => {
    for (const value of ['{not json', '"text"', '{"answer":42}', 'null', '[]']) {
      localStorage.setItem(KEY, value);
      expect(loadDraft(), value).to.equal(undefined);
    }
  });

  it('does not throw where storage is blocked or full', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    expect(loadDraft(blocked)).to.equal(undefined);
    expect(() => saveDraft({ answer: 'x' }, blocked)).to.not.throw();
    expect(() => clearDraft(blocked)).to.not.throw();
  });
});
