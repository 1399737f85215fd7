/** Helpers shared by the benchmark modules: timing, statistics, backend calls (files starting with "_" are not run as benchmarks). */

/** The data of a backend call's answer; throws its message on an error answer. */
export async function ok<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Milliseconds one call of `fn` takes. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Run `fn` `runs` times after `warmup` untimed runs; the samples in ms. */
export async function sample(runs: number, fn: (i: number) => unknown, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timeMs(() => fn(i)));
  return out;
}

/** Progress for the reader; stdout is kept for the one JSON object. */
export const log = (message: string) => process.stderr.write(`${message}\n`);
