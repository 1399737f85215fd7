/**
 * History that does not grow without end. Autosave keeps a revision per change (about one a second while typing); the
 * thinning keeps, among a plan's autosaves (reason 'save'):
 * - within the last hour, the newest of each minute;
 * - older than an hour, the newest of each 10 minutes;
 * - older than 30 days, the newest of each day (days and minutes by the machine's local clock).
 * Revisions of every other reason (create, issue, reopen, restore, import) and the plan's current revision are kept
 * forever. SQLite reuses the freed pages, so the file stops growing rather than shrinking.
 *
 * It runs in the background and never blocks a save: a write asks for its plan to be thinned, and the work happens
 * later (setImmediate) in small bounded batches, each in its own transaction, until nothing is left to drop.
 */
import type { RepoContext } from '../context';

const MINUTE = 60_000;
export const THINNING = {
  /** Autosaves younger than this keep one per minute. */
  perMinuteFor: 60 * MINUTE,
  /** Then one per 10 minutes up to this age; older ones keep one per day. */
  perTenMinutesFor: 30 * 24 * 60 * MINUTE,
  /** Revisions dropped per transaction. */
  batch: 100,
  /** Plans thinned per turn of the event loop: an imported package asks for a thousand at once. */
  plansPerTurn: 50,
} as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-28T17:30:05.000Z" → "2026-11-29T00:30" in Asia/Ho_Chi_Minh: an ISO time as the local clock shows it. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface ThinningOptions {
  /** How background work is deferred (default setImmediate). */
  defer?: (run: () => void) => void;
  batch?: number;
  plansPerTurn?: number;
}

export function createHistoryThinning(ctx: RepoContext, options: ThinningOptions = {}) {
  const { db } = ctx;
  const defer = options.defer ?? ((run: () => void) => void setImmediate(run));
  const batch = options.batch ?? THINNING.batch;
  const plansPerTurn = options.plansPerTurn ?? THINNING.plansPerTurn;

  // The bucket of an autosave is a prefix of its local time (the machine's time zone, as the clerk reads the clock):
  // minute "2026-11-29T16:05", ten minutes "2026-11-29T16:0", day "2026-11-29". In UTC, a day in Việt Nam would end at
  // 07:00. Within a bucket the newest revision stays; the plan's current revision always stays.
  db.function('kh_local_time', (iso: unknown) => localTime(String(iso)));
  const dropBatch = db.prepare<{ planId: string; hourAgo: string; monthAgo: string; batch: number }>(
    `DELETE FROM plan_revisions WHERE plan_id = @planId AND revision IN (
       SELECT revision FROM (
         SELECT revision, row_number() OVER (PARTITION BY bucket ORDER BY revision DESC) AS newest
         FROM (SELECT revision,
                      CASE WHEN saved_at >= @hourAgo THEN substr(kh_local_time(saved_at), 1, 16)
                           WHEN saved_at >= @monthAgo THEN substr(kh_local_time(saved_at), 1, 15)
                           ELSE substr(kh_local_time(saved_at), 1, 10) END AS bucket
               FROM plan_revisions WHERE plan_id = @planId AND reason = 'save'))
       WHERE newest > 1 AND revision <> (SELECT revision FROM plans WHERE id = @planId)
       LIMIT @batch)`,
  );

  /** One bounded batch for one plan, in its own transaction. Returns how many revisions it dropped. */
  const thinBatch = db.transaction((planId: string): number => {
    const now = ctx.clock();
    const iso = (ms: number) => new Date(ms).toISOString();
    return dropBatch.run({ planId, hourAgo: iso(now - THINNING.perMinuteFor), monthAgo: iso(now - THINNING.perTenMinutesFor), batch }).changes;
  });

  /** Thin one plan's history completely, now (tests, maintenance). Returns how many revisions it dropped. */
  function thinNow(planId: string): number {
    let total = 0;
    for (let dropped = batch; dropped === batch; total += dropped) dropped = thinBatch.immediate(planId);
    return total;
  }

  const pending = new Set<string>();
  let scheduled = false;

  function runPending(): void {
    scheduled = false;
    if (!db.open) return pending.clear();
    try {
      // One batch for each of the first few waiting plans per turn of the event loop; a plan with more to drop goes to
      // the back, the others wait for the next turns.
      for (const planId of [...pending].slice(0, plansPerTurn)) {
        pending.delete(planId);
        if (thinBatch.immediate(planId) === batch) pending.add(planId);
      }
    } catch (err) {
      // Busy (another process writes) or closing: the next write asks again. Never let thinning break the app.
      pending.clear();
      process.stderr.write(`Thinning the revision history failed: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    if (pending.size) schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    defer(runPending);
  }

  /** Ask for a plan's history to be thinned in the background (after a write). */
  function request(planId: string): void {
    pending.add(planId);
    schedule();
  }

  return { request, thinNow };
}
export type HistoryThinning = ReturnType<typeof createHistoryThinning>;
