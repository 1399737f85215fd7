import type { Migration } from './types';

/**
 * Data exchange between offices (signed `.khx` packages, electron/backend/exchange/):
 * - exchange_offices: the trust list, one row per known office with its Ed25519 public key (base64 of the raw 32
 *   bytes) and fingerprint, trusted or revoked, linked to its directory organization when known; replaced keys stay
 *   listed in previous_keys (JSON);
 * - exchange_log: the Sổ trao đổi, one line per package sent or received (a received package is entered once);
 * - plan_origins: the plans that belong to another office (received), with the owner's version and the content's
 *   hash; a conflict copy names the plan it is a copy of. A plan without a row here is the office's own;
 * - official_copies: the official .docx of an issued plan, stored at Ban hành (or received with it), with its SHA-256;
 * - incoming_register: the sổ văn bản đến, one entry per received plan.
 */
export const migration007: Migration = {
  version: 7,
  name: 'exchange',
  sql: `
CREATE TABLE exchange_offices (
  office_id      TEXT PRIMARY KEY NOT NULL,
  name           TEXT NOT NULL DEFAULT '',
  symbol         TEXT NOT NULL DEFAULT '',
  public_key     TEXT NOT NULL,
  fingerprint    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('trusted', 'revoked')),
  org_id         TEXT REFERENCES organizations (id) ON DELETE SET NULL,
  previous_keys  TEXT NOT NULL DEFAULT '[]',
  added_at       TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  revision       INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE exchange_log (
  id             TEXT PRIMARY KEY NOT NULL,
  direction      TEXT NOT NULL CHECK (direction IN ('out', 'in')),
  package_id     TEXT NOT NULL,
  office_id      TEXT NOT NULL DEFAULT '',
  office_name    TEXT NOT NULL DEFAULT '',
  at             TEXT NOT NULL,
  file_sha256    TEXT NOT NULL,
  records        INTEGER NOT NULL,
  -- JSON: counts by verdict, plan ids
  summary        TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE UNIQUE INDEX exchange_log_received_once ON exchange_log (package_id) WHERE direction = 'in';
CREATE INDEX exchange_log_by_time ON exchange_log (at DESC);

CREATE TABLE plan_origins (
  plan_id         TEXT PRIMARY KEY NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  owner_office    TEXT NOT NULL,
  owner_name      TEXT NOT NULL DEFAULT '',
  owner_revision  INTEGER NOT NULL,
  content_sha256  TEXT NOT NULL,
  conflict_of     TEXT,
  received_at     TEXT NOT NULL
) STRICT;
CREATE INDEX plan_origins_by_owner ON plan_origins (owner_office);

CREATE TABLE official_copies (
  plan_id     TEXT PRIMARY KEY NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  revision    INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  docx        BLOB NOT NULL,
  stored_at   TEXT NOT NULL
) STRICT;

CREATE TABLE incoming_register (
  id           TEXT PRIMARY KEY NOT NULL,
  received_at  TEXT NOT NULL,
  package_id   TEXT NOT NULL,
  from_office  TEXT NOT NULL,
  from_name    TEXT NOT NULL DEFAULT '',
  plan_id      TEXT REFERENCES plans (id) ON DELETE SET NULL,
  number       TEXT NOT NULL DEFAULT '',
  doc_date     TEXT NOT NULL DEFAULT '',
  trich_yeu    TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL CHECK (kind IN ('new', 'update', 'conflict'))
) STRICT;
CREATE INDEX incoming_register_by_time ON incoming_register (received_at DESC);
`,
};
