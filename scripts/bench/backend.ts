/**
 * Backend figures, with their budgets:
 * - coldStartEmpty: createBackend (open + quick_check + migrate) on a new, empty data folder      ≤ 100 ms median
 * - coldStart10kOrgs: createBackend on a data folder holding 10,000 organizations                  ≤ 300 ms median
 * - planList: plan.list with an accent-insensitive query over 10,000 plans                        ≤ 30 ms p95
 * - planSave: plan.save of a seed-sized plan (seed 01) into that store                             ≤ 10 ms median
 * - dayOfTyping: 8 hours of autosave on seed 02 (a save every 0.9 s on a simulated clock, 32,000 saves, the history
 *   thinning in the background as in the app): the database file at the end                       ≤ 10 MB
 *   and plan.save in the last hour of the day                                                      ≤ 10 ms p95
 * Every call goes through invoke (contract validation included), on real files in a temp folder.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { DATABASE_FILE, openDatabase } from '../../electron/backend/db/open';
import { createContext } from '../../electron/backend/repositories/context';
import { createOrganizationsRepo } from '../../electron/backend/repositories/organizations';
import { createPlansRepo } from '../../electron/backend/repositories/plans';
import { createRegisterRepo } from '../../electron/backend/repositories/register';
import { OrgInput, PlanSaveInput, type OrgKind, type PlanContentInput } from '../../shared/model';
import { renewIds } from '../../shared/model/renew-ids';
import { generatedContent, templateContent } from '../../test/backend/fixtures/plans';
import { log, median, percentile, sample, ok } from './_stats';

export const budgets = {
  'coldStartEmpty.medianMs': 100,
  'coldStart10kOrgs.medianMs': 300,
  'planList.p95Ms': 30,
  'planSave.medianMs': 10,
  'dayOfTyping.fileMB': 10,
  'dayOfTyping.lastHourSave.p95Ms': 10,
};

const folders: string[] = [];
const newFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-bench-'));
  folders.push(dir);
  return dir;
};

/**
 * Time createBackend alone (open, quick_check, pragmas, migrations); close is not part of a start. The better-sqlite3
 * module is already loaded, as it is in the app's worker by the time it opens the store.
 */
function coldStarts(dataDir: () => string, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = dataDir();
    const start = performance.now();
    const backend = createBackend({ dataDir: dir });
    out.push(performance.now() - start);
    backend.close();
  }
  return out;
}

const KINDS: OrgKind[] = ['cap-tren', 'ban-dang', 'co-so', 'chinh-quyen', 'doan-the', 'ca-nhan', 'khac'];

/** Seed through the repositories (the real save code) inside one transaction, so seeding takes seconds, not minutes. */
function seedOrganizations(dataDir: string, count: number): void {
  const { db } = openDatabase(dataDir);
  const orgs = createOrganizationsRepo(createContext(db));
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      orgs.save(OrgInput.parse({ name: `Chi bộ thôn ${i}, Đảng ủy xã Mường Phăng ${i % 97}`, shortName: `CB${i}`, kind: KINDS[i % KINDS.length], notes: 'Đơn vị trong danh bạ' }));
    }
  })();
  db.close();
}

const SEEDS = ['seed-01-huyen-uy-dai-hoi-diem.json', 'seed-02-tinh-uy-thuc-hien-chi-thi-35.json', 'seed-03-btctw-doan-du-dai-hoi.json'].map(templateContent);

/** 10,000 plans: every tenth a full seed plan (fresh ids), the rest generated plans of a few pages. */
export function seedPlans(dataDir: string, count: number): void {
  const { db } = openDatabase(dataDir);
  const ctx = createContext(db);
  const plans = createPlansRepo(ctx, { register: createRegisterRepo(ctx), defaultTerm: () => '2020-2025' });
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const content: PlanContentInput = i % 10 === 0 ? renewIds(SEEDS[(i / 10) % SEEDS.length]!, randomUUID) : generatedContent(i);
      plans.save(PlanSaveInput.parse({ ...content, id: randomUUID(), baseRevision: null }));
    }
  })();
  db.close();
}

const QUERIES = [
  'dai hoi diem',
  'ke hoach',
  'dang uy xa',
  'to chuc dai hoi',
  'kiem tra giam sat',
  'tuyen truyen ky niem',
  'chi bo truc thuoc',
  'phat trien dang vien',
  'bao ve chinh tri noi bo',
  'so ket cong tac',
  'dai hoi d',
  'chi thi 35',
];

async function planFigures(): Promise<Record<string, number>> {
  const dataDir = newFolder();
  const seedStart = performance.now();
  seedPlans(dataDir, 10_000);
  log(`  seeded 10,000 plans in ${((performance.now() - seedStart) / 1000).toFixed(1)} s, ${(statSync(join(dataDir, DATABASE_FILE)).size / 1e6).toFixed(0)} MB`);

  const backend: Backend = createBackend({ dataDir });
  try {
    let matches = 0;
    const list = await sample(QUERIES.length * 25, async (i) => {
      const query = QUERIES[Math.abs(i) % QUERIES.length]!;
      matches += (await ok(backend.invoke('plan.list', { query }))).total;
    }, QUERIES.length);
    const browse = await sample(50, () => ok(backend.invoke('plan.list', {})));

    const seed = await ok(backend.invoke('plan.save', { ...renewIds(SEEDS[0]!, randomUUID), id: randomUUID(), baseRevision: null }));
    const { id, status: _s, revision: _r, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content } = seed;
    let revision = seed.revision;
    const save = await sample(60, async (i) => {
      const saved = await ok(backend.invoke('plan.save', { ...content, trichYeu: `${content.trichYeu} (${i})`, id, baseRevision: revision }));
      revision = saved.revision;
    });
    const get = await sample(50, () => ok(backend.invoke('plan.get', { id })));

    return {
      'planList.p95Ms': percentile(list, 95),
      'planList.medianMs': median(list),
      'planList.avgMatches': matches / (list.length + QUERIES.length),
      'planListNoQuery.p95Ms': percentile(browse, 95),
      'planSave.medianMs': median(save),
      'planSave.p95Ms': percentile(save, 95),
      'planGet.medianMs': median(get),
    };
  } finally {
    backend.close();
  }
}

const fileMB = (path: string) => (existsSync(path) ? statSync(path).size / 1e6 : 0);

/**
 * A day of typing: seed 02 saved every 0.9 s for 8 hours of simulated time (the clock is injected, the saves are real).
 * Between saves the event loop turns, as it does between keystrokes, so the background thinning runs as in the app.
 */
async function dayOfTyping(): Promise<Record<string, number>> {
  const dataDir = newFolder();
  const start = Date.parse('2026-03-02T01:00:00.000Z');
  const saves = Math.round((8 * 3600) / 0.9);
  let time = start;
  const backend: Backend = createBackend({ dataDir, clock: () => time });
  const path = join(dataDir, DATABASE_FILE);
  try {
    const seed = await ok(backend.invoke('plan.save', { ...renewIds(SEEDS[1]!, randomUUID), id: randomUUID(), baseRevision: null }));
    const { id, status: _s, revision: _r, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content } = seed;
    const lead = content.canCu.lead;
    const typed = 'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng quán triệt sâu sắc và triển khai nghiêm túc. ';
    let revision = seed.revision;
    const firstHour: number[] = [];
    const lastHour: number[] = [];
    const all: number[] = [];
    let peakMB = 0;
    const began = performance.now();
    for (let i = 0; i < saves; i++) {
      time = start + Math.round(i * 900);
      const input = { ...content, canCu: { ...content.canCu, lead: `${lead} ${typed.repeat(3).slice(0, 1 + (i % 250))}` }, id, baseRevision: revision };
      const t0 = performance.now();
      const saved = await ok(backend.invoke('plan.save', input));
      const ms = performance.now() - t0;
      revision = saved.revision;
      all.push(ms);
      if (i < 4000) firstHour.push(ms);
      if (i >= saves - 4000) lastHour.push(ms);
      // The editor's next autosave comes 0.9 s later: the event loop turns (background thinning runs) before it.
      await new Promise((resolve) => setImmediate(resolve));
      if (i % 4000 === 0) {
        peakMB = Math.max(peakMB, fileMB(path) + fileMB(`${path}-wal`));
        log(`  day of typing: ${i} saves, ${((performance.now() - began) / 1000).toFixed(0)} s, file ${fileMB(path).toFixed(1)} MB`);
      }
    }
    const endMB = fileMB(path) + fileMB(`${path}-wal`);
    const kept = (await ok(backend.invoke('plan.revisions', { id }))).total;
    backend.close();
    return {
      'dayOfTyping.saves': saves,
      'dayOfTyping.keptRevisions': kept,
      'dayOfTyping.fileMB': endMB,
      'dayOfTyping.peakFileMB': Math.max(peakMB, endMB),
      'dayOfTyping.closedFileMB': fileMB(path),
      'dayOfTyping.save.medianMs': median(all),
      'dayOfTyping.save.p95Ms': percentile(all, 95),
      'dayOfTyping.firstHourSave.p95Ms': percentile(firstHour, 95),
      'dayOfTyping.lastHourSave.p95Ms': percentile(lastHour, 95),
    };
  } finally {
    backend.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  try {
    const empty = coldStarts(newFolder, 25);
    const reopenDir = newFolder();
    createBackend({ dataDir: reopenDir }).close();
    const reopen = coldStarts(() => reopenDir, 25);

    const orgDir = newFolder();
    seedOrganizations(orgDir, 10_000);
    const orgs = coldStarts(() => orgDir, 15);
    const orgBackend = createBackend({ dataDir: orgDir });
    const orgList = await sample(30, () => ok(orgBackend.invoke('org.list', { query: 'muong phang 4' })));
    orgBackend.close();

    return {
      'coldStartEmpty.medianMs': median(empty),
      'coldStartEmpty.p95Ms': percentile(empty, 95),
      'coldStartEmptyReopen.medianMs': median(reopen),
      'coldStart10kOrgs.medianMs': median(orgs),
      'coldStart10kOrgs.p95Ms': percentile(orgs, 95),
      'orgList10k.medianMs': median(orgList),
      ...(await planFigures()),
      ...(await dayOfTyping()),
    };
  } finally {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
