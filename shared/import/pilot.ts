/**
 * Pilot units (đơn vị làm điểm) where the text has them: the groups "Đối với chi bộ trực thuộc đảng ủy cơ sở" /
 * "Đối với Chi bộ, Đảng bộ cơ sở" with their unit lines and "Đại biểu dự đại hội gồm: …" sentences, and the schedule
 * lines "- <units>: Không quá 01 ngày, <note>, hoàn thành trước ngày 10/01/2025." — the inverse of
 * shared/layout/phrases.ts.
 */
import { PILOT_GROUP_TRUC_THUOC, pilotBaseGroupHeading } from '../layout/phrases';
import type { Block, PilotCategory, PilotUnit } from '../model/plan';

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/uỷ/gu, 'ủy').replace(/[\s.:;,]+$/u, '').replace(/\s+/gu, ' ').trim();
const GROUP_TITLES = [PILOT_GROUP_TRUC_THUOC, pilotBaseGroupHeading(true, true), pilotBaseGroupHeading(true, false), pilotBaseGroupHeading(false, true)].map(fold);

export const isPilotGroupTitle = (title: string): boolean => GROUP_TITLES.includes(fold(title));

const count = (s: string | undefined) => (s === undefined ? null : Number(s));

/** "Đại biểu dự đại hội gồm: <who> (khoảng 282 đại biểu, trong đó: đảng viên chi bộ 13 đồng chí; đại biểu mời 269 đồng chí)." */
function readDelegates(text: string): Pick<PilotUnit, 'attendees' | 'members' | 'invited' | 'total'> | null {
  const m = /^Đại biểu dự đại hội(?:\s+gồm\s*:\s*(.*?))?\s*(?:\((khoảng[^()]*)\)|(khoảng.*?))?\.?$/su.exec(text.trim());
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const figures = m[2] ?? m[3] ?? '';
  return {
    attendees: (m[1] ?? '').trim(),
    total: count(/khoảng\s+(\d+)\s+đại biểu/u.exec(figures)?.[1]),
    members: count(/đảng viên(?: chi bộ| của đảng bộ)\s+(\d+)\s+đồng chí/u.exec(figures)?.[1]),
    invited: count(/đại biểu mời\s+(\d+)\s+đồng chí/u.exec(figures)?.[1]),
  };
}

const BASE_LINE = /^(Chi bộ cơ sở|Đảng bộ cơ sở)\s*:\s*(.+?)\.?$/su;

/** The units of one group section, or null when its children are not unit lines. */
export function readPilotGroup(children: Block[], newId: () => string): PilotUnit[] | null {
  const units: PilotUnit[] = [];
  for (const b of children) {
    if (b.kind !== 'paragraph' && b.kind !== 'item') return null;
    const text = b.text.trim();
    const last = units.at(-1);
    const delegates = b.kind === 'paragraph' ? readDelegates(text) : null;
    if (delegates && last) {
      Object.assign(last, delegates);
      continue;
    }
    let category: PilotCategory = 'chi-bo-truc-thuoc';
    let name = text.replace(/\.$/u, '');
    if (b.kind === 'item') {
      const m = BASE_LINE.exec(text);
      if (!m) return null;
      category = m[1] === 'Chi bộ cơ sở' ? 'chi-bo-co-so' : 'dang-bo-co-so';
      name = m[2]!.trim();
    }
    units.push({ id: newId(), name, category, term: '', attendees: '', members: null, invited: null, total: null, durationDays: null, deadline: null, orgId: null });
  }
  return units.length ? units : null;
}

export interface ScheduleLine {
  unitIds: string[];
  durationDays: number | null;
  deadline: string | null;
  note: string;
}

/** "- A; B: Không quá 02 ngày, <note>, hoàn thành trước ngày 31/3/2025." when A and B are known units. */
export function readScheduleLine(text: string, units: PilotUnit[], taken: ReadonlySet<string> = new Set()): ScheduleLine | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const names = text.slice(0, colon).split(/\s*;\s*/u).map(fold);
  // Units of the same name (a plan may repeat one) are taken in order: the first one not named yet.
  const here = new Set<string>();
  const ids = names.map((n) => {
    const same = units.filter((u) => fold(u.name) === n);
    const unit = same.find((u) => !taken.has(u.id) && !here.has(u.id)) ?? same[0];
    if (unit) here.add(unit.id);
    return unit?.id;
  });
  if (!ids.length || ids.some((id) => !id)) return null;
  let rest = text.slice(colon + 1).trim().replace(/\.$/u, '');
  let durationDays: number | null = null;
  let deadline: string | null = null;
  const dur = /^Không quá\s+(\d+)\s+ngày\s*,?\s*/iu.exec(rest);
  if (dur) {
    durationDays = Number(dur[1]);
    rest = rest.slice(dur[0].length);
  }
  const due = /,?\s*hoàn thành trước ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})$/iu.exec(rest);
  if (due) {
    deadline = `${due[3]}-${due[2]!.padStart(2, '0')}-${due[1]!.padStart(2, '0')}`;
    rest = rest.slice(0, due.index);
  }
  if (durationDays === null && deadline === null) return null;
  const note = rest.trim();
  return { unitIds: ids as string[], durationDays, deadline, note: note && durationDays === null ? note.charAt(0).toLowerCase() + note.slice(1) : note };
}
