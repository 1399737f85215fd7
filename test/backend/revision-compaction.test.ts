/**
 * Revisions written in bulk (a package's plans) are stored uncompressed so the import is quick; the background then
 * compresses them (repositories/plans/compaction.ts), and the revision scan at the next start compresses any the app
 * closed on. The content reads the same before and after, and every rewritten blob carries its new checksum.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { inflateRawSync } from 'node:zlib';
import { CONTENT_LEVEL, contentChecksum, encodeContent, isStoredOnly, readContent, storedBlocks } from '../../electron/backend/db/content-codec';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { renewIds } from '../../shared/model/renew-ids';
import { templateContent } from './fixtures/plans';
import { call, cleanup, openBackend, tempDir, until } from './helpers';
import { exportFrom, provinceProfile } from './exchange/helpers';

afterEach(cleanup);

type Blob = { plan_id: string; revision: number; content: Buffer; checksum: number | null };

function blobs(dataDir: string): Blob[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare<[], Blob>('SELECT plan_id, revision, content, checksum FROM plan_revisions ORDER BY rowid').all();
  } finally {
    db.close();
  }
}

describe('compaction of revisions written in bulk', () => {
  it('stored-only detection: level 0 is, levels 1 and 6 of a plan are not', () => {
    const json = JSON.stringify(templateContent('seed-02-tinh-uy-thuc-hien-chi-thi-35.json'));
    expect(isStoredOnly(encodeContent(json, 0))).toBe(true);
    expect(isStoredOnly(encodeContent(json, 1))).toBe(false);
    expect(isStoredOnly(encodeContent(json, CONTENT_LEVEL))).toBe(false);
    expect(readContent(encodeContent(json, 0), contentChecksum(encodeContent(json, 0)))).toBe(json);
  });

  it('stored blocks inflate back to every byte, at and around the 65,535-byte block length, and empty', () => {
    for (const size of [0, 1, 65_534, 65_535, 65_536, 3 * 65_535 + 7]) {
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i++) data[i] = (i * 7 + (i >> 9)) & 0xff;
      const blob = storedBlocks(data);
      expect(blob.length).toBe(size + 5 * Math.max(1, Math.ceil(size / 65_535)));
      expect(isStoredOnly(blob)).toBe(true);
      expect(inflateRawSync(blob).equals(data)).toBe(true);
    }
  });

  it('an imported package is stored uncompressed, then compressed in the background with the same content', async () => {
    const senderDir = tempDir();
    const sender = openBackend(senderDir);
    await call(sender, 'org.saveSelf', provinceProfile);
    for (let i = 0; i < 5; i++) {
      await call(sender, 'plan.save', { ...renewIds(templateContent('seed-01-huyen-uy-dai-hoi-diem.json'), randomUUID), id: randomUUID(), baseRevision: null });
    }
    const base64 = await exportFrom(sender);

    const receiverDir = tempDir();
    const receiver = openBackend(receiverDir);
    await call(receiver, 'exchange.import', { base64, trust: true });
    const before = blobs(receiverDir);
    expect(before).toHaveLength(5);
    expect(before.every((b) => isStoredOnly(b.content))).toBe(true);
    const plans = await Promise.all(before.map((b) => call(receiver, 'plan.get', { id: b.plan_id })));

    await until(() => blobs(receiverDir).every((b) => !isStoredOnly(b.content)), 'the background compaction');
    const after = blobs(receiverDir);
    after.forEach((b, i) => {
      expect(b.checksum).toBe(contentChecksum(b.content));
      expect(readContent(b.content, b.checksum)).toBe(readContent(before[i]!.content, before[i]!.checksum));
      expect(b.content.length * 3).toBeLessThan(before[i]!.content.length);
    });
    expect(await Promise.all(after.map((b) => call(receiver, 'plan.get', { id: b.plan_id })))).toEqual(plans);
  });

  it('the revision scan at the next start compresses what the app closed on, and leaves a damaged blob to be named', async () => {
    const dataDir = tempDir();
    const first = openBackend(dataDir);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call(first, 'plan.save', { ...templateContent('seed-03-btctw-doan-du-dai-hoi.json'), id: randomUUID(), baseRevision: null })).id);
    first.close();
    // As a bulk write leaves them: stored blocks with their checksum; the third one damaged as well.
    const db = new Database(join(dataDir, DATABASE_FILE));
    const rows = db.prepare<[], Blob & { rowid: number }>('SELECT rowid, plan_id, revision, content, checksum FROM plan_revisions').all();
    for (const row of rows) {
      const stored = encodeContent(readContent(row.content, row.checksum)!, 0);
      const damaged = row.plan_id === ids[2];
      db.prepare('UPDATE plan_revisions SET content = ?, checksum = ? WHERE rowid = ?').run(stored, contentChecksum(stored) + (damaged ? 1 : 0), row.rowid);
    }
    db.close();

    const again = createBackend({ dataDir, appVersion: '9.9.9-test', revisionScanDelayMs: 0 });
    try {
      const report = await again.revisionScan;
      expect(report?.damaged.map((d) => d.planId)).toEqual([ids[2]]);
      const now = blobs(dataDir);
      for (const b of now.filter((x) => x.plan_id !== ids[2])) {
        expect(isStoredOnly(b.content)).toBe(false);
        expect(b.checksum).toBe(contentChecksum(b.content));
      }
      expect(isStoredOnly(now.find((x) => x.plan_id === ids[2])!.content)).toBe(true);
      expect((await call(again, 'plan.get', { id: ids[0]! })).trichYeu).toBe(templateContent('seed-03-btctw-doan-du-dai-hoi.json').trichYeu);
    } finally {
      again.close();
    }
  });
});
