import type { z } from 'zod';
import { foldVietnamese } from '../../../shared/format/fold';
import type { Org, OrgInput, OrgKind } from '../../../shared/model';
import { BackendError, notFound } from '../errors';
import type { RepoContext } from './context';

type OrgRow = {
  id: string;
  name: string;
  short_name: string;
  kind: OrgKind;
  notes: string;
  shared: number;
  received_from: string | null;
  revision: number;
  updated_at: string;
};

const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
  notes: r.notes,
  shared: r.shared === 1,
  receivedFrom: r.received_from,
  revision: r.revision,
  updatedAt: r.updated_at,
});

/** LIKE pattern for a folded substring, with LIKE's wildcards escaped. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type ParsedOrgInput = z.output<typeof OrgInput>;

export function createOrganizationsRepo(ctx: RepoContext) {
  const { db } = ctx;
  // A received entry names the office it came from (its name in the trust list, else its id).
  const FROM = `organizations o LEFT JOIN org_origins g ON g.org_id = o.id LEFT JOIN exchange_offices x ON x.office_id = g.owner_office`;
  const COLUMNS = `o.id, o.name, o.short_name, o.kind, o.notes, o.shared, o.revision, o.updated_at,
    CASE WHEN g.org_id IS NULL THEN NULL ELSE coalesce(nullif(x.name, ''), g.owner_office) END AS received_from`;
  const byId = db.prepare<[string], OrgRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = ?`);
  const listAll = db.prepare<[string, string | null, string | null], OrgRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE o.search LIKE ? ESCAPE '\\' AND (? IS NULL OR o.kind = ?)
     ORDER BY o.search, o.name`,
  );
  const insert = db.prepare(
    `INSERT INTO organizations (id, name, short_name, kind, notes, search, shared, revision, created_at, updated_at)
     VALUES (@id, @name, @shortName, @kind, @notes, @search, coalesce(@shared, 0), 1, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE organizations SET name = @name, short_name = @shortName, kind = @kind, notes = @notes, search = @search,
       shared = coalesce(@shared, shared), revision = revision + 1, updated_at = @now
     WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM organizations WHERE id = ?');

  function list(query: string, kind?: OrgKind): Org[] {
    const folded = foldVietnamese(query.normalize('NFC').trim());
    return listAll.all(likePattern(folded), kind ?? null, kind ?? null).map(toOrg);
  }

  function get(id: string): Org {
    const row = byId.get(id);
    if (!row) throw notFound('đơn vị');
    return toOrg(row);
  }

  /** Create (no id, or an id not stored yet: kept, so imports merge by identity) or update. */
  const save = db.transaction((input: ParsedOrgInput): Org => {
    const id = input.id ?? ctx.newId();
    const params = {
      id,
      name: input.name,
      shortName: input.shortName,
      kind: input.kind,
      notes: input.notes,
      search: foldVietnamese(`${input.name} ${input.shortName}`),
      shared: input.shared === undefined ? null : input.shared ? 1 : 0,
      now: ctx.now(),
    };
    const existing = byId.get(id);
    if (input.shared && existing?.received_from != null) {
      throw new BackendError('VALIDATION', `Đơn vị «${existing.name}» do ${existing.received_from} gửi đến: chỉ đơn vị đó chia sẻ được.`, [
        { path: ['shared'], message: 'Đơn vị do đơn vị khác gửi đến không chia sẻ lại được.' },
      ]);
    }
    if (existing) update.run(params);
    else insert.run(params);
    return get(id);
  });

  function removeOrg(id: string): void {
    if (remove.run(id).changes === 0) throw notFound('đơn vị');
  }

  return { list, get, save: (input: ParsedOrgInput) => save.immediate(input), remove: removeOrg };
}
export type OrganizationsRepo = ReturnType<typeof createOrganizationsRepo>;
