/**
 * The plans store: reading a plan back and the ONE write path, writeRevision. Every change of a plan (save, create,
 * restore, issue, reopen, a number from the register, an import) is stored by writeRevision as the plan's next
 * revision; the list/search columns, the child rows and the search index follow in the same transaction.
 */
import { PlanContent, type Plan, type PlanStatus } from '../../../../shared/model';
import { datePartNumber } from '../../../../shared/format/date';
import { foldVietnamese } from '../../../../shared/format/fold';
import { planOf } from '../../../../shared/model/plan-record';
import { BackendError, notFound } from '../../errors';
import type { RepoContext } from '../context';
import { collectTasks, searchText } from '../plan-index';
import type { PlanRow, PlanStatements, RevisionReason } from './statements';

/**
 * Stored content is read back through the schema so fields added by later versions get their defaults. Content that a
 * newer rule would refuse is still returned as stored: the user can open it and fix it, nothing is hidden.
 */
export function parseContent(json: string): PlanContent {
  const raw: unknown = JSON.parse(json);
  const parsed = PlanContent.safeParse(raw);
  return parsed.success ? parsed.data : (raw as PlanContent);
}

export { planOf };

/** Ids must be unique inside a plan: units, tasks and recipients are stored by (plan, id). */
export function assertUniqueIds(content: PlanContent): void {
  const seen = new Set<string>();
  const check = (id: string, path: (string | number)[]) => {
    if (seen.has(id)) {
      throw new BackendError('VALIDATION', `Dữ liệu không hợp lệ (trường ${path.join('.')}): mã định danh ${id} bị trùng`, [
        { path, message: 'Mã định danh bị trùng' },
      ]);
    }
    seen.add(id);
  };
  const walk = (blocks: PlanContent['body'], path: (string | number)[]) =>
    blocks.forEach((b, i) => {
      check(b.id, [...path, i, 'id']);
      if (b.kind === 'section') walk(b.children, [...path, i, 'children']);
      if (b.kind === 'duty') b.tasks.forEach((t, j) => check(t.id, [...path, i, 'tasks', j, 'id']));
    });
  walk(content.body, ['body']);
  content.pilotUnits.forEach((u, i) => check(u.id, ['pilotUnits', i, 'id']));
  content.recipients.forEach((r, i) => check(r.id, ['recipients', i, 'id']));
  content.appendices.forEach((a, i) => check(a.id, ['appendices', i, 'id']));
}

export interface PlanStoreOptions {
  /**
   * Called after every write of a plan, possibly still inside the caller's transaction: a hook that touches the
   * database must defer its work (setImmediate), as the history thinning does.
   */
  afterWrite?: (planId: string, reason: RevisionReason) => void;
}

export function createPlanStore(ctx: RepoContext, st: PlanStatements, options: PlanStoreOptions = {}) {
  const { db } = ctx;

  const findRow = (id: string): PlanRow | undefined => st.byId.get(id);

  function getRow(id: string): PlanRow {
    const row = st.byId.get(id);
    if (!row) throw notFound('kế hoạch');
    return row;
  }

  const toPlan = (row: PlanRow): Plan =>
    planOf(parseContent(row.content), {
      id: row.id,
      status: row.status,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    });

  function syncChildren(planId: string, content: PlanContent, now: string): void {
    st.unitsPrune.run(planId, JSON.stringify(content.pilotUnits.map((u) => u.id)));
    content.pilotUnits.forEach((u, position) =>
      st.unitUpsert.run({
        planId,
        id: u.id,
        position,
        name: u.name,
        category: u.category,
        term: u.term,
        members: u.members,
        invited: u.invited,
        total: u.total,
        durationDays: u.durationDays,
        deadline: u.deadline,
        orgId: u.orgId,
        now,
      }),
    );
    const tasks = collectTasks(content);
    st.tasksPrune.run(planId, JSON.stringify(tasks.map((t) => t.task.id)));
    tasks.forEach(({ task, duty }, position) => {
      const dates = task.due?.dates ?? [];
      st.taskUpsert.run({
        planId,
        id: task.id,
        position,
        dutyId: duty.id,
        body: duty.body,
        orgId: duty.orgId,
        text: task.text,
        dueDates: JSON.stringify(dates),
        dueFirst: dates.length ? [...dates].sort()[0] : null,
        dueRelative: task.due?.relative ?? '',
        dueSource: task.due?.source ?? null,
        now,
      });
    });
    st.recipientsPrune.run(planId, JSON.stringify(content.recipients.map((r) => r.id)));
    content.recipients.forEach((r, position) =>
      st.recipientUpsert.run({ planId, id: r.id, position, text: r.text, note: r.note, orgId: r.orgId, now }),
    );
  }

  const write = db.transaction((planId: string, content: PlanContent, status: PlanStatus, reason: RevisionReason): Plan => {
    assertUniqueIds(content);
    const existing = st.metaById.get(planId);
    // updated_at is never before the current revision's time, so after it both keep increasing.
    const now = ctx.nowAfter(existing?.updated_at);
    const revision = (existing?.revision ?? 0) + 1;
    const h = content.header;
    const params = {
      id: planId,
      status,
      revision,
      number: h.number,
      docType: h.docType,
      symbol: h.issuer.symbol,
      term: content.term,
      trichYeu: content.trichYeu,
      titleFolded: foldVietnamese(content.trichYeu),
      issuerName: h.issuer.name,
      // The list columns hold the date's numbers (0 / NULL for a blank or malformed part); the content keeps it as typed.
      year: datePartNumber(h.date.year) ?? 0,
      month: datePartNumber(h.date.month),
      day: datePartNumber(h.date.day),
      now,
    };
    let seq: number;
    if (existing) {
      st.updatePlan.run(params);
      seq = existing.seq;
      st.ftsDelete.run(seq);
    } else {
      seq = Number(st.insertPlan.run(params).lastInsertRowid);
    }
    st.insertRevision.run({ id: planId, revision, status, reason, trichYeu: content.trichYeu, content: JSON.stringify(content), now });
    syncChildren(planId, content, now);
    st.ftsInsert.run(seq, searchText(content));
    return planOf(content, {
      id: planId,
      status,
      revision,
      createdAt: existing?.created_at ?? now,
      updatedAt: now,
      deletedAt: existing?.deleted_at ?? null,
    });
  });

  /**
   * Store `content` as the plan's next revision (revision 1 and a new plans row for a new id), with its status and
   * the reason it was kept. Ids inside the content must be unique (VALIDATION otherwise). Runs in its own transaction,
   * or as a savepoint of the caller's, so the rules that decide a write (lifecycle.ts) and the write itself commit
   * together. The caller decides whether the change is allowed; this function only stores it.
   */
  function writeRevision(planId: string, content: PlanContent, status: PlanStatus, reason: RevisionReason): Plan {
    const plan = write.immediate(planId, content, status, reason);
    options.afterWrite?.(planId, reason);
    return plan;
  }

  return { findRow, getRow, toPlan, writeRevision };
}
export type PlanStore = ReturnType<typeof createPlanStore>;
