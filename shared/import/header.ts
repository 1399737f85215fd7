/**
 * The first-page header: higher bodies, issuer, "*", number and symbol, place and date, marks, draft label — read
 * line by line by their shapes (a PDF's text may put two of them on one line: "Số 315-KH/HU Tam Đường, ngày …").
 */
import { parseTypedDocNumber } from '../format/symbol';
import type { PlanHeader } from '../model/plan';
import type { Context } from './context';
import type { Line } from './lines';
import { DATE_LINE, DRAFT_LABEL, MARKS, NUMBER_LINE, STATE_TIEU_DE, TIEU_DE, UNIT_START, isBoilerplate, isUpperLine } from './patterns';

type Mark = (typeof MARKS)[number];
const SECRECY: Partial<Record<Mark, PlanHeader['secrecy']>> = { MẬT: 'MẬT', 'TỐI MẬT': 'TỐI MẬT', 'TUYỆT MẬT': 'TUYỆT MẬT' };
const URGENCY: Partial<Record<Mark, PlanHeader['urgency']>> = { KHẨN: 'KHẨN', 'THƯỢNG KHẨN': 'THƯỢNG KHẨN', 'HỎA TỐC': 'HỎA TỐC', 'HOẢ TỐC': 'HỎA TỐC' };

const blankPart = (s: string | undefined) => (s && /^\d+$/u.test(s) ? s : '');

interface Unit {
  text: string;
  bold: boolean;
  lines: Line[];
}

/** "315-KH/HU" (or a state-style "24/KH-CB", normalised) → number and symbols. */
function readNumber(raw: string, ctx: Context): { number: string; issuerSymbol: string; docType: string } | null {
  const s = raw.replace(/\s+/gu, ' ').trim();
  const party = /^S[ốoô]\s*(:)?\s*(\d*)\s*-\s*(\p{L}{1,5})\s*\/\s*([\p{L}\d]+)$/u.exec(s);
  if (party) {
    if (party[1]) ctx.notes.push(`Dòng số ký hiệu "${s}" có dấu hai chấm (kiểu văn bản nhà nước); đã bỏ: "Số ${party[2] || '…'}-${party[3]!.toUpperCase()}/${party[4]!.toUpperCase()}".`);
    return { number: party[2]!, docType: party[3]!.toUpperCase(), issuerSymbol: party[4]!.toUpperCase() };
  }
  const typed = parseTypedDocNumber(s);
  if (!typed) return null;
  if (typed.form === 'state') {
    ctx.notes.push(
      `Số ký hiệu "${s}" viết theo thể thức văn bản nhà nước; đã chuyển sang thể thức của Đảng: "Số ${typed.number}-${typed.docType}/${typed.issuerSymbol || '…'}".`,
    );
  }
  return { number: typed.number, docType: typed.docType, issuerSymbol: typed.issuerSymbol };
}

/** Split the header lines into issuer units: a .docx paragraph is one unit; a pasted line may go on the one above. */
function issuerUnits(lines: Line[]): Unit[] {
  const units: Unit[] = [];
  for (const l of lines) {
    const text = l.text.replace(/\s*\n\s*/gu, ' ');
    const last = units.at(-1);
    if (!l.formatted && last && !UNIT_START.test(text)) {
      last.text += ` ${text}`;
      last.lines.push(l);
    } else units.push({ text, bold: l.bold, lines: [l] });
  }
  return units;
}

export interface HeaderResult {
  header: PlanHeader;
  found: number;
}

export function readHeader(lines: Line[], ctx: Context): HeaderResult {
  const header: PlanHeader = {
    issuer: { higherLines: [], name: '', symbol: '' },
    docType: 'KH',
    number: '',
    place: '',
    date: { day: '', month: '', year: '' },
    secrecy: '',
    urgency: '',
    draftLabel: '',
  };
  let found = 0;
  const upper: Line[] = [];
  let star = false;
  for (const line of lines) {
    let rest = line.text.replace(/\s*\n\s*/gu, ' ').trim();
    if (!rest) continue;
    if (isBoilerplate(rest)) {
      ctx.drop(line);
      continue;
    }
    if (STATE_TIEU_DE.test(rest)) {
      ctx.drop(line, 'header-tieude');
      ctx.notes.push(`Bỏ dòng "${rest}": đó là tiêu đề của văn bản nhà nước, văn bản của Đảng dùng "ĐẢNG CỘNG SẢN VIỆT NAM".`);
      continue;
    }
    if (TIEU_DE.test(rest)) {
      ctx.role(line, 'header-tieude');
      found++;
      rest = rest.replace(TIEU_DE, ' ').trim();
      if (!rest) continue;
    }
    const num = NUMBER_LINE.exec(rest);
    if (num) {
      const parsed = readNumber(num[1]!, ctx);
      if (parsed) {
        header.number = parsed.number;
        header.issuer.symbol = parsed.issuerSymbol;
        if (parsed.docType === 'KH' || parsed.docType === 'BC') header.docType = parsed.docType;
        else ctx.notes.push(`Văn bản ghi loại "${parsed.docType}", không phải KH (kế hoạch) hay BC (báo cáo).`);
        ctx.confident('header.number', line.formatted ? 0.95 : 0.9);
        ctx.confident('header.issuer.symbol', parsed.issuerSymbol ? 0.95 : 0.4);
        ctx.role(line, 'header-number');
        found++;
        rest = (rest.slice(0, num.index) + rest.slice(num.index + num[0].length)).trim();
        if (!rest) continue;
      }
    }
    const date = DATE_LINE.exec(rest);
    if (date) {
      header.place = (date[1] ?? '').trim();
      header.date = { day: blankPart(date[2]), month: blankPart(date[3]), year: blankPart(date[4]) };
      ctx.confident('header.date', 0.95);
      ctx.confident('header.place', header.place ? 0.9 : 0.5);
      if (ctx.roles[line.index] !== 'header-number') ctx.role(line, 'header-date');
      found++;
      rest = rest.slice(0, date.index).trim();
      if (!rest) continue;
    }
    if (rest === '*') {
      star = true;
      ctx.role(line, 'header-star');
      continue;
    }
    const mark = MARKS.find((m) => rest === m);
    if (mark) {
      if (SECRECY[mark]) header.secrecy = SECRECY[mark]!;
      if (URGENCY[mark]) header.urgency = URGENCY[mark]!;
      ctx.role(line, 'header-mark');
      ctx.confident(SECRECY[mark] ? 'header.secrecy' : 'header.urgency', 0.9);
      continue;
    }
    if (DRAFT_LABEL.test(rest)) {
      header.draftLabel = rest.replace(/^\(\s*|\s*\)$/gu, '');
      ctx.role(line, 'header-draft');
      continue;
    }
    if (isUpperLine(rest) && rest.replace(/\*/gu, '').trim()) {
      upper.push({ ...line, text: rest.replace(/\s*\*\s*$/u, '') });
      if (/\*\s*$/u.test(rest)) star = true;
      continue;
    }
    ctx.drop(line);
  }
  const units = issuerUnits(upper);
  if (units.length) {
    const boldAt = units.map((u) => u.bold).lastIndexOf(true);
    // The issuer is the bold line; without formatting, the last one. Lines after a bold issuer stay higher lines
    // only when they are not bold either (a wrapped issuer name of a pasted text has joined above).
    const issuerAt = boldAt >= 0 ? boldAt : units.length - 1;
    header.issuer.name = units[issuerAt]!.text;
    header.issuer.higherLines = units.slice(0, issuerAt).map((u) => u.text);
    for (const [i, u] of units.entries()) for (const l of u.lines) ctx.role(l, i === issuerAt ? 'header-issuer' : 'header-higher');
    ctx.confident('header.issuer.name', boldAt >= 0 ? 0.95 : units.length === 1 ? 0.85 : 0.7);
    ctx.confident('header.issuer.higherLines', boldAt >= 0 ? 0.95 : 0.7);
    found++;
  } else {
    ctx.confident('header.issuer.name', 0);
  }
  if (!star && units.length) ctx.notes.push('Dưới tên cơ quan ban hành không có dấu sao (*); bản in sẽ có.');
  if (!header.date.year) ctx.confident('header.date', 0);
  if (!('header.number' in ctx.confidence)) ctx.confident('header.number', 0.3);
  return { header, found };
}
