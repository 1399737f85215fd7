/**
 * `npm run kehoach -- backup create|list|verify|restore --data <thư-mục-dữ-liệu> [TỆP]` (registered in kehoach-cli.ts).
 * Never asks: `restore` runs when called (the admin's command is the confirmation). TỆP is a backup's name in
 * `backups/`, a path to one, or a `.khbak` file (an encrypted one takes its passphrase from KEHOACH_PASSPHRASE).
 * `verify` without TỆP checks every backup of the folder: integrity_check, the manifest and files, the versions, and
 * the revision scan (every revision against its checksum).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { BackupName } from '../shared/api/backup';
import { createBackend, scanRevisions } from '../electron/backend';
import { readBackup } from '../electron/backend/backup/backup-file';
import { isEncrypted } from '../electron/backend/backup/khbak';
import { stageKhbak } from '../electron/backend/backup/service';
import { backupsDir, createBackupStore } from '../electron/backend/backup/store';
import { BackendError } from '../electron/backend/errors';
import type { BackupPreview } from '../shared/api/backup';

export class BackupUsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const appVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const describe = (p: BackupPreview) =>
  `${p.takenAt} · phiên bản ${p.appVersion || '?'} · lược đồ ${p.schemaVersion} · ${p.counts.plans} kế hoạch, ${p.counts.revisions} phiên bản, ` +
  `${p.counts.registerEntries} số văn bản, ${p.counts.tasks} nhiệm vụ, ${p.counts.organizations} đơn vị, ${p.files} tệp`;

/** The backup a TỆP argument names: one in `backups/` of the data folder (by name or path), or else a .khbak file. */
function resolveTarget(dataDir: string, target: string): { kind: 'list'; name: string } | { kind: 'khbak'; path: string } {
  const name = basename(target);
  const inList = resolve(backupsDir(dataDir), name);
  if (BackupName.safeParse(name).success && (target === name || resolve(target) === inList)) {
    if (!existsSync(inList)) throw new BackupUsageError(`Không tìm thấy bản sao lưu ${name} trong ${backupsDir(dataDir)}.`);
    return { kind: 'list', name };
  }
  if (!existsSync(target)) throw new BackupUsageError(`Không tìm thấy tệp ${target}.`);
  return { kind: 'khbak', path: target };
}

function readKhbak(path: string, version: string) {
  const bytes = readFileSync(path);
  const passphrase = process.env.KEHOACH_PASSPHRASE || undefined;
  if (isEncrypted(bytes) && !passphrase) {
    throw new BackendError('VALIDATION', `Tệp ${path} được mã hóa: đặt mật khẩu vào biến môi trường KEHOACH_PASSPHRASE.`);
  }
  return { bytes, passphrase, staged: stageKhbak(bytes, version, passphrase) };
}

export async function runBackup(sub: string | undefined, positional: string[], dataDir: string | undefined, io: Io): Promise<number> {
  if (!sub || !['create', 'list', 'verify', 'restore'].includes(sub)) {
    throw new BackupUsageError('Cách dùng: npm run kehoach -- backup create|list|verify|restore --data <thư-mục-dữ-liệu> [tệp]');
  }
  if (!dataDir) throw new BackupUsageError(`Thiếu thư mục dữ liệu: npm run kehoach -- backup ${sub} --data <thư-mục-dữ-liệu>`);
  if (positional.length > (sub === 'create' || sub === 'list' ? 0 : 1)) throw new BackupUsageError(`Thừa tham số: ${positional.join(' ')}`);
  if (sub === 'restore' && !positional[0]) throw new BackupUsageError('Thiếu bản sao lưu cần khôi phục: npm run kehoach -- backup restore --data <thư-mục> <tệp>');
  const version = appVersion();
  try {
    if (sub === 'list' || sub === 'verify') {
      const store = createBackupStore({ dataDir, appVersion: version, clock: Date.now });
      if (sub === 'list') {
        for (const b of store.list()) io.out(`${b.name}\t${b.kind}\t${b.takenAt}\t${b.size}`);
        return 0;
      }
      const target = positional[0] ? resolveTarget(dataDir, positional[0]) : null;
      if (target?.kind === 'khbak') {
        const { staged } = readKhbak(target.path, version);
        try {
          return report(target.path, staged.preview, revisionProblems(staged.path), io);
        } finally {
          rmSync(staged.dir, { recursive: true, force: true });
        }
      }
      const names = target ? [target.name] : store.list().map((b) => b.name);
      let bad = 0;
      for (const name of names) {
        const preview = readBackup(store.pathOf(name), version).preview;
        bad += report(name, preview, preview.refusal ? [] : revisionProblems(store.pathOf(name)), io);
      }
      if (!names.length) io.out('Chưa có bản sao lưu nào.');
      return bad ? 1 : 0;
    }
    const target = sub === 'restore' ? resolveTarget(dataDir, positional[0]!) : null;
    const backend = createBackend({ dataDir, appVersion: version, recoverDamaged: sub === 'restore' });
    try {
      if (sub === 'create') {
        const result = await backend.invoke('backup.create', {});
        if (!result.ok) throw new BackendError(result.error.code, result.error.message);
        io.out(`Đã sao lưu: ${backupsDir(dataDir)}/${result.data.name}`);
        return 0;
      }
      if (!target) throw new BackupUsageError('Thiếu bản sao lưu cần khôi phục.');
      let source: { from: 'list'; name: string } | { from: 'file'; id: string };
      if (target.kind === 'list') source = { from: 'list', name: target.name };
      else {
        const { bytes, passphrase, staged } = readKhbak(target.path, version);
        rmSync(staged.dir, { recursive: true, force: true });
        const result = await backend.invoke('backup.stageFile', { base64: bytes.toString('base64'), passphrase });
        if (!result.ok) throw new BackendError(result.error.code, result.error.message);
        if (!result.data.staged) throw new BackendError('VALIDATION', 'Tệp được mã hóa: đặt mật khẩu vào biến môi trường KEHOACH_PASSPHRASE.');
        source = { from: 'file', id: result.data.id };
      }
      const result = await backend.invoke('backup.restore', { source });
      if (!result.ok) throw new BackendError(result.error.code, result.error.message);
      io.out(`Đã khôi phục: ${describe(result.data.preview)}`);
      if (result.data.beforeRestore) io.out(`Dữ liệu trước khi khôi phục được lưu ở ${backupsDir(dataDir)}/${result.data.beforeRestore}`);
      if (result.data.setAside) io.out(`Tệp dữ liệu hỏng được giữ lại với tên ${result.data.setAside}`);
      return 0;
    } finally {
      backend.close();
    }
  } catch (err) {
    if (err instanceof BackupUsageError) throw err;
    io.err(err instanceof BackendError ? err.message : `Không thực hiện được: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** The revision scan (every revision against its checksum) on a backup, read-only: the damaged ones, named. */
function revisionProblems(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const columns = db.prepare("SELECT name FROM pragma_table_info('plan_revisions')").all() as { name: string }[];
    if (!columns.some((c) => c.name === 'checksum')) return []; // written before revisions carried checksums
    return scanRevisions(db).damaged.map((d) => `kế hoạch "${d.trichYeu}" (${d.planId}), phiên bản ${d.revision} lưu lúc ${d.savedAt}`);
  } finally {
    db.close();
  }
}

function report(name: string, preview: BackupPreview, damagedRevisions: string[], io: Io): number {
  if (preview.refusal) {
    io.err(`HỎNG/TỪ CHỐI ${name}: ${preview.refusal}`);
    return 1;
  }
  if (damagedRevisions.length) {
    io.err(`HỎNG ${name}: ${damagedRevisions.length} phiên bản kế hoạch sai mã kiểm tra:`);
    for (const line of damagedRevisions.slice(0, 20)) io.err(`  - ${line}`);
    return 1;
  }
  io.out(`TỐT ${name}: ${describe(preview)}`);
  return 0;
}
