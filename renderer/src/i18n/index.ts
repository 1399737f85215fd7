/**
 * i18next with two namespaces: 'common' (app shell and pages) and 'editor' (the plan editor).
 * Vietnamese is the default and the fallback. Resources are bundled: the app is offline.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { Language } from '../../../shared/model';
import viCommon from './locales/vi/common.json';
import enCommon from './locales/en/common.json';
import viEditor from './locales/vi/editor.json';
import enEditor from './locales/en/editor.json';

export const namespaces = ['common', 'editor'] as const;
export const languages: readonly Language[] = ['vi', 'en'];

export const resources = {
  vi: { common: viCommon, editor: viEditor },
  en: { common: enCommon, editor: enEditor },
} as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...languages],
  ns: [...namespaces],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});
dayjs.locale('vi');

/** Switch the UI language (texts, date names, the page's lang attribute). Persisting is the caller's job. */
export async function applyLanguage(language: Language): Promise<void> {
  dayjs.locale(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
