/**
 * `npm run kehoach -- exchange export|inspect|import …` (registered in kehoach-cli.ts). Never asks: `--trust` is the
 * clerk's confirmation of an unknown sender's fingerprint; an encrypted package (a MẬT plan) takes its passphrase
 * from KEHOACH_PASSPHRASE, and an export that needs one reads it there too.
 *
 *   exchange export --data DIR [--plans ID,…] [--to OFFICE-ID] -o FILE.khx
 *   exchange inspect FILE.khx [--data DIR]
 *   exchange import FILE.khx --data DIR [--trust]
 *
 * Exit: 0 a valid package (an import that found nothing new, or a package imported before, too); 1 the package is
 * invalid or refused (nothing written); 2 bad usage.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createBackend, type Backend } from '../electron/backend';
import { BackendError } from '../electron/backend/errors';
import { describeRecord } from '../electron/backend/exchange/describe';
import { unpackPackage } from '../electron/backend/exchange/package';
import type { ExportOutput, ImportManyOutput, PackageInspection } from '../shared/api/exchange';
import { appVersion } from './backup-cli';

export class ExchangeUsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Cách dùng:
  npm run kehoach -- exchange export --data <thư-mục> [--plans <mã,…> | --term <nhiệm kỳ> | --since-last] [--to <mã-đơn-vị-nhận>] [--orgs <mã,…>] -o <tệp.khx>
  npm run kehoach -- exchange inspect <tệp.khx> [--data <thư-mục>]
  npm run kehoach -- exchange import <tệp.khx>… --data <thư-mục> [--trust]`;

const VERDICT: Record<string, string> = { new: 'mới', update: 'cập nhật', same: 'trùng', conflict: 'xung đột', refused: 'bị từ chối' };
const STANDING: Record<string, string> = { self: 'của chính đơn vị này', trusted: 'tin cậy', unknown: 'CHƯA tin cậy', changed: 'ĐỔI KHÓA', revoked: 'ĐÃ THU HỒI' };

const passphrase = () => process.env.KEHOACH_PASSPHRASE || undefined;

function existingDataDir(dataDir: string | undefined, command: string): string {
  if (!dataDir) throw new ExchangeUsageError(`Thiếu thư mục dữ liệu: npm run kehoach -- exchange ${command} … --data <thư-mục>`);
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new ExchangeUsageError(`Thư mục dữ liệu ${dataDir} không tồn tại.`);
  return dataDir;
}

function readPackageFile(file: string | undefined): Buffer {
  if (!file) throw new ExchangeUsageError(`Thiếu tệp gói .khx.\n${USAGE}`);
  if (!existsSync(file)) throw new ExchangeUsageError(`Không tìm thấy tệp ${file}.`);
  if (!statSync(file).isFile()) throw new ExchangeUsageError(`${file} không phải tệp.`);
  return readFileSync(file);
}

async function invoke<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new BackendError(result.error.code, result.error.message);
  return result.data as T;
}

function printInspection(i: PackageInspection, io: Io, withData: boolean): void {
  const s = i.sender;
  io.out(`Gói ${i.packageId} (định dạng phiên bản ${i.formatVersion}), tạo lúc ${i.createdAt}${i.encrypted ? ', có mật khẩu' : ''}`);
  io.out(`Đơn vị gửi: ${s.name || '(chưa có hồ sơ cơ quan)'}${s.symbol ? ` (${s.symbol})` : ''} · mã ${s.officeId}`);
  io.out(`Dấu vân tay: ${s.fingerprint}`);
  io.out('Chữ ký: HỢP LỆ');
  if (i.receiver) io.out(`Gửi cho: ${i.receiver.name || i.receiver.officeId}`);
  if (withData) {
    io.out(`Khóa của đơn vị gửi: ${STANDING[i.standing]}. ${i.standingMessage}`);
    if (i.importedAt) io.out(`Gói này đã được nhập lúc ${i.importedAt}.`);
  }
  for (const r of i.records) {
    const verdict = withData ? `${VERDICT[r.verdict]}${r.reason ? ` — ${r.reason}` : ''}` : `phiên bản ${r.version}`;
    io.out(`  [${r.kind}] ${r.id} «${r.title}»${r.hasDocument ? ' + .docx' : ''}: ${verdict}`);
  }
  if (withData) {
    const c = i.counts;
    io.out(`${i.records.length} bản ghi: ${c.new} mới, ${c.update} cập nhật, ${c.same} trùng, ${c.conflict} xung đột, ${c.refused} bị từ chối.`);
  }
}

async function exportPackage(options: Map<string, string | true>, io: Io): Promise<number> {
  const dataDir = existingDataDir(options.get('data') as string | undefined, 'export');
  const out = options.get('out');
  if (typeof out !== 'string') throw new ExchangeUsageError(`Thiếu tệp kết quả: -o <tệp.khx>\n${USAGE}`);
  const { checkOutputTarget, writeOutput } = await import('./kehoach-cli');
  checkOutputTarget(out);
  const plans = options.get('plans');
  const planIds = typeof plans === 'string' ? plans.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const receiverId = options.get('to');
  const term = options.get('term');
  const orgs = options.get('orgs');
  const sinceLast = options.get('sinceLast') === true;
  if (sinceLast && typeof receiverId !== 'string') throw new ExchangeUsageError('--since-last cần --to <mã-đơn-vị-nhận>: phần thay đổi từ gói trước gửi đơn vị đó.');
  if ([planIds !== undefined, typeof term === 'string', sinceLast].filter(Boolean).length > 1) throw new ExchangeUsageError('Chỉ chọn một trong --plans, --term, --since-last.');
  const backend = createBackend({ dataDir, appVersion: appVersion() });
  try {
    let result: ExportOutput;
    try {
      result = await invoke(backend, 'exchange.exportPackage', {
        planIds,
        term: typeof term === 'string' ? term : undefined,
        sinceLast: sinceLast || undefined,
        orgIds: typeof orgs === 'string' ? orgs.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
        receiverId: typeof receiverId === 'string' ? receiverId : undefined,
        passphrase: passphrase(),
      });
    } catch (err) {
      // A malformed or unknown plan or office id is a usage error.
      if (err instanceof BackendError && (err.code === 'NOT_FOUND' || (err.code === 'VALIDATION' && /trường (planIds|receiverId|orgIds|term)/u.test(err.message)))) {
        throw new ExchangeUsageError(err.message);
      }
      throw err;
    }
    const bytes = Buffer.from(result.base64, 'base64');
    await writeOutput(out, bytes);
    // Read back from the disk and check every hash and the signature before saying it is written.
    const back = unpackPackage(readFileSync(out), passphrase());
    if (back.needsPassphrase) throw new BackendError('IO', 'Không đọc lại được gói vừa ghi.');
    const identity = await invoke<{ officeId: string; fingerprint: string }>(backend, 'exchange.identity', {});
    if (result.profileMissing) {
      io.out(`Chưa có hồ sơ cơ quan: gói ghi đơn vị gửi bằng mã ${identity.officeId} và dấu vân tay ${identity.fingerprint}.`);
    }
    for (const s of result.skipped) io.out(`Bỏ qua «${s.title}»: ${s.reason}`);
    if (sinceLast) io.out(result.since ? `Phần thay đổi từ gói trước (${result.since}).` : 'Chưa gửi gói nào cho đơn vị này: gửi tất cả.');
    io.out(
      `Đã ghi ${out}: ${result.plans} kế hoạch, ${result.documents} tệp .docx chính thức, ${result.tasks} nhiệm vụ, ${result.reports} báo cáo tiến độ ` +
        `(${result.evidence} tệp minh chứng), ${result.orgs} đơn vị trong danh mục${result.encrypted ? ', có mật khẩu' : ''} (${bytes.length} byte, đã đọc lại và kiểm tra).`,
    );
    io.out(`Dấu vân tay của đơn vị gửi: ${identity.fingerprint}`);
    return 0;
  } finally {
    backend.close();
  }
}

async function inspectPackage(file: string | undefined, options: Map<string, string | true>, io: Io): Promise<number> {
  const bytes = readPackageFile(file);
  const data = options.get('data');
  if (typeof data !== 'string') {
    const unpacked = unpackPackage(bytes, passphrase());
    if (unpacked.needsPassphrase) throw new BackendError('VALIDATION', 'Gói được mã hóa: đặt mật khẩu vào biến môi trường KEHOACH_PASSPHRASE.');
    const m = unpacked.manifest;
    printInspection(
      {
        packageId: m.packageId,
        formatVersion: m.version,
        createdAt: m.createdAt,
        sender: m.sender,
        receiver: m.receiver,
        signatureValid: true,
        standing: 'unknown',
        standingMessage: '',
        encrypted: unpacked.encrypted,
        fileSha256: unpacked.fileSha256,
        importedAt: null,
        records: unpacked.records.map(({ record, document }) => ({ ...describeRecord(record), verdict: 'new', reason: null, hasDocument: !!document })),
        counts: { new: 0, update: 0, same: 0, conflict: 0, refused: 0 },
      },
      io,
      false,
    );
    return 0;
  }
  const backend = createBackend({ dataDir: existingDataDir(data, 'inspect'), appVersion: appVersion() });
  try {
    const result = await invoke<{ opened: boolean; inspection?: PackageInspection }>(backend, 'exchange.inspect', { base64: bytes.toString('base64'), passphrase: passphrase() });
    if (!result.inspection) throw new BackendError('VALIDATION', 'Gói được mã hóa: đặt mật khẩu vào biến môi trường KEHOACH_PASSPHRASE.');
    printInspection(result.inspection, io, true);
    return 0;
  } finally {
    backend.close();
  }
}

async function importPackage(file: string | undefined, options: Map<string, string | true>, io: Io): Promise<number> {
  const bytes = readPackageFile(file);
  const backend = createBackend({ dataDir: existingDataDir(options.get('data') as string | undefined, 'import'), appVersion: appVersion() });
  try {
    const result = await invoke<{ opened: boolean; inspection?: PackageInspection; message?: string }>(backend, 'exchange.import', {
      base64: bytes.toString('base64'),
      passphrase: passphrase(),
      trust: options.get('trust') === true,
    });
    if (!result.inspection) throw new BackendError('VALIDATION', 'Gói được mã hóa: đặt mật khẩu vào biến môi trường KEHOACH_PASSPHRASE.');
    printInspection(result.inspection, io, true);
    io.out(result.message ?? '');
    return 0;
  } finally {
    backend.close();
  }
}

/** Several packages at once (every .khx on a stick): one line each and one summary; exit 1 when any was refused. */
async function importPackages(files: string[], options: Map<string, string | true>, io: Io): Promise<number> {
  const packages = files.map((file) => ({ fileName: file, base64: readPackageFile(file).toString('base64'), passphrase: passphrase() }));
  const backend = createBackend({ dataDir: existingDataDir(options.get('data') as string | undefined, 'import'), appVersion: appVersion() });
  try {
    const result = await invoke<ImportManyOutput>(backend, 'exchange.importMany', { packages, trust: options.get('trust') === true });
    for (const r of result.results) io.out(`${r.fileName}: ${r.message}`);
    io.out(result.message);
    return result.results.some((r) => r.outcome === 'refused' || r.outcome === 'needsPassphrase') ? 1 : 0;
  } finally {
    backend.close();
  }
}

export async function runExchange(sub: string | undefined, positional: string[], options: Map<string, string | true>, io: Io): Promise<number> {
  if (sub !== 'export' && sub !== 'inspect' && sub !== 'import') throw new ExchangeUsageError(USAGE);
  const most = sub === 'export' ? 0 : sub === 'inspect' ? 1 : Infinity;
  if (positional.length > most) throw new ExchangeUsageError(`Thừa tham số: ${positional.slice(most).join(' ')}`);
  try {
    if (sub === 'export') return await exportPackage(options, io);
    if (sub === 'inspect') return await inspectPackage(positional[0], options, io);
    if (positional.length > 1) return await importPackages(positional, options, io);
    return await importPackage(positional[0], options, io);
  } catch (err) {
    if (err instanceof ExchangeUsageError) throw err;
    io.err(err instanceof BackendError ? err.message : `Không thực hiện được: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
