import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSummary } from '../../shared/api';
import { TemplateFile, type PlanContent, type SelfProfile } from '../../shared/model';
import { BackendError, notFound } from './errors';
import { registerTerm } from './repositories/register';
import { renewIds } from '../../shared/model/renew-ids';

/** The repo's resources/ folder; the packaged app passes its own (createBackend({ resourcesDir })). */
export const defaultResourcesDir = () => fileURLToPath(new URL('../../resources', import.meta.url));

interface LoadedTemplate {
  file: string;
  template: TemplateFile;
}

/**
 * Built-in templates: resources/templates/*.json, each a TemplateFile. Read on every call (a handful of small files),
 * so a corrected template needs no restart. A file that does not validate is left out of the list (and reported on
 * stderr); instantiating it names the field at fault.
 */
export function createTemplateStore(resourcesDir: string) {
  const dir = join(resourcesDir, 'templates');

  function files(): string[] {
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      return [];
    }
  }

  function load(file: string): LoadedTemplate {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      throw new BackendError('VALIDATION', `Mẫu ${file} không đọc được: ${err instanceof Error ? err.message : String(err)}`);
    }
    const parsed = TemplateFile.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BackendError(
        'VALIDATION',
        `Mẫu ${file} không hợp lệ (trường ${issue?.path.join('.') ?? '?'}): ${issue?.message ?? 'lỗi không xác định'}`,
      );
    }
    return { file, template: parsed.data };
  }

  function all(): LoadedTemplate[] {
    const out: LoadedTemplate[] = [];
    for (const file of files()) {
      try {
        out.push(load(file));
      } catch (err) {
        console.warn(err instanceof Error ? err.message : err);
      }
    }
    return out;
  }

  function list(): TemplateSummary[] {
    return all().map(({ template: t }) => ({ id: t.id, name: t.name, description: t.description, kind: t.kind, level: t.level }));
  }

  /**
   * The template's content with fresh ids, filled from the office profile when the template asks for it. The number
   * is cleared: a new plan takes its number from the office's register ('Cấp số'), never from a sample.
   */
  function contentFor(templateId: string, profile: SelfProfile | null, newId: () => string, today = new Date()): PlanContent {
    const found = all().find((t) => t.template.id === templateId);
    if (!found) throw notFound('mẫu kế hoạch');
    const { template } = found;
    let content = renewIds(template.content, newId);
    content = { ...content, header: { ...content.header, number: '' } };
    if (template.kind === 'blank') content = { ...content, header: { ...content.header, date: { ...content.header.date, year: String(today.getFullYear()) } } };
    if (template.fillIssuerFromProfile && profile) content = fillFromProfile(content, profile);
    return content;
  }

  return { list, contentFor };
}
export type TemplateStore = ReturnType<typeof createTemplateStore>;

/** Issuer, place, term, signature and the archive recipient ("Lưu …", the last line of nơi nhận) from the profile. */
export function fillFromProfile(content: PlanContent, profile: SelfProfile): PlanContent {
  const recipients = [...content.recipients];
  const last = recipients.at(-1);
  if (last && /^Lưu\b/u.test(last.text.trim())) recipients[recipients.length - 1] = { ...last, text: profile.archiveRecipient };
  return {
    ...content,
    header: {
      ...content.header,
      issuer: { higherLines: [...profile.issuer.higherLines], name: profile.issuer.name, symbol: profile.issuer.symbol },
      place: profile.place,
    },
    term: registerTerm(profile.term),
    signature: { ...profile.signature },
    recipients,
  };
}
