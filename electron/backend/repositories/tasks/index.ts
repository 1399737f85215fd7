/**
 * Tracked tasks: created and updated from an issued plan's content (syncPlan, inside the plan's write transaction),
 * listed with their status on a day (SQL: status-sql.ts), and their facts and append-only progress reports.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  AddReportInput,
  EvidenceFile,
  EvidenceMediaType,
  SetStateInput,
  TaskExportInput,
  TaskGetOutput,
  TaskItem,
  TaskListInput,
  TaskPlanRef,
  TaskPreviewItem,
  TaskReport,
  TaskSource,
  DueKind,
} from '../../../../shared/api/tasks';
import { formatDocSymbol } from '../../../../shared/format/symbol';
import { foldName, foldVietnamese } from '../../../../shared/format/fold';
import { ftsQuery } from '../plan-index';
import type { PlanContent, PlanStatus, TaskDue } from '../../../../shared/model';
import { localToday, periodContaining, periodStatuses, rollUp, TaskStatusCode, type RollUp } from '../../../../shared/tasks';
import { statusLabel } from '../../../../shared/layout/task-labels';
import type { TaskFacts } from '../../../../shared/tasks/status';
import { BackendError, failureKind, isReadOnlyError, notFound, type FailureKind } from '../../errors';
import type { RepoContext } from '../context';
import { dueColumns, trackedSourcesOf, type TrackedSource } from './from-content';
import { dueSortSql, factsOf, registerTaskStatusFunction, statusParams, statusSql, type FactColumns, type StatusParams } from './status-sql';
import { createSettingsRepo } from '../settings';
import { createKeptStatus } from './kept-status';

export type ParsedTaskList = z.output<typeof TaskListInput>;
export type ParsedTaskExport = z.output<typeof TaskExportInput>;
export type ParsedAddReport = z.output<typeof AddReportInput>;
export type ParsedSetState = z.output<typeof SetStateInput>;

type TaskPreviewChange = z.output<typeof TaskPreviewItem>['change'];

type TrackedRow = FactColumns & {
  seq: number;
  id: string;
  plan_id: string;
  source: TaskSource;
  source_id: string;
  position: number;
  duty_id: string | null;
  body: string;
  org_id: string | null;
  partners: string;
  text: string;
  search_folded: string;
  due: string | null;
  due_kind: DueKind;
  due_day: string | null;
  tracked_from: string;
  created_at: string;
  updated_at: string;
};

export type PlanRefRow = {
  id: string;
  owner_office?: string | null;
  owner_name?: string | null;
  number: string;
  doc_type: string;
  symbol: string;
  trich_yeu: string;
  status: PlanStatus;
  year: number;
  month: number | null;
  day: number | null;
  term: string;
};

type ListedRow = TrackedRow & { status_code: TaskStatusCode; due_on: string | null };

const pad = (n: number) => String(n).padStart(2, '0');

/** The plan's date as "YYYY-MM-DD" when its three parts are known, else null. */
export function planDateOf(p: Pick<PlanRefRow, 'year' | 'month' | 'day'>): string | null {
  if (!p.year || !p.month || !p.day) return null;
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

export const planRefOf = (p: PlanRefRow): TaskPlanRef => ({
  id: p.id,
  number: p.number,
  docType: p.doc_type,
  symbol: p.symbol,
  ref: p.number ? formatDocSymbol(p.number, p.doc_type, p.symbol) : '',
  trichYeu: p.trich_yeu,
  status: p.status,
  date: planDateOf(p),
  term: p.term,
  owner: p.owner_office ? { officeId: p.owner_office, name: p.owner_name ?? '' } : null,
});

/** A tracked task's id: its content id, or (that id taken by another plan's task) one derived from plan and content id. */
export function trackedIdFor(planId: string, sourceId: string, taken: boolean): string {
  if (!taken) return sourceId;
  const h = createHash('sha256').update(`${planId}:${sourceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const REMOVED_REASON = 'Bỏ khỏi kế hoạch khi ban hành lại';

/** A plan whose tracked tasks are queued (task_sync_queue). */
interface QueuedSync {
  plan_id: string;
  tracked_from: string;
  queued_at: string;
}

const fieldError = (path: (string | number)[], message: string, fieldMessage = message) =>
  new BackendError('VALIDATION', message, [{ path, message: fieldMessage }]);

export interface StagedEvidence {
  sha256: string;
  size: number;
  mediaType: EvidenceMediaType;
  name: string;
}

export interface TasksRepoDeps {
  /** This office's names folded by `foldName` (repositories/self-names.ts): a received plan's duty whose body is one of them is ours. */
  selfNames?: () => ReadonlySet<string>;
  /** Up to this many matches a word search fetches its rows by rowid; above it, it filters a walk of an index (default 2000). */
  fewMatches?: number;
  /**
   * A plan's status and current content (the plans repository's), for the plans whose task sync was queued. Without
   * it (a repository opened alone, by a test or a benchmark) the queue is left as it is.
   */
  planContent?: (planId: string) => { status: PlanStatus; content: PlanContent } | null;
}

/** Queued plans synced per background step: each step is a short transaction (about 2 ms a plan). */
const QUEUE_STEP_PLANS = 40;
/** The failures after which the queue waits (its plans' tasks are created later) rather than fail a read. */
const WAIT_AND_RETRY = new Set<FailureKind>(['read-only', 'locked', 'disk-full']);
const RETRY_MS = 1000;

export function createTasksRepo(ctx: RepoContext, deps: TasksRepoDeps = {}) {
  const { db } = ctx;
  registerTaskStatusFunction(db);
  const today = () => localToday(new Date(ctx.clock()));

  const st = {
    byPlan: db.prepare<[string], TrackedRow>('SELECT * FROM tracked_tasks WHERE plan_id = ?'),
    byId: db.prepare<[string], TrackedRow>('SELECT * FROM tracked_tasks WHERE id = ?'),
    hasTasks: db.prepare<[string], number>('SELECT 1 FROM tracked_tasks WHERE plan_id = ? LIMIT 1').pluck(),
    enqueue: db.prepare<{ planId: string; day: string; now: string }>(
      'INSERT INTO task_sync_queue (plan_id, tracked_from, queued_at) VALUES (:planId, :day, :now) ON CONFLICT (plan_id) DO NOTHING',
    ),
    queued: db.prepare<[string], QueuedSync>('SELECT plan_id, tracked_from, queued_at FROM task_sync_queue WHERE plan_id = ?'),
    queueHead: db.prepare<[number], QueuedSync>('SELECT plan_id, tracked_from, queued_at FROM task_sync_queue ORDER BY rowid LIMIT ?'),
    dequeue: db.prepare<[string]>('DELETE FROM task_sync_queue WHERE plan_id = ?'),
    idTaken: db.prepare<[string], number>('SELECT 1 FROM tracked_tasks WHERE id = ?').pluck(),
    /** Many new tasks in one statement (rows as a JSON array, in order): the search index takes them in one pass. */
    insertMany: db.prepare<[string]>(`INSERT INTO tracked_tasks (id, plan_id, source, source_id, position, duty_id, body, org_id, partners, text,
        search_folded, due, due_kind, due_day, tracked_from, created_at, updated_at, term)
      SELECT r ->> 'id', r ->> 'planId', r ->> 'source', r ->> 'sourceId', r ->> 'position', r ->> 'dutyId', r ->> 'body', r ->> 'orgId',
        r ->> 'partners', r ->> 'text', r ->> 'folded', r ->> 'due', r ->> 'dueKind', r ->> 'dueDay', r ->> 'trackedFrom', r ->> 'now', r ->> 'now',
        coalesce((SELECT term FROM plans WHERE id = r ->> 'planId'), '')
      FROM (SELECT value AS r FROM json_each(?) ORDER BY key)`),
    updateFromContent: db.prepare(`UPDATE tracked_tasks SET position = :position, duty_id = :dutyId, body = :body, org_id = :orgId,
        partners = :partners, text = :text, search_folded = :folded, due = :due, due_kind = :dueKind, due_day = :dueDay, updated_at = :now
      WHERE id = :id`),
    markRemoved: db.prepare<[string | null, string | null, string, string]>(
      `UPDATE tracked_tasks SET removed_from_plan = 1, cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`,
    ),
    unmarkRemoved: db.prepare<[string, string]>(
      `UPDATE tracked_tasks SET removed_from_plan = 0,
         cancelled_at = CASE WHEN cancel_reason = '${REMOVED_REASON}' THEN NULL ELSE cancelled_at END,
         cancel_reason = CASE WHEN cancel_reason = '${REMOVED_REASON}' THEN NULL ELSE cancel_reason END,
         updated_at = ? WHERE id = ?`,
    ),
    setFacts: db.prepare(`UPDATE tracked_tasks SET started_at = :startedAt, completed_at = :completedAt, paused_at = :pausedAt,
        pause_reason = :pauseReason, cancelled_at = :cancelledAt, cancel_reason = :cancelReason, event_date = :eventDate,
        due_day = :dueDay, periods = :periods, facts_version = facts_version + 1, facts_from = NULL, updated_at = :now WHERE id = :id`),
    planRef: db.prepare<[string], PlanRefRow>(
      `SELECT p.id, p.number, p.doc_type, p.symbol, p.trich_yeu, p.status, p.year, p.month, p.day, p.term, o.owner_office, o.owner_name
       FROM plans p LEFT JOIN plan_origins o ON o.plan_id = p.id WHERE p.id = ?`,
    ),
    planMeta: db.prepare<[string], PlanRefRow & { deleted_at: string | null }>(
      'SELECT id, number, doc_type, symbol, trich_yeu, status, year, month, day, term, deleted_at FROM plans WHERE id = ?',
    ),
    reports: db.prepare<
      [string],
      { id: string; task_id: string; date: string; text: string; percent: number | null; created_at: string; office_id: string | null; office_name: string }
    >(
      'SELECT * FROM task_reports WHERE task_id = ? ORDER BY date DESC, created_at DESC',
    ),
    reportFiles: db.prepare<[string], { sha256: string; name: string; size: number; media_type: EvidenceMediaType }>(
      `SELECT l.sha256, l.name, f.size, f.media_type FROM task_report_files l JOIN evidence_files f USING (sha256)
       WHERE l.report_id = ? ORDER BY l.position`,
    ),
    lastReport: db.prepare<[{ id: string }], { date: string; percent: number | null; n: number }>(
      `SELECT date, percent, (SELECT count(*) FROM task_reports WHERE task_id = :id) AS n FROM task_reports WHERE task_id = :id
       ORDER BY date DESC, created_at DESC LIMIT 1`,
    ),
    insertReport: db.prepare(`INSERT INTO task_reports (id, task_id, date, text, percent, created_at) VALUES (:id, :taskId, :date, :text, :percent, :now)`),
    insertReceivedReport: db.prepare(`INSERT INTO task_reports (id, task_id, date, text, percent, created_at, office_id, office_name)
      VALUES (:id, :taskId, :date, :text, :percent, :createdAt, :officeId, :officeName)`),
    setReceivedFacts: db.prepare(`UPDATE tracked_tasks SET started_at = :startedAt, completed_at = :completedAt, paused_at = :pausedAt,
        pause_reason = :pauseReason, cancelled_at = :cancelledAt, cancel_reason = :cancelReason, event_date = :eventDate,
        due_day = :dueDay, periods = :periods, facts_from = :from, facts_from_version = :version, updated_at = :now WHERE id = :id`),
    insertEvidence: db.prepare(`INSERT OR IGNORE INTO evidence_files (sha256, size, media_type, created_at) VALUES (:sha256, :size, :mediaType, :now)`),
    linkEvidence: db.prepare(`INSERT INTO task_report_files (report_id, position, sha256, name) VALUES (:reportId, :position, :sha256, :name)`),
    evidence: db.prepare<[string], { sha256: string; size: number; media_type: EvidenceMediaType; name: string | null }>(
      `SELECT f.sha256, f.size, f.media_type, (SELECT name FROM task_report_files l WHERE l.sha256 = f.sha256 ORDER BY rowid LIMIT 1) AS name
       FROM evidence_files f WHERE f.sha256 = ?`,
    ),
  };

  // ---- today's status, kept in columns (kept-status.ts) ----

  const settings = createSettingsRepo(ctx);
  /** The office's "sắp đến hạn" window (Cài đặt), the default of every status query. */
  const dueSoonDays = () => settings.get().taskDueSoonDays;
  const kept = createKeptStatus(db, () => ({ day: today(), soonDays: dueSoonDays() }));
  const refreshRows = kept.refreshRows;
  const usesKept = kept.usesKept;

  const binHoldsTasks = db
    .prepare<[], number>(
      'SELECT 1 FROM plans p WHERE p.deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM tracked_tasks x WHERE x.plan_id = p.id) LIMIT 1',
    )
    .pluck();
  /**
   * The condition that leaves out the tasks of plans in the bin; none when the bin holds no plan with tasks (the
   * usual case), so a status or body filter reads its index alone.
   */
  const liveOnly = (): string[] =>
    binHoldsTasks.get() === undefined ? ['1'] : ['t.plan_id NOT IN (SELECT id FROM plans WHERE deleted_at IS NOT NULL)'];

  /** The status and sort-day expressions of a query: the kept columns, or computed for the day. */
  const exprs = (sp: StatusParams) => (usesKept(sp) ? { S: 't.status_today', D: 't.due_today' } : { S: statusSql(), D: dueSortSql() });

  const searchFolded = (s: TrackedSource, planRef: string) => foldVietnamese(`${s.text} ${s.body} ${s.partners.join(' ')} ${planRef}`);

  /**
   * New tracked tasks not yet inserted, with their plans. A row at a time, each insert's search index trigger runs
   * in a statement transaction, which makes FTS5 write its pending terms as a new segment: thousands of tiny
   * segments for an imported package. So they are inserted together, in one statement: at the end of syncPlan, or
   * of inBulk for many plans.
   */
  let pending: { rows: Record<string, unknown>[]; ids: Set<string>; plans: Set<string> } | null = null;
  let bulkDepth = 0;

  function flushPending(): void {
    if (!pending) return;
    const { rows, plans } = pending;
    pending = null;
    if (rows.length) st.insertMany.run(JSON.stringify(rows));
    for (const planId of plans) refreshRows({ planId });
  }

  /**
   * Run `fn` (inside the caller's transaction) with the tasks syncPlan creates inserted together at its end: a
   * package's plans are imported this way. Until then those tasks are not yet readable.
   */
  function inBulk<T>(fn: () => T): T {
    bulkDepth += 1;
    try {
      const out = fn();
      if (bulkDepth === 1) flushPending();
      return out;
    } finally {
      bulkDepth -= 1;
      if (bulkDepth === 0) pending = null;
    }
  }

  /**
   * The task sync queue (task_sync_queue). Inside `deferringNew`, an issued plan that has no tracked tasks yet is
   * queued instead of synced: a package of a thousand new plans commits without creating their twelve thousand tasks.
   * They are created soon after in background steps (`settleSoon`), and at once, in order, before anything reads or
   * changes tasks (`settle`): every read below goes through `settled`, so no caller ever sees a queued plan's tasks
   * missing. A queued plan written again (a newer revision) is synced then and leaves the queue. The queue is read
   * from the database each time (a primary-key lookup when empty), so a plan queued by another process counts too.
   */
  let deferNew = 0;
  let step: NodeJS.Timeout | null = null;
  /**
   * The issued content of the plans queued in this session, with the queue row's time, until they are synced. A row
   * of another time (queued before a restart, by another process, or again after a rolled-back import) reads the
   * plan's content back instead.
   */
  const queuedContent = new Map<string, { content: PlanContent; queuedAt: string }>();

  function deferringNew<T>(fn: () => T): T {
    deferNew += 1;
    try {
      return fn();
    } finally {
      deferNew -= 1;
    }
  }

  const settleTx = db.transaction((rows: readonly QueuedSync[]) =>
    inBulk(() => {
      for (const row of rows) {
        st.dequeue.run(row.plan_id);
        const kept = queuedContent.get(row.plan_id);
        queuedContent.delete(row.plan_id);
        const plan = kept?.queuedAt === row.queued_at ? { status: 'issued', content: kept.content } : (deps.planContent?.(row.plan_id) ?? null);
        if (plan?.status === 'issued') syncFrom(row.plan_id, plan.content, row.queued_at, row.tracked_from);
      }
    }),
  );

  /**
   * Sync the queued plans (these, or every one) now. A store that cannot be written now (read-only, locked by another
   * program, disk full) leaves them queued: the read goes on, and the background tries again.
   */
  function settle(planIds?: Iterable<string>): void {
    if (!deps.planContent) return;
    const rows = planIds ? [...planIds].map((id) => st.queued.get(id)).filter((r): r is QueuedSync => !!r) : st.queueHead.all(-1);
    if (!rows.length) return;
    try {
      settleTx.immediate(rows);
    } catch (err) {
      if (!WAIT_AND_RETRY.has(failureKind(err))) throw err;
      settleSoon(RETRY_MS);
    }
  }

  /** `fn` after the queue is settled: every read and change of tasks. */
  const settled =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      settle();
      return fn(...args);
    };

  /** Sync the queue in background steps of a few plans, from the next turn of the event loop (or after `delayMs`). */
  function settleSoon(delayMs = 0): void {
    if (step || !deps.planContent) return;
    step = setTimeout(() => {
      step = null;
      if (!db.open) return;
      try {
        const rows = st.queueHead.all(QUEUE_STEP_PLANS);
        if (rows.length) settleTx.immediate(rows);
        if (rows.length === QUEUE_STEP_PLANS) settleSoon();
      } catch (err) {
        // Locked by another program or a full disk: try again later; read-only: at the next open.
        if (WAIT_AND_RETRY.has(failureKind(err)) && !isReadOnlyError(err)) settleSoon(RETRY_MS);
        else if (!isReadOnlyError(err)) process.stderr.write(`Creating the tasks of imported plans failed: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }, delayMs);
    step.unref();
  }

  /**
   * The tracked tasks of an issued plan follow its content: new ones are created, changed ones updated (text, due,
   * body), ones that left the content are closed "Hủy (bỏ khỏi kế hoạch)" with their reports kept. Runs inside the
   * plan's write transaction; never writes a plan revision.
   */
  function syncPlan(planId: string, content: PlanContent, now: string): void {
    if (deferNew > 0 && !pending?.plans.has(planId) && st.hasTasks.get(planId) === undefined) {
      st.enqueue.run({ planId, day: today(), now });
      queuedContent.set(planId, { content, queuedAt: now });
      return;
    }
    // A queued plan written again: its tasks are created now, as tracked since it was queued.
    const queued = st.queued.get(planId);
    if (queued) st.dequeue.run(planId);
    queuedContent.delete(planId);
    syncFrom(planId, content, queued?.queued_at ?? now, queued?.tracked_from ?? today());
  }

  function syncFrom(planId: string, content: PlanContent, now: string, day: string): void {
    // Outside a bulk nothing waits; inside one, a plan synced again reads the tasks its first sync created.
    if (bulkDepth === 0) pending = null;
    else if (pending?.plans.has(planId)) flushPending();
    pending ??= { rows: [], ids: new Set(), plans: new Set() };
    const batch = pending;
    batch.plans.add(planId);
    const existing = new Map(st.byPlan.all(planId).map((r) => [r.source_id, r]));
    const h = content.header;
    const ref = h.number ? formatDocSymbol(h.number, h.docType, h.issuer.symbol) : '';
    const seen = new Set<string>();
    for (const s of trackedSourcesOf(content)) {
      seen.add(s.sourceId);
      const row = existing.get(s.sourceId);
      const { dueKind, dueDay } = dueColumns(s.due, row?.event_date ?? null);
      const params = {
        planId,
        source: s.source,
        sourceId: s.sourceId,
        position: s.position,
        dutyId: s.dutyId,
        body: s.body,
        orgId: s.orgId,
        partners: JSON.stringify(s.partners),
        text: s.text,
        folded: searchFolded(s, ref),
        due: s.due ? JSON.stringify(s.due) : null,
        dueKind,
        dueDay,
        now,
      };
      if (!row) {
        const id = trackedIdFor(planId, s.sourceId, batch.ids.has(s.sourceId) || st.idTaken.get(s.sourceId) !== undefined);
        batch.ids.add(id);
        batch.rows.push({ ...params, id, trackedFrom: day });
        continue;
      }
      const changed =
        row.position !== params.position || row.duty_id !== params.dutyId || row.body !== params.body || row.org_id !== params.orgId ||
        row.text !== params.text || row.due !== params.due || row.search_folded !== params.folded || row.due_day !== dueDay || row.due_kind !== dueKind;
      if (changed) st.updateFromContent.run({ ...params, id: row.id });
      if (row.removed_from_plan) st.unmarkRemoved.run(now, row.id);
    }
    for (const row of existing.values()) {
      if (seen.has(row.source_id) || row.removed_from_plan) continue;
      // A task done before it left the plan stays done; an open one is closed as cancelled.
      const open = !row.completed_at && !row.cancelled_at;
      st.markRemoved.run(open ? day : row.cancelled_at, open ? REMOVED_REASON : row.cancel_reason, now, row.id);
    }
    if (bulkDepth === 0) flushPending();
  }

  /** What issuing `content` would do to the plan's tracked tasks. */
  function preview(planId: string, content: PlanContent) {
    const existing = new Map(st.byPlan.all(planId).map((r) => [r.source_id, r]));
    const items = trackedSourcesOf(content).map((s): z.output<typeof TaskPreviewItem> => {
      const row = existing.get(s.sourceId);
      const due = s.due ? JSON.stringify(s.due) : null;
      const change: TaskPreviewChange = !row || row.removed_from_plan ? 'new' : row.text !== s.text || row.due !== due || row.body !== s.body ? 'changed' : 'unchanged';
      existing.delete(s.sourceId);
      return { source: s.source, sourceId: s.sourceId, body: s.body, text: s.text, due: s.due, dueKind: dueColumns(s.due, null).dueKind, change };
    });
    for (const row of existing.values()) {
      if (row.removed_from_plan) continue;
      const due = row.due ? (JSON.parse(row.due) as TaskDue) : null;
      items.push({ source: row.source, sourceId: row.source_id, body: row.body, text: row.text, due, dueKind: row.due_kind, change: 'removed' as const });
    }
    return { items };
  }

  // ---- reading ----

  interface Query {
    where: string[];
    params: Record<string, unknown>;
    /** The number of matches when known without counting rows. */
    total: number | null;
  }

  /** Matches of a word search under which they are fetched by rowid. */
  const FEW_MATCHES = deps.fewMatches ?? 2000;
  /** The seqs of the tasks the words match, as one text ("3,6,7"): one pass over the index, no row handed over one by one. */
  const ftsMatches = db.prepare<[string], string | null>('SELECT group_concat(rowid) FROM tracked_tasks_fts WHERE tracked_tasks_fts MATCH ?').pluck();

  /** The WHERE of a list (status filter included) and its named parameters. */
  function listQuery(input: ParsedTaskList | ParsedTaskExport, sp: StatusParams, { S, D }: { S: string; D: string }): Query {
    const where = liveOnly();
    const params: Record<string, unknown> = { ...sp };
    if ('includeRemoved' in input && !input.includeRemoved) where.push('t.removed_from_plan = 0');
    if (input.planId) {
      where.push('t.plan_id = :planId');
      params.planId = input.planId;
    }
    if (input.orgId) {
      where.push('t.org_id = :orgId');
      params.orgId = input.orgId;
    }
    if (input.body) {
      where.push('t.body = :body');
      params.body = input.body;
    }
    // Whose plan: a received plan's owner office, a conflict copy's too (the summary and the rows say the same).
    if (input.owner === 'self') where.push('t.plan_id NOT IN (SELECT plan_id FROM plan_origins)');
    else if (input.owner) {
      where.push('t.plan_id IN (SELECT plan_id FROM plan_origins WHERE owner_office = :owner)');
      params.owner = input.owner;
    }
    if (input.term) {
      where.push('t.term = :term');
      params.term = input.term;
    }
    if (input.dueFrom) {
      where.push(`${D} >= :dueFrom`, `${D} < '~'`);
      params.dueFrom = input.dueFrom;
    }
    if (input.dueTo) {
      where.push(`${D} <= :dueTo`);
      params.dueTo = input.dueTo;
    }
    let matches: number | null = null;
    const words = ftsQuery(input.search);
    if (words) {
      // The index is read once. Few matches: fetch them by rowid. Many: walk the filter's (or the due day's) index in
      // order and keep the rows the words match, so a page stops after its rows instead of reading and sorting every
      // match, and a count reads the filter's index alone. A row is kept by its byte in a map of the matched seqs (a
      // blob read with substr, no call into JS per row), not by an IN list, which would build a temporary b-tree of
      // every match (45,000 at 100,000 tasks) on each query, and again for the count.
      const seqs = seqsOf(ftsMatches.get(words) ?? '');
      const map = seqs && seqs.length > FEW_MATCHES ? seqMap(seqs) : null;
      matches = seqs?.length ?? null;
      if (map) {
        where.push(`substr(:matched, t.seq + 1, 1) = x'01'`);
        params.matched = map;
      } else if (seqs) {
        where.push('t.seq IN (SELECT value FROM json_each(:matched))');
        params.matched = JSON.stringify(seqs);
      } else {
        where.push('t.seq IN (SELECT rowid FROM tracked_tasks_fts WHERE tracked_tasks_fts MATCH :words)');
        params.words = words;
      }
    }
    if (input.statuses?.length) {
      const codes = [...new Set(input.statuses)];
      where.push(`${S} IN (${codes.map((_, i) => `:s${i}`).join(', ')})`);
      codes.forEach((c, i) => (params[`s${i}`] = c));
    }
    // Words alone (nothing else narrows the list): the index's count is the total.
    const total = matches !== null && where.length === 2 && where[0] === '1' ? matches : null;
    return { where, params, total };
  }

  const cached = new Map<string, ReturnType<typeof db.prepare>>();
  function prepared(sql: string) {
    let s = cached.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cached.set(sql, s);
    }
    return s;
  }

  const planRefs = new Map<string, TaskPlanRef>();
  function planRef(planId: string): TaskPlanRef {
    const row = st.planRef.get(planId);
    if (!row) throw notFound('kế hoạch');
    return planRefOf(row);
  }

  type LastReport = { date: string; percent: number | null; n: number };
  const plansIn = db.prepare<[string], PlanRefRow>(
    `SELECT p.id, p.number, p.doc_type, p.symbol, p.trich_yeu, p.status, p.year, p.month, p.day, p.term, o.owner_office, o.owner_name
     FROM plans p LEFT JOIN plan_origins o ON o.plan_id = p.id WHERE p.id IN (SELECT value FROM json_each(?))`,
  );
  const lastReportsIn = db.prepare<[string], LastReport & { task_id: string }>(
    `SELECT task_id, date, percent, n FROM (
       SELECT task_id, date, percent, row_number() OVER w AS k, count(*) OVER (PARTITION BY task_id) AS n
       FROM task_reports WHERE task_id IN (SELECT value FROM json_each(?)) WINDOW w AS (PARTITION BY task_id ORDER BY date DESC, created_at DESC)
     ) WHERE k = 1`,
  );

  /** The items of a page of rows: their plans and last reports read in one query each. */
  function itemsOf(rows: (TrackedRow & { status_code?: TaskStatusCode })[], sp: StatusParams): TaskItem[] {
    if (!rows.length) return [];
    const refs = new Map(plansIn.all(JSON.stringify([...new Set(rows.map((r) => r.plan_id))])).map((p) => [p.id, planRefOf(p)]));
    const last = new Map(lastReportsIn.all(JSON.stringify(rows.map((r) => r.id))).map((r) => [r.task_id, r]));
    return rows.map((r) => itemOf(r, sp, refs, last.get(r.id) ?? null));
  }

  function itemOf(
    row: TrackedRow & { status_code?: TaskStatusCode },
    sp: StatusParams,
    refs: Map<string, TaskPlanRef> = planRefs,
    lastKnown?: LastReport | null,
  ): TaskItem {
    const facts = factsOf(row);
    const due = row.due ? (JSON.parse(row.due) as TaskDue) : null;
    const status = row.status_code ?? statusOf(row.id, sp);
    let ref = refs.get(row.plan_id);
    if (!ref) {
      ref = planRef(row.plan_id);
      refs.set(row.plan_id, ref);
    }
    const last = lastKnown === undefined ? st.lastReport.get({ id: row.id }) : lastKnown;
    return {
      id: row.id,
      planId: row.plan_id,
      source: row.source,
      sourceId: row.source_id,
      body: row.body,
      orgId: row.org_id,
      partners: JSON.parse(row.partners) as string[],
      text: row.text,
      due,
      dueKind: row.due_kind,
      dueDay: dueDayOn(row, due, sp.on),
      status,
      statusLabel: statusLabel(status, facts),
      facts,
      removedFromPlan: row.removed_from_plan === 1,
      trackedFrom: row.tracked_from,
      plan: ref,
      lastReport: last ? { date: last.date, percent: last.percent } : null,
      reportCount: last?.n ?? 0,
      reportTo: ref.owner && isOurs(row.body) ? ref.owner : null,
    };
  }

  /** A duty body that names this office (its profile's name or its own directory entry's, accents, case and spacing aside). */
  function isOurs(body: string): boolean {
    const folded = foldName(body);
    return folded !== '' && (deps.selfNames?.().has(folded) ?? false);
  }

  function dueDayOn(row: TrackedRow, due: TaskDue | null, on: string): string | null {
    if (row.due_kind === 'recurring' && due?.every) return periodContaining(due.every, on).due;
    if (row.due_kind === 'relative' && (!row.event_date || row.event_date > on)) return null;
    return row.due_day;
  }

  /** One task's status on the day, by the same SQL as the lists. */
  const statusOf = (id: string, sp: StatusParams): TaskStatusCode =>
    prepared(`SELECT ${statusSql()} FROM tracked_tasks t WHERE t.id = :id`).pluck().get({ ...sp, id }) as TaskStatusCode;

  function spOf(input: { on?: string | undefined; dueSoonDays?: number | undefined }): StatusParams {
    return statusParams(input.on ?? today(), input.dueSoonDays ?? dueSoonDays());
  }

  /**
   * The rows of a page: the page's seqs first, ordered on the indexes alone (no wide row is read to sort), then
   * those rows with their status.
   */
  function pageRows(where: string, params: Record<string, unknown>, S: string, D: string, page: { limit: number; offset?: number }): ListedRow[] {
    const seqs = prepared(`SELECT t.seq FROM tracked_tasks t WHERE ${where} ORDER BY ${D}, t.seq LIMIT :limit OFFSET :offset`)
      .pluck()
      .all({ ...params, limit: page.limit, offset: page.offset ?? 0 }) as number[];
    if (!seqs.length) return [];
    const rows = prepared(`SELECT t.*, ${S} AS status_code FROM tracked_tasks t WHERE t.seq IN (SELECT value FROM json_each(:seqs))`).all({
      ...params,
      seqs: JSON.stringify(seqs),
    }) as (ListedRow & { seq: number })[];
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    return seqs.map((q) => bySeq.get(q)!);
  }

  function list(input: ParsedTaskList): { on: string; total: number; items: TaskItem[] } {
    const sp = spOf(input);
    const e = exprs(sp);
    const q = listQuery(input, sp, e);
    const w = q.where.join(' AND ');
    const rows = pageRows(w, q.params, e.S, e.D, input);
    // A first page that is not full is every match: no count needed.
    const total =
      q.total ??
      (input.offset === 0 && rows.length < input.limit ? rows.length : (prepared(`SELECT count(*) FROM tracked_tasks t WHERE ${w}`).pluck().get(q.params) as number));
    return { on: sp.on, total, items: itemsOf(rows, sp) };
  }

  /** Every task a list's filters match, in list order (for the export). */
  function all(input: ParsedTaskExport): { on: string; items: TaskItem[] } {
    const sp = spOf(input);
    const e = exprs(sp);
    const { where, params } = listQuery(input, sp, e);
    const rows = prepared(
      `SELECT t.*, ${e.S} AS status_code FROM tracked_tasks t WHERE ${where.join(' AND ')} ORDER BY ${e.D}, t.seq`,
    ).all(params) as ListedRow[];
    return { on: sp.on, items: itemsOf(rows, sp) };
  }

  function getRow(id: string): TrackedRow {
    const row = st.byId.get(id);
    if (!row) throw notFound('nhiệm vụ');
    return row;
  }

  function reportsOf(taskId: string): TaskReport[] {
    return st.reports.all(taskId).map((r) => ({
      id: r.id,
      taskId: r.task_id,
      date: r.date,
      text: r.text,
      percent: r.percent,
      createdAt: r.created_at,
      fromOffice: r.office_id ? { officeId: r.office_id, name: r.office_name } : null,
      files: st.reportFiles.all(r.id).map((f): EvidenceFile => ({ sha256: f.sha256, name: f.name, size: f.size, mediaType: f.media_type })),
    }));
  }

  function get(input: { id: string; on?: string | undefined; dueSoonDays?: number | undefined }): TaskGetOutput {
    const sp = spOf(input);
    const row = getRow(input.id);
    const task = itemOf(row, sp, new Map());
    const periods =
      row.due_kind === 'recurring'
        ? periodStatuses(task.facts, task.due, row.tracked_from, periodContaining(task.due!.every!, sp.on).end, sp.on, { dueSoonDays: sp.soonDays }).map((p) => ({
            ...p,
            statusLabel: statusLabel(p.status),
          }))
        : [];
    return {
      task,
      context: { dutyId: row.duty_id, dutyBody: row.body, printedText: row.text, inPlan: row.removed_from_plan === 0 },
      periods,
      reports: reportsOf(row.id),
    };
  }

  function summary(input: { on?: string; dueSoonDays?: number; withinDays: number; planId?: string; limit: number }) {
    const sp = spOf(input);
    const base = liveOnly();
    const params: Record<string, unknown> = { ...sp };
    if (input.planId) {
      base.push('t.plan_id = :planId');
      params.planId = input.planId;
    }
    const w = base.join(' AND ');
    const { S, D } = exprs(sp);
    const counts = prepared(`SELECT ${S} AS code, count(*) AS n FROM tracked_tasks t WHERE ${w} GROUP BY code`).all(params) as {
      code: TaskStatusCode;
      n: number;
    }[];
    const byStatus = rollUp([]).byStatus;
    for (const c of counts) byStatus[c.code] = c.n;
    const roll = rollUpOfCounts(byStatus);
    const withinEnd = statusParams(sp.on, input.withinDays).soonDay;
    const openWithin = `${w} AND ${S} IN ('not_started', 'in_progress', 'due_soon') AND ${D} BETWEEN :on AND :withinEnd`;
    const dueParams = { ...params, withinEnd };
    const dueTotal = prepared(`SELECT count(*) FROM tracked_tasks t WHERE ${openWithin}`).pluck().get(dueParams) as number;
    const dueRows = input.limit ? pageRows(openWithin, dueParams, S, D, { limit: input.limit }) : [];
    // By body and by whose plan it is: a unit's "Văn phòng" is not ours. Every overdue task is counted by body, which
    // the overdue-by-body index answers; the units' are read from their (few) received plans outward and taken off
    // their body's count, leaving ours. Grouping every task by owner and body at once sorted all overdue tasks in a
    // temporary b-tree (21 ms → 119 ms at 100,000 tasks).
    type OverdueRow = { body: string; orgId: string | null; count: number; ownerOffice: string | null; ownerName: string | null };
    const all = prepared(
      `SELECT t.body AS body, min(t.org_id) AS orgId, count(*) AS count, NULL AS ownerOffice, NULL AS ownerName
       FROM tracked_tasks t WHERE ${w} AND ${S} = 'overdue' GROUP BY t.body`,
    ).all(params) as OverdueRow[];
    const units = prepared(
      `SELECT t.body AS body, min(t.org_id) AS orgId, count(*) AS count, o.owner_office AS ownerOffice, max(o.owner_name) AS ownerName
       FROM plan_origins o CROSS JOIN tracked_tasks t ON t.plan_id = o.plan_id WHERE ${w} AND ${S} = 'overdue'
       GROUP BY o.owner_office, t.body`,
    ).all(params) as OverdueRow[];
    const unitCount = new Map<string, number>();
    for (const u of units) unitCount.set(u.body, (unitCount.get(u.body) ?? 0) + u.count);
    const ours = all.map((r) => ({ ...r, count: r.count - (unitCount.get(r.body) ?? 0) })).filter((r) => r.count > 0);
    const overdueByBody = [...ours, ...units]
      .sort((a, b) => b.count - a.count || (a.body < b.body ? -1 : a.body > b.body ? 1 : 0) || (a.ownerOffice ?? '').localeCompare(b.ownerOffice ?? ''))
      .map(({ ownerOffice, ownerName, ...row }) => ({ ...row, owner: ownerOffice ? { officeId: ownerOffice, name: ownerName ?? '' } : null }));
    return {
      on: sp.on,
      rollUp: roll,
      dueSoon: { total: dueTotal, items: itemsOf(dueRows, sp) },
      overdueByBody,
    };
  }

  function timeline(input: { on?: string; dueSoonDays?: number; planIds?: string[]; limit: number; offset: number }) {
    const sp = spOf(input);
    // Each plan's first tracking day from the (plan_id, tracked_from) index, plans in the bin left out.
    const where = ['p.deleted_at IS NULL'];
    const params: Record<string, unknown> = { ...sp };
    if (input.planIds?.length) {
      where.push(`p.id IN (SELECT value FROM json_each(:planIds))`);
      params.planIds = JSON.stringify(input.planIds);
    }
    const from = `(SELECT plan_id, min(tracked_from) AS since FROM tracked_tasks GROUP BY plan_id) x JOIN plans p ON p.id = x.plan_id`;
    const w = where.join(' AND ');
    const total = prepared(`SELECT count(*) FROM ${from} WHERE ${w}`).pluck().get(params) as number;
    const plans = prepared(
      `SELECT p.id, p.number, p.doc_type, p.symbol, p.trich_yeu, p.status, p.year, p.month, p.day, p.term, x.since AS tracked_from
       FROM ${from} WHERE ${w} ORDER BY x.since DESC, p.seq DESC LIMIT :limit OFFSET :offset`,
    ).all({ ...params, limit: input.limit, offset: input.offset }) as (PlanRefRow & { tracked_from: string })[];
    const { S, D } = exprs(sp);
    const tasksOf = prepared(
      `SELECT t.id, t.source, t.body, t.text, t.due_kind, t.completed_at, nullif(${D}, '~') AS due_on, ${S} AS status_code
       FROM tracked_tasks t WHERE t.plan_id = :planId AND t.removed_from_plan = 0 ORDER BY t.position`,
    );
    return {
      on: sp.on,
      total,
      plans: plans.map((p) => ({
        plan: planRefOf(p),
        trackedFrom: p.tracked_from,
        tasks: (
          tasksOf.all({ ...sp, planId: p.id }) as {
            id: string;
            source: TaskSource;
            body: string;
            text: string;
            due_kind: DueKind;
            completed_at: string | null;
            due_on: string | null;
            status_code: TaskStatusCode;
          }[]
        ).map((t) => ({
          id: t.id,
          source: t.source,
          body: t.body,
          text: t.text,
          dueKind: t.due_kind,
          dueDay: t.due_on,
          completedAt: t.completed_at,
          status: t.status_code,
        })),
      })),
    };
  }

  // ---- writing ----

  /** A task that takes no report: cancelled (by hand or removed from its plan). */
  function assertReportable(row: TrackedRow): void {
    if (row.cancelled_at) {
      throw fieldError(
        ['taskId'],
        row.removed_from_plan
          ? 'Nhiệm vụ đã bị bỏ khỏi kế hoạch (Hủy) nên không nhận báo cáo tiến độ nữa.'
          : 'Nhiệm vụ đã hủy nên không nhận báo cáo tiến độ nữa. Hãy tiếp tục nhiệm vụ trước khi báo cáo.',
        'Nhiệm vụ đã hủy',
      );
    }
  }

  /** Checks a report can be added (before its files are staged). */
  function checkReport(input: ParsedAddReport): void {
    const row = getRow(input.taskId);
    assertReportable(row);
    assertNotBeforePlan(row, input.date, ['date'], 'Ngày báo cáo');
  }

  const addReportTx = db.transaction((input: ParsedAddReport, files: StagedEvidence[]): TaskReport => {
    checkReport(input);
    const now = ctx.now();
    const id = ctx.newId();
    st.insertReport.run({ id, taskId: input.taskId, date: input.date, text: input.text, percent: input.percent, now });
    files.forEach((f, position) => {
      st.insertEvidence.run({ sha256: f.sha256, size: f.size, mediaType: f.mediaType, now });
      st.linkEvidence.run({ reportId: id, position, sha256: f.sha256, name: f.name });
    });
    return reportsOf(input.taskId).find((r) => r.id === id)!;
  });

  function assertNotBeforePlan(row: TrackedRow, date: string, path: string[], what: string): void {
    const plan = st.planRef.get(row.plan_id);
    const planDate = plan ? planDateOf(plan) : null;
    if (planDate && date < planDate) {
      const [y, m, d] = planDate.split('-');
      throw fieldError(path, `${what} (${date.split('-').reverse().join('/')}) trước ngày của kế hoạch (${d}/${m}/${y}).`, `${what} trước ngày của kế hoạch`);
    }
  }

  const setStateTx = db.transaction((input: ParsedSetState): void => {
    const row = getRow(input.taskId);
    const facts = factsOf(row);
    const due = row.due ? (JSON.parse(row.due) as TaskDue) : null;
    const recurring = row.due_kind === 'recurring';
    const periodKey = (p: string | undefined, date: string | undefined): string => {
      if (p) {
        if (!/^\d{4}(?:-Q[1-4]|-H[12])?$/.test(p)) throw fieldError(['period'], 'Kỳ phải có dạng 2025, 2025-H1 hoặc 2025-Q1.');
        return p;
      }
      return periodContaining(due!.every!, date ?? today()).key;
    };
    const setPeriod = (key: string, patch: Partial<{ startedAt: string | null; completedAt: string | null }>) => {
      const own = facts.periods.find((x) => x.key === key) ?? { key, startedAt: null, completedAt: null };
      facts.periods = [...facts.periods.filter((x) => x.key !== key), { ...own, ...patch }].sort((a, b) => a.key.localeCompare(b.key));
    };
    const closedByRemoval = row.removed_from_plan === 1 && facts.cancelled;
    switch (input.action) {
      case 'start':
        if (facts.cancelled) throw fieldError(['taskId'], 'Nhiệm vụ đã hủy; hãy tiếp tục nhiệm vụ trước.', 'Nhiệm vụ đã hủy');
        assertNotBeforePlan(row, input.date, ['date'], 'Ngày bắt đầu');
        if (recurring) setPeriod(periodKey(input.period, input.date), { startedAt: input.date });
        else facts.startedAt = input.date;
        break;
      case 'complete':
        if (facts.cancelled) throw fieldError(['taskId'], 'Nhiệm vụ đã hủy nên không đánh dấu hoàn thành được.', 'Nhiệm vụ đã hủy');
        assertNotBeforePlan(row, input.date, ['date'], 'Ngày hoàn thành');
        if (recurring) setPeriod(periodKey(input.period, input.date), { completedAt: input.date });
        else {
          facts.completedAt = input.date;
          facts.startedAt ??= input.date;
          facts.paused = null;
        }
        break;
      case 'pause':
        if (facts.cancelled) throw fieldError(['taskId'], 'Nhiệm vụ đã hủy nên không tạm dừng được.', 'Nhiệm vụ đã hủy');
        assertNotBeforePlan(row, input.date, ['date'], 'Ngày tạm dừng');
        facts.paused = { at: input.date, reason: input.reason };
        break;
      case 'cancel':
        assertNotBeforePlan(row, input.date, ['date'], 'Ngày hủy');
        facts.cancelled = { at: input.date, reason: input.reason, removedFromPlan: false };
        break;
      case 'resume':
        if (closedByRemoval) throw fieldError(['taskId'], 'Nhiệm vụ đã bị bỏ khỏi kế hoạch; hãy đưa nó lại vào kế hoạch và ban hành lại.', 'Nhiệm vụ đã bỏ khỏi kế hoạch');
        facts.paused = null;
        facts.cancelled = null;
        break;
      case 'reopen':
        if (recurring) setPeriod(periodKey(input.period, undefined), { completedAt: null });
        else facts.completedAt = null;
        break;
      case 'eventDate':
        facts.eventDate = input.date;
        break;
    }
    st.setFacts.run({
      id: row.id,
      startedAt: facts.startedAt,
      completedAt: facts.completedAt,
      pausedAt: facts.paused?.at ?? null,
      pauseReason: facts.paused?.reason ?? null,
      cancelledAt: facts.cancelled?.at ?? null,
      cancelReason: facts.cancelled?.reason ?? null,
      eventDate: facts.eventDate,
      dueDay: dueColumns(due, facts.eventDate).dueDay,
      periods: JSON.stringify(facts.periods),
      now: ctx.nowAfter(row.updated_at),
    });
    refreshRows({ id: row.id });
  });

  function setState(input: ParsedSetState): TaskItem {
    setStateTx.immediate(input);
    return itemOf(getRow(input.taskId), spOf({}), new Map());
  }

  /**
   * Facts that came in a package from the office that reports on the task (owner-writes for facts): they replace the
   * row's. A task closed because it left the plan stays closed that way. Inside the import's transaction.
   */
  function applyReceivedFacts(id: string, facts: TaskFacts, from: string, version: number): void {
    const row = getRow(id);
    const due = row.due ? (JSON.parse(row.due) as TaskDue) : null;
    const removed = row.removed_from_plan === 1;
    st.setReceivedFacts.run({
      id,
      startedAt: facts.startedAt,
      completedAt: facts.completedAt,
      pausedAt: facts.paused?.at ?? null,
      pauseReason: facts.paused?.reason ?? null,
      cancelledAt: removed ? row.cancelled_at : (facts.cancelled?.at ?? null),
      cancelReason: removed ? row.cancel_reason : (facts.cancelled?.reason ?? null),
      eventDate: facts.eventDate,
      dueDay: dueColumns(due, facts.eventDate).dueDay,
      periods: JSON.stringify(facts.periods),
      from,
      version,
      now: ctx.nowAfter(row.updated_at),
    });
    refreshRows({ id });
  }

  /** A progress report that came in a package (union by id: the caller skips one already here). */
  function addReceivedReport(
    report: { id: string; taskId: string; date: string; text: string; percent: number | null; createdAt: string; office: { officeId: string; name: string } | null },
    files: StagedEvidence[],
  ): void {
    st.insertReceivedReport.run({
      id: report.id,
      taskId: report.taskId,
      date: report.date,
      text: report.text,
      percent: report.percent,
      createdAt: report.createdAt,
      officeId: report.office?.officeId ?? null,
      officeName: report.office?.name ?? '',
    });
    const now = ctx.now();
    files.forEach((f, position) => {
      st.insertEvidence.run({ sha256: f.sha256, size: f.size, mediaType: f.mediaType, now });
      st.linkEvidence.run({ reportId: report.id, position, sha256: f.sha256, name: f.name });
    });
  }

  function evidence(sha256: string) {
    const row = st.evidence.get(sha256);
    if (!row) throw notFound('tệp minh chứng');
    return { sha256: row.sha256, size: row.size, mediaType: row.media_type, name: row.name ?? row.sha256 };
  }

  settleSoon();

  return {
    syncPlan,
    inBulk,
    deferringNew,
    settle,
    settleSoon,
    preview: settled(preview),
    list: settled(list),
    all: settled(all),
    get: settled(get),
    summary: settled(summary),
    timeline: settled(timeline),
    checkReport: settled(checkReport),
    addReport: settled((input: ParsedAddReport, files: StagedEvidence[]) => addReportTx.immediate(input, files)),
    setState: settled(setState),
    // A package's facts and reports land on tasks it found (the exchange settles their plans first).
    applyReceivedFacts,
    addReceivedReport,
    isOurs,
    evidence: Object.assign(evidence, { exists: (sha256: string) => st.evidence.get(sha256) !== undefined }),
    today,
    dueSoonDays,
    /** Bring today's kept status columns up to date in the background (resolves when done). */
    refreshKept: kept.refresh,
    /** The kept-status refresh under way, if any. */
    keptSettled: kept.settled,
  };
}
export type TasksRepo = ReturnType<typeof createTasksRepo>;

/** rollUp (shared/tasks/status.ts) of counts by status: each status's count added to its group. */
export function rollUpOfCounts(byStatus: Record<TaskStatusCode, number>): RollUp {
  const out = rollUp([]);
  for (const code of TaskStatusCode.options) {
    const one = rollUp([code]);
    const n = byStatus[code] ?? 0;
    out.byStatus[code] = n;
    out.done.onTime += one.done.onTime * n;
    out.done.late += one.done.late * n;
    out.done.total += one.done.total * n;
    out.notDone.inTime += one.notDone.inTime * n;
    out.notDone.overdue += one.notDone.overdue * n;
    out.notDone.total += one.notDone.total * n;
    out.cancelled += one.cancelled * n;
    out.total += one.total * n;
  }
  return out;
}

/** "3,6,7" (group_concat of seqs) → [3, 6, 7]; null for anything but non-negative integers of up to 15 digits. */
export function seqsOf(text: string): number[] | null {
  const seqs: number[] = [];
  let n = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 && digits) {
      seqs.push(n);
      n = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 15) {
      n = n * 10 + (c - 48);
      digits++;
    } else return null;
  }
  if (digits) seqs.push(n);
  else if (text.length) return null;
  return seqs;
}

/** Seqs above this are left to an IN list (a map would be too large). */
const MAX_MAPPED_SEQ = 1 << 26;

/** A byte per seq from 0 to the largest, 1 where the seq is listed (SQL reads it with substr(map, seq + 1, 1)); null when a seq is too large. */
export function seqMap(seqs: readonly number[]): Buffer | null {
  let max = 0;
  for (const q of seqs) if (q > max) max = q;
  if (max > MAX_MAPPED_SEQ) return null;
  const map = Buffer.alloc(max + 1);
  for (const q of seqs) map[q] = 1;
  return map;
}
