/**
 * The recogniser: a document's paragraphs → a plan. The inverse of shared/layout/compose.ts: each paragraph gets a
 * role (header lines, title, trích yếu, căn cứ, headings, tasks, recipients, signature, appendix …), the plan's
 * fields are filled from the roles, every field carries a confidence (0..1, by its path in the plan), and what was
 * left out (web page boilerplate, page numbers) is listed.
 */
import { deriveAppendixIssuedBy } from '../layout/phrases';
import { PlanContent, type Appendix } from '../model/plan';
import { defaultFormatProfile } from '../model/profile';
import { readAppendices } from './appendix';
import { readBody, readLabel } from './body';
import { readCanCu } from './can-cu';
import { readClosing } from './closing';
import { Context, type Role } from './context';
import { readHeader } from './header';
import { flatten, toAppendixTable, type Line, type OverridableRole } from './lines';
import { APPENDIX_LABEL, AUTHORITY, CAN_CU_START, DRAFT_LABEL, LEAD_END, RECIPIENTS_HEADING, SEPARATOR, TITLE, isBoilerplate } from './patterns';
import type { SourceDocument } from './source';

export interface RecognisedParagraph {
  text: string;
  role: Role;
  /** The clerk chose this paragraph's role by hand. */
  overridden?: boolean;
}

export interface RecogniseOptions {
  newId?: () => string;
  /**
   * Roles chosen by hand, by paragraph index (the index in `ImportResult.paragraphs`): recognition runs again with
   * those paragraphs taken as a heading, a numbered paragraph, a paragraph, an item, a note, or left out.
   */
  overrides?: Readonly<Record<number, OverridableRole>>;
}

export interface ImportResult {
  plan: PlanContent;
  /** Confidence of each recognised field, by its path in the plan ("header.number", "body.2.children.0"). */
  confidence: Record<string, number>;
  /** Text left out (web page boilerplate, page numbers, lines no role fits). */
  dropped: string[];
  /** What was changed or guessed, in Vietnamese (a state-style number normalised, a missing "*" …). */
  notes: string[];
  /** Each source paragraph with its role, in order (the review colours them). */
  paragraphs: RecognisedParagraph[];
}

/** The input is no plan: nothing that reads as a KẾ HOẠCH (an empty text, a letter, a picture's empty text). */
export class NotAPlanError extends Error {}

const upperText = (l: Line) => l.text.replace(/\s+/gu, ' ').trim().toUpperCase();
const randomId = () => globalThis.crypto.randomUUID();

export function recognise(source: SourceDocument, options: RecogniseOptions = {}): ImportResult {
  const newId = options.newId ?? randomId;
  const lines = flatten(source.blocks, source.origin === 'docx');
  if (!lines.some((l) => l.text.trim() || l.table)) throw new NotAPlanError('Văn bản không có chữ nào (có thể là bản chụp hoặc ảnh quét): không có gì để nhập.');
  const ctx = new Context(lines);
  applyOverrides(lines, ctx, options.overrides ?? {});
  for (const l of lines) if (!l.text.trim() && !l.table && !ctx.overridden.has(l.index)) ctx.role(l, 'empty');

  // Zones: header | title + trích yếu | body | closing | appendices.
  let titleAt = lines.findIndex((l) => !l.column && TITLE.test(upperText(l)));
  const firstBody = (from: number) =>
    lines.findIndex((l, i) => i >= from && !l.column && (l.forced !== undefined || CAN_CU_START.test(l.text) || LEAD_END.test(l.text) || readLabel(l.text)?.kind === 'roman'));
  let bodyFrom: number;
  let trichYeu = '';
  if (titleAt >= 0) {
    ctx.role(lines[titleAt]!, 'title');
    bodyFrom = titleAt + 1;
    const parts: string[] = [];
    while (bodyFrom < lines.length) {
      const l = lines[bodyFrom]!;
      const t = l.text.trim();
      if (!t) {
        bodyFrom++;
        continue;
      }
      if (SEPARATOR.test(t)) {
        ctx.role(l, 'separator');
        bodyFrom++;
        break;
      }
      if (l.table || l.forced || CAN_CU_START.test(t) || readLabel(t) || (parts.length && (LEAD_END.test(t) || (l.formatted && !l.bold)))) break;
      if (DRAFT_LABEL.test(t)) break;
      parts.push(l.formatted ? t : t.replace(/\s*\n\s*/gu, ' '));
      ctx.role(l, 'trich-yeu');
      bodyFrom++;
      if (l.formatted || parts.length >= 4) {
        // A .docx holds the trích yếu in one paragraph.
        if (l.formatted) {
          while (bodyFrom < lines.length && SEPARATOR.test(lines[bodyFrom]!.text.trim())) ctx.role(lines[bodyFrom++]!, 'separator');
          break;
        }
      }
    }
    trichYeu = parts.join(source.origin === 'docx' ? '\n' : ' ');
    ctx.confident('trichYeu', source.origin === 'docx' ? 0.95 : parts.length ? 0.8 : 0);
  } else {
    bodyFrom = Math.max(0, firstBody(0));
    titleAt = bodyFrom;
    ctx.confident('trichYeu', 0);
    ctx.notes.push('Không thấy dòng tên loại ("KẾ HOẠCH", "BÁO CÁO"): trích yếu để trống.');
  }
  const { header, found } = readHeader(lines.slice(0, titleAt), ctx);
  if (ctx.roles[titleAt] === 'title' && /^BÁO/u.test(upperText(lines[titleAt]!))) header.docType = 'BC';
  // A draft label may sit under the title instead of under the date.
  while (bodyFrom < lines.length && DRAFT_LABEL.test(lines[bodyFrom]!.text.trim())) {
    header.draftLabel = lines[bodyFrom]!.text.trim().replace(/^\(\s*|\s*\)$/gu, '');
    ctx.role(lines[bodyFrom++]!, 'header-draft');
  }

  let closingAt = lines.findIndex((l, i) => i >= bodyFrom && !l.table && !l.forced && (RECIPIENTS_HEADING.test(l.text.trim()) || (AUTHORITY.test(l.text.trim()) && (l.column !== undefined || !l.formatted))));
  let appendixAt = lines.findIndex((l, i) => i >= Math.max(bodyFrom, closingAt) && APPENDIX_LABEL.test(upperText(l)) && upperText(l) === l.text.replace(/\s+/gu, ' ').trim());
  if (appendixAt < 0) appendixAt = lines.length;
  if (closingAt < 0 || closingAt > appendixAt) closingAt = appendixAt;

  // Body: boilerplate out, căn cứ first, then the tree.
  const bodyLines = lines.slice(bodyFrom, closingAt).filter((l) => {
    if (l.text && !l.table && isBoilerplate(l.text)) {
      ctx.drop(l);
      return false;
    }
    return true;
  });
  const firstLabel = bodyLines.findIndex((l) => !l.table && (l.forced !== undefined || readLabel(l.text)));
  const { canCu } = readCanCu(bodyLines.slice(0, firstLabel < 0 ? bodyLines.length : firstLabel).filter((l) => l.text.trim()), ctx);
  const rest = bodyLines.filter((l) => !['can-cu', 'lead'].includes(ctx.roles[l.index]!));
  const body = readBody(rest, ctx, header.date, newId);

  const closing = readClosing(lines.slice(closingAt, appendixAt), ctx, newId);
  // Tables after the closing block with no "PHỤ LỤC" line over them go to an appendix of their own.
  const looseTables: Line[] = [];
  const { appendices, issuedBy } = readAppendices(lines.slice(appendixAt), ctx, newId, looseTables);
  if (looseTables.length) {
    const loose: Appendix = { id: newId(), title: '', intro: [], tables: looseTables.map((l) => toAppendixTable(l.table!)) };
    appendices.push(loose);
    for (const l of looseTables) ctx.role(l, 'table');
    ctx.notes.push(`${looseTables.length} bảng sau phần chữ ký (không có dòng "PHỤ LỤC") được đưa vào một phụ lục; hãy xem lại.`);
    ctx.confident(`appendices.${appendices.length - 1}`, 0.4);
  }

  const labels = rest.filter((l) => ['heading', 'runin'].includes(ctx.roles[l.index]!)).length;
  if (titleAt >= lines.length || (ctx.roles[titleAt] !== 'title' && found < 2 && labels < 2)) {
    throw new NotAPlanError('Không nhận ra kế hoạch trong văn bản này: không có tên loại "KẾ HOẠCH", phần đầu (cơ quan ban hành, số, ngày) hay các mục đánh số.');
  }

  const defaults = defaultFormatProfile();
  const profile =
    body.profile.level1Style !== defaults.level1Style || body.profile.level3Style !== defaults.level3Style || closing.punctuation !== defaults.recipientPunctuation
      ? { ...defaults, ...body.profile, recipientPunctuation: closing.punctuation }
      : undefined;
  const derived = deriveAppendixIssuedBy(closing.signature, header.issuer);
  const plan = PlanContent.parse({
    header,
    trichYeu,
    canCu,
    body: body.body,
    pilotUnits: body.pilotUnits,
    recipients: closing.recipients,
    signature: closing.signature,
    appendices,
    appendixIssuedBy: issuedBy && issuedBy !== derived ? issuedBy : '',
    term: '',
    ...(profile ? { profile } : {}),
  });
  ctx.confident('term', 0);
  for (const l of lines) if (ctx.roles[l.index] === 'empty' && l.text.trim()) ctx.drop(l);
  const dropped = [...('dropped' in source && Array.isArray(source.dropped) ? (source.dropped as string[]) : []), ...ctx.dropped];
  return {
    plan,
    confidence: ctx.confidence,
    dropped,
    notes: [...source.notes, ...ctx.notes],
    paragraphs: lines.map((l) => ({
      text: l.table ? '[bảng]' : (ctx.removedByHand.get(l.index) ?? l.text),
      role: ctx.roles[l.index]!,
      ...(ctx.overridden.has(l.index) ? { overridden: true } : {}),
    })),
  };
}

/** Roles chosen by hand: a paragraph left out is emptied (and listed as dropped); the others carry their role. */
function applyOverrides(lines: Line[], ctx: Context, overrides: Readonly<Record<number, OverridableRole>>) {
  for (const [key, role] of Object.entries(overrides)) {
    const index = Number(key);
    const line = lines[index];
    if (!line || line.table) continue;
    ctx.overridden.add(index);
    if (role === 'boilerplate') {
      ctx.removedByHand.set(index, line.text);
      const { style: _style, ...rest } = line;
      lines[index] = { ...rest, text: '', marked: '' };
      ctx.drop(line);
    } else line.forced = role;
  }
}
