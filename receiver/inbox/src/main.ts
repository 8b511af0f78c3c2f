// The inbox page's entry: the first requests start at once, then the language, then the element.
import { chooseLanguage, t, useLanguage } from '../i18n/index.js';
import { api } from './api.js';
import { readLocation } from './filters.js';
import { storedLanguage } from './language.js';
import { InboxApp, pageQuery } from './app.js';

const location = readLocation(window.location.search);
const me = api.me();
const page = location.view === 'list' ? api.list(pageQuery(location.filters, null)) : null;
// A rejected request is handled when the element reads it; this keeps the console quiet meanwhile.
me.catch(() => {});
page?.catch(() => {});

const lang = chooseLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
await useLanguage(lang);
document.documentElement.lang = lang;
document.title = t('appName');

const app = new InboxApp();
app.boot = { me, page };
document.body.append(app);
