/**
 * Every Vietnamese sentence the app writes from structured data, once. The texts returned here may carry
 * inline markup (they are later parsed like any body text), so user texts pass through unchanged.
 */
import { formatCount, formatDateInText, formatDocSymbol, formatShortDate } from '../format';
import type { AppendixTable, CanCu, CanCuItem, DocType, Person, PilotCategory, PilotUnit, PlanHeader, PlanIssuer, Recipient } from '../model/plan';
import type { Signature } from '../model/org';

/** Tên loại, the document type as its title line prints it. */
export const DOC_TYPE_TITLES: Record<DocType, string> = { KH: 'KẾ HOẠCH', BC: 'BÁO CÁO' };
/** The document type as running text names it: "Kế hoạch số 315-KH/HU", "Báo cáo số 07-BC/HU". */
export const DOC_TYPE_NAMES: Record<DocType, string> = { KH: 'Kế hoạch', BC: 'Báo cáo' };

/** Remove trailing punctuation (and spaces) so the layout can put its own. */
export function trimEndPunctuation(text: string): string {
  return text.replace(/[\s.,;:]+$/u, '');
}

/** "BAN THƯỜNG VỤ" → "Ban thường vụ" (first letter kept capital, the rest lower case). */
export function sentenceCase(text: string): string {
  const lower = text.trim().toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Căn cứ

/** "Căn cứ" → "căn cứ": a verb inside a running sentence (only the first letter changes). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The references grouped into clauses: a reference joined by "và" goes into the clause before it. Blank references
 * are left out. Each clause is its references' texts, each with its own verb: "Căn cứ A và B", "Thực hiện A và căn
 * cứ B" (a verb after the first in a clause is lower-case); `lowerVerb` lower-cases the clause's first verb too.
 */
function canCuClauses(canCu: CanCu): { hasVerb: boolean; text: (lowerVerb: boolean) => string }[] {
  const groups: CanCuItem[][] = [];
  for (const item of canCu.items) {
    const text = trimEndPunctuation(item.text.trim());
    if (!text) continue;
    const cleaned = { ...item, verb: item.verb.trim(), text };
    const last = groups.at(-1);
    if (item.join === 'và' && last) last.push(cleaned);
    else groups.push([cleaned]);
  }
  return groups.map((group) => ({
    hasVerb: group[0]!.verb.length > 0,
    text: (lowerVerb: boolean) =>
      group
        .map((item, i) => {
          if (!item.verb) return item.text;
          return `${i > 0 || lowerVerb ? lowerFirst(item.verb) : item.verb} ${item.text}`;
        })
        .join(' và '),
  }));
}

/**
 * The căn cứ paragraphs, in print order; each reference keeps the verb she gave it.
 * 'list':       "- Căn cứ A;" per clause, then the lead sentence as its own paragraph (seed 03).
 * 'paragraphs': "Căn cứ A;" per clause (no dash), then the lead sentence.
 * 'sentence':   one paragraph "Thực hiện A; căn cứ B, C, <lead>": a reference with its own verb starts a clause after
 *               "; " with the verb in lower case, one without goes on the verb before it after ", " (seed 01: "Căn cứ
 *               …, Ban Thường vụ Huyện ủy ban hành … như sau:"; seed 02: "Thực hiện …, Ban Chấp hành … như sau:").
 */
export function canCuParagraphs(canCu: CanCu): string[] {
  const clauses = canCuClauses(canCu);
  const lead = canCu.lead.trim();
  if (canCu.form !== 'sentence') {
    const dash = canCu.form === 'list' ? '- ' : '';
    const lines = clauses.map((c) => `${dash}${c.text(false)};`);
    return lead ? [...lines, lead] : lines;
  }
  if (!clauses.length) return lead ? [lead] : [];
  const refs = clauses.map((c, i) => (i === 0 ? c.text(false) : `${c.hasVerb ? '; ' : ', '}${c.text(true)}`)).join('');
  return [lead ? `${refs}, ${lead}` : `${refs}.`];
}

// ---------------------------------------------------------------------------------------------------------------
// People (working teams, delegate lists)

/** The header of a person list printed as a table. */
export const PEOPLE_TABLE_HEADER = ['TT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ'] as const;

/** "Đ/c Nguyễn Văn A" (the prefix, then the name as typed). */
export function personName(prefix: string, name: string): string {
  return [prefix.trim(), name.trim()].filter(Boolean).join(' ');
}

/** The cells of one aligned person line: "Đ/c Nguyễn Văn A", "– Bí thư Chi bộ", "– Tổ trưởng" ("" where blank). */
export function personLineCells(prefix: string, person: Pick<Person, 'name' | 'position' | 'role'>): [string, string, string] {
  const dashed = (t: string) => (t.trim() ? `– ${trimEndPunctuation(t.trim())}` : '');
  return [personName(prefix, person.name), dashed(person.position), dashed(person.role)];
}

/**
 * A person list as a table TT / Họ và tên / Chức vụ / Nhiệm vụ (how it prints with print 'table', and the table the
 * editor's "fill a table" action starts from). People with nothing typed are left out.
 */
export function peopleTable(prefix: string, people: readonly Pick<Person, 'name' | 'position' | 'role'>[]): AppendixTable {
  const cell = (text: string, align: 'left' | 'center' = 'left', bold = false) => ({ paragraphs: [text], colSpan: 1, rowSpan: 1, align, bold });
  const typed = people.filter((p) => p.name.trim() || p.position.trim() || p.role.trim());
  return {
    columnWidths: [8, 36, 30, 26],
    headerRows: [{ cells: PEOPLE_TABLE_HEADER.map((h) => cell(h, 'center', true)) }],
    rows: typed.map((p, i) => ({
      cells: [cell(String(i + 1), 'center'), cell(personName(prefix, p.name)), cell(p.position.trim()), cell(p.role.trim())],
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Pilot units (seed 01)

export const PILOT_GROUP_TRUC_THUOC = 'Đối với chi bộ trực thuộc đảng ủy cơ sở';

/** The level-3 heading of the base-level group: "Đối với Chi bộ, Đảng bộ cơ sở" (or just one of them). */
export function pilotBaseGroupHeading(hasChiBo: boolean, hasDangBo: boolean): string {
  if (hasChiBo && hasDangBo) return 'Đối với Chi bộ, Đảng bộ cơ sở';
  return hasDangBo ? 'Đối với Đảng bộ cơ sở' : 'Đối với Chi bộ cơ sở';
}

/** The unit line: "Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư." or "- Chi bộ cơ sở: Chi bộ trường …". */
export function pilotUnitLine(unit: Pick<PilotUnit, 'name' | 'category'>): string {
  const name = trimEndPunctuation(unit.name);
  switch (unit.category) {
    case 'chi-bo-truc-thuoc':
      return `${name}.`;
    case 'chi-bo-co-so':
      return `- Chi bộ cơ sở: ${name}.`;
    case 'dang-bo-co-so':
      return `- Đảng bộ cơ sở: ${name}.`;
  }
}

/** "đảng viên chi bộ" for a chi bộ, "đảng viên của đảng bộ" for a đảng bộ. */
export function pilotMembersLabel(category: PilotCategory): string {
  return category === 'dang-bo-co-so' ? 'đảng viên của đảng bộ' : 'đảng viên chi bộ';
}

/** "khoảng 282 đại biểu, trong đó: đảng viên chi bộ 13 đồng chí; đại biểu mời 269 đồng chí" ("" when no figure is known). */
export function pilotDelegateFigures(unit: Pick<PilotUnit, 'category' | 'members' | 'invited' | 'total'>): string {
  const total = unit.total ?? (unit.members != null && unit.invited != null ? unit.members + unit.invited : null);
  const parts: string[] = [];
  if (unit.members != null) parts.push(`${pilotMembersLabel(unit.category)} ${formatCount(unit.members)} đồng chí`);
  if (unit.invited != null) parts.push(`đại biểu mời ${formatCount(unit.invited)} đồng chí`);
  const about = total != null ? `khoảng ${formatCount(total)} đại biểu` : '';
  if (about && parts.length) return `${about}, trong đó: ${parts.join('; ')}`;
  return about || parts.join('; ');
}

/**
 * "Đại biểu dự đại hội gồm: <attendees> (khoảng 282 đại biểu, trong đó: đảng viên chi bộ 13 đồng chí; đại biểu mời
 * 269 đồng chí)." — null when neither attendees nor figures are given.
 */
export function pilotDelegatesSentence(unit: Pick<PilotUnit, 'category' | 'attendees' | 'members' | 'invited' | 'total'>): string | null {
  const who = trimEndPunctuation(unit.attendees.trim());
  const figures = pilotDelegateFigures(unit);
  if (!who && !figures) return null;
  if (!who) return `Đại biểu dự đại hội ${figures}.`;
  return figures ? `Đại biểu dự đại hội gồm: ${who} (${figures}).` : `Đại biểu dự đại hội gồm: ${who}.`;
}

/**
 * The schedule lines: "- Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư: Không quá 01 ngày, <note>, hoàn thành trước
 * ngày 10/01/2025." Consecutive units (in the given order) with the same duration and deadline share one line,
 * their names joined by "; ".
 */
export function pilotScheduleLines(units: PilotUnit[], unitIds: string[], note: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const picked = unitIds.map((id) => byId.get(id)).filter((u): u is PilotUnit => u !== undefined);
  const groups: PilotUnit[][] = [];
  for (const u of picked) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (last && head && head.durationDays === u.durationDays && head.deadline === u.deadline) last.push(u);
    else groups.push([u]);
  }
  const extra = trimEndPunctuation(note.trim());
  return groups.map((g) => {
    const head = g[0]!;
    const names = g.map((u) => trimEndPunctuation(u.name)).join('; ');
    const terms: string[] = [];
    if (head.durationDays != null) terms.push(`Không quá ${formatCount(head.durationDays)} ngày`);
    if (extra) terms.push(extra);
    if (head.deadline) terms.push(`hoàn thành trước ngày ${formatShortDate(head.deadline)}`);
    if (!terms.length) return `- ${names}.`;
    const text = terms.join(', ');
    return `- ${names}: ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Closing

/** "- Thường trực Tỉnh ủy (b/c)," … "- Lưu Văn phòng Huyện ủy." — every line but the last ends with `punctuation`. */
export function recipientLines(recipients: Pick<Recipient, 'text' | 'note'>[], punctuation: ',' | ';'): string[] {
  const lines = recipients
    .map((r) => trimEndPunctuation([r.text.trim(), r.note.trim()].filter(Boolean).join(' ')))
    .filter((s) => s.length > 0);
  return lines.map((s, i) => `- ${s}${i === lines.length - 1 ? '.' : punctuation}`);
}

/** The signature lines: authority ("T/M BAN THƯỜNG VỤ", null when signing in one's own name), title, signer. */
export function signatureLines(sig: Signature): { authority: string | null; title: string; signer: string } {
  const body = sig.body.trim().toUpperCase();
  const authority = sig.authority ? `${sig.authority} ${body}`.trim() : body || null;
  return { authority, title: sig.title.trim().toUpperCase(), signer: sig.signer.trim() };
}

// ---------------------------------------------------------------------------------------------------------------
// Appendix

const COMMITTEE = /^(TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG) (ỦY|UỶ)(?=\s|$)/u;
const ORGANS: Record<string, string> = {
  'BAN THƯỜNG VỤ': 'Ban Thường vụ',
  'BAN CHẤP HÀNH': 'Ban Chấp hành',
  'THƯỜNG TRỰC': 'Thường trực',
};

/**
 * "Ban Thường vụ Huyện ủy" from T/M BAN THƯỜNG VỤ + HUYỆN ỦY ĐIỆN BIÊN; "Tỉnh ủy" from T/M TỈNH ỦY + TỈNH ỦY THỪA
 * THIÊN HUẾ. Other issuers: the issuer's name in sentence case (set appendixIssuedBy to say it better).
 */
export function deriveAppendixIssuedBy(sig: Signature, issuer: PlanIssuer): string {
  // A line break she typed in the name is a space in running text.
  const name = issuer.name.replace(/\s+/gu, ' ').trim().toUpperCase();
  const m = COMMITTEE.exec(name);
  const committee = m ? sentenceCase(m[0].replace('UỶ', 'ỦY')) : sentenceCase(name);
  const organ = ORGANS[sig.body.trim().toUpperCase()];
  return organ && m ? `${organ} ${committee}` : committee;
}

/**
 * "Kế hoạch số 315-KH/HU, ngày 05/11/2024 của Ban Thường vụ Huyện ủy" (a BÁO CÁO: "Báo cáo số 07-BC/HU, …"); a date
 * with a blank day or month as the place-and-date line prints it: "…, ngày      tháng 8 năm 2024 của …".
 */
export function documentReference(header: PlanHeader, issuedBy: string): string {
  const symbol = formatDocSymbol(header.number, header.docType, header.issuer.symbol);
  const by = issuedBy.trim();
  return `${DOC_TYPE_NAMES[header.docType]} số ${symbol}, ${formatDateInText(header.date)}${by ? ` của ${by}` : ''}`;
}

/** "(Kèm theo Kế hoạch số 315-KH/HU, ngày 05/11/2024 của Ban Thường vụ Huyện ủy)"; blanks for a draft. */
export function appendixLine(header: PlanHeader, issuedBy: string): string {
  return `(Kèm theo ${documentReference(header, issuedBy)})`;
}

/** "PHỤ LỤC" for a single appendix, "PHỤ LỤC 1", "PHỤ LỤC 2" … when there are several. */
export function appendixLabel(index: number, count: number): string {
  return count > 1 ? `PHỤ LỤC ${index + 1}` : 'PHỤ LỤC';
}
