/**
 * BÁO CÁO figures (budgets), warm medians in ms, for the 40-task plan of test/fixtures/report-40-tasks.ts:
 * - report40Docx: draft the report from the plan and its progress, compose, write the .docx bytes          ≤ 100 ms
 * - report40Backend: through the backend on a real store: report.draft (the issued plan's 40 tracked tasks,
 *   each with two progress reports, read on the day; the draft stored as a new document) then plan.renderDocx   ≤ 100 ms
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend';
import { renderPlanDocx } from '../../electron/backend/docx';
import type { Channel, Input, Output } from '../../shared/api';
import { draft40TaskReport, plan40Tasks } from '../../test/fixtures/report-40-tasks';
import { log, median, sample } from './_stats';

export const budgets = { report40Docx: 100, report40Backend: 100 };

export async function run(): Promise<Record<string, number>> {
  log('report: draft + .docx of the 40-task report');
  const report40Docx = median(await sample(21, async () => renderPlanDocx(draft40TaskReport()), 5));

  const dataDir = mkdtempSync(join(tmpdir(), 'kh-bench-report-'));
  const backend = createBackend({ dataDir, appVersion: 'bench', clock: () => new Date(2025, 5, 15, 9).getTime() });
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = await backend.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as Output<C>;
  };
  try {
    log('report: a store with the issued 40-task plan and 80 progress reports');
    const plan = await call('plan.save', { ...plan40Tasks(), id: crypto.randomUUID(), baseRevision: null });
    await call('plan.issue', { id: plan.id });
    for (const task of (await call('task.list', { planId: plan.id, limit: 500 })).items) {
      await call('task.addReport', { taskId: task.id, date: '2025-03-01', text: 'Đã ban hành văn bản hướng dẫn.', percent: 20 });
      await call('task.addReport', { taskId: task.id, date: '2025-06-01', text: `Đã triển khai đến các chi bộ; ${task.body} theo dõi, đôn đốc.`, percent: 70 });
    }
    log('report: report.draft + plan.renderDocx through the backend');
    const report40Backend = median(
      await sample(15, async () => {
        const report = await call('report.draft', { planIds: [plan.id], period: '2025-H1' });
        await call('plan.renderDocx', { id: report.id });
      }),
    );
    return { report40Docx, report40Backend };
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await run());
