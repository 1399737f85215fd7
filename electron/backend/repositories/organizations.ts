import type { z } from 'zod';
import { foldVietnamese } from '../../../shared/format/fold';
import type { Org, OrgInput, OrgKind } from '../../../shared/model';
import { notFound } from '../errors';
import type { RepoContext } from './context';

type OrgRow = {
  id: string;
  name: string;
  short_name: string;
  kind: OrgKind;
  notes: string;
  revision: number;
  updated_at: string;
};

const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
  notes: r.notes,
  revision: r.revision,
  updatedAt: r.updated_at,
});

/** LIKE pattern for a folded substring, with LIKE's wildcards escaped. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type ParsedOrgInput = z.output<typeof OrgInput>;

export function createOrganizationsRepo(ctx: RepoContext) {
  const { db } = ctx;
  const COLUMNS = 'id, name, short_name, kind, notes, revision, updated_at';
  const byId = db.prepare<[string], OrgRow>(`SELECT ${COLUMNS} FROM organizations WHERE id = ?`);
  const listAll = db.prepare<[string, string | null, string | null], OrgRow>(
    `SELECT ${COLUMNS} FROM organizations
     WHERE search LIKE ? ESCAPE '\\' AND (? IS NULL OR kind = ?)
     ORDER BY search, name`,
  );
  const insert = db.prepare(
    `INSERT INTO organizations (id, name, short_name, kind, notes, search, revision, created_at, updated_at)
     VALUES (@id, @name, @shortName, @kind, @notes, @search, 1, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE organizations SET name = @name, short_name = @shortName, kind = @kind, notes = @notes, search = @search,
       revision = revision + 1, updated_at = @now
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
      now: ctx.now(),
    };
    if (byId.get(id)) update.run(params);
    else insert.run(params);
    return get(id);
  });

  function removeOrg(id: string): void {
    if (remove.run(id).changes === 0) throw notFound('đơn vị');
  }

  return { list, get, save: (input: ParsedOrgInput) => save.immediate(input), remove: removeOrg };
}
export type OrganizationsRepo = ReturnType<typeof createOrganizationsRepo>;
