/**
 * The plans store: reading a plan back and the ONE write path, writeRevision. Every change of a plan (save, create,
 * restore, issue, reopen, a number from the register, an import) is stored by writeRevision as the plan's next
 * revision; the list/search columns, the child rows and the search index follow in the same transaction.
 */
import { NewerContentError, PlanContent, upgradeContent, withContentVersion, type Plan, type PlanStatus } from '../../../../shared/model';
import { datePartNumber } from '../../../../shared/format/date';
import { foldVietnamese } from '../../../../shared/format/fold';
import { planOf } from '../../../../shared/model/plan-record';
import { BULK_CONTENT_LEVEL, readContent, storedContent } from '../../db/content-codec';
import { createCompaction } from './compaction';
import { rowInserter } from '../../db/insert-rows';
import { BackendError, isReadOnlyError, notFound } from '../../errors';
import type { RepoContext } from '../context';
import { collectTasks, searchText } from '../plan-index';
import type { PlanRow, PlanStatements, RevisionReason, RevisionRow, Stored } from './statements';

/**
 * Stored content is upgraded to today's shape (shared/model/content-migrations.ts) and read back through the schema so
 * fields added by later versions get their defaults. Content that a newer rule would refuse is still returned (upgraded)
 * as stored: the user can open it and fix it, nothing is hidden.
 */
export function parseContent(json: string): PlanContent {
  let raw: unknown;
  try {
    raw = upgradeContent(JSON.parse(json));
  } catch (err) {
    if (err instanceof NewerContentError) throw new BackendError('VALIDATION', err.message);
    throw err;
  }
  const parsed = PlanContent.safeParse(raw);
  return parsed.success ? parsed.data : (raw as PlanContent);
}

export { planOf };

const damagedRevision = (revision: number) =>
  new BackendError(
    'DB_CORRUPT',
    `Phiên bản ${revision} của kế hoạch bị hỏng trên đĩa (dữ liệu không khớp mã kiểm tra) nên đã được đặt sang một bên. ` +
      'Các phiên bản khác vẫn dùng được; hãy chọn một phiên bản khác.',
  );

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
      if (b.kind === 'people') b.people.forEach((p, j) => check(p.id, [...path, i, 'people', j, 'id']));
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
  /**
   * Called inside the write's transaction when the plan is stored as issued (Ban hành, or an issued revision
   * restored): the tracked tasks follow the issued content. Never writes a revision.
   */
  onIssued?: (planId: string, content: PlanContent, now: string) => void;
}

/** The child rows a plan's content gives (pilot_units, tasks, recipients), as the statements bind them. */
function unitRows(planId: string, content: PlanContent, now: string) {
  return content.pilotUnits.map((u, position) => ({
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
  }));
}

function taskRows(planId: string, content: PlanContent, now: string) {
  return collectTasks(content).map(({ task, duty }, position) => {
    const dates = task.due?.dates ?? [];
    return {
      planId,
      id: task.id,
      position,
      dutyId: duty.id,
      body: duty.body,
      orgId: duty.orgId,
      text: task.text,
      dueDates: JSON.stringify(dates),
      dueFirst: dates.length ? [...dates].sort()[0]! : null,
      dueRelative: task.due?.relative ?? '',
      dueSource: task.due?.source ?? null,
      now,
    };
  });
}

function recipientRows(planId: string, content: PlanContent, now: string) {
  return content.recipients.map((r, position) => ({ planId, id: r.id, position, text: r.text, note: r.note, orgId: r.orgId, now }));
}

export function createPlanStore(ctx: RepoContext, st: PlanStatements, options: PlanStoreOptions = {}) {
  const compaction = createCompaction(ctx.db);
  const { db } = ctx;

  /** Mark a revision found damaged, so it is set aside; nothing to do on a store opened read-only. */
  function setAside(planId: string, revision: number): void {
    try {
      st.markDamaged.run(ctx.now(), planId, revision);
    } catch (err) {
      if (!isReadOnlyError(err)) throw err;
    }
  }

  /**
   * A revision's content checked against its checksum, or null when it is damaged; a damaged one is set aside
   * (marked) at once, so the history names it and the background scan need not find it again.
   */
  function checkedContent(planId: string, rev: Pick<Stored<RevisionRow>, 'revision' | 'blob' | 'checksum'>): string | null {
    const json = readContent(rev.blob, rev.checksum);
    if (json === null) setAside(planId, rev.revision);
    return json;
  }

  const rowOf = ({ blob: _blob, checksum: _checksum, ...meta }: Stored<PlanRow>, content: string): PlanRow => ({ ...meta, content });

  function findRow(id: string): PlanRow | undefined {
    const stored = st.byId.get(id);
    if (!stored) return undefined;
    const content = checkedContent(id, stored);
    return content === null ? reopenAtIntact(stored) : rowOf(stored, content);
  }

  /**
   * The current revision is damaged: the plan goes on from its newest intact revision, stored again as a new
   * 'restore' revision (the damaged one stays in the history, marked). A store opened read-only shows the intact
   * content without writing.
   */
  function reopenAtIntact(stored: Stored<PlanRow>): PlanRow {
    let intact: string | null = null;
    const damaged: number[] = [];
    for (const rev of st.undamagedRevisions.iterate(stored.id)) {
      intact = readContent(rev.blob, rev.checksum);
      if (intact !== null) break;
      damaged.push(rev.revision);
    }
    for (const revision of damaged) setAside(stored.id, revision);
    if (intact === null) {
      throw new BackendError(
        'DB_CORRUPT',
        'Mọi phiên bản đã lưu của kế hoạch này đều bị hỏng trên đĩa, không mở được. Các kế hoạch khác không bị ảnh hưởng; hãy khôi phục kế hoạch từ bản sao lưu.',
      );
    }
    try {
      writeRevision(stored.id, parseContent(intact), stored.status, 'restore');
    } catch (err) {
      if (!isReadOnlyError(err)) throw err;
      return rowOf(stored, intact);
    }
    return findRow(stored.id)!;
  }
  /** One revision with its checked content; a damaged one is set aside and refused with a message naming it. */
  function revisionOf(id: string, revision: number): RevisionRow {
    const stored = st.revisionRow.get(id, revision);
    if (!stored) throw notFound(`phiên bản ${revision} của kế hoạch`);
    const content = checkedContent(id, stored);
    if (content === null) throw damagedRevision(revision);
    const { blob: _blob, checksum: _checksum, ...meta } = stored;
    return { ...meta, content };
  }

  function getRow(id: string): PlanRow {
    const row = findRow(id);
    if (!row) throw notFound('kế hoạch');
    return row;
  }

  const toPlan = (row: PlanRow): Plan => {
    const plan = planOf(parseContent(row.content), {
      id: row.id,
      status: row.status,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    });
    const origin = st.originOf.get(row.id);
    if (origin) {
      plan.origin = { officeId: origin.owner_office, name: origin.owner_name, version: origin.owner_revision, conflictOf: origin.conflict_of, receivedAt: origin.received_at };
    }
    return plan;
  };

  /** A plan received from another office is read-only here (owner-writes): only its owner's packages change it. */
  function assertOurs(id: string): void {
    const origin = st.originOf.get(id);
    if (origin) {
      throw new BackendError(
        'CONFLICT',
        `Kế hoạch này của ${origin.owner_name || 'đơn vị khác'}${origin.conflict_of ? ' (bản xung đột)' : ''} chỉ để xem: không sửa ở đây. Hãy nhân bản để soạn văn bản của đơn vị mình.`,
      );
    }
  }

  // A new plan's child rows go in with a few multi-row statements; a plan written before is upserted row by row,
  // so rows that did not change keep their updated_at.
  const UNIT_COLUMNS = ['plan_id', 'id', 'position', 'name', 'category', 'term', 'members', 'invited', 'total', 'duration_days', 'deadline', 'org_id', 'updated_at'];
  const TASK_COLUMNS = ['plan_id', 'id', 'position', 'duty_id', 'body', 'org_id', 'text', 'due_dates', 'due_first', 'due_relative', 'due_source', 'updated_at'];
  const RECIPIENT_COLUMNS = ['plan_id', 'id', 'position', 'text', 'note', 'org_id', 'updated_at'];
  type UnitParams = ReturnType<typeof unitRows>[number];
  type TaskParams = ReturnType<typeof taskRows>[number];
  type RecipientParams = ReturnType<typeof recipientRows>[number];
  const insertUnits = rowInserter<UnitParams>(db, 'pilot_units', UNIT_COLUMNS, (u) => [
    u.planId, u.id, u.position, u.name, u.category, u.term, u.members, u.invited, u.total, u.durationDays, u.deadline, u.orgId, u.now,
  ]);
  const insertTasks = rowInserter<TaskParams>(db, 'tasks', TASK_COLUMNS, (t) => [
    t.planId, t.id, t.position, t.dutyId, t.body, t.orgId, t.text, t.dueDates, t.dueFirst, t.dueRelative, t.dueSource, t.now,
  ]);
  const insertRecipients = rowInserter<RecipientParams>(db, 'recipients', RECIPIENT_COLUMNS, (r) => [r.planId, r.id, r.position, r.text, r.note, r.orgId, r.now]);

  function syncChildren(planId: string, content: PlanContent, now: string, fresh: boolean): void {
    const units = unitRows(planId, content, now);
    const tasks = taskRows(planId, content, now);
    const recipients = recipientRows(planId, content, now);
    if (fresh) {
      insertUnits.insert(units);
      insertTasks.insert(tasks);
      insertRecipients.insert(recipients);
      return;
    }
    st.unitsPrune.run(planId, JSON.stringify(units.map((u) => u.id)));
    for (const u of units) st.unitUpsert.run(u);
    st.tasksPrune.run(planId, JSON.stringify(tasks.map((t) => t.id)));
    for (const t of tasks) st.taskUpsert.run(t);
    st.recipientsPrune.run(planId, JSON.stringify(recipients.map((r) => r.id)));
    for (const r of recipients) st.recipientUpsert.run(r);
  }

  /**
   * Search text waiting for plans_fts, by plan seq, inside inBulk. Each write is a savepoint, and FTS5 writes out
   * its pending terms at every savepoint: a segment per plan when a package of many plans is imported.
   */
  let ftsPending: Map<number, string> | null = null;

  /**
   * Run `fn` (inside the caller's transaction) with the search text of the plans it writes indexed together at its
   * end. Until then plan.list's word search does not find them.
   */
  function inBulk<T>(fn: () => T): T {
    if (ftsPending) return fn();
    ftsPending = new Map();
    try {
      const out = fn();
      const rows = [...ftsPending].sort((a, b) => a[0] - b[0]);
      if (rows.length) st.ftsInsertMany.run(JSON.stringify(rows));
      return out;
    } finally {
      ftsPending = null;
    }
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
      // A plan written earlier in the same bulk is not in the index yet.
      if (!ftsPending?.has(seq)) st.ftsDelete.run(seq);
    } else {
      seq = Number(st.insertPlan.run(params).lastInsertRowid);
    }
    // Inside inBulk (a package's plans) the content is stored uncompressed, and compressed in the background after.
    const stored = storedContent(JSON.stringify(content), ftsPending ? BULK_CONTENT_LEVEL : undefined);
    st.insertRevision.run({ id: planId, revision, status, reason, trichYeu: content.trichYeu, ...stored, now });
    if (ftsPending) compaction.request(planId, revision);
    syncChildren(planId, content, now, !existing);
    if (status === 'issued') options.onIssued?.(planId, content, now);
    if (ftsPending) ftsPending.set(seq, searchText(content));
    else st.ftsInsert.run(seq, searchText(content));
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
    // Stored content always names its shape, so a later version knows which upgrades it needs.
    const plan = write.immediate(planId, withContentVersion(content), status, reason);
    options.afterWrite?.(planId, reason);
    return plan;
  }

  return { findRow, getRow, toPlan, writeRevision, inBulk, revisionOf, assertOurs };
}
export type PlanStore = ReturnType<typeof createPlanStore>;
