/**
 * Lưu trữ: an issued plan put away (and back). Archiving changes no content, so it keeps no revision: only the status
 * of the plans row changes. The issued revision stays the plan's current text.
 */
import type { Plan } from '../../../../shared/model';
import { BackendError } from '../../errors';
import type { RepoContext } from '../context';
import type { PlanStore } from './store';

const conflict = (message: string) => new BackendError('CONFLICT', message);

export function createPlanArchive(ctx: RepoContext, store: PlanStore) {
  const { db } = ctx;
  const setStatus = db.prepare<[string, string, string]>('UPDATE plans SET status = ?, updated_at = ? WHERE id = ?');

  const archive = db.transaction((id: string): Plan => {
    const row = store.getRow(id);
    if (row.deleted_at) throw conflict('Kế hoạch đang ở thùng rác. Hãy khôi phục trước khi lưu trữ.');
    if (row.status === 'archived') return store.toPlan(row);
    if (row.status !== 'issued') throw conflict('Chỉ lưu trữ được kế hoạch đã ban hành. Kế hoạch này còn là dự thảo.');
    setStatus.run('archived', ctx.nowAfter(row.updated_at), id);
    return store.toPlan(store.getRow(id));
  });

  const unarchive = db.transaction((id: string): Plan => {
    const row = store.getRow(id);
    if (row.status === 'issued') return store.toPlan(row);
    if (row.status !== 'archived') throw conflict('Kế hoạch này không ở trạng thái lưu trữ.');
    setStatus.run('issued', ctx.nowAfter(row.updated_at), id);
    return store.toPlan(store.getRow(id));
  });

  return {
    /** Issued → archived (no new revision). A draft is refused; archiving twice changes nothing. */
    archive: (id: string) => archive.immediate(id),
    /** Archived → issued again (no new revision). */
    unarchive: (id: string) => unarchive.immediate(id),
  };
}
