import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels, type Channel, type Input, type Output } from '../../shared/api';
import { createBackend, type Backend } from '../../electron/backend';

const made: string[] = [];
const opened: Backend[] = [];

/** A fresh temp folder, removed by cleanup(). */
export function tempDir(prefix = 'kehoach-backend-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A backend on a fresh temp data folder (or the given one). */
export function openBackend(dataDir = tempDir()): Backend {
  const backend = createBackend({ dataDir, appVersion: '9.9.9-test' });
  opened.push(backend);
  return backend;
}

/** The channels whose output a test of this file has checked against the contract (see contract-outputs.test.ts). */
export const outputChecked = new Set<Channel>();

/** Fail unless `data` matches the channel's output schema, as it crosses the JSON boundary of the harness. */
export function checkOutput<C extends Channel>(channel: C, data: unknown): Output<C> {
  const wire: unknown = data === undefined ? data : JSON.parse(JSON.stringify(data));
  const parsed = channels[channel].output.safeParse(wire);
  if (!parsed.success) throw new Error(`${channel} answered outside its output schema: ${parsed.error.message}`);
  outputChecked.add(channel);
  return data as Output<C>;
}

/** Invoke and expect success: returns the data (checked against the channel's output schema), or fails the test. */
export async function call<C extends Channel>(backend: Backend, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return checkOutput(channel, result.data);
}

/** Invoke and expect an error: returns it. */
export async function callError(backend: Backend, channel: string, input: unknown) {
  const result = await backend.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

/** Wait (polling every 20 ms, up to 10 s) until `check()` holds: background work observed from outside. */
export async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function cleanup(): void {
  for (const b of opened.splice(0)) b.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
