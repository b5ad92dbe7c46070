// The language Tasklist speaks: the language part of the browser's first language if Tasklist has it
// (config.js's availableLocales), its fallback otherwise, the same choice Tasklist itself makes.
import config from './config.js';

export default function uiLanguage() {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) ? nav.languages[0] : nav.language) || '';
  const code = first.split('-')[0].toLowerCase();
  return config.locales.availableLocales.includes(code) ? code : config.locales.fallbackLocale;
}
