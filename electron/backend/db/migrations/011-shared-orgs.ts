import type { Migration } from './types';

/**
 * organizations.shared: the clerk chose to share this directory entry with other offices; every exchange package
 * carries the shared entries this office owns (those received from another office stay its owner's to send).
 */
export const migration011: Migration = {
  version: 11,
  name: 'shared-orgs',
  sql: `
ALTER TABLE organizations ADD COLUMN shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));
`,
};
