import type { RepoContext } from './context';

/** The outgoing-number book key: one sequence per issuer symbol + document type + committee term. */
export interface RegisterKey {
  symbol: string;
  docType: string;
  term: string;
}

/** Numbers print with at least two digits: 1 → "01", 315 → "315". */
export const formatRegisterNumber = (n: number) => String(n).padStart(2, '0');

/** Normalise a term for the register key: "2025 - 2030" → "2025-2030". */
export const registerTerm = (term: string) => term.replace(/\s+/g, '');

/**
 * The register's statements. Allocation must run inside an IMMEDIATE transaction (the caller's): the write lock is
 * taken before MAX() is read, so two allocations, even from two processes on the same file, never get one number;
 * the UNIQUE constraint is the last guard.
 */
export function createRegisterRepo(ctx: RepoContext) {
  const { db } = ctx;
  const nextNumber = db.prepare<[string, string, string], { next: number }>(
    'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM number_register WHERE symbol = ? AND doc_type = ? AND term = ?',
  );
  const forPlan = db.prepare<[string, string, string, string], { number: number }>(
    'SELECT number FROM number_register WHERE plan_id = ? AND symbol = ? AND doc_type = ? AND term = ? ORDER BY number DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO number_register (id, symbol, doc_type, term, number, plan_id, allocated_at, revision, updated_at)
     VALUES (@id, @symbol, @docType, @term, @number, @planId, @now, 1, @now)`,
  );

  const holder = db.prepare<[string, string, string, number], { planId: string | null; trichYeu: string | null }>(
    `SELECT r.plan_id AS planId, p.trich_yeu AS trichYeu FROM number_register r LEFT JOIN plans p ON p.id = r.plan_id
     WHERE r.symbol = ? AND r.doc_type = ? AND r.term = ? AND r.number = ?`,
  );

  /** Who holds a number in this book: the plan's id and trích yếu (null id: a plan since deleted), or undefined. */
  function holderOf(key: RegisterKey, number: number): { planId: string | null; trichYeu: string | null } | undefined {
    return holder.get(key.symbol, key.docType, key.term, number);
  }

  /** The number the book gives next. */
  function next(key: RegisterKey): number {
    return nextNumber.get(key.symbol, key.docType, key.term)!.next;
  }

  /**
   * Record in the book a number typed by hand on a plan being issued, so the book never gives it again. The caller
   * has checked that no other plan holds it (the UNIQUE constraint is the last guard). Call inside a transaction.
   */
  function claim(planId: string, key: RegisterKey, number: number): void {
    if (!db.inTransaction) throw new Error('claim() must run inside a transaction');
    if (holderOf(key, number)?.planId === planId) return;
    insert.run({ id: ctx.newId(), ...key, number, planId, now: ctx.now() });
  }

  /** The number already allocated to this plan in this book, if any. */
  function allocatedTo(planId: string, key: RegisterKey): number | null {
    return forPlan.get(planId, key.symbol, key.docType, key.term)?.number ?? null;
  }

  /** Take the next number of the book for a plan. Call inside an IMMEDIATE transaction. */
  function allocate(planId: string, key: RegisterKey): number {
    if (!db.inTransaction) throw new Error('allocate() must run inside a transaction');
    const number = nextNumber.get(key.symbol, key.docType, key.term)!.next;
    insert.run({ id: ctx.newId(), ...key, number, planId, now: ctx.now() });
    return number;
  }

  return { allocatedTo, allocate, holderOf, next, claim };
}
export type RegisterRepo = ReturnType<typeof createRegisterRepo>;
