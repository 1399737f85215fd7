/**
 * The plan list: newest first, filtered, with an accent-insensitive full-text query. Without a query the items walk
 * the list index in order and stop after `limit` (no sort). With one, plans whose trích yếu holds the typed words in
 * order come first ("dai hoi diem" → the plan titled "Tổ chức đại hội điểm…" before plans that mention it in passing).
 * Plans received from other offices can be listed apart (`origin`), grouped by their office's name.
 */
import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { PlanListInput } from '../../../../shared/api';
import type { PlanStatus, PlanSummary } from '../../../../shared/model';
import type { Db } from '../../db/open';
import { ftsQuery, titleLikePattern } from '../plan-index';

export type ParsedPlanList = z.output<typeof PlanListInput>;

type SummaryRow = {
  id: string;
  doc_type: string;
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
  owner_office: string | null;
  owner_name: string | null;
  conflict_of: string | null;
};

const SUMMARY_COLUMNS =
  'id, doc_type, number, symbol, trich_yeu, year, month, day, status, issuer_name, updated_at, deleted_at, revision, ' +
  '(SELECT owner_office FROM plan_origins WHERE plan_id = id) AS owner_office, (SELECT owner_name FROM plan_origins WHERE plan_id = id) AS owner_name, ' +
  '(SELECT conflict_of FROM plan_origins WHERE plan_id = id) AS conflict_of';

const toSummary = (r: SummaryRow): PlanSummary => ({
  id: r.id,
  docType: r.doc_type === 'BC' ? 'BC' : 'KH',
  number: r.number,
  symbol: r.symbol,
  trichYeu: r.trich_yeu,
  date: { day: r.day == null ? '' : String(r.day), month: r.month == null ? '' : String(r.month), year: r.year ? String(r.year) : '' },
  status: r.status,
  issuerName: r.issuer_name,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  revision: r.revision,
  ...(r.owner_office === null ? {} : { owner: { officeId: r.owner_office, name: r.owner_name ?? '', conflictOf: r.conflict_of } }),
});

export function createPlanList(db: Db) {
  // One pair of statements per distinct WHERE/ORDER shape, prepared on first use.
  const statements = new Map<string, { items: Statement<unknown[], SummaryRow>; total: Statement<unknown[], number> }>();

  return function list(input: ParsedPlanList): { items: PlanSummary[]; total: number } {
    // Spelled exactly as the partial indexes' conditions, so SQLite can use them.
    const where = [input.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
    const index = input.deleted ? 'plans_bin_by_updated' : 'plans_live_by_updated';
    const params: (string | number)[] = [];
    if (input.status) {
      where.push('status = ?');
      params.push(input.status);
    }
    if (input.docType) {
      where.push('doc_type = ?');
      params.push(input.docType);
    }
    if (input.year !== undefined) {
      where.push('year = ?');
      params.push(input.year);
    }
    if (input.origin) where.push(`${input.origin === 'ours' ? 'NOT EXISTS' : 'EXISTS'} (SELECT 1 FROM plan_origins WHERE plan_id = id)`);
    const match = ftsQuery(input.query);
    const titlePattern = match ? titleLikePattern(input.query) : null;
    if (match) {
      where.push('seq IN (SELECT rowid FROM plans_fts WHERE plans_fts MATCH ?)');
      params.push(match);
    }
    const whereSql = where.join(' AND ');
    // Received plans come grouped by their office.
    const byOffice = input.origin === 'received' ? '(SELECT owner_name FROM plan_origins WHERE plan_id = id), ' : '';
    const orderSql = `${byOffice}${titlePattern ? '(title_folded LIKE ?) DESC, ' : ''}updated_at DESC, seq DESC`;
    const key = `${whereSql} ORDER BY ${orderSql}`;
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = {
        items: db.prepare<unknown[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM plans INDEXED BY ${index} WHERE ${key} LIMIT ? OFFSET ?`),
        total: db.prepare<unknown[], number>(`SELECT count(*) FROM plans WHERE ${whereSql}`).pluck(),
      };
      statements.set(key, prepared);
    }
    const itemParams = titlePattern ? [...params, titlePattern] : params;
    const items = prepared.items.all(...itemParams, input.limit, input.offset).map(toSummary);
    const total = items.length < input.limit && input.offset === 0 ? items.length : prepared.total.get(...params)!;
    return { items, total };
  };
}
