/**
 * Command line for batch use and tests:
 *
 *   npm run kehoach -- render <plan.json> -o <out.docx> [--draft]
 *   npm run kehoach -- lint <plan.json> [--json]
 *   npm run kehoach -- pdf <plan.json> -o <out.pdf> [--draft]    (the preview printed by headless Chromium)
 *   npm run kehoach -- backup create|list|verify|restore --data <dir> [file]   (scripts/backup-cli.ts)
 *   npm run kehoach -- tasks --data <dir> [--on YYYY-MM-DD] [--json]  (scripts/tasks-cli.ts)
 *   npm run kehoach -- report <PLAN_ID> --data <dir> -o <out.docx> [--period 2025-H1] [--new] [--draft]   (scripts/report-cli.ts)
 *   npm run kehoach -- exchange export|inspect|import …                           (scripts/exchange-cli.ts)
 *   npm run kehoach -- import <FILE.docx|FILE.txt> [-o plan.json] [--json]      (recognise an existing plan)
 *
 * <plan.json> is a template file ({ "content": PlanContent, … }) or a bare PlanContent.
 * A plan with format errors (an impossible date, a malformed number…) is printed only with --draft, the command
 * line's "print this draft anyway" (the app asks the same question in a dialog).
 * Exit status: 0 done; 1 lint found errors (or rendering or writing failed, or `import` found no plan in the file) —
 * nothing written; 2 bad input or usage
 * (a plan nested too deep, an output path that is a folder, a device or a symbolic link) — nothing written.
 * Results are written by main's safe write (temp file, fsync, read back, rename).
 * New subcommands (e.g. `pdf`) register in COMMANDS.
 */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FileIoError } from '../electron/backend/files/errors';
import { safeWriteFile } from '../electron/backend/files/safe-write';
import { lintPlan } from '../shared/lint';
import { type LintFinding, NewerContentError, type PlanContent, parsePlanContent } from '../shared/model';

/** Bad input or usage: reported as a message, exit 2. */
export class InputError extends Error {}

export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

const USAGE = `Cách dùng:
  npm run kehoach -- render <kế-hoạch.json> -o <tệp.docx> [--draft]   In kế hoạch ra tệp .docx
  npm run kehoach -- lint <kế-hoạch.json> [--json]                   Kiểm tra thể thức (mã thoát 1 khi có lỗi)
  npm run kehoach -- pdf <kế-hoạch.json> -o <tệp.pdf> [--draft]      In trang xem trước ra PDF (qua Chromium)
  npm run kehoach -- import <tệp.docx|tệp.txt> [-o kế-hoạch.json] [--json]
                                                                     Nhận kế hoạch có sẵn (mã thoát 1 khi không phải kế hoạch)
  npm run kehoach -- backup create --data <thư-mục-dữ-liệu>          Sao lưu ngay vào <thư-mục>/backups
  npm run kehoach -- backup list --data <thư-mục-dữ-liệu>            Liệt kê các bản sao lưu
  npm run kehoach -- backup verify --data <thư-mục> [tệp]            Kiểm tra bản sao lưu (mã thoát 1 khi hỏng)
  npm run kehoach -- backup restore --data <thư-mục> <tệp>           Khôi phục (không hỏi lại; mã thoát 1 khi bị từ chối)
  npm run kehoach -- tasks --data <thư-mục> [--on YYYY-MM-DD] [--json] Liệt kê nhiệm vụ với tình trạng tính đến ngày đó
  npm run kehoach -- report <mã-kế-hoạch> --data <thư-mục> -o <tệp.docx> [--period 2025-H1] [--new]
                                                                     In báo cáo kết quả thực hiện kế hoạch (báo cáo mới nhất
                                                                     của kế hoạch; chưa có thì lập và lưu một báo cáo mới)
  npm run kehoach -- exchange export --data <thư-mục> [--plans <mã,…> | --term <nhiệm kỳ> | --since-last] [--to <mã-đơn-vị>] [--orgs <mã,…>] -o <tệp.khx>
                                                                     Xuất gói trao đổi đã ký (--since-last: phần thay đổi từ
                                                                     gói trước gửi đơn vị --to; --orgs: đơn vị trong danh mục)
  npm run kehoach -- exchange inspect <tệp.khx> [--data <thư-mục>]   Xem gói: đơn vị gửi, chữ ký, từng bản ghi
  npm run kehoach -- exchange import <tệp.khx>… --data <thư-mục> [--trust]
                                                                     Nhập một hoặc nhiều gói (--trust: đã so dấu vân tay, tin
                                                                     đơn vị gửi)
<kế-hoạch.json>: tệp mẫu ({ "content": … }) hoặc nội dung kế hoạch (PlanContent).
--draft: vẫn in bản dự thảo còn lỗi thể thức (không có --draft thì không ghi tệp khi còn lỗi).`;

interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

/** Options that take a value; every other `-x`/`--x` is a flag. */
const VALUE_OPTIONS: Record<string, string> = { '-o': 'out', '--out': 'out', '--data': 'data', '--on': 'on', '--period': 'period', '--plans': 'plans', '--to': 'to', '--term': 'term', '--orgs': 'orgs' };
const FLAG_OPTIONS: Record<string, string> = { '--json': 'json', '--draft': 'draft', '--new': 'new', '--trust': 'trust', '--since-last': 'sinceLast' };

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const valueName = VALUE_OPTIONS[a];
    const flagName = FLAG_OPTIONS[a];
    if (valueName) {
      const v = argv[++i];
      if (v === undefined || v === '') throw new InputError(`Thiếu giá trị sau ${a}.`);
      options.set(valueName, v);
    } else if (flagName) {
      options.set(flagName, true);
    } else if (a.startsWith('-') && a !== '-') {
      throw new InputError(`Tùy chọn không hợp lệ: ${a}`);
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

function describeIssues(error: z.ZodError, prefix: (string | number)[]): string {
  const lines = error.issues.slice(0, 10).map((i) => {
    const path = [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    return `  - trường ${path.length ? path.join('.') : '(gốc)'}: ${i.message}`;
  });
  if (error.issues.length > 10) lines.push(`  … và ${error.issues.length - 10} lỗi khác`);
  return lines.join('\n');
}

/** Read a plan file: a template ({content: …}) or a bare PlanContent. Throws InputError naming the field. */
export function readPlanFile(file: string): PlanContent {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `Không tìm thấy tệp ${file}.` : `Không đọc được tệp ${file} (${code ?? String(e)}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (e) {
    throw new InputError(`Tệp ${file} không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`Tệp ${file} phải chứa một đối tượng JSON: nội dung kế hoạch hoặc tệp mẫu có trường "content".`);
  }
  const isTemplate = 'content' in data;
  let result: ReturnType<typeof parsePlanContent>;
  try {
    // A plan file of an earlier version is upgraded to today's shape (shared/model/content-migrations.ts).
    result = parsePlanContent(isTemplate ? (data as { content: unknown }).content : data);
  } catch (e) {
    if (e instanceof NewerContentError) throw new InputError(`Tệp ${file}: ${e.message}`);
    throw e;
  }
  if (!result.success) {
    throw new InputError(`Kế hoạch trong tệp ${file} không hợp lệ:\n${describeIssues(result.error, isTemplate ? ['content'] : [])}`);
  }
  return result.data;
}

/**
 * Refuse an output path that is there and is not a regular file: a folder, a device (/dev/full), a pipe, and a
 * symbolic link (replacing the link by a file, or writing where it points, would both surprise). Usage error, exit 2.
 */
export function checkOutputTarget(target: string): void {
  const dir = dirname(resolve(target));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new InputError(`Thư mục ${dir} không tồn tại.`);
  let info;
  try {
    info = lstatSync(target);
  } catch {
    return; // nothing there yet
  }
  if (info.isSymbolicLink()) {
    throw new InputError(`${target} là một liên kết (symlink): không ghi đè lên liên kết. Hãy ghi thẳng vào tệp đích, hoặc xóa liên kết trước.`);
  }
  if (info.isDirectory()) throw new InputError(`${target} là một thư mục, không phải tệp: hãy ghi tên tệp kết quả.`);
  if (!info.isFile()) throw new InputError(`${target} không phải tệp thường (thiết bị, ống dẫn…): không ghi vào đó.`);
}

/** Write the result safely (temp file, fsync, read back, rename: main's safe write), after checking the target. */
export async function writeOutput(target: string, bytes: Uint8Array): Promise<void> {
  checkOutputTarget(target);
  await safeWriteFile(target, bytes);
}

const SEVERITY_LABEL: Record<LintFinding['severity'], string> = { error: 'LỖI', warning: 'CẢNH BÁO' };

function formatFinding(f: LintFinding): string {
  const where = f.path.length ? f.path.join('.') : '(toàn văn bản)';
  return `${SEVERITY_LABEL[f.severity]} [${f.rule}] ${where}: ${f.message}`;
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

type Command = (args: Args, io: Io) => Promise<number>;

/**
 * The plan to print, or null when it has format errors and --draft was not given: the errors are listed (with
 * their fields) and nothing is written, as the app asks before printing a draft with errors.
 */
function printablePlan(file: string, args: Args, io: Io): PlanContent | null {
  const content = readPlanFile(file);
  if (args.options.get('draft') === true) return content;
  const errors = lintPlan(content).filter((f) => f.severity === 'error');
  if (errors.length === 0) return content;
  io.err(`Kế hoạch trong tệp ${file} còn ${errors.length} lỗi thể thức nên chưa in (thêm --draft để vẫn in bản dự thảo):`);
  for (const f of errors) io.err(`  ${formatFinding(f)}`);
  return null;
}

function onePlanFile(args: Args, command: string): string {
  const [file, ...extra] = args.positional;
  if (!file) throw new InputError(`Thiếu tệp kế hoạch: npm run kehoach -- ${command} <kế-hoạch.json>`);
  if (extra.length) throw new InputError(`Thừa tham số: ${extra.join(' ')}`);
  return file;
}

/**
 * A command printing one plan file to `-o <tệp.ext>` (after the checks `printablePlan` makes). `print` loads its
 * writer on demand: `lint` needs neither the .docx writer nor Chromium.
 */
const printCommand =
  (command: string, ext: string, print: (content: PlanContent) => Promise<Uint8Array>): Command =>
  async (args, io) => {
    const file = onePlanFile(args, command);
    const out = args.options.get('out');
    if (typeof out !== 'string') throw new InputError(`Thiếu tệp kết quả: npm run kehoach -- ${command} <kế-hoạch.json> -o <tệp.${ext}>`);
    const content = printablePlan(file, args, io);
    if (!content) return EXIT.findings;
    const bytes = await print(content);
    await writeOutput(out, bytes);
    io.out(`Đã ghi ${out} (${bytes.byteLength} byte).`);
    return EXIT.ok;
  };

const render = printCommand('render', 'docx', async (content) => (await import('../electron/backend/docx/index')).renderPlanDocx(content));

const lint: Command = async (args, io) => {
  const file = onePlanFile(args, 'lint');
  const findings = lintPlan(readPlanFile(file));
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (args.options.get('json') === true) {
    io.out(JSON.stringify(findings, null, 2));
  } else {
    for (const f of findings) io.out(formatFinding(f));
    io.out(`${errors} lỗi, ${findings.length - errors} cảnh báo.`);
  }
  return errors > 0 ? EXIT.findings : EXIT.ok;
};

/** The preview's printout as PDF: the same pages as the in-app print, through headless Chromium. */
const pdf = printCommand('pdf', 'pdf', async (content) => (await import('./print-pdf')).printPlanPdf(content));

/** Backups of a data folder (scripts/backup-cli.ts); a damaged or refused backup exits 1. */
const backup: Command = async (args, io) => {
  const { runBackup, BackupUsageError } = await import('./backup-cli');
  const [sub, ...rest] = args.positional;
  const data = args.options.get('data');
  try {
    return await runBackup(sub, rest, typeof data === 'string' ? data : undefined, io);
  } catch (e) {
    if (e instanceof BackupUsageError) throw new InputError(e.message);
    throw e;
  }
};

/** The tracked tasks of a data folder with their status on a day (scripts/tasks-cli.ts). */
const tasks: Command = async (args, io) => {
  const { runTasks } = await import('./tasks-cli');
  if (args.positional.length) throw new InputError(`Thừa tham số: ${args.positional.join(' ')}`);
  const data = args.options.get('data');
  const on = args.options.get('on');
  if (typeof data !== 'string') throw new InputError('Thiếu thư mục dữ liệu: npm run kehoach -- tasks --data <thư-mục-dữ-liệu> [--on YYYY-MM-DD] [--json]');
  try {
    return await runTasks({ dataDir: data, on: typeof on === 'string' ? on : undefined, json: args.options.get('json') === true }, io);
  } catch (e) {
    if (e instanceof Error && e.name === 'TasksUsageError') throw new InputError(e.message);
    throw e;
  }
};

/** The BÁO CÁO of a plan in a data folder, drafted and stored there when it has none (scripts/report-cli.ts). */
const report: Command = async (args, io) => {
  const { runReport, ReportUsageError } = await import('./report-cli');
  const [planId, ...extra] = args.positional;
  const usage = 'npm run kehoach -- report <mã-kế-hoạch> --data <thư-mục-dữ-liệu> -o <tệp.docx>';
  if (!planId) throw new InputError(`Thiếu mã kế hoạch: ${usage}`);
  if (extra.length) throw new InputError(`Thừa tham số: ${extra.join(' ')}`);
  const data = args.options.get('data');
  const out = args.options.get('out');
  const period = args.options.get('period');
  if (typeof data !== 'string') throw new InputError(`Thiếu thư mục dữ liệu: ${usage}`);
  if (typeof out !== 'string') throw new InputError(`Thiếu tệp kết quả: ${usage}`);
  if (!existsSync(resolve(data, 'kehoach.sqlite'))) throw new InputError(`Thư mục ${data} không có dữ liệu KẾ HOẠCH Desk (kehoach.sqlite).`);
  checkOutputTarget(out);
  try {
    return await runReport(
      planId,
      { dataDir: data, out, period: typeof period === 'string' ? period : null, fresh: args.options.get('new') === true, draft: args.options.get('draft') === true, write: writeOutput, formatFinding },
      io,
    );
  } catch (e) {
    if (e instanceof ReportUsageError) throw new InputError(e.message);
    throw e;
  }
};

/** Signed exchange packages (scripts/exchange-cli.ts): exit 1 for an invalid or refused package. */
const exchange: Command = async (args, io) => {
  const { runExchange, ExchangeUsageError } = await import('./exchange-cli');
  const [sub, ...rest] = args.positional;
  try {
    return await runExchange(sub, rest, args.options, io);
  } catch (e) {
    if (e instanceof ExchangeUsageError) throw new InputError(e.message);
    throw e;
  }
};

/**
 * Recognise an existing plan in a .docx or a text file. Prints each field with its confidence (or, with --json,
 * `{ plan, confidence, dropped }`); `-o` writes the plan content alone, a plan file the other commands take. A file
 * that holds no plan (a broken or non-.docx file, an empty text, a password-protected .docx) exits 1, nothing written.
 */
const importPlan: Command = async (args, io) => {
  const file = onePlanFile(args, 'import');
  const out = args.options.get('out');
  let bytes: Buffer;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new InputError(`${file} không phải tệp thường.`);
    const { MAX_IMPORT_BYTES, ImportRefused } = await import('../electron/backend/import');
    if (info.size > MAX_IMPORT_BYTES) {
      io.err(new ImportRefused(`Tệp ${file} quá lớn (${Math.round(info.size / 1024 / 1024)} MB); chỉ nhập được tệp đến ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Không có gì được ghi.`).message);
      return EXIT.findings;
    }
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `Không tìm thấy tệp ${file}.` : `Không đọc được tệp ${file} (${code ?? String(e)}).`);
  }
  const { importFile, ImportRefused } = await import('../electron/backend/import');
  let result;
  try {
    result = importFile(bytes, basename(file));
  } catch (e) {
    if (e instanceof ImportRefused) {
      io.err(e.message);
      return EXIT.findings;
    }
    throw e;
  }
  if (typeof out === 'string') {
    await writeOutput(out, Buffer.from(`${JSON.stringify(result.plan, null, 2)}\n`, 'utf8'));
  }
  if (args.options.get('json') === true) {
    io.out(JSON.stringify({ plan: result.plan, confidence: result.confidence, dropped: result.dropped }, null, 2));
    return EXIT.ok;
  }
  const { header, signature } = result.plan;
  const c = (path: string) => {
    const v = result.confidence[path];
    return v === undefined ? '' : ` [${Math.round(v * 100)}%${v < 0.7 ? ' – cần xem lại' : ''}]`;
  };
  io.out(`Cơ quan ban hành: ${[...header.issuer.higherLines, header.issuer.name].join(' / ')}${c('header.issuer.name')}`);
  io.out(`Số: ${header.number || '(để trống)'}-${header.docType}/${header.issuer.symbol}${c('header.number')}`);
  io.out(`Địa danh, ngày: ${header.place}, ${header.date.day || '…'}/${header.date.month || '…'}/${header.date.year}${c('header.date')}`);
  io.out(`Trích yếu: ${result.plan.trichYeu.replace(/\n/gu, ' ')}${c('trichYeu')}`);
  io.out(`Căn cứ: ${result.plan.canCu.items.length} văn bản${c('canCu')}`);
  io.out(`Nội dung: ${result.plan.body.length} mục cấp 1${c('body')}`);
  io.out(`Nơi nhận: ${result.plan.recipients.length}${c('recipients')}`);
  io.out(`Ký: ${[signature.authority, signature.body].filter(Boolean).join(' ')} / ${signature.title} / ${signature.signer}${c('signature.signer')}`);
  if (result.plan.appendices.length) io.out(`Phụ lục: ${result.plan.appendices.length}${c('appendices')}`);
  for (const [path, v] of Object.entries(result.confidence)) if (v < 0.7 && path !== 'term') io.out(`Cần xem lại: ${path} (${Math.round(v * 100)}%)`);
  for (const note of result.notes) io.out(`Ghi chú: ${note}`);
  for (const d of result.dropped) io.out(`Đã bỏ: ${d}`);
  if (typeof out === 'string') io.out(`Đã ghi ${out}.`);
  return EXIT.ok;
};

/** Subcommands by name. */
export const COMMANDS: Record<string, Command> = { render, lint, pdf, backup, tasks, report, exchange, import: importPlan };

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.err(USAGE);
    return name ? EXIT.ok : EXIT.badInput;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`Lệnh không hợp lệ: ${name}\n${USAGE}`);
    return EXIT.badInput;
  }
  try {
    return await command(parseArgs(rest), io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return EXIT.badInput;
    }
    if (e instanceof FileIoError) {
      io.err(e.message);
      return EXIT.findings;
    }
    io.err(unexpectedError(name, e));
    return EXIT.findings;
  }
}

/** An error nobody planned for, said in Vietnamese: its kind and code only, never a stack trace or a source path. */
export function unexpectedError(command: string, e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : '';
  const kind = e instanceof Error && /^[A-Za-z]+$/u.test(e.name) ? e.name : '';
  const tag = [kind, code].filter(Boolean).join(' ');
  return `Lỗi không mong đợi khi thực hiện lệnh ${command}${tag ? ` (${tag})` : ''}; không có tệp nào được ghi. Hãy thử lại; nếu lỗi lặp lại, hãy báo cho người quản trị.`;
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url));
if (isEntry) {
  main(process.argv.slice(2), { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${unexpectedError(process.argv[2] ?? '', e)}\n`);
      process.exitCode = EXIT.findings;
    },
  );
}
