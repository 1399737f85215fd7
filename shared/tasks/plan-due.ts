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

/** The pilot unit a body stands for: the same directory entry, or one name within the other. */
function pilotUnitOf(duty: Pick<DutyBlock, 'body' | 'orgId'>, units: readonly PilotUnit[]): PilotUnit | null {
  const body = fold(duty.body);
  return (
    units.find((u) => u.orgId != null && u.orgId === duty.orgId) ??
    units.find((u) => {
      const name = fold(u.name);
      return body.length >= MIN_NAME && name.length >= MIN_NAME && (name.includes(body) || body.includes(name));
    }) ??
    null
  );
}

/** The pilot schedule's dates: each unit's own, and the last one. Null when no unit has a date. */
function pilotSchedule(content: PlanContent): { dated: PilotUnit[]; last: string } | null {
  const dated = content.pilotUnits.filter((u) => u.deadline);
  if (!dated.length) return null;
  return { dated, last: dated.map((u) => u.deadline!).sort().at(-1)! };
}

/** The deadline a duty task is tracked by when it has none of its own (see the module comment). */
export function dueFromPlan(task: Pick<Task, 'text'>, duty: Pick<DutyBlock, 'body' | 'orgId'>, content: PlanContent): TaskDue | null {
  const own = proposeDue(task.text, content.header.date);
  if (own) return own;
  const schedule = pilotSchedule(content);
  if (!schedule) return null;
  const unit = pilotUnitOf(duty, schedule.dated);
  const text = fold(task.text);
  const aboutPilots = PILOT_CONGRESS.test(fold(content.trichYeu));
  if (!unit && !PILOT_CONGRESS.test(text) && !(aboutPilots && CONGRESS.test(text))) return null;
  return { dates: [unit?.deadline ?? schedule.last], relative: '', source: 'auto' };
}

/** A task's tracked deadline: the one set on it (by hand or proposed in the editor), else the plan's reading. */
export function trackedDue(task: Task, duty: Pick<DutyBlock, 'body' | 'orgId'>, content: PlanContent): TaskDue | null {
  return task.due ?? dueFromPlan(task, duty, content);
}
