/**
 * A released migration is frozen: users' databases already ran it, so editing it would leave their schema different
 * from a fresh install's. Change the schema with a NEW migration, and pin its hash here when it is released: the hash
 * of its SQL, or for a code migration (`up`) the hash of its source file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../electron/backend/db/migrations';

const RELEASED: Record<number, { name: string; sha256: string }> = {
  1: { name: 'foundation', sha256: '4c5a8c027d94f6b0d56b35ba280018b49cbb2b855d49aecdc31aaf3bd97508d3' },
  2: { name: 'plans', sha256: '3f827006c7afd8921367917fa7e095f3bdff65de64de0cd9601b32dd44e297f0' },
  3: { name: 'revision-history-index', sha256: '68e70372a3e2cb02eae7640d9ace32ca9e32838462e53d7e6ec335f7699819ca' },
  4: { name: 'search-printed-numbers', sha256: '3f223d5aa128a3912e0ee1a0afcb69a5137b00c244e8e018c79a95cffa9a8924' },
  5: { name: 'revision-checksums', sha256: '15a8e4d8e87349a626fd9c1c14924eea69d6e41043f93aa16b7714b1860ec096' },
  6: { name: 'task-tracking', sha256: '9df270c728dcf3a40df822750f46d77d800f67ea0b69f3bbfb43ec2d3ed4bc8e' },
  7: { name: 'exchange', sha256: 'c8890cfe3af1cdf40e3ddaee9fa4bfa8086c4bcdf58924e82d1673402ab4feb3' },
  8: { name: 'task-status-today', sha256: 'f468f344816e67ead46d05d15182d09baa5a0181f64d0ba31686723e078f9ab4' },
  9: { name: 'exchange-tasks', sha256: '5f8a165703eae6e345f39397d6f8bb27d269892bee78bdf0cad33715fda2928b' },
  10: { name: 'task-list-search', sha256: 'c177304cc3f1253df88d5096a7976400c6dd28433c4717c4076776889a9048d6' },
  11: { name: 'shared-orgs', sha256: '2c20f8bda89f5cb8c7344595a3d4e3b88a651c84de716bee8619f51151bc06c8' },
  12: { name: 'task-sync-queue', sha256: '9b3a561e3ce68b30c1b5b4bf6e17099c8218b67c600b97eea67ba76bce48610b' },
};

/** What a migration's hash covers: its SQL, or the source file of a code migration. */
function frozenText(m: Migration): string {
  if (!m.up) return m.sql;
  const file = new URL(`../../electron/backend/db/migrations/${String(m.version).padStart(3, '0')}-${m.name}.ts`, import.meta.url);
  return readFileSync(file, 'utf8');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('released migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it.each(Object.entries(RELEASED))('migration %s is unchanged', (version, pinned) => {
    const m = migrations.find((x) => x.version === Number(version));
    expect(m, `migration ${version} was removed`).toBeDefined();
    expect(m!.name).toBe(pinned.name);
    expect(sha256(frozenText(m!)), `migration ${version} was edited: add a new migration instead`).toBe(pinned.sha256);
  });

  it('every migration is pinned once released', () => {
    expect(migrations.filter((m) => !(m.version in RELEASED)).map((m) => m.version)).toEqual([]);
  });
});
