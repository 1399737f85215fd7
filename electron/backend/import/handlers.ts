/**
 * plan.recognise (read a file or a pasted text as a plan; nothing stored) and plan.import (create the reviewed plan
 * through the one write path, revision reason 'import', after a "before-import" backup).
 *
 * An imported issued plan keeps its number, date and status. It enters the number register (sổ văn bản đi) only when
 * it is ours — its issuer is the office's own (name and symbol of the office profile) — and its number is free in the
 * book of its term; a number another plan holds is refused, naming that plan. Another office's plan is kept as it is.
 */
import type { ImportChannels, ImportStatus, RecogniseOutput, RegisterOutcome } from '../../../shared/api/import';
import { foldVietnamese } from '../../../shared/format/fold';
import { formatDocSymbol } from '../../../shared/format/symbol';
import { LEGACY_ENCODING_NAMES } from '../../../shared/format/legacy-text';
import type { OverridableRole } from '../../../shared/import';
import { lintPlan } from '../../../shared/lint';
import type { PlanContent, SelfProfile } from '../../../shared/model';
import { renewIds } from '../../../shared/model/renew-ids';
import type { Handlers } from '../dispatch';
import { BackendError } from '../errors';
import { registerEntryOf } from '../plans/checks';
import { registerTerm } from '../repositories/register';
import type { Services } from '../services';
import { importFile, importText, type ImportReading } from './import-file';
import { ImportRefused } from './refuse';

const sameName = (a: string, b: string) => foldVietnamese(a).replace(/\s+/gu, ' ').trim().toLowerCase() === foldVietnamese(b).replace(/\s+/gu, ' ').trim().toLowerCase();

/** The issuer is the office's own: the same name (accents, case and spacing aside) and the same symbol. */
export function isOurs(content: PlanContent, self: SelfProfile): boolean {
  const issuer = content.header.issuer;
  return sameName(issuer.name, self.issuer.name) && issuer.symbol.trim().toUpperCase() === self.issuer.symbol.trim().toUpperCase();
}

/** The office term when the plan's year falls inside it ("2025-2030" holds 2025 to 2030), else ''. */
function termOfYear(year: string, officeTerm: string): string {
  const term = registerTerm(officeTerm);
  const m = /^(\d{4})-(\d{4})$/u.exec(term);
  const y = Number(year);
  return m && Number.isInteger(y) && y >= Number(m[1]) && y <= Number(m[2]) ? term : '';
}

/** The plan's term for the register: its own, or the office's when the plan is dated inside it. */
function importTerm(content: PlanContent, self: SelfProfile): string {
  return registerTerm(content.term) || termOfYear(content.header.date.year.trim(), self.term);
}

/** Issued when the text carries a number and a full date and is no draft. */
export function proposedStatus(content: PlanContent): ImportStatus {
  const { number, date, draftLabel } = content.header;
  return number.trim() && date.day.trim() && date.month.trim() && date.year.trim() && !draftLabel.trim() ? 'issued' : 'draft';
}

export function registerOutcome(content: PlanContent, status: ImportStatus, s: Pick<Services, 'settings' | 'register'>): RegisterOutcome {
  const h = content.header;
  const number = h.number.trim() ? `Số ${formatDocSymbol(h.number, h.docType, h.issuer.symbol)}` : '';
  const outcome = (kind: RegisterOutcome['kind'], term = '', heldBy: string | null = null): RegisterOutcome => ({ kind, number, term, heldBy });
  if (status === 'draft') return outcome('draft');
  const self = s.settings.getSelf();
  if (!self) return outcome('no-profile');
  if (!isOurs(content, self)) return outcome('not-ours');
  const term = importTerm(content, self);
  if (!term) return outcome('unknown-term');
  const entry = registerEntryOf({ ...content, term }, () => term);
  if (!entry) return outcome('no-number', term);
  const held = s.register.holderOf(entry.key, entry.number);
  if (held) return outcome('taken', term, held.trichYeu?.trim() || '');
  return outcome('register', term);
}

const refusedAsValidation = <T>(read: () => T): T => {
  try {
    return read();
  } catch (e) {
    if (e instanceof ImportRefused) throw new BackendError('VALIDATION', e.message);
    throw e;
  }
};

export const importHandlers = (s: Services): Handlers<ImportChannels> => ({
  'plan.recognise': ({ source, overrides, legacy }) => {
    const options = { legacy, overrides: Object.fromEntries(overrides.map((o) => [o.index, o.role])) as Record<number, OverridableRole> };
    const reading: ImportReading = refusedAsValidation(() =>
      source.kind === 'file' ? importFile(Buffer.from(source.base64, 'base64'), source.fileName, options) : importText(source.text, options),
    );
    const status = proposedStatus(reading.plan);
    const out: RecogniseOutput = {
      plan: reading.plan,
      confidence: reading.confidence,
      dropped: reading.dropped,
      notes: reading.notes,
      paragraphs: reading.paragraphs,
      legacy: reading.legacy ? { ...reading.legacy, name: LEGACY_ENCODING_NAMES[reading.legacy.encoding] } : null,
      proposedStatus: status,
      register: registerOutcome(reading.plan, 'issued', s),
    };
    return out;
  },

  'plan.import': async ({ content: given, status, source }) => {
    const what = source.name ? `"${source.name}"` : 'văn bản dán vào';
    if (status === 'issued' && !given.header.number.trim()) {
      throw new BackendError('VALIDATION', `Kế hoạch nhập từ ${what} là bản đã ban hành nhưng chưa có số: hãy điền số hoặc nhập làm bản nháp. Không có gì được ghi.`, [
        { path: ['content', 'header', 'number'], message: 'Chưa có số văn bản' },
      ]);
    }
    // An issued plan passes what Ban hành checks (no 31/02, no control character, no emoji): nothing impossible is
    // stored as issued. A draft keeps whatever was read, to be fixed in the editor.
    const errors = status === 'issued' ? lintPlan(given).filter((f) => f.severity === 'error') : [];
    if (errors.length) {
      throw new BackendError(
        'VALIDATION',
        `Kế hoạch nhập từ ${what} còn ${errors.length} lỗi nên chưa nhập làm bản đã ban hành được: ${errors.slice(0, 3).map((e) => e.message).join(' ')} Hãy sửa, hoặc nhập làm bản nháp. Không có gì được ghi.`,
        errors.map((e) => ({ path: ['content', ...e.path], message: e.message })),
      );
    }
    // Fresh ids: importing the same text twice gives two plans whose tasks never share an id.
    let content = renewIds(given, s.ctx.newId);
    const planned = registerOutcome(content, status, s);
    const takenMessage = (o: RegisterOutcome) =>
      `${o.number} đã có trong sổ văn bản đi nhiệm kỳ ${o.term}${o.heldBy ? ` (kế hoạch "${o.heldBy.slice(0, 120)}")` : ''}: ` +
      'không nhập trùng số. Hãy sửa số cho đúng, hoặc nhập làm bản nháp rồi cấp số mới. Không có gì được ghi.';
    if (planned.kind === 'taken') {
      throw new BackendError('CONFLICT', takenMessage(planned), [{ path: ['content', 'header', 'number'], message: 'Số đã có trong sổ văn bản đi' }]);
    }
    if (planned.kind === 'register' && !content.term.trim()) content = { ...content, term: planned.term };
    const backup = await s.backups.create('before-import');
    const write = s.ctx.db.transaction(() => {
      // Checked again under the write lock: another window may have taken the number meanwhile.
      const now = registerOutcome(content, status, s);
      if (now.kind === 'taken') throw new BackendError('CONFLICT', takenMessage(now));
      const plan = s.plans.writeRevision(s.ctx.newId(), content, status, 'import');
      if (now.kind === 'register') {
        const entry = registerEntryOf(content, () => now.term)!;
        s.register.claim(plan.id, entry.key, entry.number);
      }
      return { id: plan.id, register: now };
    });
    const { id, register } = write.immediate();
    return { plan: s.plans.get(id), register, backup: backup.name };
  },
});
