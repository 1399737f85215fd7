/**
 * The deadline a reader of the plan sees for a task of its "Phân công thực hiện", when none was set by hand:
 *
 *   1. the one its own text names (`proposeDue`: dates, a relative deadline, "thường xuyên", "hằng quý" …);
 *   2. else, when the task is part of the pilot congresses, the pilot schedule's date ("Thời gian tiến hành đại hội
 *      điểm … hoàn thành trước ngày 10/01/2025"): a body that holds a pilot congress prepares it by its own date
 *      ("Đảng bộ xã Bình Lư" → the unit "Chi bộ 02 (bản Nà Phát), Đảng bộ xã Bình Lư"), everyone else by the day the
 *      last pilot congress is held. A task is part of them when it names the "đại hội điểm", when its body holds one,
 *      or, in a plan about the pilot congresses (its trích yếu says so), when it speaks of the "đại hội" at all.
 *
 * Pure; used where tasks are tracked (the task store) and where a report lists a plan's tasks, so both agree.
 */
import { proposeDue } from '../format/due-date';
import { foldVietnamese } from '../format/fold';
import type { DutyBlock, PilotUnit, PlanContent, Task, TaskDue } from '../model/plan';

const PILOT_CONGRESS = /\bdai hoi diem\b/u;
const CONGRESS = /\bdai hoi\b/u;
/** Shorter names ("Xã") would match too much. */
const MIN_NAME = 6;

const fold = (text: string) => foldVietnamese(text.normalize('NFC')).replace(/\s+/gu, ' ').trim();

/** The plan's side of the reading, folded once for all its tasks. */
interface PlanSide {
  /** The units with a date, each with its folded name. */
  dated: { unit: PilotUnit; name: string }[];
  /** The last pilot congress's date. */
  last: string;
  aboutPilots: boolean;
}

/** The pilot schedule's dates: each unit's own, and the last one. Null when no unit has a date. */
function planSide(content: PlanContent): PlanSide | null {
  const dated = content.pilotUnits.filter((u) => u.deadline);
  if (!dated.length) return null;
  return {
    dated: dated.map((unit) => ({ unit, name: fold(unit.name) })),
    last: dated.map((u) => u.deadline!).sort().at(-1)!,
    aboutPilots: PILOT_CONGRESS.test(fold(content.trichYeu)),
  };
}

/** The pilot unit a body stands for: the same directory entry, or one name within the other. */
function pilotUnitOf(duty: Pick<DutyBlock, 'body' | 'orgId'>, side: PlanSide): PilotUnit | null {
  const byOrg = side.dated.find(({ unit }) => unit.orgId != null && unit.orgId === duty.orgId);
  if (byOrg) return byOrg.unit;
  const body = fold(duty.body);
  if (body.length < MIN_NAME) return null;
  return side.dated.find(({ name }) => name.length >= MIN_NAME && (name.includes(body) || body.includes(name)))?.unit ?? null;
}

export type DueReader = (task: Pick<Task, 'text'>, duty: Pick<DutyBlock, 'body' | 'orgId'>) => TaskDue | null;

/**
 * dueFromPlan for the tasks of one plan: the plan's side (its pilot schedule, folded names, trích yếu) is read once,
 * at the first task that needs it, not once per task.
 */
export function planDueReader(content: PlanContent): DueReader {
  let side: PlanSide | null | undefined;
  return (task, duty) => {
    const own = proposeDue(task.text, content.header.date);
    if (own) return own;
    if (side === undefined) side = planSide(content);
    if (!side) return null;
    const unit = pilotUnitOf(duty, side);
    const text = fold(task.text);
    if (!unit && !PILOT_CONGRESS.test(text) && !(side.aboutPilots && CONGRESS.test(text))) return null;
    return { dates: [unit?.deadline ?? side.last], relative: '', source: 'auto' };
  };
}

/** The deadline a duty task is tracked by when it has none of its own (see the module comment). */
export function dueFromPlan(task: Pick<Task, 'text'>, duty: Pick<DutyBlock, 'body' | 'orgId'>, content: PlanContent): TaskDue | null {
  return planDueReader(content)(task, duty);
}

/**
 * A task's tracked deadline: the one set on it (by hand or proposed in the editor), else the plan's reading (many
 * tasks of one plan: pass its planDueReader).
 */
export function trackedDue(task: Task, duty: Pick<DutyBlock, 'body' | 'orgId'>, content: PlanContent, reader?: DueReader): TaskDue | null {
  return task.due ?? (reader ?? planDueReader(content))(task, duty);
}
