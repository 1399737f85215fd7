import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { PlanListInput, RevisionSummary } from '../../../shared/api';
import { PlanContent, type Plan, type PlanSaveInput, type PlanStatus, type PlanSummary } from '../../../shared/model';
import { BackendError, notFound } from '../errors';
import type { RepoContext } from './context';
import { foldVietnamese } from '../../../shared/format/fold';
import { collectTasks, ftsQuery, searchText, titleLikePattern } from './plan-index';
import { formatRegisterNumber, registerTerm, type RegisterRepo } from './register';
import { renewIds } from './renew-ids';

export type RevisionReason = RevisionSummary['reason'];
export type ParsedPlanSave = z.output<typeof PlanSaveInput>;
export type ParsedPlanList = z.output<typeof PlanListInput>;

type PlanRow = {
  seq: number;
  id: string;
  status: PlanStatus;
  revision: number;
  content: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

type SummaryRow = {
  id: string;
  number: string;
  symbol: string;
  trich_yeu: string;
  year: number;
  month: number | null;
  day: number | null;
  status: PlanStatus;
  issuer_name: string;
  updated_at: string;
  deleted_at: string | null;
  revision: number;
};

type RevisionRow = { revision: number; saved_at: string; status: PlanStatus; reason: RevisionReason; trich_yeu: string; content: string };

const PLAN_COLUMNS = 'p.seq, p.id, p.status, p.revision, kh_inflate(r.content) AS content, p.created_at, p.updated_at, p.deleted_at';
const SUMMARY_COLUMNS = 'id, number, symbol, trich_yeu, year, month, day, status, issuer_name, updated_at, deleted_at, revision';

/**
 * Stored content is read back through the schema so fields added by later versions get their defaults. Content that a
 * newer rule would refuse is still returned as stored: the user can open it and fix it, nothing is hidden.
 */
function parseContent(json: string): PlanContent {
  const raw: unknown = JSON.parse(json);
  const parsed = PlanContent.safeParse(raw);
  return parsed.success ? parsed.data : (raw as PlanContent);
}

const toSummary = (r: SummaryRow): PlanSummary => ({
  id: r.id,
  number: r.number,
  symbol: r.symbol,
  trichYeu: r.trich_yeu,
  date: { day: r.day, month: r.month, year: r.year },
  status: r.status,
  issuerName: r.issuer_name,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  revision: r.revision,
});

function planOf(content: PlanContent, meta: { id: string; status: PlanStatus; revision: number; createdAt: string; updatedAt: string; deletedAt: string | null }): Plan {
  return { ...content, ...meta };
}

/** Just the content of a plan-shaped object (drops identity and bookkeeping). */
export function contentOf(plan: ParsedPlanSave | Plan): PlanContent {
  const { id: _id, ...rest } = plan as Record<string, unknown>;
  for (const key of ['baseRevision', 'status', 'revision', 'createdAt', 'updatedAt', 'deletedAt']) delete rest[key];
  return rest as PlanContent;
}

/** Ids must be unique inside a plan: units, tasks and recipients are stored by (plan, id). */
function assertUniqueIds(content: PlanContent): void {
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

const conflict = (message: string) => new BackendError('CONFLICT', message);
const readOnlyMessage = (status: PlanStatus) =>
  status === 'issued'
    ? 'Kế hoạch đã ban hành nên không sửa được nữa. Hãy nhân bản để soạn văn bản mới.'
    : 'Kế hoạch đã lưu trữ nên không sửa được nữa. Hãy nhân bản để soạn văn bản mới.';
const inBinMessage = 'Kế hoạch đang ở thùng rác. Hãy khôi phục trước khi sửa.';

export function createPlansRepo(ctx: RepoContext, deps: { register: RegisterRepo; defaultTerm: () => string }) {
  const { db } = ctx;

  const byId = db.prepare<[string], PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM plans p JOIN plan_revisions r ON r.plan_id = p.id AND r.revision = p.revision WHERE p.id = ?`,
  );
  const insertPlan = db.prepare(
    `INSERT INTO plans (id, status, revision, number, doc_type, symbol, term, trich_yeu, title_folded, issuer_name, year,
                        month, day, created_at, updated_at, deleted_at)
     VALUES (@id, @status, @revision, @number, @docType, @symbol, @term, @trichYeu, @titleFolded, @issuerName, @year,
             @month, @day, @now, @now, NULL)`,
  );
  const updatePlan = db.prepare(
    `UPDATE plans SET status = @status, revision = @revision, number = @number, doc_type = @docType,
       symbol = @symbol, term = @term, trich_yeu = @trichYeu, title_folded = @titleFolded, issuer_name = @issuerName,
       year = @year, month = @month,
       day = @day, updated_at = @now
     WHERE id = @id`,
  );
  const insertRevision = db.prepare(
    `INSERT INTO plan_revisions (plan_id, revision, status, reason, trich_yeu, content, saved_at)
     VALUES (@id, @revision, @status, @reason, @trichYeu, kh_deflate(@content), @now)`,
  );
  const setDeleted = db.prepare<[string | null, string, string]>('UPDATE plans SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const revisionsOf = db.prepare<[string], Omit<RevisionRow, 'content'>>(
    'SELECT revision, saved_at, status, reason, trich_yeu FROM plan_revisions WHERE plan_id = ? ORDER BY revision DESC',
  );
  const revisionRow = db.prepare<[string, number], RevisionRow>(
    'SELECT revision, saved_at, status, reason, trich_yeu, kh_inflate(content) AS content FROM plan_revisions WHERE plan_id = ? AND revision = ?',
  );

  const ftsDelete = db.prepare<[number]>('DELETE FROM plans_fts WHERE rowid = ?');
  const ftsInsert = db.prepare<[number, string]>('INSERT INTO plans_fts (rowid, text) VALUES (?, ?)');

  const unitsPrune = db.prepare<[string, string]>('DELETE FROM pilot_units WHERE plan_id = ? AND id NOT IN (SELECT value FROM json_each(?))');
  const unitUpsert = db.prepare(
    `INSERT INTO pilot_units (plan_id, id, position, name, category, term, members, invited, total, duration_days, deadline, org_id, updated_at)
     VALUES (@planId, @id, @position, @name, @category, @term, @members, @invited, @total, @durationDays, @deadline, @orgId, @now)
     ON CONFLICT (plan_id, id) DO UPDATE SET position = excluded.position, name = excluded.name, category = excluded.category,
       term = excluded.term, members = excluded.members, invited = excluded.invited, total = excluded.total,
       duration_days = excluded.duration_days, deadline = excluded.deadline, org_id = excluded.org_id, updated_at = excluded.updated_at
     WHERE (pilot_units.position, pilot_units.name, pilot_units.category, pilot_units.term, pilot_units.members, pilot_units.invited,
            pilot_units.total, pilot_units.duration_days, pilot_units.deadline, pilot_units.org_id)
       IS NOT (excluded.position, excluded.name, excluded.category, excluded.term, excluded.members, excluded.invited,
            excluded.total, excluded.duration_days, excluded.deadline, excluded.org_id)`,
  );
  const tasksPrune = db.prepare<[string, string]>('DELETE FROM tasks WHERE plan_id = ? AND id NOT IN (SELECT value FROM json_each(?))');
  const taskUpsert = db.prepare(
    `INSERT INTO tasks (plan_id, id, position, duty_id, body, org_id, text, due_dates, due_first, due_relative, due_source, updated_at)
     VALUES (@planId, @id, @position, @dutyId, @body, @orgId, @text, @dueDates, @dueFirst, @dueRelative, @dueSource, @now)
     ON CONFLICT (plan_id, id) DO UPDATE SET position = excluded.position, duty_id = excluded.duty_id, body = excluded.body,
       org_id = excluded.org_id, text = excluded.text, due_dates = excluded.due_dates, due_first = excluded.due_first,
       due_relative = excluded.due_relative, due_source = excluded.due_source, updated_at = excluded.updated_at
     WHERE (tasks.position, tasks.duty_id, tasks.body, tasks.org_id, tasks.text, tasks.due_dates, tasks.due_relative, tasks.due_source)
       IS NOT (excluded.position, excluded.duty_id, excluded.body, excluded.org_id, excluded.text, excluded.due_dates,
               excluded.due_relative, excluded.due_source)`,
  );
  const recipientsPrune = db.prepare<[string, string]>('DELETE FROM recipients WHERE plan_id = ? AND id NOT IN (SELECT value FROM json_each(?))');
  const recipientUpsert = db.prepare(
    `INSERT INTO recipients (plan_id, id, position, text, note, org_id, updated_at)
     VALUES (@planId, @id, @position, @text, @note, @orgId, @now)
     ON CONFLICT (plan_id, id) DO UPDATE SET position = excluded.position, text = excluded.text, note = excluded.note,
       org_id = excluded.org_id, updated_at = excluded.updated_at
     WHERE (recipients.position, recipients.text, recipients.note, recipients.org_id)
       IS NOT (excluded.position, excluded.text, excluded.note, excluded.org_id)`,
  );

  const listStatements = new Map<string, { items: Statement<unknown[], SummaryRow>; total: Statement<unknown[], number> }>();

  function getRow(id: string): PlanRow {
    const row = byId.get(id);
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
    unitsPrune.run(planId, JSON.stringify(content.pilotUnits.map((u) => u.id)));
    content.pilotUnits.forEach((u, position) =>
      unitUpsert.run({
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
    tasksPrune.run(planId, JSON.stringify(tasks.map((t) => t.task.id)));
    tasks.forEach(({ task, duty }, position) => {
      const dates = task.due?.dates ?? [];
      taskUpsert.run({
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
    recipientsPrune.run(planId, JSON.stringify(content.recipients.map((r) => r.id)));
    content.recipients.forEach((r, position) =>
      recipientUpsert.run({ planId, id: r.id, position, text: r.text, note: r.note, orgId: r.orgId, now }),
    );
  }

  /**
   * Store `content` as the plan's next revision (1 for a new plan) and keep it in plan_revisions. Denormalised
   * columns, child rows and the search index follow in the same transaction (the caller's).
   */
  function writeRevision(id: string, existing: PlanRow | undefined, content: PlanContent, status: PlanStatus, reason: RevisionReason): Plan {
    const now = ctx.now();
    const revision = (existing?.revision ?? 0) + 1;
    const json = JSON.stringify(content);
    const h = content.header;
    const params = {
      id,
      status,
      revision,
      number: h.number,
      docType: h.docType,
      symbol: h.issuer.symbol,
      term: content.term,
      trichYeu: content.trichYeu,
      titleFolded: foldVietnamese(content.trichYeu),
      issuerName: h.issuer.name,
      year: h.date.year,
      month: h.date.month,
      day: h.date.day,
      now,
    };
    let seq: number;
    if (existing) {
      updatePlan.run(params);
      seq = existing.seq;
      ftsDelete.run(seq);
    } else {
      seq = Number(insertPlan.run(params).lastInsertRowid);
    }
    insertRevision.run({ id, revision, status, reason, trichYeu: content.trichYeu, content: json, now });
    syncChildren(id, content, now);
    ftsInsert.run(seq, searchText(content));
    return planOf(content, {
      id,
      status,
      revision,
      createdAt: existing?.created_at ?? now,
      updatedAt: now,
      deletedAt: existing?.deleted_at ?? null,
    });
  }

  function assertEditable(row: PlanRow): void {
    if (row.deleted_at) throw conflict(inBinMessage);
    if (row.status !== 'draft') throw conflict(readOnlyMessage(row.status));
  }

  /** plan.save: optimistic check on baseRevision, revision + 1, the previous revision kept. */
  const save = db.transaction((input: ParsedPlanSave): Plan => {
    const content = contentOf(input);
    assertUniqueIds(content);
    const existing = byId.get(input.id);
    if (!existing) {
      if (input.baseRevision !== null) throw notFound('kế hoạch');
      return writeRevision(input.id, undefined, content, 'draft', 'create');
    }
    if (input.baseRevision === null) {
      throw conflict('Đã có một kế hoạch khác mang cùng mã định danh. Hãy tải lại danh sách kế hoạch.');
    }
    if (input.baseRevision !== existing.revision) {
      throw conflict(
        `Kế hoạch đã được sửa ở nơi khác (đang là phiên bản ${existing.revision}, bản đang soạn dựa trên phiên bản ${input.baseRevision}). ` +
          'Hãy tải lại kế hoạch; bản đã lưu trước đó vẫn còn trong lịch sử phiên bản.',
      );
    }
    // An unchanged save (autosave with nothing typed) keeps the revision as it is.
    if (JSON.stringify(content) === existing.content && !existing.deleted_at) return toPlan(existing);
    assertEditable(existing);
    return writeRevision(input.id, existing, content, 'draft', 'save');
  });

  /** A new draft plan with its 'create' revision. The caller gives the content fresh ids (renewIds). */
  const create = db.transaction((content: PlanContent): Plan => {
    assertUniqueIds(content);
    return writeRevision(ctx.newId(), undefined, content, 'draft', 'create');
  });

  /** A copy as a new draft: new ids everywhere, number cleared. */
  function duplicate(id: string): Plan {
    const source = renewIds(parseContent(getRow(id).content), ctx.newId);
    return create.immediate({ ...source, header: { ...source.header, number: '' } });
  }

  const remove = db.transaction((id: string): void => {
    const row = getRow(id);
    if (!row.deleted_at) setDeleted.run(ctx.now(), ctx.now(), id);
  });

  const restore = db.transaction((id: string): Plan => {
    const row = getRow(id);
    if (row.deleted_at) setDeleted.run(null, ctx.now(), id);
    return toPlan(getRow(id));
  });

  function revisions(id: string): RevisionSummary[] {
    getRow(id);
    return revisionsOf.all(id).map((r) => ({ revision: r.revision, savedAt: r.saved_at, status: r.status, reason: r.reason, trichYeu: r.trich_yeu }));
  }

  function getRevision(id: string, revision: number): Plan {
    const row = getRow(id);
    const rev = revisionRow.get(id, revision);
    if (!rev) throw notFound(`phiên bản ${revision} của kế hoạch`);
    return planOf(parseContent(rev.content), {
      id,
      status: rev.status,
      revision: rev.revision,
      createdAt: row.created_at,
      updatedAt: rev.saved_at,
      deletedAt: row.deleted_at,
    });
  }

  /**
   * The old content becomes a new revision (reason 'restore'); the revisions in between stay in the history.
   * Restoring the issued revision (reason 'issue') makes the plan issued again, exactly as it was issued.
   */
  const restoreRevision = db.transaction((id: string, revision: number): Plan => {
    const row = getRow(id);
    const rev = revisionRow.get(id, revision);
    if (!rev) throw notFound(`phiên bản ${revision} của kế hoạch`);
    assertEditable(row);
    const status: PlanStatus = rev.reason === 'issue' ? 'issued' : 'draft';
    return writeRevision(id, row, parseContent(rev.content), status, 'restore');
  });

  /**
   * Edit an issued plan after the user confirmed it: back to draft, with a 'reopen' revision. The 'issue' revision
   * stays in the history, so the issued text can always be seen and restored.
   */
  const reopen = db.transaction((id: string): Plan => {
    const row = getRow(id);
    if (row.deleted_at) throw conflict(inBinMessage);
    if (row.status === 'draft') return toPlan(row);
    return writeRevision(id, row, parseContent(row.content), 'draft', 'reopen');
  });

  /** Status → issued, kept as an 'issue' revision. An issued plan must carry its number (take one from the register). */
  const issue = db.transaction((id: string): Plan => {
    const row = getRow(id);
    assertEditable(row);
    const content = parseContent(row.content);
    if (!content.header.number) {
      throw new BackendError('VALIDATION', 'Kế hoạch chưa có số. Hãy cấp số từ sổ văn bản đi trước khi ban hành.', [
        { path: ['header', 'number'], message: 'Chưa có số văn bản' },
      ]);
    }
    return writeRevision(id, row, content, 'issued', 'issue');
  });

  /**
   * Take the next number from the register for this plan's issuer symbol + type + term and put it in header.number.
   * Asking again for a plan that already holds its number from the same book returns the plan unchanged.
   */
  const allocateNumber = db.transaction((id: string): Plan => {
    const row = getRow(id);
    if (row.deleted_at) throw conflict(inBinMessage);
    const content = parseContent(row.content);
    if (row.status !== 'draft' && content.header.number) {
      throw conflict(`Kế hoạch đã ban hành với số ${content.header.number}; không cấp số khác.`);
    }
    const symbol = content.header.issuer.symbol;
    if (!symbol) {
      throw new BackendError('VALIDATION', 'Chưa có ký hiệu cơ quan ban hành (ví dụ HU) nên chưa cấp số được.', [
        { path: ['header', 'issuer', 'symbol'], message: 'Không được để trống' },
      ]);
    }
    const term = registerTerm(content.term || deps.defaultTerm());
    if (!term) {
      throw new BackendError('VALIDATION', 'Chưa có nhiệm kỳ (ví dụ 2025-2030) nên chưa biết cấp số trong sổ nào.', [
        { path: ['term'], message: 'Không được để trống' },
      ]);
    }
    const key = { symbol, docType: content.header.docType, term };
    const held = deps.register.allocatedTo(id, key);
    if (held !== null && content.header.number === formatRegisterNumber(held)) return toPlan(row);
    const number = held ?? deps.register.allocate(id, key);
    const next: PlanContent = { ...content, term: content.term || term, header: { ...content.header, number: formatRegisterNumber(number) } };
    return writeRevision(id, row, next, row.status, 'save');
  });

  /**
   * Newest first, filtered, with an accent-insensitive full-text query. Without a query the items walk the list index
   * in order and stop after `limit` (no sort). With one, plans whose trích yếu holds the typed words in order come
   * first ("dai hoi diem" → the plan titled "Tổ chức đại hội điểm…" before plans that mention it in passing).
   */
  function list(input: ParsedPlanList): { items: PlanSummary[]; total: number } {
    // Spelled exactly as the partial indexes' conditions, so SQLite can use them.
    const where = [input.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
    const index = input.deleted ? 'plans_bin_by_updated' : 'plans_live_by_updated';
    const params: (string | number)[] = [];
    if (input.status) {
      where.push('status = ?');
      params.push(input.status);
    }
    if (input.year !== undefined) {
      where.push('year = ?');
      params.push(input.year);
    }
    const match = ftsQuery(input.query);
    const titlePattern = match ? titleLikePattern(input.query) : null;
    if (match) {
      where.push('seq IN (SELECT rowid FROM plans_fts WHERE plans_fts MATCH ?)');
      params.push(match);
    }
    const whereSql = where.join(' AND ');
    const orderSql = titlePattern ? '(title_folded LIKE ?) DESC, updated_at DESC, seq DESC' : 'updated_at DESC, seq DESC';
    const key = `${whereSql} ORDER BY ${orderSql}`;
    let statements = listStatements.get(key);
    if (!statements) {
      statements = {
        items: db.prepare<unknown[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM plans INDEXED BY ${index} WHERE ${key} LIMIT ? OFFSET ?`),
        total: db.prepare<unknown[], number>(`SELECT count(*) FROM plans WHERE ${whereSql}`).pluck(),
      };
      listStatements.set(key, statements);
    }
    const itemParams = titlePattern ? [...params, titlePattern] : params;
    const items = statements.items.all(...itemParams, input.limit, input.offset).map(toSummary);
    const total = items.length < input.limit && input.offset === 0 ? items.length : statements.total.get(...params)!;
    return { items, total };
  }

  return {
    list,
    get: (id: string) => toPlan(getRow(id)),
    save: (input: ParsedPlanSave) => save.immediate(input),
    create: (content: PlanContent) => create.immediate(content),
    duplicate,
    remove: (id: string) => remove.immediate(id),
    restore: (id: string) => restore.immediate(id),
    revisions,
    getRevision,
    restoreRevision: (id: string, revision: number) => restoreRevision.immediate(id, revision),
    issue: (id: string) => issue.immediate(id),
    reopen: (id: string) => reopen.immediate(id),
    allocateNumber: (id: string) => allocateNumber.immediate(id),
  };
}
export type PlansRepo = ReturnType<typeof createPlansRepo>;

