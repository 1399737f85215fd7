/**
 * Reading the outgoing-number book (sổ văn bản đi): every number ever allocated, with the plan that holds it. Numbers
 * are never renumbered or reused: a number whose plan went to the bin (or is gone) stays in the book, marked so.
 */
import type { PlanStatus } from '../../../shared/model';
import type { RepoContext } from './context';
import { formatRegisterNumber } from './register';

export interface RegisterBookFilter {
  term?: string | undefined;
  symbol?: string | undefined;
  docType?: string | undefined;
}

export interface RegisterBookEntry {
  id: string;
  symbol: string;
  docType: string;
  term: string;
  /** As printed: "01", "315". */
  number: string;
  allocatedAt: string;
  /** The plan holding the number; null when the plan no longer exists at all. */
  plan: {
    id: string;
    trichYeu: string;
    /** The number the plan carries now (normally the same). */
    number: string;
    /** As the plan list gives it: the date's parts as text, '' for a blank one. */
    date: { day: string; month: string; year: string };
    status: PlanStatus;
    /** In the bin since then. */
    deletedAt: string | null;
  } | null;
}

type Row = {
  id: string;
  symbol: string;
  doc_type: string;
  term: string;
  number: number;
  allocated_at: string;
  plan_id: string | null;
  trich_yeu: string | null;
  plan_number: string | null;
  day: number | null;
  month: number | null;
  year: number | null;
  status: PlanStatus | null;
  deleted_at: string | null;
};

export function createRegisterBook(ctx: RepoContext) {
  const { db } = ctx;
  // Optional filters as "? IS NULL OR column = ?": one statement for every combination.
  const entries = db.prepare<Record<string, string | null>, Row>(
    `SELECT r.id, r.symbol, r.doc_type, r.term, r.number, r.allocated_at, p.id AS plan_id, p.trich_yeu, p.number AS plan_number,
            p.day, p.month, p.year, p.status, p.deleted_at
       FROM number_register r LEFT JOIN plans p ON p.id = r.plan_id
      WHERE (@term IS NULL OR r.term = @term) AND (@symbol IS NULL OR r.symbol = @symbol) AND (@docType IS NULL OR r.doc_type = @docType)
      ORDER BY r.term DESC, r.symbol, r.doc_type, r.number`,
  );
  const books = db.prepare<[], { term: string; symbol: string; doc_type: string }>(
    'SELECT DISTINCT term, symbol, doc_type FROM number_register ORDER BY term DESC, symbol, doc_type',
  );

  const toEntry = (r: Row): RegisterBookEntry => ({
    id: r.id,
    symbol: r.symbol,
    docType: r.doc_type,
    term: r.term,
    number: formatRegisterNumber(r.number),
    allocatedAt: r.allocated_at,
    plan:
      r.plan_id === null
        ? null
        : {
            id: r.plan_id,
            trichYeu: r.trich_yeu ?? '',
            number: r.plan_number ?? '',
            date: { day: r.day == null ? '' : String(r.day), month: r.month == null ? '' : String(r.month), year: r.year ? String(r.year) : '' },
            status: r.status ?? 'draft',
            deletedAt: r.deleted_at,
          },
  });

  /** The entries of the book(s) matching the filter, and every term, symbol and type the book holds (for filters). */
  function list(filter: RegisterBookFilter) {
    const all = books.all();
    const distinct = (values: string[]) => [...new Set(values)];
    return {
      entries: entries.all({ term: filter.term ?? null, symbol: filter.symbol ?? null, docType: filter.docType ?? null }).map(toEntry),
      terms: distinct(all.map((b) => b.term)),
      symbols: distinct(all.map((b) => b.symbol)).sort(),
      docTypes: distinct(all.map((b) => b.doc_type)).sort(),
    };
  }

  return { list };
}
export type RegisterBook = ReturnType<typeof createRegisterBook>;
