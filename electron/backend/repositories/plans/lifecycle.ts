/**
 * The rules of a plan's life: what may change a plan and into what. Each rule checks the stored row and hands the
 * content to the store's one write path (writeRevision), inside one IMMEDIATE transaction.
 */
import type { z } from 'zod';
import { type Plan, type PlanContent, type PlanSaveInput, type PlanStatus, withContentVersion } from '../../../../shared/model';
import { BackendError, notFound } from '../../errors';
import { createPlanChecks } from '../../plans/checks';
import type { RepoContext } from '../context';
import { formatRegisterNumber, registerTerm, type RegisterRepo } from '../register';
import { renewIds } from '../../../../shared/model/renew-ids';
import { contentOf } from '../../../../shared/model/plan-record';
import type { PlanRow, PlanStatements } from './statements';
import { parseContent, type PlanStore } from './store';

export type ParsedPlanSave = z.output<typeof PlanSaveInput>;


const conflict = (message: string) => new BackendError('CONFLICT', message);
const readOnlyMessage = (status: PlanStatus) =>
  status === 'issued'
    ? 'Kế hoạch đã ban hành nên không sửa được nữa. Hãy nhân bản để soạn văn bản mới.'
    : 'Kế hoạch đã lưu trữ nên không sửa được nữa. Hãy nhân bản để soạn văn bản mới.';
const inBinMessage = 'Kế hoạch đang ở thùng rác. Hãy khôi phục trước khi sửa.';

function assertEditable(row: PlanRow): void {
  if (row.deleted_at) throw conflict(inBinMessage);
  if (row.status !== 'draft') throw conflict(readOnlyMessage(row.status));
}

export function createPlanLifecycle(
  ctx: RepoContext,
  st: PlanStatements,
  store: PlanStore,
  deps: { register: RegisterRepo; defaultTerm: () => string },
) {
  const { db } = ctx;
  const { getRow, toPlan, writeRevision } = store;
  const checks = createPlanChecks(deps);

  /** plan.save: optimistic check on baseRevision, revision + 1, the previous revision kept. */
  const save = db.transaction((input: ParsedPlanSave): Plan => {
    // Stamped as the store writes it, so an unchanged save compares equal.
    const content = withContentVersion(contentOf(input));
    const existing = store.findRow(input.id);
    if (!existing) {
      if (input.baseRevision !== null) throw notFound('kế hoạch');
      return writeRevision(input.id, content, 'draft', 'create');
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
    store.assertOurs(input.id);
    assertEditable(existing);
    return writeRevision(input.id, content, 'draft', 'save');
  });

  /** A new draft plan with its 'create' revision. The caller gives the content fresh ids (renewIds). */
  const create = db.transaction((content: PlanContent): Plan => writeRevision(ctx.newId(), content, 'draft', 'create'));

  /** A copy as a new draft: new ids everywhere, number cleared. */
  function duplicate(id: string): Plan {
    const source = renewIds(parseContent(getRow(id).content), ctx.newId);
    return create.immediate({ ...source, header: { ...source.header, number: '' } });
  }

  /** Binning needs no content: a plan whose every revision is damaged can still go to the bin. */
  const remove = db.transaction((id: string): void => {
    const row = st.metaById.get(id);
    if (!row) throw notFound('kế hoạch');
    if (row.deleted_at) return;
    const now = ctx.nowAfter(row.updated_at);
    st.setDeleted.run(now, now, id);
  });

  const restore = db.transaction((id: string): Plan => {
    const row = getRow(id);
    if (row.deleted_at) st.setDeleted.run(null, ctx.nowAfter(row.updated_at), id);
    return toPlan(getRow(id));
  });

  /**
   * The old content becomes a new revision (reason 'restore'); the revisions in between stay in the history.
   * Restoring the issued revision (reason 'issue') makes the plan issued again, exactly as it was issued.
   */
  const restoreRevision = db.transaction((id: string, revision: number): Plan => {
    const row = getRow(id);
    const rev = store.revisionOf(id, revision);
    store.assertOurs(id);
    assertEditable(row);
    const status: PlanStatus = rev.reason === 'issue' ? 'issued' : 'draft';
    return writeRevision(id, parseContent(rev.content), status, 'restore');
  });

  /**
   * Edit an issued plan after the user confirmed it: back to draft, with a 'reopen' revision. The 'issue' revision
   * stays in the history, so the issued text can always be seen and restored.
   */
  const reopen = db.transaction((id: string): Plan => {
    const row = getRow(id);
    if (row.deleted_at) throw conflict(inBinMessage);
    store.assertOurs(id);
    if (row.status === 'draft') return toPlan(row);
    return writeRevision(id, parseContent(row.content), 'draft', 'reopen');
  });

  /**
   * Status → issued, kept as an 'issue' revision. An issued plan must carry its number (take one from the register)
   * and have no lint error (plans/checks.ts: the shared lint and a number another plan holds); a number typed by hand
   * is recorded in the register.
   */
  const issue = db.transaction((id: string): Plan => {
    const row = getRow(id);
    store.assertOurs(id);
    assertEditable(row);
    const content = parseContent(row.content);
    if (!content.header.number) {
      throw new BackendError('VALIDATION', 'Kế hoạch chưa có số. Hãy cấp số từ sổ văn bản đi trước khi ban hành.', [
        { path: ['header', 'number'], message: 'Chưa có số văn bản' },
      ]);
    }
    checks.assertIssuable(content, id);
    checks.recordIssuedNumber(content, id);
    return writeRevision(id, content, 'issued', 'issue');
  });

  /**
   * Take the next number from the register for this plan's issuer symbol + type + term and put it in header.number.
   * Asking again for a plan that already holds its number from the same book returns the plan unchanged.
   */
  const allocateNumber = db.transaction((id: string): Plan => {
    const row = getRow(id);
    if (row.deleted_at) throw conflict(inBinMessage);
    store.assertOurs(id);
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
    return writeRevision(id, next, row.status, 'save');
  });

  return {
    save: (input: ParsedPlanSave) => save.immediate(input),
    create: (content: PlanContent) => create.immediate(content),
    duplicate,
    remove: (id: string) => remove.immediate(id),
    restore: (id: string) => restore.immediate(id),
    restoreRevision: (id: string, revision: number) => restoreRevision.immediate(id, revision),
    issue: (id: string) => issue.immediate(id),
    reopen: (id: string) => reopen.immediate(id),
    allocateNumber: (id: string) => allocateNumber.immediate(id),
  };
}
