import type { Migration } from './types';

/**
 * Plans. The source of truth of a plan is its content JSON (a PlanContent), stored in plan_revisions: every revision,
 * the current one (plans.revision) included, so nothing typed is ever lost and the content is stored once. The plans
 * row stays small (list columns only), which keeps search joins over thousands of plans fast. Those columns and the
 * child tables (pilot_units, tasks, recipients) are denormalised from the content on every save, for lists, search
 * and deadline tracking. Child rows are upserted by (plan_id, id), so columns added later (task progress…) survive.
 *
 * number_register is the outgoing-number book (sổ văn bản đi): one sequence per issuer symbol + document type + term.
 * plans_fts indexes accent-folded text (shared/format/fold.ts); its rowid is plans.seq (an INTEGER PRIMARY KEY, so VACUUM
 * never renumbers it).
 */
export const migration002: Migration = {
  version: 2,
  name: 'plans',
  sql: `
CREATE TABLE plans (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'archived')),
  revision     INTEGER NOT NULL,
  number       TEXT NOT NULL DEFAULT '',
  doc_type     TEXT NOT NULL DEFAULT 'KH',
  symbol       TEXT NOT NULL DEFAULT '',
  term         TEXT NOT NULL DEFAULT '',
  trich_yeu    TEXT NOT NULL DEFAULT '',
  -- The trích yếu accent-folded: search results whose title contains the typed words in order come first.
  title_folded TEXT NOT NULL DEFAULT '',
  issuer_name  TEXT NOT NULL DEFAULT '',
  year         INTEGER NOT NULL,
  month        INTEGER,
  day          INTEGER,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;
-- The list order (newest first) for live plans and for the bin; status and year ride along so filters need no row.
CREATE INDEX plans_live_by_updated ON plans (updated_at DESC, seq DESC, status, year) WHERE deleted_at IS NULL;
CREATE INDEX plans_bin_by_updated ON plans (updated_at DESC, seq DESC, status, year) WHERE deleted_at IS NOT NULL;

CREATE TABLE plan_revisions (
  plan_id      TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  revision     INTEGER NOT NULL,
  status       TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (reason IN ('save', 'issue', 'reopen', 'restore', 'import', 'create')),
  trich_yeu    TEXT NOT NULL DEFAULT '',
  -- The PlanContent JSON, raw-deflated (db/content-codec.ts: kh_deflate / kh_inflate).
  content      BLOB NOT NULL,
  saved_at     TEXT NOT NULL,
  PRIMARY KEY (plan_id, revision)
) STRICT;

CREATE TABLE pilot_units (
  plan_id        TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  id             TEXT NOT NULL,
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  category       TEXT NOT NULL,
  term           TEXT NOT NULL DEFAULT '',
  members        INTEGER,
  invited        INTEGER,
  total          INTEGER,
  duration_days  INTEGER,
  deadline       TEXT,
  org_id         TEXT,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (plan_id, id)
) STRICT;
CREATE INDEX pilot_units_by_deadline ON pilot_units (deadline);

CREATE TABLE tasks (
  plan_id        TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  id             TEXT NOT NULL,
  position       INTEGER NOT NULL,
  -- the duty block holding the task, and its body ("Ban Tổ chức Huyện ủy")
  duty_id        TEXT NOT NULL,
  body           TEXT NOT NULL DEFAULT '',
  org_id         TEXT,
  text           TEXT NOT NULL,
  -- JSON array of ISO dates
  due_dates      TEXT NOT NULL DEFAULT '[]',
  -- the earliest due date, for ordering and overdue queries
  due_first      TEXT,
  due_relative   TEXT NOT NULL DEFAULT '',
  due_source     TEXT,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (plan_id, id)
) STRICT;
CREATE INDEX tasks_by_due ON tasks (due_first);
CREATE INDEX tasks_by_org ON tasks (org_id);

CREATE TABLE recipients (
  plan_id     TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  org_id      TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (plan_id, id)
) STRICT;

CREATE TABLE number_register (
  id            TEXT PRIMARY KEY NOT NULL,
  symbol        TEXT NOT NULL,
  doc_type      TEXT NOT NULL,
  term          TEXT NOT NULL,
  number        INTEGER NOT NULL CHECK (number > 0),
  plan_id       TEXT REFERENCES plans (id) ON DELETE SET NULL,
  allocated_at  TEXT NOT NULL,
  revision      INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL,
  UNIQUE (symbol, doc_type, term, number)
) STRICT;
CREATE INDEX number_register_by_plan ON number_register (plan_id);

-- Contentless (the text lives in plans.content) and detail=none (no positions: queries are AND of words and
-- prefixes, never phrases), which keeps the index small and lookups of common words fast.
CREATE VIRTUAL TABLE plans_fts USING fts5 (
  text,
  content = '',
  contentless_delete = 1,
  detail = none,
  tokenize = 'unicode61 remove_diacritics 2'
);
`,
};
