/**
 * The exchange's tables besides the trust list: where a plan came from (plan_origins), the official .docx of issued
 * plans (official_copies), the Sổ trao đổi (exchange_log) and the sổ văn bản đến (incoming_register).
 */
import type { z } from 'zod';
import type { ExchangeLogEntry, IncomingEntry } from '../../../../shared/api/exchange';
import type { PlanStatus } from '../../../../shared/model';
import { readContent } from '../../db/content-codec';
import type { RepoContext } from '../context';

export interface PlanOrigin {
  planId: string;
  ownerOffice: string;
  ownerName: string;
  ownerRevision: number;
  contentSha256: string;
  conflictOf: string | null;
  receivedAt: string;
}

type OriginRow = { plan_id: string; owner_office: string; owner_name: string; owner_revision: number; content_sha256: string; conflict_of: string | null; received_at: string };
const toOrigin = (r: OriginRow): PlanOrigin => ({
  planId: r.plan_id,
  ownerOffice: r.owner_office,
  ownerName: r.owner_name,
  ownerRevision: r.owner_revision,
  contentSha256: r.content_sha256,
  conflictOf: r.conflict_of,
  receivedAt: r.received_at,
});

export interface LogLine {
  direction: 'out' | 'in';
  packageId: string;
  officeId: string;
  officeName: string;
  fileSha256: string;
  records: number;
  summary: Record<string, unknown>;
}

export function createExchangeRecords(ctx: RepoContext) {
  const { db } = ctx;
  const originOf = db.prepare<[string], OriginRow>('SELECT * FROM plan_origins WHERE plan_id = ?');
  const upsertOrigin = db.prepare(
    `INSERT INTO plan_origins (plan_id, owner_office, owner_name, owner_revision, content_sha256, conflict_of, received_at)
     VALUES (@planId, @ownerOffice, @ownerName, @ownerRevision, @contentSha256, @conflictOf, @receivedAt)
     ON CONFLICT (plan_id) DO UPDATE SET owner_name = excluded.owner_name, owner_revision = excluded.owner_revision,
       content_sha256 = excluded.content_sha256, received_at = excluded.received_at`,
  );
  const conflictCopies = db.prepare<[string], OriginRow>('SELECT * FROM plan_origins WHERE conflict_of = ?');
  const OWN = 'p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM plan_origins o WHERE o.plan_id = p.id)';
  const ownPlanIds = db.prepare<[], string>(`SELECT p.id FROM plans p WHERE ${OWN} ORDER BY p.seq`).pluck();
  const ownPlanIdsOfTerm = db.prepare<[string], string>(`SELECT p.id FROM plans p WHERE ${OWN} AND p.term = ? ORDER BY p.seq`).pluck();
  const ownPlanIdsSince = db.prepare<[string], string>(`SELECT p.id FROM plans p WHERE ${OWN} AND p.updated_at > ? ORDER BY p.seq`).pluck();
  const conflictList = db.prepare<[], OriginRow & { trich_yeu: string; number: string; our_revision: number | null }>(
    `SELECT o.*, c.trich_yeu, c.number, p.revision AS our_revision FROM plan_origins o JOIN plans c ON c.id = o.plan_id
     LEFT JOIN plans p ON p.id = o.conflict_of WHERE o.conflict_of IS NOT NULL ORDER BY o.received_at DESC, o.plan_id`,
  );
  const planSeq = db.prepare<[string], number>('SELECT seq FROM plans WHERE id = ?').pluck();
  const dropFts = db.prepare<[number]>('DELETE FROM plans_fts WHERE rowid = ?');
  const dropPlan = db.prepare<[string]>('DELETE FROM plans WHERE id = ?');
  // The blob is inflated here rather than by kh_read in the query: a SQL function's text result crosses into SQLite and
  // back (encoded and decoded once more), which cost an export of a thousand plans about a third of a second.
  const exportRow = db.prepare<[string], { id: string; status: PlanStatus; revision: number; updated_at: string; blob: Buffer; checksum: number | null }>(
    `SELECT p.id, p.status, p.revision, p.updated_at, r.content AS blob, r.checksum
     FROM plans p JOIN plan_revisions r ON r.plan_id = p.id AND r.revision = p.revision WHERE p.id = ?`,
  );
  const officialOf = db.prepare<[string], { revision: number; sha256: string; docx: Buffer }>('SELECT revision, sha256, docx FROM official_copies WHERE plan_id = ?');
  const putOfficial = db.prepare<[string, number, string, Buffer, string]>(
    `INSERT INTO official_copies (plan_id, revision, sha256, docx, stored_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (plan_id) DO UPDATE SET revision = excluded.revision, sha256 = excluded.sha256, docx = excluded.docx, stored_at = excluded.stored_at`,
  );
  const insertLog = db.prepare(
    `INSERT INTO exchange_log (id, direction, package_id, office_id, office_name, at, file_sha256, records, summary)
     VALUES (@id, @direction, @packageId, @officeId, @officeName, @at, @fileSha256, @records, @summary)`,
  );
  const receivedAt = db.prepare<[string], string>("SELECT at FROM exchange_log WHERE direction = 'in' AND package_id = ?").pluck();
  const logLines = db.prepare<[], z.infer<typeof ExchangeLogEntry>>(
    `SELECT id, direction, package_id AS packageId, office_id AS officeId, office_name AS officeName, at, file_sha256 AS fileSha256, records, summary
     FROM exchange_log ORDER BY at DESC, id LIMIT 1000`,
  );
  const insertIncoming = db.prepare(
    `INSERT INTO incoming_register (id, received_at, package_id, from_office, from_name, plan_id, number, doc_date, trich_yeu, kind)
     VALUES (@id, @receivedAt, @packageId, @fromOffice, @fromName, @planId, @number, @docDate, @trichYeu, @kind)`,
  );
  const incomingLines = db.prepare<[], z.infer<typeof IncomingEntry>>(
    `SELECT id, received_at AS receivedAt, package_id AS packageId, from_office AS fromOffice, from_name AS fromName, plan_id AS planId,
            number, doc_date AS docDate, trich_yeu AS trichYeu, kind
     FROM incoming_register ORDER BY received_at DESC, id LIMIT 5000`,
  );

  return {
    originOf: (planId: string): PlanOrigin | null => {
      const row = originOf.get(planId);
      return row ? toOrigin(row) : null;
    },
    setOrigin: (origin: PlanOrigin) => upsertOrigin.run(origin),
    conflictCopiesOf: (planId: string): PlanOrigin[] => conflictCopies.all(planId).map(toOrigin),
    ownPlanIds: () => ownPlanIds.all(),
    ownPlanIdsOfTerm: (term: string) => ownPlanIdsOfTerm.all(term),
    /** Our plans saved after `since` (ISO). */
    ownPlanIdsSince: (since: string) => ownPlanIdsSince.all(since),
    conflicts: () => conflictList.all().map((r) => ({ ...toOrigin(r), trichYeu: r.trich_yeu, number: r.number, ourRevision: r.our_revision })),
    /** Remove a plan row and everything hanging off it (a resolved conflict copy). */
    dropPlan(planId: string) {
      const seq = planSeq.get(planId);
      if (seq !== undefined) dropFts.run(seq);
      dropPlan.run(planId);
    },
    /** A plan's current revision as stored (the JSON text validated when it was saved; null content: damaged). */
    exportRow: (planId: string) => {
      const row = exportRow.get(planId);
      if (!row) return null;
      const { blob, checksum, ...meta } = row;
      return { ...meta, content: readContent(blob, checksum) };
    },
    officialCopy: (planId: string) => officialOf.get(planId) ?? null,
    storeOfficialCopy: (planId: string, revision: number, sha256: string, docx: Uint8Array) => putOfficial.run(planId, revision, sha256, Buffer.from(docx), ctx.now()),
    log: (line: LogLine) =>
      insertLog.run({ ...line, id: ctx.newId(), at: ctx.now(), summary: JSON.stringify(line.summary) }),
    receivedAt: (packageId: string): string | null => receivedAt.get(packageId) ?? null,
    logLines: () => logLines.all(),
    registerIncoming: (entry: { packageId: string; fromOffice: string; fromName: string; planId: string; number: string; docDate: string; trichYeu: string; kind: 'new' | 'update' | 'conflict' }) =>
      insertIncoming.run({ ...entry, id: ctx.newId(), receivedAt: ctx.now() }),
    incomingLines: () => incomingLines.all(),
  };
}
export type ExchangeRecords = ReturnType<typeof createExchangeRecords>;
