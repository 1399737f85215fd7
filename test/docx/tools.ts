/**
 * Real tools for the .docx tests: LibreOffice (one conversion per document), pdftotext, and the independent
 * format checker (../shared/tools/thethuc_check.py).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CHECKER = resolve(__dirname, '../../../shared/tools/thethuc_check.py');
const PYTHON = '/usr/bin/python3';

export interface CheckerRule {
  rule: string;
  severity: 'E' | 'W';
  ok: boolean;
  detail: string;
}
export interface CheckerReport {
  errors: number;
  warnings: number;
  rules: CheckerRule[];
}

/** Run the checker with --json on a .docx (OOXML checks) or a .pdf (rendered-layout checks). */
export async function runChecker(file: string): Promise<CheckerReport> {
  try {
    const { stdout } = await run(PYTHON, [CHECKER, file, '--json'], { maxBuffer: 32 << 20 });
    return JSON.parse(stdout) as CheckerReport;
  } catch (err) {
    // exit 1 = errors found; the report is still on stdout
    const stdout = (err as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as CheckerReport;
    throw err;
  }
}

/**
 * What `thethuc_check.py FILE.docx --render` reports, with the LibreOffice conversion done once by the test and
 * shared: the OOXML checks on the .docx, then V0 + the layout checks on our own PDF of it (exactly what --render
 * runs on the PDF it makes itself).
 */
export async function checkRendered(docx: string, pdf: string): Promise<CheckerReport> {
  const [ooxml, rendered] = await Promise.all([runChecker(docx), runChecker(pdf)]);
  const rules = [...ooxml.rules, { rule: 'V0', severity: 'E' as const, ok: true, detail: 'LibreOffice converted the file' }, ...rendered.rules];
  return {
    rules,
    errors: rules.filter((r) => r.severity === 'E' && !r.ok).length,
    warnings: rules.filter((r) => r.severity === 'W' && !r.ok).length,
  };
}

export const failed = (report: CheckerReport, severity: 'E' | 'W') =>
  report.rules.filter((r) => r.severity === severity && !r.ok).map((r) => `${r.rule}: ${r.detail}`);

/** Convert a .docx to PDF with LibreOffice in its own profile; returns the PDF's path. */
export async function convertToPdf(docx: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'lo-layout-'));
  const outDir = await mkdtemp(join(tmpdir(), 'kh-pdf-'));
  try {
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, docx], {
      timeout: 180_000,
      env: { ...process.env, HOME: profile },
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(docx).replace(/\.docx$/u, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${docx}`);
  return pdf;
}

/** The PDF's text in content-stream order (-raw: no re-joining of "2025-" + "2030" at a line end into "20252030"). */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 });
  return stdout;
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const m = /^Pages:\s+(\d+)/mu.exec(stdout);
  return m ? Number(m[1]) : 0;
}

/** Write bytes to a fresh temp folder under `name`; returns the path. */
export async function writeTemp(name: string, bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kh-docx-'));
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}
