import type { Translation } from './en.js';

type Loader = () => Promise<{ default: Translation }>;

/**
 * Every built-in language but English, each its own module, fetched only by pages that use it.
 * Keys are the codes the element uses (and the files' names).
 *
 * This map is what npm users' bundlers and the tests see. The script builds replace this module
 * (rollup.config.js, languageChunks) with one loader for `feedback-prompt-{code}.js`, a file of its
 * own beside the ES module, or beside the classic script's own URL.
 */
export const loaders: Record<string, Loader> = {
  nl: () => import('./nl.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  pt: () => import('./pt.js'),
  pl: () => import('./pl.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
  sv: () => import('./sv.js'),
  da: () => import('./da.js'),
  nb: () => import('./nb.js'),
  fi: () => import('./fi.js'),
  cs: () => import('./cs.js'),
  hu: () => import('./hu.js'),
  ro: () => import('./ro.js'),
  el: () => import('./el.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
  zh: () => import('./zh.js'),
  'zh-Hant': () => import('./zh-Hant.js'),
  ko: () => import('./ko.js'),
  he: () => import('./he.js'),
  fa: () => import('./fa.js'),
};

