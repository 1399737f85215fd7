/**
 * Fields stored as typed that print wrong: a number that is not digits, a malformed symbol or term, counts out of
 * range, and texts longer than their printed purpose. The save never refuses these; the plan is not issued with them.
 */
import { formatSymbolLine, parseTypedDocNumber } from '../format/symbol';
import { FIELD_FORMS } from '../model/field-forms';
import type { PlanContent } from '../model/plan';
import { type Findings, type Path, texts } from './findings';

/** Printed-purpose limits (characters) of the content's texts, by path pattern ("*" for an index). */
const PRINTED_LIMITS: [RegExp, number, string][] = [
  [/^header\.issuer\.higherLines\.\*$/, 200, 'Dòng cơ quan cấp trên'],
  [/^header\.issuer\.name$/, 200, 'Tên cơ quan ban hành'],
  [/^header\.issuer\.symbol$/, 20, 'Ký hiệu cơ quan ban hành'],
  [/^header\.place$/, 100, 'Địa danh'],
  [/^header\.draftLabel$/, 100, 'Dòng dự thảo'],
  [/^trichYeu$/, 2000, 'Trích yếu'],
  [/^canCu\.items\.\*\.text$/, 2000, 'Căn cứ'],
  [/^canCu\.items\.\*\.verb$/, 100, 'Từ mở đầu căn cứ'],
  [/^canCu\.lead$/, 3000, 'Câu dẫn'],
  [/^pilotUnits\.\*\.name$/, 300, 'Tên đơn vị làm điểm'],
  [/^pilotUnits\.\*\.attendees$/, 3000, 'Thành phần dự'],
  [/^recipients\.\*\.text$/, 500, 'Nơi nhận'],
  [/^recipients\.\*\.note$/, 100, 'Ghi chú nơi nhận'],
  [/^signature\.(body|title|signer)$/, 200, 'Dòng chữ ký'],
  [/^appendixIssuedBy$/, 300, 'Cơ quan ban hành ở dòng phụ lục'],
  [/^appendices\.\*\.title$/, 1000, 'Tên phụ lục'],
  [/^appendices\.\*\.intro\.\*$/, 5000, 'Đoạn mở đầu phụ lục'],
  [/^appendices\..*\.paragraphs\.\*$/, 20_000, 'Ô bảng'],
  // The body nests: match on the end of the path.
  [/^body\..*\.tasks\.\*\.text$/, 5000, 'Nhiệm vụ'],
  [/^body\..*\.tasks\.\*\.due\.relative$/, 300, 'Thời hạn'],
  [/^body\.(.*\.)?title$/, 2000, 'Tên đề mục'],
  [/^body\.(.*\.)?text$/, 20_000, 'Đoạn văn'],
  [/^body\.(.*\.)?body$/, 300, 'Cơ quan được giao nhiệm vụ'],
  [/^body\.(.*\.)?note$/, 1000, 'Ghi chú lịch tiến hành'],
  [/^body\..*\.paragraphs\.\*$/, 20_000, 'Ô bảng'],
  [/^body\..*\.people\.\*\.(name|position|role)$/, 300, 'Họ tên, chức vụ, nhiệm vụ'],
];

const pattern = (path: Path): string => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

/** The printed-purpose limit of a text field and its name, if it has one. */
export function printedLimit(path: Path): { max: number; label: string } | null {
  const key = pattern(path);
  const hit = PRINTED_LIMITS.find(([re]) => re.test(key));
  return hit ? { max: hit[1], label: hit[2] } : null;
}

function checkLengths(c: PlanContent, f: Findings): void {
  for (const [s, path] of texts(c, [])) {
    if (s.length <= 200) continue;
    const limit = printedLimit(path);
    if (limit && s.length > limit.max) {
      f.error('text.too-long', path, `${limit.label} dài ${s.length} ký tự, quá ${limit.max} ký tự dành cho phần này trên văn bản. Hãy rút gọn.`);
    }
  }
}

/** "2025-2030" (the register's term) or "2025 - 2030" (a pilot unit's, as printed), the second year after the first. */
function termProblem(term: string, form: RegExp, example: string): string | null {
  const m = form.exec(term);
  if (!m) return `Nhiệm kỳ "${term}" không đúng dạng; ghi như ${example}.`;
  return Number(m[2]) > Number(m[1]) ? null : `Nhiệm kỳ "${term}": năm kết thúc phải sau năm bắt đầu.`;
}

function checkCount(value: number | null, path: Path, name: string, max: number, f: Findings): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    f.error('pilot.count-invalid', path, `${name} "${value}" không hợp lệ: ghi số nguyên từ 0 đến ${max}.`);
  }
}

export function checkFields(c: PlanContent, f: Findings): void {
  const { header } = c;
  const number = header.number.trim();
  if (number !== '' && !FIELD_FORMS.docNumber.test(number)) {
    const typed = parseTypedDocNumber(number);
    f.error(
      'header.number-invalid',
      ['header', 'number'],
      typed
        ? `Ô số văn bản ghi "${number}": văn bản của Đảng ghi "${formatSymbolLine(typed.number, header.docType, typed.issuerSymbol || header.issuer.symbol)}". Ghi ${typed.number} vào ô số${typed.issuerSymbol ? `, ${typed.issuerSymbol} vào ô ký hiệu` : ''}.`
        : `Số văn bản "${header.number}" không hợp lệ: số chỉ gồm chữ số (ví dụ 05, 315).`,
    );
  }
  const symbol = header.issuer.symbol;
  if (symbol.trim() !== '' && !FIELD_FORMS.issuerSymbol.test(symbol)) {
    f.error('header.symbol-invalid', ['header', 'issuer', 'symbol'], `Ký hiệu "${symbol}" không hợp lệ: chỉ gồm chữ in hoa và số, không có dấu cách (ví dụ HU, TU, ĐU).`);
  }
  if (header.issuer.higherLines.length > 3) {
    f.error('header.higher-lines', ['header', 'issuer', 'higherLines'], `Có ${header.issuer.higherLines.length} dòng cơ quan cấp trên; văn bản ghi nhiều nhất 3 dòng.`);
  }
  if (c.term.trim() !== '') {
    const problem = termProblem(c.term, FIELD_FORMS.planTerm, '2025-2030');
    if (problem) f.error('plan.term-invalid', ['term'], problem);
  }
  c.pilotUnits.forEach((u, i) => {
    if (u.term.trim() !== '') {
      const problem = termProblem(u.term, FIELD_FORMS.unitTerm, '2025 - 2030');
      if (problem) f.error('pilot.term-invalid', ['pilotUnits', i, 'term'], problem);
    }
    checkCount(u.members, ['pilotUnits', i, 'members'], 'Số đảng viên', 100_000, f);
    checkCount(u.invited, ['pilotUnits', i, 'invited'], 'Số đại biểu mời', 100_000, f);
    checkCount(u.total, ['pilotUnits', i, 'total'], 'Tổng số đại biểu', 200_000, f);
    if (u.durationDays != null && (!Number.isInteger(u.durationDays) || u.durationDays < 1 || u.durationDays > 30)) {
      f.error('pilot.duration-invalid', ['pilotUnits', i, 'durationDays'], `Thời gian "${u.durationDays}" ngày không hợp lệ: ghi số ngày từ 1 đến 30.`);
    }
  });
  checkLengths(c, f);
}
