/**
 * Today's status of every tracked task, kept in the columns status_today / due_today (migrations 8 and 9) so the
 * lists, counts and dashboard read indexes. They hold one day and one "sắp đến hạn" window (task_status_day).
 *
 * When the day (or the window) changes, the columns are brought to the new one in the background, a few hundred rows
 * per small transaction with the event loop free between them, so no call waits for it; meanwhile
 * (task_status_day.refreshing_to set) reads compute the status in SQL, and a write recomputes its rows for the day
 * being brought in. Only rows whose status can differ between the two days are recomputed: a date of theirs (a fact,
 * the event date, the due day or its "sắp đến hạn" edge) lies between them, or their deadline recurs. A refresh cut
 * short (the app closed mid-way) leaves rows of two days, so the next one recomputes every row.
 */
import type { Db } from '../../db/open';
import { isReadOnlyError } from '../../errors';
import { addDays } from '../../../../shared/tasks/deadline';
import { dueSortSql, statusParams, statusSql, type StatusParams } from './status-sql';

/** Rows per transaction: a few milliseconds of work, so a call that arrives meanwhile waits at most that. */
export const REFRESH_CHUNK_ROWS = 500;

interface KeptRow {
  day: string;
  soon_days: number;
  refreshing_to: string | null;
  refreshing_soon: number | null;
}

export interface KeptTarget {
  day: string;
  soonDays: number;
}

/** Whether the status of a task can differ between day A and day B: one of its dates lies between them. */
const CHANGES_BETWEEN = `(t.due_kind = 'recurring' OR t.status_today IS NULL
  OR (t.started_at > :lo AND t.started_at <= :hi) OR (t.completed_at > :lo AND t.completed_at <= :hi)
  OR (t.paused_at > :lo AND t.paused_at <= :hi) OR (t.cancelled_at > :lo AND t.cancelled_at <= :hi)
  OR (t.event_date > :lo AND t.event_date <= :hi)
  OR (t.due_day >= :lo AND t.due_day < :hi) OR (t.due_day > :soonLo AND t.due_day <= :soonHi))`;

const CHANGED = `(t.status_today IS NOT ${statusSql()} OR t.due_today IS NOT ${dueSortSql()})`;

export function createKeptStatus(db: Db, desired: () => KeptTarget, log: (message: string) => void = (m) => process.stderr.write(`${m}\n`)) {
  const state = db.prepare<[], KeptRow>('SELECT day, soon_days, refreshing_to, refreshing_soon FROM task_status_day WHERE id = 1');
  const setDone = db.prepare<{ day: string; soon: number }>(
    `INSERT INTO task_status_day (id, day, soon_days, refreshing_to, refreshing_soon) VALUES (1, :day, :soon, NULL, NULL)
     ON CONFLICT (id) DO UPDATE SET day = excluded.day, soon_days = excluded.soon_days, refreshing_to = NULL, refreshing_soon = NULL`,
  );
  const setRefreshing = db.prepare<{ day: string; soon: number }>(
    `INSERT INTO task_status_day (id, day, soon_days, refreshing_to, refreshing_soon) VALUES (1, '', 0, :day, :soon)
     ON CONFLICT (id) DO UPDATE SET refreshing_to = excluded.refreshing_to, refreshing_soon = excluded.refreshing_soon`,
  );
  const lastSeq = db.prepare<[], number | null>('SELECT max(seq) FROM tracked_tasks').pluck();
  const set = `UPDATE tracked_tasks AS t SET status_today = ${statusSql()}, due_today = ${dueSortSql()}`;
  const chunkAll = db.prepare(`${set} WHERE t.seq >= :from AND t.seq < :to AND ${CHANGED}`);
  const chunkChanged = db.prepare(`${set} WHERE t.seq >= :from AND t.seq < :to AND ${CHANGES_BETWEEN} AND ${CHANGED}`);
  const rowsOfPlan = db.prepare(`${set} WHERE t.plan_id = :planId`);
  const rowsOfTask = db.prepare(`${set} WHERE t.id = :id`);

  let running: Promise<void> | null = null;
  let readOnly = false;
  let failedAt = 0;

  const done = (k: KeptRow | undefined, want: KeptTarget) => !!k && k.refreshing_to === null && k.day === want.day && k.soon_days === want.soonDays;

  /** The day the columns hold, or are being brought to (a write computes its rows for it). */
  function columnsDay(): KeptTarget | null {
    const k = state.get();
    if (!k) return null;
    if (k.refreshing_to !== null) return { day: k.refreshing_to, soonDays: k.refreshing_soon ?? 0 };
    return k.day ? { day: k.day, soonDays: k.soon_days } : null;
  }

  /** Recompute the kept status of a plan's or one task's rows after a write (inside the write's transaction). */
  function refreshRows(by: { planId: string } | { id: string }): void {
    const day = columnsDay();
    if (!day) return;
    const params = { ...statusParams(day.day, day.soonDays), ...by };
    if ('planId' in by) rowsOfPlan.run(params);
    else rowsOfTask.run(params);
  }

  const chunk = db.transaction((params: Record<string, unknown>, all: boolean) => (all ? chunkAll : chunkChanged).run(params).changes);
  const mark = db.transaction((want: KeptTarget, finished: boolean) => {
    if (finished) setDone.run({ day: want.day, soon: want.soonDays });
    else setRefreshing.run({ day: want.day, soon: want.soonDays });
  });
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

  async function refresh(): Promise<void> {
    for (;;) {
      if (!db.open) return;
      const want = desired();
      const k = state.get();
      if (done(k, want)) return;
      // Rows of two days (a refresh cut short) or none yet: every row; else those whose status can differ.
      const all = !k || !k.day || k.refreshing_to !== null;
      const bounds = all ? {} : boundsBetween({ day: k.day, soonDays: k.soon_days }, want);
      mark.immediate(want, false);
      const last = lastSeq.get() ?? 0;
      const sp: StatusParams = statusParams(want.day, want.soonDays);
      for (let from = 0; from <= last; from += REFRESH_CHUNK_ROWS) {
        await pause();
        if (!db.open) return;
        chunk.immediate({ ...sp, ...bounds, from, to: from + REFRESH_CHUNK_ROWS }, all);
      }
      await pause();
      if (!db.open) return;
      mark.immediate(want, true);
    }
  }

  /** Start bringing the columns to the desired day when they are not there (at most one refresh at a time). */
  function start(): Promise<void> {
    if (readOnly || !db.open) return Promise.resolve();
    if (!running) {
      if (Date.now() - failedAt < 30_000) return Promise.resolve();
      running = refresh()
        .catch((err: unknown) => {
          if (isReadOnlyError(err)) readOnly = true;
          else if (db.open) {
            failedAt = Date.now();
            log(`Task status refresh failed: ${err instanceof Error ? err.message : String(err)}`);
          }
        })
        .finally(() => {
          running = null;
        });
    }
    return running;
  }

  /**
   * Whether a query for `sp` can read the kept columns: they hold its day and window, no refresh under way. When
   * `sp` is the desired day but the columns are not there, a refresh starts in the background and the query computes.
   */
  function usesKept(sp: StatusParams): boolean {
    const want = desired();
    if (sp.on !== want.day || sp.soonDays !== want.soonDays) return false;
    if (done(state.get(), want)) return true;
    void start();
    return false;
  }

  return {
    usesKept,
    refreshRows,
    /** Bring the columns to the desired day; resolves when they are there (or cannot be: a read-only store). */
    refresh: start,
    /** The refresh under way, if any (resolves when it ends). */
    settled: (): Promise<void> => running ?? Promise.resolve(),
  };
}
export type KeptStatus = ReturnType<typeof createKeptStatus>;

/**
 * The bounds of CHANGES_BETWEEN for a move from day/window `a` to `b` (either way): a fact or event date in (lo, hi],
 * a due day in [lo, hi) (the overdue edge), or in (soonLo, soonHi] (the "sắp đến hạn" edge).
 */
export function boundsBetween(a: KeptTarget, b: KeptTarget): { lo: string; hi: string; soonLo: string; soonHi: string } {
  const [lo, hi] = a.day <= b.day ? [a.day, b.day] : [b.day, a.day];
  const sa = addDays(a.day, a.soonDays);
  const sb = addDays(b.day, b.soonDays);
  const [soonLo, soonHi] = sa <= sb ? [sa, sb] : [sb, sa];
  return { lo, hi, soonLo, soonHi };
}
