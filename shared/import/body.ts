/**
 * The body: numbered headings into the section tree (I./1./1.1./a) and "1. Mục đích:" as the top level when no
 * Roman numerals are used), items "- "/"+ ", notes "* ", paragraphs; then duty blocks (a body named in a heading
 * under "Tổ chức thực hiện" / "Phân công" / "Nhiệm vụ cụ thể", its tasks under it, deadlines proposed by the due-date
 * parser), pilot units and their schedule, and the closing sentences after the last section.
 */
import { proposeDue } from '../format/due-date';
import type { Block, DutyBlock, PilotUnit, PlanDate, SectionBlock } from '../model/plan';
import type { FormatProfile } from '../model/profile';
import type { Context } from './context';
import { toAppendixTable, type Line } from './lines';
import { peopleFromTable, readPersonLine } from './people';
import { isPilotGroupTitle, readPilotGroup, readScheduleLine } from './pilot';
import { CLOSING_SENTENCE, DUTY_SECTION } from './patterns';

interface Label {
  kind: 'roman' | 'dotted' | 'letter';
  parts: number;
  sep: '.' | '-';
  /** The label with its spacing, as it opens the text. */
  raw: string;
}

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))([.-])(?:\s+|$)/u;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2})*)(\.)?(?:\s+|$)/u;
const LETTER = /^([a-zđ])\)(?:\s+|$)/u;
const ITEM = /^([-–+•])\s*/u;
const NOTE = /^\*\s+/u;

export function readLabel(text: string): Label | null {
  const r = ROMAN.exec(text);
  if (r && r[1]) return { kind: 'roman', parts: 1, sep: r[2] as '.' | '-', raw: r[0] };
  const d = DOTTED.exec(text);
  if (d && (d[2] || d[1]!.includes('.')) && !/^\d{4}/u.test(text)) return { kind: 'dotted', parts: d[1]!.split('.').length, sep: '.', raw: d[0] };
  const l = LETTER.exec(text);
  if (l) return { kind: 'letter', parts: 1, sep: '.', raw: l[0] };
  return null;
}

/** Whether a numbered line is a heading (bold, on its own) or a numbered body paragraph. */
function isHeading(line: Line, label: Label, title: string): { heading: boolean; confidence: number } {
  if (line.style && /runin/iu.test(line.style)) return { heading: false, confidence: 1 };
  if (line.style && /heading/iu.test(line.style)) return { heading: true, confidence: 1 };
  if (line.formatted) return { heading: line.bold, confidence: 0.9 };
  if (label.kind === 'roman') return { heading: true, confidence: 0.9 };
  const words = title.split(/\s+/u).length;
  const heading = (title.length <= 90 && words <= 14 && !/[.;]$/u.test(title)) || words <= 5;
  return { heading, confidence: 0.6 };
}

export interface BodyResult {
  body: Block[];
  pilotUnits: PilotUnit[];
  profile: Pick<FormatProfile, 'level1Style' | 'level3Style'>;
}

export function readBody(lines: Line[], ctx: Context, planDate: PlanDate, newId: () => string): BodyResult {
  // A paragraph taken by hand as a paragraph, an item or a note has no label, whatever its text opens with.
  const labels = lines.map((l) => (l.table || (l.forced && !['heading', 'runin'].includes(l.forced)) ? null : readLabel(l.text)));
  const romanMode = labels.some((l) => l?.kind === 'roman');
  const dashes = labels.filter((l) => l?.kind === 'roman' && l.sep === '-').length;
  const romans = labels.filter((l) => l?.kind === 'roman').length;
  const profile: BodyResult['profile'] = {
    level1Style: romanMode ? (dashes > romans / 2 ? 'I-' : 'I.') : '1.',
    level3Style: labels.some((l) => l?.kind === 'letter') ? 'a)' : '1.1.',
  };
  const root: Block[] = [];
  const stack: Array<{ depth: number; block: SectionBlock; dotted: boolean }> = [];
  const confidences = new Map<Block, number>();
  const here = () => stack.at(-1)?.block.children ?? root;
  /** A paragraph whose role the clerk chose, without a number label: a section one level below the open one, or a leaf. */
  const forcedBlock = (line: Line, text: string) => {
    const id = newId();
    if (line.forced === 'heading' || line.forced === 'runin') {
      const depth = (stack.at(-1)?.depth ?? 0) + 1;
      const section: SectionBlock = { kind: 'section', id, title: line.formatted ? text.replace(/^\*\*(.*)\*\*$/su, '$1') : text, style: line.forced, children: [] };
      here().push(section);
      stack.push({ depth, block: section, dotted: false });
    } else if (line.forced === 'item') {
      const item = ITEM.exec(text);
      here().push({ kind: 'item', id, marker: item?.[1] === '+' ? '+' : '-', text: item ? text.slice(item[0].length) : text });
    } else if (line.forced === 'note') {
      here().push({ kind: 'note', id, text: text.replace(/^\*\s*/u, '') });
    } else {
      here().push({ kind: 'paragraph', id, text, emphasis: 'none' });
    }
    ctx.role(line, line.forced!);
  };
  lines.forEach((line, i) => {
    if (line.table) {
      // A table inside the body stays where it is: a person list, or a table block (header rows, merged cells).
      const block: Block = peopleFromTable(line.table, newId) ?? { kind: 'table', id: newId(), table: toAppendixTable(line.table) };
      here().push(block);
      confidences.set(block, block.kind === 'people' ? 0.85 : 0.8);
      ctx.role(line, 'table');
      return;
    }
    const label = labels[i];
    const text = line.marked.trim();
    if (line.forced && !label) {
      forcedBlock(line, text);
      return;
    }
    if (label) {
      let depth: number;
      if (label.kind === 'roman') depth = 1;
      else if (label.kind === 'dotted') depth = romanMode ? label.parts + 1 : label.parts;
      else depth = ([...stack].reverse().find((s) => s.dotted)?.depth ?? (romanMode ? 2 : 1)) + 1;
      const title = text.slice(label.raw.length).trim();
      const { heading, confidence } = line.forced ? { heading: line.forced === 'heading', confidence: 1 } : isHeading(line, label, title);
      while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
      const section: SectionBlock = { kind: 'section', id: newId(), title: line.formatted && heading ? title.replace(/^\*\*(.*)\*\*$/su, '$1') : title, style: heading ? 'heading' : 'runin', children: [] };
      here().push(section);
      stack.push({ depth, block: section, dotted: label.kind === 'dotted' });
      confidences.set(section, confidence);
      ctx.role(line, heading ? 'heading' : 'runin');
      return;
    }
    const item = ITEM.exec(text);
    if (item && text.length > item[0].length - 1 && /\s/u.test(text.charAt(1) || ' ')) {
      here().push({ kind: 'item', id: newId(), marker: item[1] === '+' ? '+' : '-', text: text.slice(item[0].length) });
      ctx.role(line, 'item');
      return;
    }
    if (NOTE.test(text)) {
      here().push({ kind: 'note', id: newId(), text: text.replace(NOTE, '') });
      ctx.role(line, 'note');
      return;
    }
    if (!text && !(line.style === 'KH-body')) return;
    const italic = line.formatted ? line.italic : /^\(.*\)$/su.test(text);
    const block: Block = { kind: 'paragraph', id: newId(), text, emphasis: italic ? (line.align === 'center' ? 'italic-center' : 'italic') : 'none' };
    here().push(block);
    if (!line.formatted && italic) confidences.set(block, 0.5);
    ctx.role(line, 'paragraph');
  });

  liftClosingSentences(root);
  const pilotUnits = pilotBlocks(root, newId);
  peopleBlocks(root, newId, confidences);
  dutyBlocks(root, false, planDate, confidences, newId);
  recordConfidence(root, 'body', confidences, ctx);
  ctx.confident('body', lines.length ? 0.9 : 0.2);
  if (pilotUnits.length) ctx.confident('pilotUnits', 0.85);
  return { body: root, pilotUnits, profile };
}

/** "Trong quá trình …", "Kế hoạch này được phổ biến …" after the last section belong to no section. */
function liftClosingSentences(root: Block[]) {
  let container: Block[] | null = null;
  for (let last = root.at(-1); last?.kind === 'section'; last = last.children.at(-1)) container = last.children;
  if (!container) return;
  for (let k = 0; k < container.length; k++) {
    const b = container[k]!;
    if (b.kind === 'paragraph' && CLOSING_SENTENCE.test(b.text) && container.slice(k).every((x) => x.kind === 'paragraph')) {
      root.push(...container.splice(k));
      return;
    }
  }
  // Deeper sections' own last paragraphs may be closing sentences too (a duty's tasks then the closing line).
  for (let last = root.at(-1); last?.kind === 'section'; last = last.children.at(-1)) {
    const c = last.children;
    const k = c.findIndex((b, i) => b.kind === 'paragraph' && CLOSING_SENTENCE.test(b.text) && c.slice(i).every((x) => x.kind === 'paragraph') && i > 0 && c[i - 1]!.kind === 'section');
    if (k > 0) {
      root.push(...c.splice(k));
      return;
    }
  }
}

/**
 * "<Body>: <task>" — the body named at the start of a numbered paragraph, an item or a paragraph: the body and the
 * task's text (its first letter capitalised), or null when the words before the colon are no body's name.
 */
export function splitBodyTask(text: string): { body: string; task: string } | null {
  const m = /^([^:;.,()]{3,90}?)\s*:\s+(\S.*)$/su.exec(text.trim());
  if (!m) return null;
  const body = m[1]!.trim();
  const words = body.split(/\s+/u);
  // A body's name: a handful of words, opening with a capital (Ban, Văn phòng, Đảng ủy, Các chi bộ …), no figures.
  if (words.length > 12 || !/^\p{Lu}/u.test(body) || /\d/u.test(body) || !BODY_WORD.test(body)) return null;
  const task = m[2]!.trim();
  return { body, task: task.charAt(0).toUpperCase() + task.slice(1) };
}

const BODY_WORD =
  /^(?:Ban|Văn\s+phòng|Ủy\s+ban|Đảng\s+ủy|Đảng\s+đoàn|Ban\s+cán\s+sự|Chi\s+bộ|Chi\s+ủy|Huyện\s+ủy|Tỉnh\s+ủy|Thành\s+ủy|Quận\s+ủy|Thị\s+ủy|Thường\s+trực|Cấp\s+ủy|Các|Mặt\s+trận|Đoàn|Hội|Công\s+đoàn|Trung\s+tâm|Trường|Phòng|Sở|Công\s+an|Ban\s+Chỉ\s+huy|Bộ|UBND|HĐND|MTTQ|Tổ|Đồng\s+chí|Đ\/c)\b/u;

const taskOf = (text: string, planDate: PlanDate, id: string) => ({ id, text, due: proposeDue(text, planDate) });

/**
 * Duty blocks under a duty section ("Tổ chức thực hiện", "Phân công", "Nhiệm vụ cụ thể", "Trách nhiệm"): a heading whose
 * children are all tasks ("- …" items, or plain paragraphs); a numbered paragraph "1. Ban Tuyên giáo: chủ trì …"
 * (its items after it are more tasks); an item or paragraph "- Văn phòng Huyện ủy: bảo đảm …" (one task).
 */
function dutyBlocks(blocks: Block[], underDuty: boolean, planDate: PlanDate, confidences: Map<Block, number>, newId: () => string) {
  blocks.forEach((b, i) => {
    if (underDuty && (b.kind === 'item' || b.kind === 'paragraph') && !(b.kind === 'paragraph' && b.emphasis !== 'none')) {
      const named = splitBodyTask(b.text);
      if (!named) return;
      const duty: DutyBlock = { kind: 'duty', id: b.id, body: named.body, orgId: null, headingSuffix: ':', taskStyle: 'plain', tasks: [taskOf(named.task, planDate, newId())] };
      blocks[i] = duty;
      confidences.set(duty, 0.7);
      return;
    }
    if (b.kind !== 'section') return;
    const kids = b.children;
    const items = kids.length > 0 && kids.every((k) => k.kind === 'item' && k.marker === '-');
    const plain = kids.length > 0 && kids.every((k) => k.kind === 'paragraph' && k.emphasis === 'none');
    if (underDuty && b.style === 'heading' && (items || plain)) {
      const suffix = /:\s*$/u.test(b.title) ? ':' : '';
      const duty: DutyBlock = {
        kind: 'duty',
        id: b.id,
        body: b.title.replace(/\s*:\s*$/u, ''),
        orgId: null,
        headingSuffix: suffix,
        taskStyle: items ? 'dash' : 'plain',
        tasks: kids.map((k) => taskOf((k as { text: string }).text, planDate, k.id)),
      };
      blocks[i] = duty;
      return;
    }
    const runin = underDuty && b.style === 'runin' && (kids.length === 0 || items || plain) ? splitBodyTask(b.title) : null;
    if (runin) {
      const duty: DutyBlock = {
        kind: 'duty',
        id: b.id,
        body: runin.body,
        orgId: null,
        headingSuffix: ':',
        taskStyle: items ? 'dash' : 'plain',
        tasks: [taskOf(runin.task, planDate, newId()), ...kids.map((k) => taskOf((k as { text: string }).text, planDate, k.id))],
      };
      blocks[i] = duty;
      confidences.set(duty, 0.7);
      return;
    }
    dutyBlocks(kids, underDuty || DUTY_SECTION.test(b.title), planDate, confidences, newId);
  });
}

/** Two or more "Đ/c <name> – <position> – <role>" lines in a row (items or paragraphs) become one people block. */
function peopleBlocks(blocks: Block[], newId: () => string, confidences: Map<Block, number>) {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'section') {
      peopleBlocks(b.children, newId, confidences);
      continue;
    }
    const read = (x: Block | undefined) => (x && (x.kind === 'item' || x.kind === 'paragraph') ? readPersonLine(x.text) : null);
    const first = read(b);
    if (!first) continue;
    let j = i + 1;
    while (read(blocks[j])) j++;
    if (j - i < 2) continue;
    const people = blocks.slice(i, j).map((x) => ({ id: newId(), ...read(x)!.person }));
    const block: Block = { kind: 'people', id: b.id, prefix: first.prefix, print: 'lines', people };
    blocks.splice(i, j - i, block);
    confidences.set(block, 0.85);
  }
}

/** Pilot groups become one pilotUnits block; schedule lines naming the units become a pilotSchedule block. */
function pilotBlocks(root: Block[], newId: () => string): PilotUnit[] {
  const units: PilotUnit[] = [];
  const visit = (blocks: Block[]) => {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.kind !== 'section') continue;
      if (b.style === 'heading' && isPilotGroupTitle(b.title)) {
        const found = readPilotGroup(b.children, newId);
        if (found) {
          const first = units.length === 0 || blocks[i - 1]?.kind !== 'pilotUnits';
          units.push(...found);
          if (first) blocks[i] = { kind: 'pilotUnits', id: b.id };
          else blocks.splice(i--, 1);
          continue;
        }
      }
      visit(b.children);
    }
  };
  visit(root);
  if (!units.length) return units;
  const taken = new Set<string>();
  const schedules = (blocks: Block[]) => {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.kind === 'section') {
        schedules(b.children);
        continue;
      }
      if (b.kind !== 'item') continue;
      const line = readScheduleLine(b.text, units, taken);
      if (!line) continue;
      for (const id of line.unitIds) taken.add(id);
      const ids = [...line.unitIds];
      for (const id of line.unitIds) {
        const u = units.find((x) => x.id === id)!;
        u.durationDays = line.durationDays;
        u.deadline = line.deadline;
      }
      let j = i + 1;
      for (; j < blocks.length; j++) {
        const next = blocks[j]!;
        const more = next.kind === 'item' ? readScheduleLine(next.text, units, taken) : null;
        if (!more || more.note !== line.note) break;
        for (const id of more.unitIds) taken.add(id);
        for (const id of more.unitIds) {
          const u = units.find((x) => x.id === id)!;
          u.durationDays = more.durationDays;
          u.deadline = more.deadline;
        }
        ids.push(...more.unitIds);
      }
      blocks.splice(i, j - i, { kind: 'pilotSchedule', id: b.id, unitIds: ids, note: line.note });
    }
  };
  schedules(root);
  return units;
}

function recordConfidence(blocks: Block[], path: string, confidences: Map<Block, number>, ctx: Context) {
  blocks.forEach((b, i) => {
    const here = `${path}.${i}`;
    const c = confidences.get(b);
    if (c !== undefined && c < 0.9) ctx.confident(here, c);
    if (b.kind === 'section') recordConfidence(b.children, `${here}.children`, confidences, ctx);
  });
}
