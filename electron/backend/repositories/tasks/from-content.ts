/**
 * What a plan's content gives to track: each task of its duty blocks and each pilot unit's deadline, with the
 * derived columns the status SQL needs. Pure functions over PlanContent.
 */
import type { PlanContent, TaskDue } from '../../../../shared/model';
import { deadlineOf } from '../../../../shared/tasks/deadline';
import { planDueReader, trackedDue } from '../../../../shared/tasks/plan-due';
import type { DueKind, TaskSource } from '../../../../shared/api/tasks';
import { pilotUnitTaskText } from '../../../../shared/layout/report-phrases';
import { collectTasks } from '../plan-index';

export interface TrackedSource {
  source: TaskSource;
  sourceId: string;
  position: number;
  dutyId: string | null;
  body: string;
  orgId: string | null;
  partners: string[];
  text: string;
  due: TaskDue | null;
}

/** "… phối hợp với Văn phòng Huyện ủy, Ban Tuyên giáo và Đảng ủy các xã thực hiện" → the bodies named. */
const PARTNERS = /phối\s+hợp(?:\s+(?:với|cùng))?\s+([^.;:]+)/giu;
const STOP = /\s+(?:thực\s+hiện|triển\s+khai|tổ\s+chức|tham\s+mưu|hướng\s+dẫn|để|trong|theo|nhằm)\b.*$/iu;

export function partnersOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFC').matchAll(PARTNERS)) {
    const list = m[1]!.replace(STOP, '');
    for (const part of list.split(/,|\s+và\s+/u)) {
      const name = part.trim().replace(/^với\s+/u, '');
      if (name.length >= 3 && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** How a pilot unit's deadline reads as a task (a BÁO CÁO lists it in the same words). */
export const pilotUnitText = pilotUnitTaskText;

export function trackedSourcesOf(content: PlanContent): TrackedSource[] {
  // A BÁO CÁO reports on tasks; it assigns none, even when it quotes a duty block.
  if (content.header.docType !== 'KH') return [];
  const reader = planDueReader(content);
  const out: TrackedSource[] = collectTasks(content).map(({ task, duty }, position) => ({
    source: 'task' as const,
    sourceId: task.id,
    position,
    dutyId: duty.id,
    body: duty.body,
    orgId: duty.orgId,
    partners: partnersOf(task.text),
    text: task.text,
    // A task whose due date was never set is tracked by the deadline its text or the pilot schedule gives it.
    due: trackedDue(task, duty, content, reader),
  }));
  const base = out.length;
  content.pilotUnits.forEach((u, i) =>
    out.push({
      source: 'pilotUnit',
      sourceId: u.id,
      position: base + i,
      dutyId: null,
      body: u.name,
      orgId: u.orgId,
      partners: [],
      text: pilotUnitText(u.name),
      due: u.deadline ? { dates: [u.deadline], relative: '', source: 'manual' } : null,
    }),
  );
  return out;
}

/** The kind of a due and the day a fixed or relative one falls due (relative: once the event date is known). */
export function dueColumns(due: TaskDue | null, eventDate: string | null): { dueKind: DueKind; dueDay: string | null } {
  const d = deadlineOf(due, eventDate);
  if (d.kind === 'dates' || d.kind === 'relative') return { dueKind: d.kind, dueDay: d.due };
  return { dueKind: d.kind, dueDay: null };
}
