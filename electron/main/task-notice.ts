/**
 * The desktop app's system notification at start: what is overdue and what falls due this week, at most once a
 * day (the day it was last shown is kept in the data folder, `task-notice.json`). Main asks the backend itself
 * (`task.summary`), so the renderer needs no notification permission (every permission stays denied). The window
 * shows the same facts in its own notice (renderer/src/app/StartNotice.tsx).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { InvokeResult } from '../../shared/api';

/** "This week": today and the six days after it (as the window's notice counts). */
const WEEK_DAYS = 6;
export const NOTICE_FILE = 'task-notice.json';
const Stored = z.object({ lastShown: z.string() });

export interface TaskNoticeDeps {
  dataDir: string;
  /** Today as the office's calendar shows it ("YYYY-MM-DD"). */
  today: string;
  summary: (input: { withinDays: number; limit: number }) => Promise<InvokeResult<'task.summary'>>;
  show: (notice: { title: string; body: string }) => void;
}

/** The words of the notice; null when nothing needs attention. */
export function taskNoticeText(overdue: number, dueThisWeek: number): { title: string; body: string } | null {
  const parts = [
    ...(overdue > 0 ? [`${overdue} nhiệm vụ quá hạn`] : []),
    ...(dueThisWeek > 0 ? [`${dueThisWeek} nhiệm vụ đến hạn trong tuần này`] : []),
  ];
  if (parts.length === 0) return null;
  return { title: 'KẾ HOẠCH — Nhiệm vụ cần chú ý', body: `${parts.join('; ')}.` };
}

function lastShown(dataDir: string): string | null {
  try {
    return Stored.parse(JSON.parse(readFileSync(join(dataDir, NOTICE_FILE), 'utf8'))).lastShown;
  } catch {
    return null;
  }
}

/** Shows the notice unless it was shown today; says what it did. A failure shows nothing and is not retried today. */
export async function notifyTasksOncePerDay(deps: TaskNoticeDeps): Promise<'shown' | 'already-today' | 'nothing' | 'failed'> {
  if (lastShown(deps.dataDir) === deps.today) return 'already-today';
  const result = await deps.summary({ withinDays: WEEK_DAYS, limit: 0 });
  if (!result.ok) return 'failed';
  const text = taskNoticeText(result.data.rollUp.notDone.overdue, result.data.dueSoon.total);
  if (!text) return 'nothing';
  deps.show(text);
  try {
    writeFileSync(join(deps.dataDir, NOTICE_FILE), JSON.stringify({ lastShown: deps.today }));
  } catch {
    // A read-only data folder: the notice may then show again at the next start.
  }
  return 'shown';
}
