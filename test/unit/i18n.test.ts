import { expect } from '@open-wc/testing';
import {
  LANGUAGES,
  isRightToLeft,
  loadTranslation,
  requestedLang,
  supported,
  text,
  translationFor,
  type TextKey,
} from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en.js';

const KEYS = Object.keys(en) as TextKey[];

describe('i18n', () => {
  describe('supported', () => {
    it('knows at least the languages the README promises', () => {
      for (const lang of ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'ja', 'ar']) {
        expect(LANGUAGES, lang).to.include(lang);
        expect(supported(lang)).to.equal(lang);
      }
    });

    it('maps a regional tag to its base language, in any case', () => {
      expect(supported('nl-BE')).to.equal('nl');
      expect(supported('pt-BR')).to.equal('pt');
      expect(supported('DE-at')).to.equal('de');
      expect(supported('ar-EG')).to.equal('ar');
    });

    it('reads Norwegian as Bokmål and tells the two Chinese scripts apart', () => {
      for (const tag of ['no', 'nb-NO', 'nn', 'no-NO']) expect(supported(tag), tag).to.equal('nb');
      for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK']) expect(supported(tag), tag).to.equal('zh');
      for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-hant-tw']) expect(supported(tag), tag).to.equal('zh-Hant');
    });

    it('falls back to English for unknown or empty tags', () => {
      for (const tag of ['xx', 'klingon', 'tlh-Latn', '']) expect(supported(tag), tag).to.equal('en');
    });
  });

  describe('requestedLang', () => {
    let savedHtmlLang: string;
    let host: HTMLElement;
    beforeEach(() => {
      savedHtmlLang = document.documentElement.lang;
      host = document.createElement('div');
      document.body.append(host);
    });
    afterEach(() => {
      host.remove();
      document.documentElement.lang = savedHtmlLang;
    });

    const widget = (parent: HTMLElement) => parent.appendChild(document.createElement('feedback-prompt-test'));

    it('prefers the element\'s own lang attribute', () => {
      host.lang = 'de';
      document.documentElement.lang = 'fr';
      expect(requestedLang(widget(host), 'nl-BE')).to.equal('nl-BE');
    });

    it('then the nearest ancestor with lang, not a farther one', () => {
      document.documentElement.lang = 'fr';
      host.lang = 'es';
      const inner = host.appendChild(document.createElement('section'));
      inner.lang = 'pl';
      const wrapper = inner.appendChild(document.createElement('div'));
      expect(requestedLang(widget(wrapper), null)).to.equal('pl');
      expect(requestedLang(widget(host), '')).to.equal('es');
    });

    it('then <html lang>', () => {
      document.documentElement.lang = 'ja';
      expect(requestedLang(widget(host))).to.equal('ja');
    });

    it('then the browser\'s language', () => {
      document.documentElement.removeAttribute('lang');
      expect(requestedLang(widget(host))).to.equal(navigator.language || 'en');
    });
  });

  it('marks Arabic, Hebrew and Persian, and only those among the built-ins, right-to-left', () => {
    expect(LANGUAGES.filter(isRightToLeft)).to.deep.equal(['ar', 'he', 'fa']);
  });

  describe('loadTranslation', () => {
    for (const lang of ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'ja', 'ar']) {
      it(`${lang}: every English key has a non-empty text, {n} kept, 5 rating labels`, async () => {
        const texts = await loadTranslation(lang);
        expect(translationFor(lang), 'cached once loaded').to.equal(texts);
        for (const key of KEYS) {
          expect(texts[key], `${lang}.${key}`).to.be.a('string').and.not.match(/^\s*$/);
        }
        expect(texts.remaining).to.contain('{n}');
        expect(texts.tooLong).to.contain('{n}');
        const labels = texts.ratings.split('|');
        expect(labels).to.have.length(5);
        labels.forEach((label) => expect(label.trim(), `${lang} rating label`).to.not.equal(''));
        if (lang !== 'en') {
          // Really translated, not the English fallback of a chunk that failed to load.
          expect(texts.question, `${lang}.question`).to.not.equal(en.question);
          expect(texts.send, `${lang}.send`).to.not.equal(en.send);
        }
      });
    }

    it('gives English for a language it does not have', async () => {
      expect(await loadTranslation('xx')).to.deep.equal(en);
    });
  });

  describe('text', () => {
    it('uses the built-in text, filling {n}', () => {
      expect(text(en, {}, 'remaining', 42)).to.equal('42 characters left');
      expect(text(en, {}, 'send')).to.equal('Send');
    });

    it('applies the shop owner\'s override, also filling {n} there', async () => {
      const nl = await loadTranslation('nl');
      expect(text(nl, { question: 'Wat mist u in onze winkel?' }, 'question')).to.equal('Wat mist u in onze winkel?');
      expect(text(nl, { remaining: 'Nog {n} tekens' }, 'remaining', 7)).to.equal('Nog 7 tekens');
      expect(text(nl, { question: 'x' }, 'send'), 'other keys keep the translation').to.equal(nl.send);
    });

    it('fills {n} in every language\'s counter texts', async () => {
      for (const lang of LANGUAGES) {
        const texts = await loadTranslation(lang);
        expect(text(texts, {}, 'remaining', 1999), lang).to.contain('1999').and.not.contain('{n}');
        expect(text(texts, {}, 'tooLong', 3), lang).to.contain('3').and.not.contain('{n}');
      }
    });
  });
});
