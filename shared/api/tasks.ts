/**
 * Nhiệm vụ: the tasks of issued plans tracked to completion. When a plan is issued, each task of its duty blocks and
 * each pilot unit's deadline becomes a tracked task (identity: the content id). Only facts are stored (started,
 * completed, paused, cancelled, the relative deadline's event date, each recurring period's progress); the status is
 * computed for a day (`on`, default today by the app's clock) with shared/tasks/status.ts. Progress reports are
 * append-only, with evidence files stored content-addressed in the data folder.
 */
import { z } from 'zod';
import { isoDate, nfcString, requiredText, uuid } from '../model/common';
import { PlanStatus, TaskDue } from '../model/plan';
import { TaskFacts, TaskStatusCode } from '../tasks/status';
import { command, query } from './contract';

/** Where a tracked task comes from: a task of a duty block, or a pilot unit's deadline. */
export const TaskSource = z.enum(['task', 'pilotUnit']);
export type TaskSource = z.infer<typeof TaskSource>;

/** The kind of deadline (shared/tasks/deadline.ts `deadlineOf`). */
export const DueKind = z.enum(['none', 'ongoing', 'recurring', 'dates', 'relative']);
export type DueKind = z.infer<typeof DueKind>;

/** Largest evidence file, in bytes. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
/** The evidence types accepted, checked by the file's content (magic bytes), never by its name. */
export const EvidenceMediaType = z.enum([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
]);
export type EvidenceMediaType = z.infer<typeof EvidenceMediaType>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Mã SHA-256 không hợp lệ' });

/** The plan a task belongs to, as lists show it. */
export const TaskPlanRef = z.object({
  id: uuid,
  /** "12" (blank for a plan issued without one: cannot happen, but old data may). */
  number: z.string(),
  docType: z.string(),
  symbol: z.string(),
  /** "12-KH/HU"; blank without a number. */
  ref: z.string(),
  trichYeu: z.string(),
  status: PlanStatus,
  /** The plan's date as printed, "YYYY-MM-DD" when whole, else null. */
  date: z.string().nullable(),
  term: z.string(),
  /** A plan received from another office (its duties assigned to this office): that office; null for our own plans. */
  owner: z.object({ officeId: z.string(), name: z.string() }).nullable(),
});
export type TaskPlanRef = z.infer<typeof TaskPlanRef>;

/** A tracked task with its status on the day asked for. */
export const TaskItem = z.object({
  id: z.string(),
  planId: uuid,
  source: TaskSource,
  /** The id in the plan's content (task.id or pilotUnit.id). */
  sourceId: z.string(),
  /** Đơn vị chủ trì: the duty's body, or for a pilot unit its name. */
  body: z.string(),
  orgId: z.string().nullable(),
  /** Đơn vị phối hợp, as read from the task text ("phối hợp với …"). */
  partners: z.array(z.string()),
  text: z.string(),
  due: TaskDue.nullable(),
  dueKind: DueKind,
  /** The day it falls due on `on` (a recurring task: its current period's; relative: once the event date is known). */
  dueDay: z.string().nullable(),
  status: TaskStatusCode,
  /** The Vietnamese words of the status ("Quá hạn", "Hủy (bỏ khỏi kế hoạch)"). */
  statusLabel: z.string(),
  facts: TaskFacts,
  /** No longer in the plan's content (closed at a reissue). */
  removedFromPlan: z.boolean(),
  /** The day it is tracked from (its plan's issue). */
  trackedFrom: z.string(),
  plan: TaskPlanRef,
  /** The latest progress report's day and percent, if any. */
  lastReport: z.object({ date: z.string(), percent: z.number().int().nullable() }).nullable(),
  reportCount: z.number().int(),
  /**
   * A duty of a plan received from another office whose body is this office: the office our progress reports go back
   * to (in the next package to it); null otherwise.
   */
  reportTo: z.object({ officeId: z.string(), name: z.string() }).nullable(),
});
export type TaskItem = z.infer<typeof TaskItem>;

const on = isoDate.optional();
const dueSoonDays = z.number().int().min(0).max(365).optional();

/** What a task list is filtered by: the day and window of the status, and the filters of the Nhiệm vụ page. */
export const TaskFilter = z.object({
  /** The day the status is computed for (default: today by the app's clock). */
  on,
  /** "Sắp đến hạn" within this many days (default: the office's setting, 7 unless changed in Cài đặt). */
  dueSoonDays,
  statuses: z.array(TaskStatusCode).max(9).optional(),
  /** Đơn vị chủ trì by directory entry, or by its name as printed (exact). */
  orgId: uuid.optional(),
  body: z.string().max(2000).optional(),
  /** Whose plan: 'self' for our own plans, else the office whose received plans (TaskPlanRef.owner). */
  owner: z.union([z.literal('self'), uuid]).optional(),
  planId: uuid.optional(),
  /** The plan's committee term, "2025-2030". */
  term: z.string().max(20).optional(),
  /** Due day range (both included), on the day's due day. */
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  /** Accent-insensitive words in the task text, body or plan number (the last one may be a beginning). */
  search: z.string().max(200).default(''),
});

export const TaskListInput = TaskFilter.extend({
  /** Tasks removed from their plan are listed too (default true; they are "Hủy"). */
  includeRemoved: z.boolean().default(true),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();
export type TaskListInput = z.input<typeof TaskListInput>;
export const TaskListOutput = z.object({ on: z.string(), total: z.number().int(), items: z.array(TaskItem) });
export type TaskListOutput = z.infer<typeof TaskListOutput>;

export const EvidenceFile = z.object({
  sha256,
  /** The name it was given when attached. */
  name: z.string(),
  size: z.number().int(),
  mediaType: EvidenceMediaType,
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const TaskReport = z.object({
  id: uuid,
  taskId: z.string(),
  date: z.string(),
  text: z.string(),
  percent: z.number().int().nullable(),
  createdAt: z.string(),
  files: z.array(EvidenceFile),
  /** A report that came in another office's package (the unit reporting on our task): that office; null for ours. */
  fromOffice: z.object({ officeId: z.string(), name: z.string() }).nullable(),
});
export type TaskReport = z.infer<typeof TaskReport>;

/** One period of a recurring task with its status on the day. */
export const TaskPeriod = z.object({
  key: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  due: z.string(),
  status: TaskStatusCode,
  statusLabel: z.string(),
});

export const TaskGetInput = z.object({ id: z.string().min(1).max(200), on, dueSoonDays }).strict();
export const TaskGetOutput = z.object({
  task: TaskItem,
  /** The task as the plan prints it: the duty's body and the task text (a pilot unit: its name and deadline). */
  context: z.object({
    dutyId: z.string().nullable(),
    dutyBody: z.string(),
    printedText: z.string(),
    /** Still in the plan's current content. */
    inPlan: z.boolean(),
  }),
  /** A recurring task's periods from its tracking start to the end of the current one. */
  periods: z.array(TaskPeriod),
  /** Newest first. */
  reports: z.array(TaskReport),
});
export type TaskGetOutput = z.infer<typeof TaskGetOutput>;

export const TaskSummaryInput = z
  .object({
    on,
    dueSoonDays,
    /** "Đến hạn trong N ngày tới" (default 14). */
    withinDays: z.number().int().min(0).max(366).default(14),
    planId: uuid.optional(),
    /** How many of the tasks falling due to list (the count is always whole). */
    limit: z.number().int().min(0).max(500).default(50),
  })
  .strict();
export const RollUpOutput = z.object({
  done: z.object({ onTime: z.number().int(), late: z.number().int(), total: z.number().int() }),
  notDone: z.object({ inTime: z.number().int(), overdue: z.number().int(), total: z.number().int() }),
  cancelled: z.number().int(),
  total: z.number().int(),
  byStatus: z.record(TaskStatusCode, z.number().int()),
});
export const TaskSummaryOutput = z.object({
  on: z.string(),
  /** Counts by status on the day, and the government's two groups. */
  rollUp: RollUpOutput,
  /** Open tasks falling due from `on` to `on + withinDays` (overdue ones not included), soonest first. */
  dueSoon: z.object({ total: z.number().int(), items: z.array(TaskItem) }),
  /** Overdue tasks by đơn vị chủ trì, most first. */
  overdueByBody: z.array(
    z.object({
      body: z.string(),
      orgId: z.string().nullable(),
      count: z.number().int(),
      /** A received plan's body: the office that owns the plan (its units' tasks shown with ours); null for ours. */
      owner: z.object({ officeId: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
export type TaskSummaryOutput = z.infer<typeof TaskSummaryOutput>;

export const TaskTimelineInput = z
  .object({
    on,
    dueSoonDays,
    planIds: z.array(uuid).max(200).optional(),
    /** Plans with tracked tasks, newest issue first. */
    limit: z.number().int().min(1).max(200).default(20),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export const TimelineTask = z.object({
  id: z.string(),
  source: TaskSource,
  body: z.string(),
  text: z.string(),
  dueKind: DueKind,
  dueDay: z.string().nullable(),
  completedAt: z.string().nullable(),
  status: TaskStatusCode,
});
export const TaskTimelineOutput = z.object({
  on: z.string(),
  total: z.number().int(),
  plans: z.array(z.object({ plan: TaskPlanRef, trackedFrom: z.string(), tasks: z.array(TimelineTask) })),
});
export type TaskTimelineOutput = z.infer<typeof TaskTimelineOutput>;

/** A file attached to a report: its name as chosen and its bytes. */
export const EvidenceUpload = z.object({ name: requiredText(255), base64: z.string().max(40 * 1024 * 1024) }).strict();
export const AddReportInput = z
  .object({
    taskId: z.string().min(1).max(200),
    date: isoDate,
    text: nfcString(20_000).pipe(z.string().trim().min(1, { message: 'Không được để trống' })),
    percent: z.number().int().min(0).max(100).nullable().default(null),
    files: z.array(EvidenceUpload).max(20).default([]),
  })
  .strict();
export type AddReportInput = z.input<typeof AddReportInput>;

const reason = requiredText(2000);
export const SetStateInput = z.discriminatedUnion('action', [
  z.object({ taskId: z.string().min(1).max(200), action: z.literal('start'), date: isoDate, period: z.string().max(10).optional() }).strict(),
  z.object({ taskId: z.string().min(1).max(200), action: z.literal('complete'), date: isoDate, period: z.string().max(10).optional() }).strict(),
  z.object({ taskId: z.string().min(1).max(200), action: z.literal('pause'), date: isoDate, reason }).strict(),
  z.object({ taskId: z.string().min(1).max(200), action: z.literal('cancel'), date: isoDate, reason }).strict(),
  /** Clears a pause (or a cancellation made by hand); a completion is undone with `reopen`. */
  z.object({ taskId: z.string().min(1).max(200), action: z.literal('resume') }).strict(),
  z.object({ taskId: z.string().min(1).max(200), action: z.literal('reopen'), period: z.string().max(10).optional() }).strict(),
  /** The day a relative deadline's event took place ("kết thúc đại hội"); null clears it. */
  z.object({ taskId: z.string().min(1).max(200), action: z.literal('eventDate'), date: isoDate.nullable() }).strict(),
]);
export type SetStateInput = z.input<typeof SetStateInput>;

export const TaskPreviewItem = z.object({
  source: TaskSource,
  sourceId: z.string(),
  body: z.string(),
  text: z.string(),
  due: TaskDue.nullable(),
  dueKind: DueKind,
  /** What issuing the plan now does to it: a new tracked task, an update of text/due, nothing, or close it. */
  change: z.enum(['new', 'changed', 'unchanged', 'removed']),
});
export type TaskPreviewItem = z.infer<typeof TaskPreviewItem>;
export const TaskPreviewOutput = z.object({ items: z.array(TaskPreviewItem) });

export const EvidenceInput = z.object({ sha256 }).strict();
export const EvidenceBytes = z.object({ fileName: z.string(), mediaType: EvidenceMediaType, base64: z.string() });

export const TaskExportInput = TaskFilter.strict();
export const XlsxFile = z.object({ fileName: z.string(), base64: z.string() });

export const TaskFilterOptionsInput = z
  .object({
    /** Words of the plans to offer (accents optional); none: the newest. */
    planSearch: z.string().max(200).optional(),
    /** The plan the list is filtered by: offered whatever the search. */
    planId: uuid.optional(),
  })
  .strict();
export type TaskFilterOptionsInput = z.input<typeof TaskFilterOptionsInput>;

/** What the Nhiệm vụ page's filters offer: the values present among tracked tasks (of plans not in the bin). */
export const TaskFilterOptions = z.object({
  /** Đơn vị chủ trì as printed, in Vietnamese order. */
  bodies: z.array(z.string()),
  /** Plans with tracked tasks (matching `planSearch`), newest first, at most 50; the chosen one first when not among them. */
  plans: z.array(TaskPlanRef),
  /** How many plans with tracked tasks match (more than `plans` holds: type to narrow). */
  plansTotal: z.number().int(),
  /** Their committee terms, newest first. */
  terms: z.array(z.string()),
  /** The offices whose received plans have tracked tasks here (by name). */
  owners: z.array(z.object({ officeId: z.string(), name: z.string() })),
});
export type TaskFilterOptions = z.infer<typeof TaskFilterOptions>;

export const tasksChannels = {
  /** Tracked tasks with their status on a day, filtered, sorted by due day, a page at a time (`total`: all matching). */
  'task.list': query({ input: TaskListInput, output: TaskListOutput }),
  /** One task with its plan context, its periods (recurring) and its reports with their evidence. */
  'task.get': query({ input: TaskGetInput, output: TaskGetOutput }),
  /** The dashboard: counts by status, what falls due soon, overdue by body. */
  'task.summary': query({ input: TaskSummaryInput, output: TaskSummaryOutput }),
  /** Each plan's tasks and pilot units against the day: the dashboard's timeline. */
  'task.timeline': query({ input: TaskTimelineInput, output: TaskTimelineOutput }),
  /** The bodies, plans and terms the task list can be filtered by. */
  'task.filterOptions': query({ input: TaskFilterOptionsInput, output: TaskFilterOptions }),
  /** The tasks issuing this plan (a draft, or a reopened plan) creates, changes or closes. Nothing is stored. */
  'task.preview': query({ input: z.object({ planId: uuid }).strict(), output: TaskPreviewOutput }),
  /** The bytes of an evidence file (the web harness's download; the app opens it through main: file.openEvidence). */
  'task.evidence': query({ input: EvidenceInput, output: EvidenceBytes }),
  /** The task table as .xlsx bytes, one row per task with its status on the day (nothing stored). */
  'task.exportXlsx': query({ input: TaskExportInput, output: XlsxFile }),
  /** Append a progress report with its evidence files; never changes the plan. */
  'task.addReport': command({ input: AddReportInput, output: TaskReport }),
  /** Record a fact: started, completed (with its day), paused or cancelled with a reason, resumed, reopened. */
  'task.setState': command({ input: SetStateInput, output: TaskItem }),
} as const;
export type TasksChannels = typeof tasksChannels;
