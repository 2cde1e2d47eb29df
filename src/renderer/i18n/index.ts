// i18next set up once; components use useTranslation(). English is complete and the
// fallback; Norwegian covers the frame, statuses and sources so far.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { nb } from './nb.ts';

export const LANGUAGES = { en: 'English', nb: 'Norsk bokmål' } as const;
export type Language = keyof typeof LANGUAGES;

const stored = localStorage.getItem('tillit-language');
const initial: Language = stored === 'nb' || stored === 'en' ? stored : navigator.language.startsWith('nb') || navigator.language.startsWith('no') ? 'nb' : 'en';

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nb: { translation: nb } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem('tillit-language', language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
