// Every built-in language, complete and really translated, as the element draws it.
import { expect, fixtureCleanup } from '@open-wc/testing';
import { LANGUAGES, isRightToLeft, loadTranslation, type TextKey } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/index.js';
import { freshStart, mount, part } from '../support/helpers.js';

const KEYS = Object.keys(en) as TextKey[];

/** The 25 languages issue 12 asks for; LANGUAGES must hold each of them. */
const PROMISED = [
  'en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'ja', 'ar',
  'sv', 'da', 'nb', 'fi', 'cs', 'hu', 'ro', 'el', 'tr', 'uk', 'zh', 'zh-Hant', 'ko', 'he', 'fa',
];

/**
 * Texts that are the same word in that language as in English, checked one by one: "Feedback" is
 * what Dutch, German and Italian shops write on such a button; "Send" is Danish and Norwegian for send.
 */
const SAME_AS_ENGLISH: Record<string, TextKey[]> = {
  nl: ['launcher'],
  de: ['launcher'],
  it: ['launcher'],
  da: ['send'],
  nb: ['send'],
};

describe('every built-in language', () => {
  it('is the 25 languages promised, no more and no fewer', () => {
    expect([...LANGUAGES].sort()).to.deep.equal([...PROMISED].sort());
  });

  for (const lang of PROMISED.filter((l) => l !== 'en')) {
    it(`${lang}: has every key, each a real text, none of it left in English`, async () => {
      // loadTranslation falls back to English for a missing file: compare against the file itself.
      const texts = await loadTranslation(lang);
      for (const key of KEYS) {
        expect(texts[key], `${lang}.${key}`).to.be.a('string').and.not.match(/^\s*$/);
        if (!SAME_AS_ENGLISH[lang]?.includes(key)) expect(texts[key], `${lang}.${key} is still English`).to.not.equal(en[key]);
      }
      expect(texts.remaining, `${lang}.remaining`).to.contain('{n}');
      expect(texts.tooLong, `${lang}.tooLong`).to.contain('{n}');
      const labels = texts.ratings.split('|');
      expect(labels, `${lang}.ratings`).to.have.length(5);
      labels.forEach((label) => expect(label.trim(), `${lang} rating label`).to.not.equal(''));
      // In a non-Latin script no Latin word is left over (but "e-mail", which Greek writes so).
      if (['ja', 'ko', 'zh', 'zh-Hant', 'ar', 'he', 'fa', 'el', 'uk'].includes(lang)) {
        for (const key of KEYS) {
          expect(texts[key].replace(/\{n\}|e-mail/gi, ''), `${lang}.${key}`).to.not.match(/[A-Za-z]{3,}/);
        }
      }
    });
  }
});

describe('the element in each language', () => {
  let endpoint: string;
  before(async () => {
    endpoint = await freshStart();
  });
  afterEach(() => fixtureCleanup());

  for (const lang of PROMISED) {
    it(`${lang}: draws its launcher, question, topic prompt and Send in ${lang}, in its direction`, async () => {
      const texts = await loadTranslation(lang);
      const el = await mount({ endpoint, lang, topics: 'A, B', position: 'inline' });
      const root = el.shadowRoot!.querySelector<HTMLElement>('.root')!;
      expect(root.lang).to.equal(lang);
      expect(root.dir).to.equal(isRightToLeft(lang) ? 'rtl' : 'ltr');
      expect(part(el, 'heading')!.textContent!.trim()).to.equal(texts.question);
      expect(part(el, 'submit')!.textContent!.trim()).to.equal(texts.send);
      const first = el.shadowRoot!.querySelector<HTMLOptionElement>('#topic option')!;
      expect(first.textContent!.trim(), 'the topic list starts with a prompt, not an empty box').to.equal(texts.chooseTopic);
      expect(first.value, 'choosing nothing sends no topic').to.equal('');
    });
  }

  it('Hebrew and Persian panels open on the reading start, bottom-left', async () => {
    for (const lang of ['he', 'fa']) {
      const el = await mount({ endpoint, lang });
      const launcher = part(el, 'launcher')!;
      expect(launcher.getBoundingClientRect().left, lang).to.be.lessThan(innerWidth / 2);
      fixtureCleanup();
    }
  });
});
