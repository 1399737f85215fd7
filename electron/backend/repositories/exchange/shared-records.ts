/**
 * The exchange's reads and writes of tasks, progress reports and directory entries: what a package takes (a plan's
 * tracked tasks and the reports written here, a received plan's duties this office reports on, chosen directory
 * entries) and where a received record lands (matched by plan and content id; reports by their id).
 */
import { foldVietnamese } from '../../../../shared/format/fold';
import type { EvidenceMediaType } from '../../../../shared/api/tasks';
import type { OrgKind } from '../../../../shared/model';
import type { RepoContext } from '../context';
import type { FactColumns } from '../tasks/status-sql';

export type TaskRow = FactColumns & {
  id: string;
  plan_id: string;
  source_id: string;
  body: string;
  org_id: string | null;
  facts_version: number;
  facts_from: string | null;
  facts_from_version: number;
  updated_at: string;
};

export type ReportRow = { id: string; task_id: string; plan_id: string; source_id: string; date: string; text: string; percent: number | null; created_at: string };
export type ReportFileRow = { report_id: string; sha256: string; name: string; size: number; media_type: EvidenceMediaType };
export type OrgRow = { id: string; name: string; short_name: string; kind: OrgKind; notes: string; revision: number; updated_at: string };

const TASK_COLUMNS = `t.id, t.plan_id, t.source_id, t.body, t.org_id, t.facts_version, t.facts_from, t.facts_from_version, t.updated_at,
  t.started_at, t.completed_at, t.paused_at, t.pause_reason, t.cancelled_at, t.cancel_reason, t.removed_from_plan, t.event_date, t.periods`;

export function createSharedRecords(ctx: RepoContext) {
  const { db } = ctx;
  const st = {
    /** Tasks of these plans whose facts were set here (facts_from NULL), changed after `since`. */
    ownTasks: db.prepare<{ planIds: string; since: string }, TaskRow>(
      `SELECT ${TASK_COLUMNS} FROM tracked_tasks t
       WHERE t.plan_id IN (SELECT value FROM json_each(:planIds)) AND t.facts_version > 0 AND t.facts_from IS NULL AND t.updated_at > :since`,
    ),
    /** Tasks of received plans (not conflict copies) of that owner, with everything the body test needs. */
    receivedTasks: db.prepare<{ owner: string | null }, TaskRow & { owner_office: string; owner_name: string }>(
      `SELECT ${TASK_COLUMNS}, o.owner_office, o.owner_name FROM tracked_tasks t JOIN plan_origins o ON o.plan_id = t.plan_id
       WHERE o.conflict_of IS NULL AND (:owner IS NULL OR o.owner_office = :owner)`,
    ),
    /** Reports written here on these tasks, after `since`. */
    reports: db.prepare<{ taskIds: string; since: string }, ReportRow>(
      `SELECT r.id, r.task_id, t.plan_id, t.source_id, r.date, r.text, r.percent, r.created_at
       FROM task_reports r JOIN tracked_tasks t ON t.id = r.task_id
       WHERE r.task_id IN (SELECT value FROM json_each(:taskIds)) AND r.office_id IS NULL AND r.created_at > :since
       ORDER BY r.created_at, r.id`,
    ),
    reportFiles: db.prepare<[string], ReportFileRow>(
      `SELECT l.report_id, l.sha256, l.name, f.size, f.media_type FROM task_report_files l JOIN evidence_files f USING (sha256)
       WHERE l.report_id = ? ORDER BY l.position`,
    ),
    planTasks: db.prepare<[string], { id: string }>('SELECT id FROM tracked_tasks WHERE plan_id = ?'),
    taskBySource: db.prepare<[string, string], TaskRow>(`SELECT ${TASK_COLUMNS} FROM tracked_tasks t WHERE t.plan_id = ? AND t.source_id = ?`),
    reportById: db.prepare<[string], { task_id: string }>('SELECT task_id FROM task_reports WHERE id = ?'),
    org: db.prepare<[string], OrgRow>('SELECT id, name, short_name, kind, notes, revision, updated_at FROM organizations WHERE id = ?'),
    /** Our directory entries marked "chia sẻ khi trao đổi" (received ones are their owner's), changed after `since`. */
    sharedOrgIds: db
      .prepare<[string], string>(
        `SELECT o.id FROM organizations o WHERE o.shared = 1 AND o.updated_at > ?
           AND NOT EXISTS (SELECT 1 FROM org_origins g WHERE g.org_id = o.id) ORDER BY o.search, o.id`,
      )
      .pluck(),
    orgOrigin: db.prepare<[string], { owner_office: string; owner_revision: number }>('SELECT owner_office, owner_revision FROM org_origins WHERE org_id = ?'),
    insertOrg: db.prepare(
      `INSERT INTO organizations (id, name, short_name, kind, notes, search, revision, created_at, updated_at)
       VALUES (@id, @name, @shortName, @kind, @notes, @search, 1, @now, @now)`,
    ),
    updateOrg: db.prepare(
      `UPDATE organizations SET name = @name, short_name = @shortName, kind = @kind, notes = @notes, search = @search,
         revision = revision + 1, updated_at = @now WHERE id = @id`,
    ),
    putOrgOrigin: db.prepare(
      `INSERT INTO org_origins (org_id, owner_office, owner_revision, received_at) VALUES (@id, @owner, @version, @now)
       ON CONFLICT (org_id) DO UPDATE SET owner_revision = excluded.owner_revision, received_at = excluded.received_at`,
    ),
    lastSent: db.prepare<[string], string | null>("SELECT max(at) FROM exchange_log WHERE direction = 'out' AND office_id = ?").pluck(),
  };

  return {
    ownTasks: (planIds: readonly string[], since: string) => st.ownTasks.all({ planIds: JSON.stringify(planIds), since }),
    /** The tasks of received plans whose body is this office (`isOurs`): the duties it reports on to their owner. */
    dutiesHere(owner: string | null, isOurs: (body: string) => boolean) {
      return st.receivedTasks.all({ owner }).filter((t) => isOurs(t.body));
    },
    reportsOn: (taskIds: readonly string[], since: string) => st.reports.all({ taskIds: JSON.stringify(taskIds), since }),
    reportFiles: (reportId: string) => st.reportFiles.all(reportId),
    planTaskIds: (planId: string) => st.planTasks.all(planId).map((r) => r.id),
    taskBySource: (planId: string, sourceId: string) => st.taskBySource.get(planId, sourceId) ?? null,
    reportExists: (id: string) => st.reportById.get(id) !== undefined,
    org: (id: string) => st.org.get(id) ?? null,
    orgOrigin: (id: string) => st.orgOrigin.get(id) ?? null,
    sharedOrgIds: (since: string) => st.sharedOrgIds.all(since),
    /** A received directory entry: inserted or updated, with the owner's revision. */
    putOrg(o: { id: string; name: string; shortName: string; kind: OrgKind; notes: string; owner: string; version: number }, exists: boolean) {
      const now = ctx.now();
      const params = { ...o, search: foldVietnamese(`${o.name} ${o.shortName}`), now };
      if (exists) st.updateOrg.run(params);
      else st.insertOrg.run(params);
      st.putOrgOrigin.run({ id: o.id, owner: o.owner, version: o.version, now });
    },
    /** When the last package to that office was made (Sổ trao đổi), or null. */
    lastSentTo: (officeId: string): string | null => st.lastSent.get(officeId) ?? null,
  };
}
export type SharedRecords = ReturnType<typeof createSharedRecords>;
