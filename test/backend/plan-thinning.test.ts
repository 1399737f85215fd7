/** The autosave history thins with age, in the background, and keeps every revision that matters. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { createContext } from '../../electron/backend/repositories/context';
import { createPlansRepo } from '../../electron/backend/repositories/plans';
import { createRegisterRepo } from '../../electron/backend/repositories/register';
import { PlanSaveInput, type Plan } from '../../shared/model';
import { minimalContent } from './fixtures/plans';
import { cleanup, tempDir } from './helpers';

afterEach(cleanup);

const START = Date.parse('2026-03-02T08:00:00.000Z');
const MINUTE = 60_000;

/** A repository on a real file with a simulated clock and background work that runs only when the test says so. */
function openRepo() {
  const { db } = openDatabase(tempDir());
  let time = START;
  const deferred: (() => void)[] = [];
  const ctx = createContext(db, () => time);
  const plans = createPlansRepo(ctx, {
    register: createRegisterRepo(ctx),
    defaultTerm: () => '2025-2030',
    thinning: { defer: (run) => deferred.push(run), batch: 25 },
  });
  const runBackground = () => {
    while (deferred.length) deferred.shift()!();
  };
  /** One turn of the background work; false when none is waiting. */
  const runOne = () => {
    const run = deferred.shift();
    run?.();
    return !!run;
  };
  return {
    db,
    plans,
    runBackground,
    runOne,
    advance: (ms: number) => (time += ms),
    at: () => time,
    kept: (id: string) => db.prepare<[string], { revision: number; reason: string; saved_at: string }>('SELECT revision, reason, saved_at FROM plan_revisions WHERE plan_id = ? ORDER BY revision').all(id),
  };
}

const contentOf = ({ id: _i, status: _s, revision: _r, createdAt: _c, updatedAt: _u, deletedAt: _d, ...content }: Plan) => content;

/** Type for `minutes` minutes, a save every 20 seconds. */
function type(repo: ReturnType<typeof openRepo>, plan: Plan, minutes: number): Plan {
  let current = plan;
  for (let i = 0; i < minutes * 3; i++) {
    repo.advance(20_000);
    current = repo.plans.save(PlanSaveInput.parse({ ...contentOf(current), trichYeu: `Bản nháp ${repo.at()}`, id: current.id, baseRevision: current.revision }));
  }
  return current;
}

const bucket = (savedAt: string, length: number) => savedAt.slice(0, length);

describe('thinning the autosave history', () => {
  it('keeps the newest autosave of each minute for an hour, of each 10 minutes after, of each day after 30 days, and every other revision', () => {
    const repo = openRepo();
    const first = repo.plans.save(PlanSaveInput.parse({ ...minimalContent(), id: randomUUID(), baseRevision: null }));
    let plan = type(repo, first, 90);
    repo.plans.allocateNumber(plan.id);
    plan = repo.plans.issue(plan.id);
    plan = repo.plans.reopen(plan.id);
    plan = type(repo, plan, 40);
    plan = repo.plans.restoreRevision(plan.id, 200);
    plan = type(repo, plan, 45);
    const before = repo.kept(plan.id);
    expect(before.length).toBeGreaterThan(500);

    // Saving never waits for thinning: nothing is dropped until the background work runs.
    repo.runBackground();
    const after = repo.kept(plan.id);
    expect(after.length).toBeLessThan(100);

    // Every revision that is not an autosave, and the current one, are all still there.
    const special = (rows: typeof before) => rows.filter((r) => r.reason !== 'save').map((r) => r.revision);
    expect(special(after)).toEqual(special(before));
    expect(before.filter((r) => r.reason !== 'save').map((r) => r.reason)).toEqual(['create', 'issue', 'reopen', 'restore']);
    expect(after.at(-1)!.revision).toBe(plan.revision);

    const hourAgo = new Date(repo.at() - 60 * MINUTE).toISOString();
    const saves = after.filter((r) => r.reason === 'save');
    const recent = saves.filter((r) => r.saved_at >= hourAgo);
    const older = saves.filter((r) => r.saved_at < hourAgo);
    // One per minute in the last hour, one per 10 minutes before: each kept autosave is the newest of its bucket.
    expect(new Set(recent.map((r) => bucket(r.saved_at, 16))).size).toBe(recent.length);
    expect(recent.length).toBeGreaterThanOrEqual(59);
    expect(new Set(older.map((r) => bucket(r.saved_at, 15))).size).toBe(older.length);
    for (const kept of saves) {
      const recentTier = kept.saved_at >= hourAgo;
      const length = recentTier ? 16 : 15;
      const sameBucket = before.filter(
        (r) => r.reason === 'save' && (r.saved_at >= hourAgo) === recentTier && bucket(r.saved_at, length) === bucket(kept.saved_at, length),
      );
      expect(kept.revision).toBe(sameBucket.at(-1)!.revision);
    }

    // 31 days later the next write thins everything older than 30 days to one autosave per day.
    repo.advance(31 * 24 * 60 * MINUTE);
    plan = type(repo, plan, 1);
    repo.runBackground();
    const later = repo.kept(plan.id);
    expect(special(later)).toEqual(special(before));
    const old = later.filter((r) => r.reason === 'save' && r.revision < plan.revision - 3);
    expect(new Set(old.map((r) => bucket(r.saved_at, 10))).size).toBe(old.length);
  });

  it('thins only autosaves: a plan of created, issued and restored revisions keeps them all', () => {
    const repo = openRepo();
    const plan = repo.plans.save(PlanSaveInput.parse({ ...minimalContent({ header: { ...minimalContent().header, number: '07' } }), id: randomUUID(), baseRevision: null }));
    for (let i = 0; i < 5; i++) {
      repo.advance(5_000);
      repo.plans.issue(plan.id);
      repo.advance(5_000);
      repo.plans.reopen(plan.id);
      repo.advance(5_000);
      repo.plans.restoreRevision(plan.id, 1);
    }
    repo.advance(40 * 24 * 60 * MINUTE);
    expect(repo.plans.thinHistory(plan.id)).toBe(0);
    expect(repo.kept(plan.id)).toHaveLength(16);
  });

  it('counts days by the local clock: in Việt Nam a day does not end at 07:00', () => {
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Asia/Ho_Chi_Minh';
    try {
      const repo = openRepo();
      let plan = repo.plans.save(PlanSaveInput.parse({ ...minimalContent(), id: randomUUID(), baseRevision: null }));
      const local = (r: { saved_at: string }) => new Date(r.saved_at).toLocaleDateString('en-CA');
      // Autosaves at 22:00 and 23:30 on 2 March, then 01:00 and 06:00 on 3 March (local): in UTC all four are 2 March.
      for (const step of [7 * 60, 90, 90, 5 * 60]) {
        repo.advance(step * MINUTE);
        plan = repo.plans.save(PlanSaveInput.parse({ ...contentOf(plan), trichYeu: `Bản ${repo.at()}`, id: plan.id, baseRevision: plan.revision }));
      }
      const saves = repo.kept(plan.id).filter((r) => r.reason === 'save');
      expect(saves.map((r) => r.saved_at.slice(0, 10))).toEqual(Array(4).fill('2026-03-02'));
      expect(saves.map(local)).toEqual(['2026-03-02', '2026-03-02', '2026-03-03', '2026-03-03']);
      repo.advance(40 * 24 * 60 * MINUTE);
      repo.plans.save(PlanSaveInput.parse({ ...contentOf(plan), trichYeu: 'Bản sau', id: plan.id, baseRevision: plan.revision }));
      repo.plans.thinHistory(plan.id);
      const old = repo.kept(plan.id).filter((r) => r.reason === 'save' && r.saved_at < '2026-04');
      // The newest of each local day stays: 23:30 on 2 March and 06:00 on 3 March.
      expect(old.map((r) => r.revision)).toEqual([saves[1]!.revision, saves[3]!.revision]);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('many plans asking at once (an imported package) are thinned a few per turn of the event loop; a plan with more to drop takes a batch per turn until done', () => {
    const repo = openRepo();
    for (let i = 0; i < 120; i++) repo.plans.save(PlanSaveInput.parse({ ...minimalContent(), id: randomUUID(), baseRevision: null }));
    let turns = 0;
    for (; repo.runOne(); turns++);
    expect(turns).toBe(3);

    const typed = type(repo, repo.plans.save(PlanSaveInput.parse({ ...minimalContent(), id: randomUUID(), baseRevision: null })), 90);
    const toDrop = repo.kept(typed.id).length;
    for (turns = 0; repo.runOne(); turns++);
    expect(repo.kept(typed.id).length).toBeLessThan(100);
    // 25 revisions a batch (this repository's batch), one batch a turn.
    expect(turns).toBeGreaterThanOrEqual(Math.floor((toDrop - 100) / 25));
  });
});
