import { SelfProfile, Settings, type SettingsPatch } from '../../../shared/model';
import type { RepoContext } from './context';

/** Settings rows: one per Settings key, plus the office's own profile and identity (see migration 001). */
const SELF_PROFILE_KEY = 'self.profile';
const OFFICE_ID_KEY = 'office.id';
const SETTINGS_KEYS = Object.keys(Settings.shape) as (keyof Settings)[];

export function createSettingsRepo(ctx: RepoContext) {
  const { db } = ctx;
  const getRow = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO settings (key, value, revision, updated_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, revision = settings.revision + 1, updated_at = excluded.updated_at
     WHERE settings.value IS NOT excluded.value`,
  );

  const readJson = (key: string): unknown => {
    const row = getRow.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      return undefined;
    }
  };

  function get(): Settings {
    const stored: Record<string, unknown> = {};
    for (const key of SETTINGS_KEYS) {
      const value = readJson(key);
      if (value === undefined) continue;
      // A value this version cannot read (written by hand, or by an older rule) falls back to its default.
      const ok = Settings.shape[key].safeParse(value);
      if (ok.success) stored[key] = ok.data;
    }
    return Settings.parse(stored);
  }

  /** Writes the given keys (already validated by the contract) in one transaction and returns the full settings. */
  const set = db.transaction((patch: SettingsPatch): Settings => {
    const now = ctx.now();
    for (const key of SETTINGS_KEYS) {
      const value = patch[key];
      if (value !== undefined) upsert.run(key, JSON.stringify(value), now);
    }
    return get();
  });

  function getSelf(): SelfProfile | null {
    const value = readJson(SELF_PROFILE_KEY);
    if (value === undefined) return null;
    const ok = SelfProfile.safeParse(value);
    return ok.success ? ok.data : null;
  }

  const saveSelf = db.transaction((profile: SelfProfile): SelfProfile => {
    const now = ctx.now();
    upsert.run(SELF_PROFILE_KEY, JSON.stringify(profile), now);
    if (!getRow.get(OFFICE_ID_KEY)) upsert.run(OFFICE_ID_KEY, JSON.stringify(ctx.newId()), now);
    return getSelf() ?? profile;
  });

  /** The office's identity for exchange packages (made at the first open of the data folder, exchange/identity.ts). */
  function officeId(): string | null {
    const value = readJson(OFFICE_ID_KEY);
    return typeof value === 'string' ? value : null;
  }

  /** The exchange identity's office id (exchange/identity.ts: the key file is its authority). */
  function setOfficeId(id: string): void {
    if (officeId() !== id) upsert.run(OFFICE_ID_KEY, JSON.stringify(id), ctx.now());
  }

  return {
    get,
    set: (patch: SettingsPatch) => set.immediate(patch),
    getSelf,
    saveSelf: (profile: SelfProfile) => saveSelf.immediate(profile),
    officeId,
    setOfficeId,
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
