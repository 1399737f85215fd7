/**
 * SIGKILL test: a child process runs the real backend on a real file in a temp folder, saving plans and taking
 * register numbers (fixtures/kill-child.ts), and is killed with SIGKILL at random moments: while it opens the store,
 * mid-save, mid-allocation, mid-thinning, mid-report on a task (with its evidence file being staged). After each kill
 * the store must open, pass integrity_check, hold every write the child reported as acknowledged (a progress report
 * once, with its evidence file readable), and no register number nor progress report may be there twice.
 *
 * KILLS (default 50) sets the number of kills; `npm run soak` runs 1,000. The child is bundled once with esbuild, so
 * each start costs a plain Node start rather than a TypeScript compile.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { KILL_TEST_PLANS, KILL_TEST_TASKS } from './fixtures/kill-plans';
import type { TaskGetOutput } from '../../shared/api';
import { cleanup, tempDir } from './helpers';

const bundles: string[] = [];
afterAll(() => {
  cleanup();
  for (const file of bundles.splice(0)) rmSync(file, { force: true });
});

const KILLS = Number(process.env.KILLS ?? 50);
/** A long run prints its counts every this many kills. */
const PROGRESS_EVERY = 100;
const repo = fileURLToPath(new URL('../../', import.meta.url));
const resourcesDir = join(repo, 'resources');

/** Bundle the child into node_modules/.cache (ignored; better-sqlite3 resolves from there). */
async function bundleChild(): Promise<string> {
  const outDir = join(repo, 'node_modules', '.cache', 'kehoach-sigkill');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `kill-child-${process.pid}.mjs`);
  bundles.push(outfile);
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/kill-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    external: ['better-sqlite3'],
    // Bundled CommonJS dependencies require Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

interface Acks {
  /** Per long-lived plan: the highest marker of an acknowledged save. */
  saved: number[];
  created: Set<string>;
  /** Plan id → the number the child was told. */
  numbers: Map<string, string>;
  /** Report id → its task, text and evidence file (sha256, or '-'). */
  reports: Map<string, { taskId: string; text: string; sha256: string }>;
  count: number;
}

/** Run the child, kill it with SIGKILL after `delayMs` (from its start, or from "ready"), collect what it acknowledged. */
function runAndKill(script: string, dataDir: string, firstMarker: number, acks: Acks, afterReady: boolean, delayMs: number): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dataDir, resourcesDir, String(firstMarker)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    if (!afterReady) timer = setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const [kind, a, b, c, d] = pending.slice(0, nl).split(' ');
        pending = pending.slice(nl + 1);
        if (kind === 'ready') {
          if (afterReady) timer = setTimeout(kill, delayMs);
        } else if (kind === 'S') {
          acks.saved[Number(a)] = Math.max(acks.saved[Number(a)] ?? 0, Number(b));
          acks.count++;
        } else if (kind === 'C') {
          acks.created.add(a!);
          acks.count++;
        } else if (kind === 'N') {
          acks.numbers.set(a!, b!);
          acks.count++;
        } else if (kind === 'R') {
          acks.reports.set(c!, { taskId: a!, text: `Báo cáo ${b}`, sha256: d! });
          acks.count++;
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', stderr });
    });
  });
}

interface Check {
  opened: boolean;
  integrity: string;
  lost: string[];
  duplicated: string[];
}

/** Open the store as the app does and check it against everything acknowledged so far. */
async function check(dataDir: string, acks: Acks): Promise<Check> {
  const result: Check = { opened: false, integrity: '', lost: [], duplicated: [] };
  let backend;
  try {
    backend = createBackend({ dataDir, resourcesDir, revisionScanDelayMs: null });
    result.opened = true;
  } catch (err) {
    result.integrity = `did not open: ${err instanceof Error ? err.message : String(err)}`;
    return result;
  }
  try {
    for (const [index, marker] of acks.saved.entries()) {
      if (!marker) continue;
      const got = await backend.invoke('plan.get', { id: KILL_TEST_PLANS[index]! });
      const stored = got.ok ? Number(/\d+$/.exec(got.data.trichYeu)?.[0] ?? 0) : -1;
      if (stored < marker) result.lost.push(`plan ${index}: saved marker ${marker} acknowledged, store has ${stored}`);
    }
    for (const id of acks.created) {
      if (!(await backend.invoke('plan.get', { id })).ok) result.lost.push(`created plan ${id}`);
    }
    const book = await backend.invoke('register.list', {});
    if (!book.ok) throw new Error(book.error.message);
    const seen = new Map<string, number>();
    for (const e of book.data.entries) {
      const key = `${e.symbol}/${e.docType}/${e.term}/${e.number}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, n] of seen) if (n > 1) result.duplicated.push(`${key} ×${n}`);
    // Progress reports: every acknowledged one is there once, with its text and a readable evidence file; no report
    // (acknowledged or not) is there twice.
    const stored = new Map<string, TaskGetOutput['reports'][number]>();
    const texts = new Map<string, number>();
    for (const id of KILL_TEST_TASKS) {
      const got = await backend.invoke('task.get', { id });
      if (!got.ok) {
        if (acks.reports.size) result.lost.push(`task ${id}: ${got.error.message}`);
        continue;
      }
      for (const r of (got.data as TaskGetOutput).reports) {
        stored.set(r.id, r);
        texts.set(r.text, (texts.get(r.text) ?? 0) + 1);
      }
    }
    for (const [text, n] of texts) if (n > 1) result.duplicated.push(`report «${text}» ×${n}`);
    for (const [id, ack] of acks.reports) {
      const r = stored.get(id);
      if (!r || r.taskId !== ack.taskId || r.text !== ack.text) {
        result.lost.push(`report ${id} «${ack.text}» on ${ack.taskId}`);
        continue;
      }
      if (ack.sha256 === '-') continue;
      const file = await backend.invoke('task.evidence', { sha256: ack.sha256 });
      if (!file.ok || r.files[0]?.sha256 !== ack.sha256) result.lost.push(`evidence ${ack.sha256} of report «${ack.text}»`);
    }
    const told = new Map<string, string>();
    for (const [planId, number] of acks.numbers) {
      const entry = book.data.entries.find((e) => e.plan?.id === planId && e.number === number);
      if (!entry) result.lost.push(`number ${number} of plan ${planId}`);
      if (told.has(number)) result.duplicated.push(`number ${number} told to ${told.get(number)} and ${planId}`);
      told.set(number, planId);
    }
  } finally {
    backend.close();
  }
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    result.integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
  return result;
}

describe('SIGKILL at random moments', () => {
  it(
    `loses no acknowledged write, corrupts nothing and never gives a register number twice (${KILLS} kills)`,
    async () => {
      const script = await bundleChild();
      const dataDir = tempDir('kehoach-sigkill-');
      const acks: Acks = { saved: [], created: new Set(), numbers: new Map(), reports: new Map(), count: 0 };
      const totals = { kills: 0, corrupt: 0, lost: 0, duplicated: 0, acknowledged: 0, duringOpen: 0 };
      const problems: string[] = [];
      const started = Date.now();
      for (let run = 0; run < KILLS; run++) {
        // One kill in five lands while the child opens the store; the others after it started writing.
        const afterReady = run % 5 !== 0;
        const delayMs = afterReady ? 10 + Math.floor(Math.random() * 250) : Math.floor(Math.random() * 700);
        const { killed, stderr } = await runAndKill(script, dataDir, (run + 1) * 1_000_000, acks, afterReady, delayMs);
        if (!killed) problems.push(`run ${run}: the child ended before the kill: ${stderr.trim()}`);
        totals.kills += killed ? 1 : 0;
        if (!afterReady) totals.duringOpen++;
        const c = await check(dataDir, acks);
        if (!c.opened || c.integrity !== 'ok') {
          totals.corrupt++;
          problems.push(`run ${run}: ${c.integrity}`);
        }
        totals.lost += c.lost.length;
        totals.duplicated += c.duplicated.length;
        problems.push(...c.lost.map((l) => `run ${run}: lost ${l}`), ...c.duplicated.map((d) => `run ${run}: duplicated ${d}`));
        if (problems.length) break;
        // A long run (npm run soak) says how far it got, so a run cut short still has its counts.
        if ((run + 1) % PROGRESS_EVERY === 0 && run + 1 < KILLS) report('so far');
      }
      report('SIGKILL test');
      function report(label: string) {
        totals.acknowledged = acks.count;
        console.log(
          `${label}: kills ${totals.kills} (${totals.duringOpen} while opening), corrupt ${totals.corrupt}, lost ${totals.lost}, ` +
            `duplicated ${totals.duplicated}; ${totals.acknowledged} acknowledged writes (${acks.numbers.size} register numbers, ` +
            `${acks.reports.size} task reports) ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      expect(problems).toEqual([]);
      expect(totals.kills).toBe(KILLS);
      expect(acks.numbers.size, 'numbers were allocated').toBeGreaterThan(0);
      expect(acks.reports.size, 'task reports were added').toBeGreaterThan(0);
      expect([...acks.reports.values()].some((r) => r.sha256 !== '-'), 'with evidence files').toBe(true);
      expect(acks.saved.filter(Boolean).length, 'plans were saved').toBe(KILL_TEST_PLANS.length);
    },
    // A kill, its restart and the check take about 1-2 s, several times that on a machine busy with other work.
    Math.max(120_000, KILLS * 10_000),
  );
});
