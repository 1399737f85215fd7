/**
 * This office's names, each folded by `foldName` (accents, case and spacing aside): the profile's issuer name, and the
 * name and short name of every directory entry that is this office (an entry whose name or short name is the
 * profile's name). A received plan's duty block whose body is one of them is ours to report on. Kept until the
 * profile or the directory changes (one small query per call tells).
 */
import { foldName } from '../../../shared/format/fold';
import type { RepoContext } from './context';

export function createSelfNames(ctx: RepoContext, profileName: () => string | null) {
  const stamp = ctx.db
    .prepare<[], string>(
      `SELECT coalesce((SELECT updated_at FROM settings WHERE key = 'self.profile'), '') || '|' ||
              (SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || coalesce(max(updated_at), '') FROM organizations)`,
    )
    .pluck();
  const orgNames = ctx.db.prepare<[], { name: string; short_name: string }>('SELECT name, short_name FROM organizations');
  let kept: { stamp: string; names: ReadonlySet<string> } | null = null;

  return function selfNames(): ReadonlySet<string> {
    const now = stamp.get() ?? '';
    if (kept?.stamp === now) return kept.names;
    const names = new Set<string>();
    const own = foldName(profileName() ?? '');
    if (own !== '') {
      names.add(own);
      for (const o of orgNames.all()) {
        const name = foldName(o.name);
        const short = foldName(o.short_name);
        if (name !== own && short !== own) continue;
        names.add(name);
        if (short !== '') names.add(short);
      }
    }
    kept = { stamp: now, names };
    return names;
  };
}
