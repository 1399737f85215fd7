/**
 * npm run bench [-- <module>…] [--check]
 *
 * Runs every scripts/bench/*.ts module (files starting with "_" are helpers) and prints ONE JSON object of all their
 * figures on stdout, each named "<module>.<figure>" (milliseconds unless the name says otherwise). Progress goes to
 * stderr. A module may export `budgets` ({ figure: max }); with --check a figure over its budget fails the run.
 */
import { readdirSync } from 'node:fs';

type BenchModule = { run: () => Promise<Record<string, number>>; budgets?: Record<string, number> };

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((a) => !a.startsWith('--'));

const dir = new URL('./bench/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .filter((name) => !only.length || only.includes(name))
  .sort();

const figures: Record<string, number> = {};
const problems: string[] = [];
for (const name of names) {
  const started = performance.now();
  process.stderr.write(`bench ${name}…\n`);
  try {
    const mod = (await import(new URL(`${name}.ts`, dir).href)) as BenchModule;
    const result = await mod.run();
    for (const [key, value] of Object.entries(result)) {
      figures[`${name}.${key}`] = Math.round(value * 100) / 100;
      const budget = mod.budgets?.[key];
      if (budget !== undefined && value > budget) problems.push(`${name}.${key} = ${value.toFixed(2)} > budget ${budget}`);
    }
  } catch (err) {
    problems.push(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  process.stderr.write(`bench ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
for (const p of problems) process.stderr.write(`${p}\n`);
if (problems.some((p) => p.includes(' failed: ')) || (check && problems.length)) process.exitCode = 1;
