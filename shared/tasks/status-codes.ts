/** A task's status codes as a plain list, without zod (the start-up pages read it; `TaskStatusCode` in status.ts is its schema). */
export const TASK_STATUS_CODES = [
  'not_started',
  'in_progress',
  'due_soon',
  'overdue',
  'done_on_time',
  'done_late',
  'ongoing',
  'paused',
  'cancelled',
] as const;

export const isTaskStatusCode = (value: string): value is (typeof TASK_STATUS_CODES)[number] => (TASK_STATUS_CODES as readonly string[]).includes(value);
