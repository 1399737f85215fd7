/**
 * Hostile packages: a package comes from a USB stick that has been in other machines. 1,000 seeded mutations of a real
 * package and hand-made attacks, each imported into a real database that already holds the original: no crash (every
 * answer is a VALIDATION refusal in Vietnamese, or "already imported"), no call over 5 s, and not one row of any table
 * changed (a content hash of every table before and after).
 */
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { canonicalJson } from '../../../electron/backend/exchange/canonical';
import { fingerprintOf, rawPublicKey, readIdentity } from '../../../electron/backend/exchange/identity';
import { call, cleanup, openBackend } from '../helpers';
import { issuedSeed } from '../fixtures/tasks';
import { communeProfile, draft, enrol, provinceProfile } from './helpers';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

afterAll(cleanup);

const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 1000);

/** mulberry32: the same seed, the same mutations. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** SHA-256 over every row of every table (virtual tables through their shadow tables). */
function contentHash(dataDir: string): string {
  const db = new Database(join(dataDir, 'kehoach.sqlite'), { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all();
    for (const table of tables) {
      hash.update(`\0${table}\0`);
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v)));
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

let sender: Backend;
let receiver: Backend;
let original: Buffer;
let before: string;
let signKey: (m: Uint8Array) => string;
let entries: Record<string, Uint8Array>;
let manifest: Record<string, unknown> & {
  records: { kind: string; path: string; sha256: string; size: number; id: string; files?: { path: string; sha256: string; size: number }[] }[];
  receiver: unknown;
  version: number;
};
/** A record of that kind in the package, and a re-signed package with it (and its manifest line) changed. */
const recordOf = (kind: string) => manifest.records.find((r) => r.kind === kind)!;
function withRecord(kind: string, change: (record: Record<string, unknown>) => void, changeLine: (line: (typeof manifest.records)[number]) => void = () => {}): Buffer {
  const files = recordFiles();
  const lying = structuredClone(manifest);
  lying.packageId = randomUUID();
  const line = lying.records.find((r) => r.kind === kind)!;
  const record = JSON.parse(strFromU8(files[line.path]!)) as Record<string, unknown>;
  change(record);
  const bytes = strToU8(canonicalJson(record));
  files[line.path] = bytes;
  line.sha256 = createHash('sha256').update(bytes).digest('hex');
  line.size = bytes.length;
  changeLine(line);
  return signedZip(files, lying);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A zip of the given entries, manifest.sig signed by `signer` over the manifest's exact bytes. */
function signedZip(files: Record<string, Uint8Array>, m: unknown, signer = signKey): Buffer {
  const manifestBytes = strToU8(JSON.stringify(m));
  const zip: Zippable = { ...files, 'manifest.json': manifestBytes, 'manifest.sig': strToU8(signer(manifestBytes)) };
  return Buffer.from(zipSync(zip));
}
const recordFiles = () => Object.fromEntries(Object.entries(entries).filter(([n]) => n !== 'manifest.json' && n !== 'manifest.sig'));

async function importing(bytes: Uint8Array) {
  const started = performance.now();
  const result = await receiver.invoke('exchange.import', { base64: b64(bytes), trust: false });
  return { result, ms: performance.now() - started };
}

beforeAll(async () => {
  sender = openBackend();
  receiver = openBackend();
  await call(sender, 'org.saveSelf', communeProfile);
  await call(receiver, 'org.saveSelf', provinceProfile);
  await enrol(receiver, sender);
  await draft(sender);
  await draft(sender, {}, { trichYeu: 'Kế hoạch thứ hai' });
  await call(sender, 'plan.issue', { id: (await draft(sender, { number: '09' })).id });
  // Every kind of record: an issued plan's tasks with their facts, a report with two evidence files, a directory entry.
  const seed = await issuedSeed(sender);
  const [task] = (await call(sender, 'task.list', { planId: seed.id, limit: 1 })).items;
  await call(sender, 'task.setState', { taskId: task!.id, action: 'start', date: '2024-10-20' });
  await call(sender, 'task.addReport', {
    taskId: task!.id,
    date: '2024-10-21',
    text: 'Đã triển khai.',
    percent: 30,
    files: [
      { name: 'bien-ban.pdf', base64: b64(PDF) },
      { name: 'ghi-chu.txt', base64: b64(strToU8('Ghi chú cuộc họp.')) },
    ],
  });
  const org = await call(sender, 'org.save', { name: 'Ban Dân vận Đảng ủy', shortName: 'BDV', kind: 'ban-dang', notes: '' });
  original = Buffer.from((await call(sender, 'exchange.exportPackage', { orgIds: [org.id] })).base64, 'base64');
  const done = await call(receiver, 'exchange.import', { base64: b64(original) });
  if (!done.opened) throw new Error('not opened');
  expect(new Set(done.inspection.records.map((r) => r.kind))).toEqual(new Set(['plan', 'task', 'report', 'org']));
  expect(done.inspection.counts).toMatchObject({ new: 4 + 1 + 1 + 1, refused: 0 });
  signKey = readIdentity(sender.dataDir)!.sign;
  entries = unzipSync(original);
  manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as typeof manifest;
  before = contentHash(receiver.dataDir);
}, 60_000);

describe('hostile packages change nothing', () => {
  it(`${MUTATIONS} seeded mutations: each refused in Vietnamese or already imported, none over 5 s, no row changed`, async () => {
    const random = prng(20261130);
    const outcomes = new Map<string, number>();
    let slowest = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const bytes = Buffer.from(original);
      let mutated: Buffer = bytes;
      const kind = Math.floor(random() * 5);
      const at = Math.floor(random() * bytes.length);
      if (kind === 0) for (let k = 0, n = 1 + Math.floor(random() * 8); k < n; k++) bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
      else if (kind === 1) mutated = bytes.subarray(0, at);
      else if (kind === 2) mutated = Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256))), bytes.subarray(at)]);
      else if (kind === 3) bytes.fill(0, at, Math.min(bytes.length, at + 1 + Math.floor(random() * 256)));
      else mutated = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + Math.floor(random() * 512))]);
      if (mutated.length === 0) mutated = Buffer.from([0x50]);
      const { result, ms } = await importing(mutated);
      slowest = Math.max(slowest, ms);
      if (result.ok) {
        expect(result.data.opened && result.data.alreadyImported, `mutation ${i} was imported`).toBe(true);
        outcomes.set('already imported', (outcomes.get('already imported') ?? 0) + 1);
      } else {
        expect(result.error.code, `mutation ${i}: ${result.error.message}`).toBe('VALIDATION');
        expect(result.error.message).toMatch(/^[^a-z]*[A-ZĐ][a-zà-ỹđ]/u);
        const head = result.error.message.split(/[:(]/u)[0]!;
        outcomes.set(head, (outcomes.get(head) ?? 0) + 1);
      }
    }
    expect(slowest).toBeLessThan(5000);
    expect(contentHash(receiver.dataDir)).toBe(before);
    // Several different defences answered (not one catch-all).
    expect(outcomes.size).toBeGreaterThan(3);
  }, 120_000);

  const otherKey = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return { raw: rawPublicKey(publicKey).toString('base64'), sign: (m: Uint8Array) => sign(null, m, privateKey).toString('base64') };
  };

  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), /^Tệp rỗng/u],
    ['a truncated file', () => original.subarray(0, Math.floor(original.length / 2)), /^Tệp không phải gói KẾ HOẠCH/u],
    ['flipped bytes in the manifest', () => {
      const m = Buffer.from(entries['manifest.json']!);
      m[m.indexOf('"sender"') + 30]! ^= 0x04;
      return Buffer.from(zipSync({ ...recordFiles(), 'manifest.json': m, 'manifest.sig': entries['manifest.sig']! }));
    }, /^(Gói bị sửa sau khi ký|Bảng kê của gói)/u],
    ['a .docx renamed .khx', async () => {
      const docx = await call(sender, 'plan.renderDocx', { id: manifest.records[0]!.id });
      return Buffer.from(docx.base64, 'base64');
    }, /^Tệp không phải gói KẾ HOẠCH: không có bảng kê/u],
    ['a zip bomb (8 MB of zeros as a record)', () => {
      const files = recordFiles();
      files[manifest.records[0]!.path] = new Uint8Array(8 * 1024 * 1024);
      return signedZip(files, manifest);
    }, /nén bất thường.*bom nén/u],
    ['a directory claiming 4 GB uncompressed', () => {
      const zip = Buffer.from(original);
      // The outer zip's first central header (the stored .docx holds a zip directory of its own).
      const central = zip.readUInt32LE(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
      zip.writeUInt32LE(0xfffffff0, central + 24);
      return zip;
    }, /^Gói quá lớn/u],
    ['a directory understating what an entry inflates to (signed)', () => {
      const lying = structuredClone(manifest);
      lying.packageId = randomUUID();
      const line = lying.records.find((r) => r.kind === 'plan')!;
      line.size -= 1;
      const zip = signedZip(recordFiles(), lying);
      // The entry's uncompressed size in its central header, one byte short as the signed manifest says.
      const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      for (let at = zip.readUInt32LE(end + 16); at < end; at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)) {
        if (zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)) === line.path) zip.writeUInt32LE(line.size, at + 24);
      }
      return zip;
    }, /không giải nén được|không khớp mã băm/u],
    ['path traversal', () => signedZip({ ...recordFiles(), '../../evil.json': strToU8('{}') }, manifest), /tên không hợp lệ.*\.\.\/\.\.\/evil\.json/u],
    ['an absolute path', () => signedZip({ ...recordFiles(), '/etc/cron.d/x': strToU8('x') }, manifest), /tên không hợp lệ/u],
    ['two entries with one name', () => {
      const [a, b] = manifest.records;
      const zip = Buffer.from(original);
      // Rename b's entry to a's (same length) in its local and central headers.
      for (let at = zip.indexOf(b!.path); at >= 0; at = zip.indexOf(b!.path, at + 1)) zip.write(a!.path, at, 'latin1');
      return zip;
    }, /hai thành phần trùng tên/u],
    ['an entry not in the manifest', () => signedZip({ ...recordFiles(), 'records/extra.json': strToU8('{}') }, manifest), /không được kê trong bảng kê: records\/extra\.json/u],
    ['more entries than allowed', () => {
      const many: Zippable = {};
      for (let i = 0; i <= 50_000; i++) many[`x/${i}`] = new Uint8Array(0);
      return Buffer.from(zipSync(many, { level: 0 }));
    }, /quá nhiều thành phần/u],
    ['a manifest lying about a hash (signed)', () => {
      const lying = structuredClone(manifest);
      lying.records[0]!.sha256 = 'a'.repeat(64);
      return signedZip(recordFiles(), lying);
    }, /^Gói bị sửa sau khi ký: thành phần records\/.* không khớp mã băm/u],
    ['a valid signature over different records', () => {
      const files = recordFiles();
      const path = manifest.records[1]!.path;
      const record = JSON.parse(strFromU8(files[path]!)) as { content: { trichYeu: string } };
      record.content.trichYeu = 'Nội dung bị tráo';
      files[path] = strToU8(canonicalJson(record));
      return Buffer.from(zipSync({ ...files, 'manifest.json': entries['manifest.json']!, 'manifest.sig': entries['manifest.sig']! }));
    }, /^Gói bị sửa sau khi ký/u],
    ['no signature', () => Buffer.from(zipSync({ ...recordFiles(), 'manifest.json': entries['manifest.json']! })), /không có chữ ký/u],
    ['a newer format version', () => signedZip(recordFiles(), { ...manifest, version: 3, packageId: randomUUID() }), /phiên bản 3, mới hơn.*\(2\)/u],
    ['addressed to another office', () => signedZip(recordFiles(), { ...manifest, packageId: randomUUID(), receiver: { officeId: randomUUID(), name: 'Huyện ủy khác' } }), /^Gói này gửi cho đơn vị khác \(Huyện ủy khác\)/u],
    ['the sender impersonated with another key', () => {
      const thief = otherKey();
      const sender0 = manifest.sender as Record<string, unknown>;
      return signedZip(recordFiles(), { ...manifest, packageId: randomUUID(), sender: { ...sender0, publicKey: thief.raw, fingerprint: fingerprintOf(thief.raw) } }, thief.sign);
    }, /CẢNH BÁO: đơn vị gửi đã đổi khóa/u],
    ['a record that fails its schema (signed, hashes right)', () => {
      const files = recordFiles();
      const path = manifest.records[0]!.path;
      const bad = strToU8(canonicalJson({ kind: 'plan', id: manifest.records[0]!.id, nonsense: true }));
      files[path] = bad;
      const lying = structuredClone(manifest);
      lying.packageId = randomUUID();
      lying.records[0]!.sha256 = createHash('sha256').update(bad).digest('hex');
      lying.records[0]!.size = bad.length;
      return signedZip(files, lying);
    }, /^Bản ghi records\/.*không hợp lệ/u],
    ['evidence bytes swapped after signing', () => {
      const files = recordFiles();
      const pdf = recordOf('report').files!.find((f) => files[f.path]![0] === 0x25)!;
      files[pdf.path] = strToU8('%PDF-1.7 khác');
      return Buffer.from(zipSync({ ...files, 'manifest.json': entries['manifest.json']!, 'manifest.sig': entries['manifest.sig']! }));
    }, /^Gói bị sửa sau khi ký: thành phần evidence\/[0-9a-f]{64} không/u],
    ['a report whose evidence list differs from the manifest (signed)', () => withRecord('report', (r) => {
      (r.files as unknown[]).pop();
    }), /không khớp các tệp minh chứng đã kê/u],
    ['evidence whose content is not its stated type (signed)', () => {
      const files = recordFiles();
      const lying = structuredClone(manifest);
      lying.packageId = randomUUID();
      const line = lying.records.find((r) => r.kind === 'report')!;
      const record = JSON.parse(strFromU8(files[line.path]!)) as { files: { sha256: string; size: number; mediaType: string; name: string }[] };
      const exe = strToU8('MZ\u0000\u0001 not a pdf');
      const sha = createHash('sha256').update(exe).digest('hex');
      const old = record.files[0]!;
      delete files[`evidence/${old.sha256}`];
      files[`evidence/${sha}`] = exe;
      record.files[0] = { ...old, sha256: sha, size: exe.length };
      line.files![0] = { path: `evidence/${sha}`, sha256: sha, size: exe.length };
      const bytes = strToU8(canonicalJson(record));
      files[line.path] = bytes;
      line.sha256 = createHash('sha256').update(bytes).digest('hex');
      line.size = bytes.length;
      return signedZip(files, lying);
    }, /không đúng loại đã ghi/u],
    ['evidence named other than by its hash (signed)', () => withRecord('report', () => {}, (line) => {
      line.files![0]!.path = `evidence/${'0'.repeat(64)}`;
    }), /không mang tên theo mã băm/u],
    ['a task record that fails its schema (signed)', () => withRecord('task', (r) => {
      r.facts = { startedAt: 'hôm qua' };
    }), /^Bản ghi records\/task-.*không hợp lệ/u],
    ['a directory entry carrying a document (signed)', () => withRecord('org', () => {}, (line) => {
      (line as Record<string, unknown>).document = { path: `documents/${line.id}.docx`, size: 1, sha256: 'a'.repeat(64) };
    }), /không phải kế hoạch mà kèm văn bản/u],
  ];

  it.each(cases)('%s is refused with its own message, nothing written', async (_name, make, message) => {
    const { result, ms } = await importing(await make());
    expect(ms).toBeLessThan(5000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toMatch(message);
    }
    expect(contentHash(receiver.dataDir)).toBe(before);
  }, 60_000);
});
