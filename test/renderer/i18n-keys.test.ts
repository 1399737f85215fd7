/**
 * Every visible string goes through i18next: the vi and en files of each namespace carry the same keys, every
 * t('…') used in renderer/src exists in Vietnamese, and no Vietnamese text is written straight into JSX.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const srcDir = join(root, 'renderer', 'src');
const localesDir = join(srcDir, 'i18n', 'locales');
const languages = ['vi', 'en'] as const;

type Json = { [key: string]: Json | string };

/** "a.b.c" → value for every leaf of a nested resource file. */
export function flatten(tree: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const namespaces = readdirSync(join(localesDir, 'vi'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

function load(language: string, ns: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(localesDir, language, `${ns}.json`), 'utf8')) as Json);
}

const interpolations = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The t('key') / t('ns:key') calls of one source file, with the namespace each resolves to. */
export function usedKeys(source: string): { ns: string; key: string }[] {
  // A file that asks for useTranslation('editor') (or ['editor', …]) resolves bare keys in 'editor'.
  const nsMatch = /useTranslation\(\s*\[?\s*['"]([\w-]+)['"]/.exec(source);
  const defaultNs = nsMatch?.[1] ?? 'common';
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...withoutComments.matchAll(/\bt\(\s*(['"])([\w.:-]+)\1/g)].map((m) => {
    const full = m[2]!;
    const colon = full.indexOf(':');
    return colon > 0 ? { ns: full.slice(0, colon), key: full.slice(colon + 1) } : { ns: defaultNs, key: full };
  });
}

/** "x.count_one" → "x.count": the key a t() call names for a plural. */
export const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/** Vietnamese letters (with diacritics) that would betray untranslated text. */
const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Text between JSX tags, outside {expressions}: `<Text>Lưu</Text>` is untranslated. */
export function jsxTextWithVietnamese(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...withoutComments.matchAll(/>([^<>{}]+)</g)].map((m) => m[1]!.trim()).filter((text) => vietnamese.test(text));
}

describe('i18n resources', () => {
  it('has both namespaces in both languages', () => {
    expect(namespaces.sort()).toEqual(['common', 'editor']);
    for (const language of languages) {
      for (const ns of namespaces) expect(() => load(language, ns), `${language}/${ns}.json`).not.toThrow();
    }
  });

  it.each(namespaces)('%s: every key exists in vi and en, with the same {{placeholders}}', (ns) => {
    const vi = load('vi', ns);
    const en = load('en', ns);
    // Plural forms differ by language (Vietnamese has only _other, English _one and _other): compare the bases.
    const bases = (m: Map<string, string>) => new Set([...m.keys()].map(pluralBase));
    const viBases = bases(vi);
    const enBases = bases(en);
    const onlyVi = [...viBases].filter((k) => !enBases.has(k));
    const onlyEn = [...enBases].filter((k) => !viBases.has(k));
    const withoutOther = [...vi.keys(), ...en.keys()].filter((k) => pluralBase(k) !== k && !(vi.has(`${pluralBase(k)}_other`) && en.has(`${pluralBase(k)}_other`)));
    expect(withoutOther, 'a plural needs its _other form in both languages').toEqual([]);
    expect({ missingInEn: onlyVi, missingInVi: onlyEn }).toEqual({ missingInEn: [], missingInVi: [] });
    const empty = [...vi, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty, 'empty translations').toEqual([]);
    const mismatched = [...vi.keys()].filter((k) => en.has(k) && interpolations(vi.get(k)!).join() !== interpolations(en.get(k)!).join());
    expect(mismatched, 'placeholders differ between vi and en').toEqual([]);
  });

  it('every t() key used in renderer/src exists in Vietnamese', () => {
    const vi = new Map(namespaces.map((ns) => [ns, load('vi', ns)]));
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(srcDir)) {
      for (const { ns, key } of usedKeys(readFileSync(file, 'utf8'))) {
        checked += 1;
        const keys = vi.get(ns);
        if (!keys?.has(key) && !keys?.has(`${key}_other`)) missing.push(`${relative(root, file)}: ${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100); // the scan really found the calls
  });

  it('no Vietnamese text is written directly into JSX', () => {
    const offenders = sourceFiles(srcDir)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((file) => jsxTextWithVietnamese(readFileSync(file, 'utf8')).map((text) => `${relative(root, file)}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it('the scanners catch what they are meant to catch', () => {
    const source = "const { t } = useTranslation('editor');\nt('steps.general'); t(\"common:actions.delete\"); // t('ignored')";
    expect(usedKeys(source)).toEqual([
      { ns: 'editor', key: 'steps.general' },
      { ns: 'common', key: 'actions.delete' },
    ]);
    expect(usedKeys("t('plans.title')")).toEqual([{ ns: 'common', key: 'plans.title' }]);
    expect(jsxTextWithVietnamese('<Button>Lưu</Button><Text>{t("x")}</Text><b>OK</b>')).toEqual(['Lưu']);
    expect(pluralBase('body.dutySummary_one')).toBe('body.dutySummary');
    expect(pluralBase('plans.total')).toBe('plans.total');
    expect(flatten({ a: { b: 'x' }, c: 'y' })).toEqual(new Map([['a.b', 'x'], ['c', 'y']]));
  });

  it('English counts in the singular and plural; Vietnamese does not change the noun', async () => {
    const { i18n } = await import('../../renderer/src/i18n');
    await i18n.loadNamespaces('editor'); // the namespaces in use…
    await i18n.loadLanguages('en'); // …loaded in English too
    const en = i18n.getFixedT('en', 'editor');
    expect(en('body.dutySummary', { body: 'Ban Tuyên giáo', count: 1 })).toBe('Ban Tuyên giáo: 1 task');
    expect(en('body.dutySummary', { body: 'Ban Tuyên giáo', count: 3 })).toBe('Ban Tuyên giáo: 3 tasks');
    expect(en('units.totalValue', { count: 1 })).toBe('about 1 delegate');
    expect(i18n.getFixedT('en')('print.preparing', { count: 1 })).toBe('Print pages of the plan (1 page).');
    const vi = i18n.getFixedT('vi', 'editor');
    expect(vi('body.dutySummary', { body: 'Ban Tuyên giáo', count: 1 })).toBe('Ban Tuyên giáo: 1 nhiệm vụ');
  });

  it('the Nhiệm vụ page is built: no "coming in a later version" text is kept for it', () => {
    for (const language of languages) {
      const keys = [...load(language, 'common').keys()].filter((k) => k.startsWith('comingLater.tasks'));
      expect(keys, language).toEqual([]);
    }
  });
});
