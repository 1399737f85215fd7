/**
 * Content written by earlier versions keeps opening and printing the same. test/fixtures/content-v<n>/ keeps the
 * template files and filled plans exactly as that version wrote them, and plain-text.json the text that version
 * printed for each (composeLayout → layoutToPlainText). Each is read the ways content is read (template file, plan
 * file given to the CLI, revision in a real database) and must print that text again.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedContent } from '../../electron/backend/db/content-codec';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { readPlanFile } from '../../scripts/kehoach-cli';
import { composeLayout, layoutToPlainText } from '../../shared/layout';
import {
  CONTENT_VERSION,
  NewerContentError,
  TemplateFile,
  defaultFormatProfile,
  parsePlanContent,
  upgradeContent,
  type PlanContent,
} from '../../shared/model';
import { contentOf } from '../../shared/model/plan-record';
import { call, callError, cleanup, openBackend, tempDir } from '../backend/helpers';

const V1 = resolve(__dirname, '../fixtures/content-v1');
const printedV1 = JSON.parse(readFileSync(join(V1, 'plain-text.json'), 'utf8')) as Record<string, string>;
const templateFiles = readdirSync(V1).filter((f) => f.endsWith('.json') && f !== 'plain-text.json').sort();
const filledFiles = readdirSync(join(V1, 'filled')).sort();
const rawOf = (file: string): unknown => JSON.parse(readFileSync(join(V1, file), 'utf8'));
const printed = (c: PlanContent) => layoutToPlainText(composeLayout(c, c.profile ?? defaultFormatProfile()));

afterEach(cleanup);

describe('upgradeContent', () => {
  it('stamps content without a version (version 1) with today\'s version and leaves its input unchanged', () => {
    const raw = rawOf('filled/blank-huyen-uy.json') as Record<string, unknown>;
    const before = JSON.stringify(raw);
    const up = upgradeContent(raw) as Record<string, unknown>;
    expect(up.contentVersion).toBe(CONTENT_VERSION);
    expect(JSON.stringify(raw)).toBe(before);
    expect(upgradeContent(up)).toEqual(up);
  });

  it('refuses content of a newer version by name, and leaves what is not content for the schema to report', () => {
    expect(() => upgradeContent({ contentVersion: CONTENT_VERSION + 1 })).toThrow(NewerContentError);
    expect(() => upgradeContent({ contentVersion: CONTENT_VERSION + 1 })).toThrow(/phiên bản ứng dụng mới hơn/u);
    expect(upgradeContent(null)).toBeNull();
    expect(upgradeContent([1])).toEqual([1]);
    expect(upgradeContent({ contentVersion: 'x' })).toEqual({ contentVersion: 'x' });
    expect(parsePlanContent({ contentVersion: 'x' }).success).toBe(false);
  });
});

describe('version 1 → 2: a verb on each căn cứ reference', () => {
  const v1 = (canCu: object) => ({ ...(rawOf('filled/blank-huyen-uy.json') as object), canCu });
  const upgraded = (canCu: object) => (upgradeContent(v1(canCu)) as { canCu: unknown }).canCu;

  it('a list gives every reference the one verb; a sentence gives it to the first printed reference only', () => {
    expect(upgraded({ form: 'list', verb: 'Thực hiện', items: ['A', 'B'], lead: 'L' })).toEqual({
      form: 'list',
      items: [
        { verb: 'Thực hiện', text: 'A', join: '' },
        { verb: 'Thực hiện', text: 'B', join: '' },
      ],
      lead: 'L',
    });
    expect(upgraded({ form: 'sentence', verb: 'Căn cứ', items: [' ;', 'A', 'B'], lead: 'L' })).toEqual({
      form: 'sentence',
      items: [
        { verb: '', text: ' ;', join: '' },
        { verb: 'Căn cứ', text: 'A', join: '' },
        { verb: '', text: 'B', join: '' },
      ],
      lead: 'L',
    });
    // Stored without the defaults: the verb was "Căn cứ", the form a list.
    expect(upgraded({ items: ['A'], lead: 'L' })).toEqual({ items: [{ verb: 'Căn cứ', text: 'A', join: '' }], lead: 'L' });
  });

  it('content already in today\'s shape but not stamped passes unchanged', () => {
    const canCu = { form: 'sentence', items: [{ verb: 'Thực hiện', text: 'A', join: '' }], lead: 'L' };
    expect(upgraded(canCu)).toEqual(canCu);
  });
});

describe('content version 1 files', () => {
  it.each(templateFiles)('template %s opens and prints the same text', (file) => {
    const template = TemplateFile.parse(rawOf(file));
    expect(template.content.contentVersion).toBe(CONTENT_VERSION);
    expect(printed(template.content)).toBe(printedV1[file]);
  });

  it.each(filledFiles)('filled plan %s read as a plan file (CLI) prints the same text', (file) => {
    expect(printedV1[`filled/${file}`]).toBeTruthy();
    expect(printed(readPlanFile(join(V1, 'filled', file)))).toBe(printedV1[`filled/${file}`]);
    expect(printed(readPlanFile(join(V1, file)))).toBe(printedV1[file]);
  });

  it('a plan file of a newer version is refused with a message naming the file', () => {
    const dir = tempDir();
    const file = join(dir, 'moi.json');
    writeFileSync(file, JSON.stringify({ ...(rawOf('filled/blank-huyen-uy.json') as object), contentVersion: CONTENT_VERSION + 1 }));
    expect(() => readPlanFile(file)).toThrow(/moi\.json.*mới hơn/su);
  });

  it('stored revisions of version 1 in a real database open, print the same text and duplicate', async () => {
    const dataDir = tempDir();
    let backend = openBackend(dataDir);
    const ids = new Map<string, string>();
    for (const file of filledFiles) {
      const id = randomUUID();
      ids.set(file, id);
      const parsed = parsePlanContent(rawOf(join('filled', file)));
      if (!parsed.success) throw parsed.error;
      await call(backend, 'plan.save', { ...parsed.data, id, baseRevision: null });
    }
    backend.close();
    // Put back the content exactly as today's version stored it (no version field).
    const db = new Database(join(dataDir, DATABASE_FILE));
    for (const [file, id] of ids) {
      const stored = storedContent(JSON.stringify(rawOf(join('filled', file))));
      db.prepare('UPDATE plan_revisions SET content = ?, checksum = ? WHERE plan_id = ?').run(stored.blob, stored.checksum, id);
    }
    db.close();
    backend = openBackend(dataDir);
    for (const [file, id] of ids) {
      const plan = await call(backend, 'plan.get', { id });
      expect(plan.contentVersion).toBe(CONTENT_VERSION);
      expect(printed(contentOf(plan))).toBe(printedV1[`filled/${file}`]);
      const revision = await call(backend, 'plan.getRevision', { id, revision: 1 });
      expect(printed(contentOf(revision))).toBe(printedV1[`filled/${file}`]);
    }
    // A revision of a newer version is named, not misread.
    const [, someId] = [...ids][0]!;
    backend.close();
    const db2 = new Database(join(dataDir, DATABASE_FILE));
    const newer = storedContent(JSON.stringify({ ...(rawOf('filled/blank-huyen-uy.json') as object), contentVersion: CONTENT_VERSION + 1 }));
    db2.prepare('UPDATE plan_revisions SET content = ?, checksum = ? WHERE plan_id = ?').run(newer.blob, newer.checksum, someId);
    db2.close();
    backend = openBackend(dataDir);
    expect((await callError(backend, 'plan.get', { id: someId })).message).toMatch(/mới hơn/u);
  });
});
