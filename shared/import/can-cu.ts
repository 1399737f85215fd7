/**
 * Căn cứ in all its forms: a list ("- Căn cứ A;" per line, then the lead), one line per reference without dashes,
 * one running sentence ("Căn cứ A, B, <lead> như sau:"), and mixed verbs ("Thi hành …", "Thực hiện …", "Căn cứ …").
 */
import type { CanCu } from '../model/plan';
import type { Context } from './context';
import type { Line } from './lines';
import { CAN_CU_START, CAN_CU_VERB, LEAD_END } from './patterns';

const trimEnd = (s: string) => s.replace(/[\s.,;:]+$/u, '');

/** Where the lead sentence starts inside a running căn cứ: ", <drafting body> …" (the last such place). */
const DRAFTING_BODY =
  /,\s+(?=(?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Ban\s+Bí\s+thư|Bộ\s+Chính\s+trị|Thường\s+trực|Ban\s+chi\s+ủy|Chi\s+ủy|Chi\s+bộ|Đảng\s+ủy|Ban\s+Tổ\s+chức|Ban\s+Tuyên\s+giáo|Ban\s+Dân\s+vận|Ban\s+Nội\s+chính|Ủy\s+ban\s+Kiểm\s+tra|Văn\s+phòng|Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy|Quận\s+ủy|Thị\s+ủy|Đảng\s+đoàn|Ban\s+cán\s+sự|Ban)\s)/gu;
/** Where a new reference starts inside a running căn cứ: ", Chỉ thị số …", "; Kế hoạch …", ", thực hiện …". */
const NEXT_REFERENCE =
  /(?:;\s+|,\s+(?=(?:[Cc]ăn\s+cứ|[Tt]hực\s+hiện|[Tt]hi\s+hành)\s)|,\s+(?=(?:Kế\s+hoạch|Chỉ\s+thị|Nghị\s+quyết|Quyết\s+định|Hướng\s+dẫn|Quy\s+định|Kết\s+luận|Thông\s+báo|Công\s+văn|Điều\s+lệ|Chương\s+trình|Đề\s+án)\s+(?:số\s+)?\d))/gu;

/**
 * One reference with its own verb (stored capitalised; a running sentence prints the later ones in lower case), or
 * verb "" when it has none: in a running sentence it goes on the verb before it ("Căn cứ A, B").
 */
function reference(text: string): { verb: string; text: string } {
  const m = CAN_CU_VERB.exec(text.trim());
  if (!m) return { verb: '', text: trimEnd(text.trim()) };
  const verb = m[1]!;
  return { verb: verb.charAt(0).toUpperCase() + verb.slice(1), text: trimEnd(m[2]!) };
}

export interface CanCuResult {
  canCu: CanCu;
  /** Lines used (căn cứ and lead). */
  used: number;
}

/** Read căn cứ and the lead from the lines before the first section. */
export function readCanCu(lines: Line[], ctx: Context): CanCuResult {
  const canCu: CanCu = { form: 'list', items: [], lead: '' };
  const refs: Array<{ verb: string; text: string }> = [];
  let used = 0;
  let dashed = false;
  // 1. One reference per line (with or without the dash), until a line that is not one.
  while (used < lines.length && CAN_CU_START.test(lines[used]!.text) && !LEAD_END.test(lines[used]!.text)) {
    const l = lines[used]!;
    dashed ||= /^[-–+•]/u.test(l.text);
    refs.push(reference(l.marked.replace(/^[-–+•]\s*/u, '')));
    ctx.role(l, 'can-cu');
    used++;
  }
  if (refs.length) {
    // Each reference its own paragraph without a dash is a form of its own ("Căn cứ …;").
    canCu.form = dashed ? 'list' : 'paragraphs';
    const lead = lines[used];
    if (lead && !CAN_CU_START.test(lead.text)) {
      canCu.lead = lead.marked;
      ctx.role(lead, 'lead');
      used++;
    }
    ctx.confident('canCu', dashed ? 0.95 : 0.9);
    ctx.confident('canCu.lead', LEAD_END.test(canCu.lead) ? 0.95 : 0.6);
  } else if (lines[0] && CAN_CU_START.test(lines[0].text)) {
    // 2. The running sentence: references, then the lead from the drafting body on.
    const text = lines[0].marked;
    const starts = [...text.matchAll(DRAFTING_BODY)].map((m) => m.index);
    const at = starts.at(-1);
    const refsText = at === undefined ? text : text.slice(0, at);
    canCu.lead = at === undefined ? '' : text.slice(at).replace(/^,\s*/u, '');
    const parts = refsText.split(NEXT_REFERENCE).filter((s) => s.trim());
    for (const part of parts) refs.push(reference(part));
    canCu.form = 'sentence';
    ctx.role(lines[0], 'can-cu');
    used = 1;
    ctx.confident('canCu', at === undefined ? 0.5 : 0.85);
    ctx.confident('canCu.lead', at === undefined ? 0.3 : 0.85);
  } else if (lines[0] && LEAD_END.test(lines[0].text)) {
    canCu.lead = lines[0].marked;
    ctx.role(lines[0], 'lead');
    used = 1;
    ctx.confident('canCu.lead', 0.8);
  }
  // Each reference keeps the verb it was written with.
  canCu.items = refs.map((r) => ({ verb: r.verb, text: r.text, join: '' as const }));
  return { canCu, used };
}
