// i18next, set up once before the first render; components use useTranslation(). English is
// complete and the fallback; Norwegian (bokmål) covers the whole UI. Messages from main carry
// a code where they can (components/messages.ts); reader errors too (by code).
//
// The language chosen in Settings is kept in the workspace (AppInfo.language), so another
// browser, another port or a restart keeps it; localStorage holds a copy only so the first
// paint, before the workspace answers, is already in that language.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from './en.ts';
import { nb } from './nb.ts';

declare module 'i18next' {
  // Typed keys: t('status.explicit') is checked against en.ts at compile time.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGUAGES = { en: 'English', nb: 'Norsk bokmål' } as const;
export type Language = keyof typeof LANGUAGES;

const STORAGE_KEY = 'tillit-language';

function isLanguage(value: string | null): value is Language {
  return value !== null && Object.prototype.hasOwnProperty.call(LANGUAGES, value);
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return /^(nb|no|nn)\b/i.test(navigator.language) ? 'nb' : 'en';
}

const language = initialLanguage();
document.documentElement.lang = language;

// Resources are bundled, so init completes synchronously; the promise has nothing to wait for.
i18n
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, nb: { translation: nb } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
  })
  .catch((error: unknown) => console.error('i18n failed to start', error));

/**
 * The workspace's language, once its info arrives: shown if the user chose one (null: the
 * system's, or this browser's earlier choice). Never rejects.
 */
export async function applyWorkspaceLanguage(chosen: Language | null): Promise<void> {
  if (chosen !== null && chosen !== i18n.language) await setLanguage(chosen);
}

/** Switches the UI language here and keeps a copy for the next first paint; never rejects (resources are bundled). */
export async function setLanguage(next: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  try {
    await i18n.changeLanguage(next);
  } catch (error) {
    console.error('could not switch language', error);
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export default i18n;
