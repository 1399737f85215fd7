/**
 * i18next with two namespaces: 'common' (app shell and pages) and 'editor' (the plan editor and its preview).
 * Vietnamese is the default and the fallback. Resources are bundled (the app is offline) but only Vietnamese 'common'
 * is in the first bundle: every other file is a chunk of its own, loaded when a page asks for its namespace
 * (`loadNamespaces`, or react-i18next suspending until it is there) or the language changes (`applyLanguage` waits
 * for the new language's files before the texts switch).
 */
import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { Language } from '../../../shared/model';
import viCommon from './locales/vi/common.json';

export const namespaces = ['common', 'editor'] as const;
export type Namespace = (typeof namespaces)[number];
export const languages: readonly Language[] = ['vi', 'en'];

/** The resource files loaded on demand, by "language/namespace". */
const onDemand: Readonly<Record<string, () => Promise<{ default: ResourceKey }>>> = {
  'vi/editor': () => import('./locales/vi/editor.json'),
  'en/common': () => import('./locales/en/common.json'),
  'en/editor': () => import('./locales/en/editor.json'),
};

/** An i18next backend over the bundled files: each a dynamic import. */
const bundledFiles: BackendModule = {
  type: 'backend',
  init: () => {},
  read(language, namespace, callback) {
    const load = onDemand[`${language}/${namespace}`];
    if (!load) {
      callback(new Error(`No resources for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

void i18n
  .use(bundledFiles)
  .use(initReactI18next)
  .init({
    resources: { vi: { common: viCommon } },
    partialBundledLanguages: true, // the rest comes through the backend
    lng: 'vi',
    fallbackLng: 'vi',
    supportedLngs: [...languages],
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
dayjs.locale('vi');

/** Loads the namespaces a page uses (in the current language and the fallback) before it draws. */
export async function loadNamespaces(...ns: Namespace[]): Promise<void> {
  await i18n.loadNamespaces(ns);
}

/** Switch the UI language (texts, date names, the page's lang attribute). Persisting is the caller's job. */
export async function applyLanguage(language: Language): Promise<void> {
  dayjs.locale(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  // changeLanguage loads the language's files for the namespaces already in use before it switches.
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
