/**
 * `npm run kehoach -- tasks --data <thư-mục-dữ-liệu> [--on YYYY-MM-DD] [--json]` (registered in kehoach-cli.ts): the
 * tracked tasks of a data folder with their status on the day (default today), sorted by due day. `--json` prints a
 * JSON array; each task has id, planId, plan (the printed number), body, partners, text, due, dueDay, status (code)
 * and statusLabel (the Vietnamese words the screens show), facts and its last report. Read-only on the data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../electron/backend';
import { DATABASE_FILE } from '../electron/backend/db/open';
import type { TaskItem } from '../shared/api/tasks';
import { isoDate } from '../shared/model/common';

export class TasksUsageError extends Error {
  override name = 'TasksUsageError';
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const PAGE = 500;

/** One line of the table: due day, status, body, text. */
const line = (t: TaskItem): string =>
  `${(t.dueDay ? t.dueDay.split('-').reverse().join('/') : '—').padEnd(10)}  ${t.statusLabel.padEnd(26)}  ${t.plan.ref.padEnd(12)}  ${t.body}: ${t.text}`;

export async function runTasks(options: { dataDir: string; on?: string; json: boolean }, io: Io): Promise<number> {
  if (options.on !== undefined && !isoDate.safeParse(options.on).success) {
    throw new TasksUsageError(`Ngày --on không hợp lệ: ${options.on} (cần dạng YYYY-MM-DD, một ngày có thật).`);
  }
  if (!existsSync(join(options.dataDir, DATABASE_FILE))) {
    throw new TasksUsageError(`Không tìm thấy dữ liệu ${DATABASE_FILE} trong thư mục ${options.dataDir}.`);
  }
  const backend = createBackend({ dataDir: options.dataDir, revisionScanDelayMs: null });
  try {
    const items: TaskItem[] = [];
    let on = options.on;
    for (let offset = 0; ; offset += PAGE) {
      const r = await backend.invoke('task.list', { on, offset, limit: PAGE });
      if (!r.ok) {
        io.err(r.error.message);
        return 1;
      }
      on = r.data.on;
      items.push(...r.data.items);
      if (items.length >= r.data.total || r.data.items.length === 0) break;
    }
    if (options.json) {
      io.out(
        JSON.stringify(
          items.map((t) => ({
            id: t.id,
            planId: t.planId,
            plan: t.plan.ref,
            source: t.source,
            body: t.body,
            partners: t.partners,
            text: t.text,
            due: t.due,
            dueDay: t.dueDay,
            status: t.status,
            statusLabel: t.statusLabel,
            facts: t.facts,
            lastReport: t.lastReport,
          })),
          null,
          2,
        ),
      );
    } else {
      for (const t of items) io.out(line(t));
      io.out(`${items.length} nhiệm vụ, tình trạng tính đến ngày ${on!.split('-').reverse().join('/')}.`);
    }
    return 0;
  } finally {
    backend.close();
  }
}
