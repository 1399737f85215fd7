import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../shared/api';
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

/** Invoke and expect success: returns the data, or fails the test with the error. */
export async function call<C extends Channel>(backend: Backend, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Invoke and expect an error: returns it. */
export async function callError(backend: Backend, channel: string, input: unknown) {
  const result = await backend.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

export function cleanup(): void {
  for (const b of opened.splice(0)) b.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
