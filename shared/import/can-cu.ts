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
  /(?:;\s+|,\s+(?=(?:Căn\s+cứ|Thực\s+hiện|Thi\s+hành)\s)|,\s+(?=(?:Kế\s+hoạch|Chỉ\s+thị|Nghị\s+quyết|Quyết\s+định|Hướng\s+dẫn|Quy\s+định|Kết\s+luận|Thông\s+báo|Công\s+văn|Điều\s+lệ|Chương\s+trình|Đề\s+án)\s+(?:số\s+)?\d))/gu;

type Verb = CanCu['verb'];
const modelVerb = (v: string): Verb => (v === 'Thực hiện' ? 'Thực hiện' : 'Căn cứ');

/** One reference without its verb; a different verb than the first stays in front of the text. */
function reference(text: string, first: string | null): { verb: string; text: string } {
  const m = CAN_CU_VERB.exec(text.trim());
  if (!m) return { verb: first ?? 'Căn cứ', text: trimEnd(text.trim()) };
  return { verb: m[1]!, text: trimEnd(m[2]!) };
}

export interface CanCuResult {
  canCu: CanCu;
  /** Lines used (căn cứ and lead). */
  used: number;
}

/** Read căn cứ and the lead from the lines before the first section. */
export function readCanCu(lines: Line[], ctx: Context): CanCuResult {
  const canCu: CanCu = { form: 'list', verb: 'Căn cứ', items: [], lead: '' };
  const refs: Array<{ verb: string; text: string }> = [];
  let used = 0;
  let dashed = false;
  // 1. One reference per line (with or without the dash), until a line that is not one.
  while (used < lines.length && CAN_CU_START.test(lines[used]!.text) && !LEAD_END.test(lines[used]!.text)) {
    const l = lines[used]!;
    dashed ||= /^[-–+•]/u.test(l.text);
    refs.push(reference(l.marked.replace(/^[-–+•]\s*/u, ''), refs[0]?.verb ?? null));
    ctx.role(l, 'can-cu');
    used++;
  }
  if (refs.length) {
    canCu.form = 'list';
    const lead = lines[used];
    if (lead && !CAN_CU_START.test(lead.text)) {
      canCu.lead = lead.marked;
      ctx.role(lead, 'lead');
      used++;
    }
    if (!dashed) ctx.notes.push('Căn cứ viết mỗi văn bản một đoạn, không có gạch đầu dòng: đã nhận thành danh sách "- Căn cứ …;".');
    ctx.confident('canCu', dashed ? 0.95 : 0.8);
    ctx.confident('canCu.lead', LEAD_END.test(canCu.lead) ? 0.95 : 0.6);
  } else if (lines[0] && CAN_CU_START.test(lines[0].text)) {
    // 2. The running sentence: references, then the lead from the drafting body on.
    const text = lines[0].marked;
    const starts = [...text.matchAll(DRAFTING_BODY)].map((m) => m.index);
    const at = starts.at(-1);
    const refsText = at === undefined ? text : text.slice(0, at);
    canCu.lead = at === undefined ? '' : text.slice(at).replace(/^,\s*/u, '');
    const parts = refsText.split(NEXT_REFERENCE).filter((s) => s.trim());
    for (const part of parts) refs.push(reference(part, refs[0]?.verb ?? null));
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
  if (refs.length) {
    const first = refs[0]!.verb;
    canCu.verb = modelVerb(first);
    const mixed = refs.some((r) => r.verb !== first) || (first !== 'Căn cứ' && first !== 'Thực hiện');
    canCu.items = refs.map((r) => r.text);
    if (mixed) {
      ctx.notes.push(`Căn cứ dùng nhiều động từ (${[...new Set(refs.map((r) => r.verb))].join(', ')}); kế hoạch dùng một động từ chung, hãy xem lại.`);
      ctx.confident('canCu.verb', 0.5);
    }
  }
  return { canCu, used };
}
