import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { AREAS } from '../areas/areas';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Only the chosen language is kept in the browser, never anything about the session.
const LANGUAGE_KEY = 'crm.console.language';

function savedLanguage(): Language {
  const saved = window.localStorage.getItem(LANGUAGE_KEY);
  return LANGUAGES.find((language) => language === saved) ?? 'zh-CN';
}

function areaTexts(language: Language): Record<string, object> {
  return Object.fromEntries(AREAS.flatMap((area) => (area.texts ? [[area.name, area.texts[language]]] : [])));
}

void i18n.use(initReactI18next).init({
  // The shared texts are the default namespace; each area brings its own, named after it.
  resources: {
    'zh-CN': { translation: zhCN, ...areaTexts('zh-CN') },
    en: { translation: en, ...areaTexts('en') },
  },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function changeLanguage(language: Language): void {
  window.localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

document.documentElement.lang = i18n.language;

export { i18n };
