/**
 * Every prepared statement of the plans store, in one place: rows read back, the plans row, the revision, the child
 * tables denormalised from the content (pilot_units, tasks, recipients) and the search index.
 */
import type { RevisionSummary } from '../../../../shared/api';
import type { PlanStatus } from '../../../../shared/model';
import type { Db } from '../../db/open';

export type RevisionReason = RevisionSummary['reason'];

/** A plan with its current content (inflated JSON, checked against its checksum: store.ts). */
export type PlanRow = {
  seq: number;
  id: string;
  status: PlanStatus;
  revision: number;
  content: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

/** A plan's bookkeeping without its content: what a write needs to know about the row it replaces. */
export type PlanMetaRow = Omit<PlanRow, 'content'>;

export type RevisionRow = { revision: number; saved_at: string; status: PlanStatus; reason: RevisionReason; trich_yeu: string; content: string };

/** A row as stored: the compressed blob and its checksum, not yet checked (db/content-codec.ts readContent). */
export type Stored<Row extends { content: string }> = Omit<Row, 'content'> & { blob: Buffer; checksum: number | null };

const PLAN_COLUMNS = 'p.seq, p.id, p.status, p.revision, r.content AS blob, r.checksum, p.created_at, p.updated_at, p.deleted_at';
const REVISION_COLUMNS = 'revision, saved_at, status, reason, trich_yeu, content AS blob, checksum';

export function preparePlanStatements(db: Db) {
  return {
    byId: db.prepare<[string], Stored<PlanRow>>(
      `SELECT ${PLAN_COLUMNS} FROM plans p JOIN plan_revisions r ON r.plan_id = p.id AND r.revision = p.revision WHERE p.id = ?`,
    ),
    metaById: db.prepare<[string], PlanMetaRow>('SELECT seq, id, status, revision, created_at, updated_at, deleted_at FROM plans WHERE id = ?'),
    insertPlan: db.prepare(
      `INSERT INTO plans (id, status, revision, number, doc_type, symbol, term, trich_yeu, title_folded, issuer_name, year,
                          month, day, created_at, updated_at, deleted_at)
       VALUES (@id, @status, @revision, @number, @docType, @symbol, @term, @trichYeu, @titleFolded, @issuerName, @year,
               @month, @day, @now, @now, NULL)`,
    ),
    updatePlan: db.prepare(
      `UPDATE plans SET status = @status, revision = @revision, number = @number, doc_type = @docType,
         symbol = @symbol, term = @term, trich_yeu = @trichYeu, title_folded = @titleFolded, issuer_name = @issuerName,
         year = @year, month = @month,
         day = @day, updated_at = @now
       WHERE id = @id`,
    ),
    insertRevision: db.prepare(
      `INSERT INTO plan_revisions (plan_id, revision, status, reason, trich_yeu, content, checksum, saved_at)
       VALUES (@id, @revision, @status, @reason, @trichYeu, @blob, @checksum, @now)`,
    ),
    setDeleted: db.prepare<[string | null, string, string]>('UPDATE plans SET deleted_at = ?, updated_at = ? WHERE id = ?'),
    revisionRow: db.prepare<[string, number], Stored<RevisionRow>>(
      `SELECT ${REVISION_COLUMNS} FROM plan_revisions WHERE plan_id = ? AND revision = ?`,
    ),
    /** The revisions not yet found damaged, newest first: where a plan whose current revision is damaged reopens. */
    undamagedRevisions: db.prepare<[string], Stored<RevisionRow>>(
      `SELECT ${REVISION_COLUMNS} FROM plan_revisions WHERE plan_id = ? AND damaged_at IS NULL ORDER BY revision DESC`,
    ),
    markDamaged: db.prepare<[string, string, number]>(
      'UPDATE plan_revisions SET damaged_at = ? WHERE plan_id = ? AND revision = ? AND damaged_at IS NULL',
    ),
    damagedRevisions: db.prepare<[string], { revision: number; saved_at: string; damaged_at: string }>(
      'SELECT revision, saved_at, damaged_at FROM plan_revisions WHERE plan_id = ? AND damaged_at IS NOT NULL ORDER BY revision DESC',
    ),

    /** A received plan's owner office (exchange): such a plan is read-only here. */
    originOf: db.prepare<[string], { owner_office: string; owner_name: string; owner_revision: number; conflict_of: string | null; received_at: string }>(
      'SELECT owner_office, owner_name, owner_revision, conflict_of, received_at FROM plan_origins WHERE plan_id = ?',
    ),

    ftsDelete: db.prepare<[number]>('DELETE FROM plans_fts WHERE rowid = ?'),
    ftsInsert: db.prepare<[number, string]>('INSERT INTO plans_fts (rowid, text) VALUES (?, ?)'),
    /** Many plans' search text in one statement: `[[seq, text], …]` as JSON, in seq order. */
    ftsInsertMany: db.prepare<[string]>('INSERT INTO plans_fts (rowid, text) SELECT value ->> 0, value ->> 1 FROM json_each(?) ORDER BY key'),

    unitsPrune: db.prepare<[string, string]>('DELETE FROM pilot_units WHERE plan_id = ? AND id NOT IN (SELECT value FROM json_each(?))'),
    unitUpsert: db.prepare(
      `INSERT INTO pilot_units (plan_id, id, position, name, category, term, members, invited, total, duration_days, deadline, org_id, updated_at)
       VALUES (@planId, @id, @position, @name, @category, @term, @members, @invited, @total, @durationDays, @deadline, @orgId, @now)
       ON CONFLICT (plan_id, id) DO UPDATE SET position = excluded.position, name = excluded.name, category = excluded.category,
         term = excluded.term, members = excluded.members, invited = excluded.invited, total = excluded.total,
         duration_days = excluded.duration_days, deadline = excluded.deadline, org_id = excluded.org_id, updated_at = excluded.updated_at
       WHERE (pilot_units.position, pilot_units.name, pilot_units.category, pilot_units.term, pilot_units.members, pilot_units.invited,
              pilot_units.total, pilot_units.duration_days, pilot_units.deadline, pilot_units.org_id)
         IS NOT (excluded.position, excluded.name, excluded.category, excluded.term, excluded.members, excluded.invited,
              excluded.total, excluded.duration_days, excluded.deadline, excluded.org_id)`,
    ),
    tasksPrune: db.prepare<[string, string]>('DELETE FROM tasks WHERE plan_id = ? AND id NOT IN (SELECT value FROM json_each(?))'),
    taskUpsert: db.prepare(
      `INSERT INTO tasks (plan_id, id, position, duty_id, body, org_id, text, due_dates, due_first, due_relative, due_source, updated_at)
       VALUES (@planId, @id, @position, @dutyId, @body, @orgId, @text, @dueDates, @dueFirst, @dueRelative, @dueSource, @now)
       ON CONFLICT (plan_id, id) DO UPDATE SET position = excluded.position, duty_id = excluded.duty_id, body = excluded.body,
         org_id = excluded.org_id, text = excluded.text, due_dates = excluded.due_dates, due_first = excluded.due_first,
         due_relative = excluded.due_relative, due_source = excluded.due_source, updated_at = excluded.updated_at
       WHERE (tasks.position, tasks.duty_id, tasks.body, tasks.org_id, tasks.text, tasks.due_dates, tasks.due_relative, tasks.due_source)
         IS NOT (excluded.position, excluded.duty_id, excluded.body, excluded.org_id, excluded.text, excluded.due_dates,
                 excluded.due_relative, excluded.due_source)`,
    ),
    recipientsPrune: db.prepare<[string, string]>('DELETE FROM recipients WHERE plan_id = ? AND id NOT IN (SELECT value FROM json_each(?))'),
    recipientUpsert: db.prepare(
      `INSERT INTO recipients (plan_id, id, position, text, note, org_id, updated_at)
       VALUES (@planId, @id, @position, @text, @note, @orgId, @now)
       ON CONFLICT (plan_id, id) DO UPDATE SET position = excluded.position, text = excluded.text, note = excluded.note,
         org_id = excluded.org_id, updated_at = excluded.updated_at
       WHERE (recipients.position, recipients.text, recipients.note, recipients.org_id)
         IS NOT (excluded.position, excluded.text, excluded.note, excluded.org_id)`,
    ),
  };
}
export type PlanStatements = ReturnType<typeof preparePlanStatements>;
