/**
 * Format and consistency checks on a plan, with Vietnamese messages and field paths (THE-THUC.md).
 *
 * Errors are what a văn thư would send back; warnings are worth a second look but may be right.
 */
import type { LintFinding } from '../model/lint';
import type { Block, PlanContent, PlanDate } from '../model/plan';
import { datePartNumber, formatShortDate } from '../format/date';
import { planDateStartIso } from '../format/due-date';
import { foldVietnamese } from '../format/fold';
import { DOC_TYPE_NAMES } from '../layout/phrases';
import { checkCharacters } from './chars';
import { checkIsoDay, checkPlanDate } from './dates';
import { checkFields } from './fields';
import { checkLevels } from './levels';
import { Findings, type Path, isBlank, texts } from './findings';

export { printedLimit } from './fields';

/** The last day district-level committees (Huyện ủy, Quận ủy, Thị ủy) existed, before the 2025 reorganisation. */
const DISTRICT_LEVEL_LAST_DAY = '2025-06-30';

/** Folded upper case: "Huyện uỷ" and "HUYỆN ỦY" both give "HUYEN UY". */
const fold = (s: string): string => foldVietnamese(s).toUpperCase().replace(/\s+/gu, ' ').trim();


/**
 * A committee (a collective body: Tỉnh ủy, Huyện ủy, Đảng ủy, Chi bộ, Ủy ban Kiểm tra, Đảng đoàn, Ban cán sự đảng)
 * always signs T/M. Advisory bodies (Ban Tổ chức, Văn phòng …) are not committees even when their name
 * contains "ỦY" ("VĂN PHÒNG HUYỆN ỦY").
 */
export function isCommitteeIssuer(name: string): boolean {
  const f = fold(name);
  if (/^BAN CAN SU DANG\b/u.test(f) || /^DANG DOAN\b/u.test(f)) return true;
  if (/^(BAN|VAN PHONG)\b/u.test(f)) return false;
  return /\bUY\b/u.test(f) || /\bCHI BO\b/u.test(f);
}

function isDistrictCommittee(name: string): boolean {
  return /^(HUYEN|QUAN|THI) UY\b/u.test(fold(name));
}

/** "15/10/2024", "tháng 8/2024" or "năm 2025" as far as the (draft) plan date is known. */
function planDateText(p: PlanDate): string {
  if (datePartNumber(p.day) != null && datePartNumber(p.month) != null) return formatShortDate(p);
  if (datePartNumber(p.month) != null) return `tháng ${datePartNumber(p.month)}/${p.year.trim()}`;
  return `năm ${p.year.trim()}`;
}

/** Phrases of state documents (Nghị định 30/2020), never in a Party document. */
const STATE_PHRASES: { re: RegExp; shown: string }[] = [
  { re: /CONG HOA XA HOI CHU NGHIA VIET NAM/u, shown: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
  { re: /DOC LAP\s*[-–]\s*TU DO\s*[-–]\s*HANH PHUC/u, shown: 'Độc lập - Tự do - Hạnh phúc' },
];
/** "Số:" with a colon is the state form; a Party document writes "Số 315-KH/HU". */
const STATE_NUMBER = /(^|[^\p{L}])Số\s*:/u;

function checkHeader(c: PlanContent, f: Findings): void {
  const { header } = c;
  if (isBlank(header.issuer.name)) f.error('header.issuer-missing', ['header', 'issuer', 'name'], 'Chưa có tên cơ quan ban hành.');
  if (isBlank(header.issuer.symbol)) f.error('header.symbol-missing', ['header', 'issuer', 'symbol'], 'Chưa có ký hiệu cơ quan ban hành (ví dụ HU, TU, ĐU).');
  if (isBlank(header.place)) f.error('header.place-missing', ['header', 'place'], 'Chưa có địa danh ở dòng ngày tháng.');
  checkPlanDate(header.date, ['header', 'date'], f);
  if (/^\d$/.test(header.number.trim())) {
    f.error('header.number-digits', ['header', 'number'], `Số văn bản phải có ít nhất 2 chữ số: viết "${header.number.padStart(2, '0')}" thay cho "${header.number}".`);
  }
  if (!isBlank(header.issuer.name) && isDistrictCommittee(header.issuer.name) && (planDateStartIso(header.date) ?? '') > DISTRICT_LEVEL_LAST_DAY) {
    f.warning(
      'header.district-after-reorganisation',
      ['header', 'issuer', 'name'],
      `${DOC_TYPE_NAMES[header.docType]} đề ngày sau 30/6/2025 nhưng cơ quan ban hành là "${header.issuer.name}": từ 01/7/2025, theo việc sắp xếp tổ chức bộ máy năm 2025, cấp huyện (huyện ủy, quận ủy, thị ủy) kết thúc hoạt động và đảng ủy xã, phường trực thuộc tỉnh ủy. Hãy kiểm tra lại cơ quan ban hành và ngày văn bản.`,
    );
  }
}

function checkSignature(c: PlanContent, f: Findings): void {
  const s = c.signature;
  if (isBlank(s.signer)) f.error('signature.signer-missing', ['signature', 'signer'], 'Chưa có họ tên người ký.');
  if (isBlank(s.title)) f.error('signature.title-missing', ['signature', 'title'], 'Chưa có chức vụ người ký (ví dụ BÍ THƯ).');
  if (s.authority !== '' && isBlank(s.body)) {
    f.error('signature.body-missing', ['signature', 'body'], `Sau "${s.authority}" phải ghi tập thể hoặc người đứng đầu (ví dụ BAN THƯỜNG VỤ).`);
  }
  if (isBlank(c.header.issuer.name) || !isCommitteeIssuer(c.header.issuer.name)) return;
  if (s.authority === 'K/T') {
    f.error(
      'signature.committee-kt',
      ['signature', 'authority'],
      'Cấp ủy là tập thể lãnh đạo nên ký thay mặt "T/M", không ký "K/T"; phó bí thư ký vẫn ghi T/M (ví dụ T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ).',
    );
  } else if (s.authority === '') {
    f.error('signature.committee-tm', ['signature', 'authority'], 'Văn bản của cấp ủy phải ký thay mặt tập thể: ghi "T/M" (ví dụ T/M BAN THƯỜNG VỤ).');
  }
}

function checkRecipients(c: PlanContent, f: Findings): void {
  if (c.recipients.length === 0) {
    f.error('recipients.none', ['recipients'], 'Chưa có nơi nhận; dòng cuối cùng là "- Lưu …".');
    return;
  }
  c.recipients.forEach((r, i) => {
    if (isBlank(r.text)) f.error('recipients.blank', ['recipients', i, 'text'], `Nơi nhận thứ ${i + 1} đang để trống.`);
  });
  const last = c.recipients.length - 1;
  const lastText = c.recipients[last]!.text.trim();
  if (!/^Lưu(?![\p{L}])/u.test(lastText.normalize('NFC'))) {
    f.error('recipients.last-luu', ['recipients', last, 'text'], 'Nơi nhận cuối cùng phải là "Lưu …" (ví dụ "Lưu Văn phòng Huyện ủy").');
  }
}

function checkPilotUnits(c: PlanContent, f: Findings): void {
  const start = planDateStartIso(c.header.date);
  c.pilotUnits.forEach((u, i) => {
    if (isBlank(u.name)) f.error('pilot.name-missing', ['pilotUnits', i, 'name'], `Đơn vị làm điểm thứ ${i + 1} chưa có tên.`);
    if (u.members != null && u.invited != null && u.total != null && u.total !== u.members + u.invited) {
      f.error(
        'pilot.delegates',
        ['pilotUnits', i, 'total'],
        `${u.name || `Đơn vị làm điểm thứ ${i + 1}`}: tổng số đại biểu (${u.total}) phải bằng số đảng viên (${u.members}) cộng đại biểu mời (${u.invited}) = ${u.members + u.invited}.`,
      );
    }
    if (u.deadline) checkIsoDay(u.deadline, ['pilotUnits', i, 'deadline'], 'pilot.deadline-invalid', 'Hạn hoàn thành', f);
    if (u.deadline && start && u.deadline < start && c.header.docType === 'KH') {
      f.warning(
        'pilot.deadline-before-plan',
        ['pilotUnits', i, 'deadline'],
        `${u.name || `Đơn vị làm điểm thứ ${i + 1}`}: hạn hoàn thành ${formatShortDate(u.deadline)} sớm hơn ngày kế hoạch (${planDateText(c.header.date)}).`,
      );
    }
  });
}

function checkBlocks(blocks: Block[], path: Path, c: PlanContent, f: Findings): void {
  const start = planDateStartIso(c.header.date);
  blocks.forEach((b, i) => {
    const at: Path = [...path, i];
    switch (b.kind) {
      case 'section':
        if (isBlank(b.title)) {
          if (b.style === 'heading') f.error('body.section-title', [...at, 'title'], 'Đề mục chưa có tên.');
          else if (b.children.length === 0) f.warning('body.empty-text', [...at, 'title'], 'Đoạn văn đang để trống.');
        }
        if (b.style === 'heading' && b.children.length === 0) {
          f.warning('body.empty-section', [...at, 'children'], `Đề mục "${b.title.trim() || '(chưa có tên)'}" chưa có nội dung.`);
        }
        checkBlocks(b.children, [...at, 'children'], c, f);
        break;
      case 'paragraph':
      case 'item':
      case 'note':
        if (isBlank(b.text)) f.warning('body.empty-text', [...at, 'text'], 'Đoạn văn đang để trống.');
        break;
      case 'duty':
        if (isBlank(b.body)) f.error('body.duty-body', [...at, 'body'], 'Chưa ghi cơ quan, đơn vị được giao nhiệm vụ.');
        if (b.tasks.length === 0) f.warning('body.duty-empty', [...at, 'tasks'], `"${b.body.trim() || 'Đơn vị'}" chưa có nhiệm vụ nào.`);
        b.tasks.forEach((t, k) => {
          if (isBlank(t.text)) f.warning('body.empty-text', [...at, 'tasks', k, 'text'], 'Nhiệm vụ đang để trống.');
          t.due?.dates.forEach((due, n) => {
            checkIsoDay(due, [...at, 'tasks', k, 'due', 'dates', n], 'task.due-invalid', 'Hạn của nhiệm vụ', f);
            // A BÁO CÁO is dated after the deadlines it reports on: only a KẾ HOẠCH sets deadlines after its own date.
            if (start && due < start && c.header.docType === 'KH') {
              f.warning(
                'task.due-before-plan',
                [...at, 'tasks', k, 'due', 'dates', n],
                `Hạn của nhiệm vụ (${formatShortDate(due)}) sớm hơn ngày kế hoạch (${planDateText(c.header.date)}).`,
              );
            }
          });
        });
        break;
      case 'pilotSchedule':
        b.unitIds.forEach((id, n) => {
          if (!c.pilotUnits.some((u) => u.id === id)) {
            f.error('body.schedule-unit', [...at, 'unitIds', n], 'Lịch tiến hành nêu một đơn vị làm điểm không có trong danh sách đơn vị.');
          }
        });
        break;
      case 'pilotUnits':
        if (c.pilotUnits.length === 0) f.warning('body.pilot-units-empty', at, 'Khối "đơn vị làm điểm" đang trống: chưa có đơn vị nào.');
        break;
      case 'table':
        if (b.table.rows.every((r) => r.cells.every((cell) => cell.paragraphs.every(isBlank)))) {
          f.warning('body.table-empty', [...at, 'table', 'rows'], 'Bảng trong nội dung chưa có dòng nào được điền.');
        }
        break;
      case 'people':
        if (b.people.length === 0) f.warning('body.people-empty', [...at, 'people'], 'Danh sách người chưa có ai.');
        b.people.forEach((p, k) => {
          if (isBlank(p.name)) f.warning('body.person-name', [...at, 'people', k, 'name'], `Người thứ ${k + 1} trong danh sách chưa có họ tên.`);
        });
        break;
    }
  });
}

function checkStatePhrases(c: PlanContent, f: Findings): void {
  for (const [s, path] of texts(c, [])) {
    const folded = fold(s);
    for (const p of STATE_PHRASES) {
      if (p.re.test(folded)) {
        f.error('text.state-document', path, `"${p.shown}" là quốc hiệu, tiêu ngữ của văn bản nhà nước; văn bản của Đảng dùng "ĐẢNG CỘNG SẢN VIỆT NAM".`);
      }
    }
    if (STATE_NUMBER.test(s.normalize('NFC'))) {
      f.error('text.state-number', path, 'Văn bản của Đảng ghi "Số 315-KH/HU", không có dấu hai chấm như "Số:" của văn bản nhà nước.');
    }
  }
}

/** Check a plan; findings come in document order of the checks (header, title, body, closing). */
export function lintPlan(content: PlanContent): LintFinding[] {
  const f = new Findings();
  checkHeader(content, f);
  checkFields(content, f);
  if (isBlank(content.trichYeu)) f.error('title.trich-yeu-missing', ['trichYeu'], `Chưa có trích yếu (tên ${DOC_TYPE_NAMES[content.header.docType].toLowerCase()}).`);
  checkBlocks(content.body, ['body'], content, f);
  checkPilotUnits(content, f);
  checkRecipients(content, f);
  checkSignature(content, f);
  checkLevels(content, f);
  checkStatePhrases(content, f);
  checkCharacters(content, f);
  return f.list;
}

export { applyLintFix } from './fix';
