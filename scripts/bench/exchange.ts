/**
 * Exchange figures on 1,000 seed-sized plans (the three seed plans in turn, fresh ids), every one issued with its
 * official .docx (the seed's own, rendered once), with budgets:
 * - export: exchange.exportPackage of everything (records, .docx, manifest, signature, zip)          ≤ 2000 ms median
 * - importEmpty: exchange.import of that package into an empty database (checks, classify, apply)   ≤ 3000 ms median
 * - reimport: importing the same package again (every check, then "already imported")              ≤ 1000 ms median
 * The import queues the received plans' tracked tasks (about 12,000) and compresses their revisions after it; also
 * reported: the first task read after it, which creates the queued tasks first (tasksReady).
 * - bytesPerPlanKB: the package's size per plan                                                     ≤ 15 KB
 * Also reported: CPU time of each (on a shared machine wall time overstates it), the .docx and the records' share of
 * the size. Real files and databases in a temp folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { renewIds } from '../../shared/model/renew-ids';
import { templateContent } from '../../test/backend/fixtures/plans';
import { log, median, ok } from './_stats';

export const budgets = {
  'export.medianMs': 2000,
  'importEmpty.medianMs': 3000,
  'reimport.medianMs': 1000,
  'bytesPerPlanKB': 15,
};

const PLANS = 1000;
const SEEDS = ['seed-01-huyen-uy-dai-hoi-diem.json', 'seed-02-tinh-uy-thuc-hien-chi-thi-35.json', 'seed-03-btctw-doan-du-dai-hoi.json'].map(templateContent);

export async function run(): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'kehoach-bench-exchange-'));
  try {
    log(`exchange: seeding ${PLANS} issued seed plans…`);
    const senderDir = join(root, 'sender');
    const sender = createBackend({ dataDir: senderDir, appVersion: '1.0.0', revisionScanDelayMs: null });
    const ids: string[] = [];
    for (let i = 0; i < PLANS; i++) {
      const plan = await ok(sender.invoke('plan.save', { ...renewIds(SEEDS[i % SEEDS.length]!, randomUUID), id: randomUUID(), baseRevision: null }));
      ids.push(plan.id);
    }
    const docx = SEEDS.map(() => Buffer.alloc(0));
    for (let s = 0; s < SEEDS.length; s++) docx[s] = Buffer.from((await ok(sender.invoke('plan.renderDocx', { id: ids[s]! }))).base64, 'base64');
    // Issued with their official copy: set directly (issuing runs the lint and renders each .docx, not what is measured).
    const raw = new Database(join(senderDir, DATABASE_FILE));
    const put = raw.prepare("INSERT INTO official_copies (plan_id, revision, sha256, docx, stored_at) VALUES (?, 1, ?, ?, '2025-01-01T00:00:00.000Z')");
    const { createHash } = await import('node:crypto');
    raw.transaction(() => {
      raw.prepare("UPDATE plans SET status = 'issued'").run();
      ids.forEach((id, i) => {
        const d = docx[i % SEEDS.length]!;
        put.run(id, createHash('sha256').update(d).digest('hex'), d);
      });
    })();
    raw.close();

    /** CPU time of this process: on a machine shared with other work, wall time overstates it. */
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const exportCpu: number[] = [];
    const importCpu: number[] = [];
    const reimportCpu: number[] = [];
    const tasksReady: number[] = [];
    const exports: number[] = [];
    let base64 = '';
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const out = await ok(sender.invoke('exchange.exportPackage', {}));
      exports.push(performance.now() - start);
      exportCpu.push(cpuMs(cpu));
      if (out.plans !== PLANS || out.documents !== PLANS) throw new Error(`exported ${out.plans} plans, ${out.documents} documents`);
      base64 = out.base64;
    }
    sender.close();
    const bytes = Buffer.from(base64, 'base64').length;

    const imports: number[] = [];
    const reimports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const receiver = createBackend({ dataDir: join(root, `receiver-${i}`), appVersion: '1.0.0', revisionScanDelayMs: null });
      let start = performance.now();
      let cpu = process.cpuUsage();
      const first = await ok(receiver.invoke('exchange.import', { base64, trust: true }));
      imports.push(performance.now() - start);
      importCpu.push(cpuMs(cpu));
      if (!first.opened || first.inspection.counts.new !== PLANS) throw new Error('import did not take every plan');
      start = performance.now();
      cpu = process.cpuUsage();
      const again = await ok(receiver.invoke('exchange.import', { base64 }));
      reimports.push(performance.now() - start);
      reimportCpu.push(cpuMs(cpu));
      if (!again.opened || !again.alreadyImported) throw new Error('second import was not "already imported"');
      start = performance.now();
      const summary = await ok(receiver.invoke('task.summary', { withinDays: 7, limit: 10 }));
      tasksReady.push(performance.now() - start);
      if (summary.rollUp.total < PLANS * 10) throw new Error(`only ${summary.rollUp.total} tasks after the import`);
      receiver.close();
    }
    const figures = {
      'export.medianMs': median(exports),
      'export.cpuMedianMs': median(exportCpu),
      'importEmpty.cpuMedianMs': median(importCpu),
      'reimport.cpuMedianMs': median(reimportCpu),
      'importEmpty.medianMs': median(imports),
      'reimport.medianMs': median(reimports),
      'importEmpty.tasksReadyMs': median(tasksReady),
      'packageMB': bytes / (1024 * 1024),
      'bytesPerPlanKB': bytes / PLANS / 1024,
      'docxPerPlanKB': docx.reduce((n, d) => n + d.length, 0) / docx.length / 1024,
      /** Without the official .docx (a draft plan's share): records, manifest line, zip headers. */
      'recordsPerPlanKB': (bytes - ids.reduce((n, _id, i) => n + docx[i % SEEDS.length]!.length, 0)) / PLANS / 1024,
    };
    log(`exchange: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
