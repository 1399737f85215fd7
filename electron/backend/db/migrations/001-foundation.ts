import type { Migration } from './types';

/**
 * Organizations (the directory of units and recipient bodies) and settings.
 *
 * The office's own issuer profile is NOT an organization row: it is the settings row `self.profile` (a SelfProfile
 * JSON), and the office's identity for data exchange is the settings row `office.id` (a UUID made when the profile is
 * first saved). The directory then only ever holds other bodies.
 */
export const migration001: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
CREATE TABLE organizations (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,
  notes       TEXT NOT NULL DEFAULT '',
  -- foldVietnamese(name + ' ' + short_name), for accent-insensitive lookups
  search      TEXT NOT NULL DEFAULT '',
  revision    INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX organizations_by_search ON organizations (search);
CREATE INDEX organizations_by_kind ON organizations (kind, search);

CREATE TABLE settings (
  key         TEXT PRIMARY KEY NOT NULL,
  -- JSON text
  value       TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL
) STRICT;
`,
};
