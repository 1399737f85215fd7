/**
 * Messages between main and the backend worker (worker.ts). Main posts a request per `invoke` and matches the reply
 * by id. `{ type: 'close' }` closes the database cleanly; the worker answers `{ type: 'closed' }` and exits.
 */
import type { Channel, InvokeResult } from '../../shared/api';

export interface WorkerData {
  dataDir: string;
  /** The resources/ folder (templates); the repo's when omitted. */
  resourcesDir?: string;
  appVersion?: string;
  /** Main's guard word for this thread (files/termination-guard.ts): native zlib calls are never cut in half. */
  terminationGuard?: SharedArrayBuffer;
}

export type WorkerRequest = { id: number; channel: string; input: unknown } | { type: 'close' };

export type WorkerReply =
  | { id: number; result: InvokeResult<Channel> }
  /** Sent once at start: whether the store opened; on failure every later request is answered with this error. */
  | { type: 'ready'; ok: true; schemaVersion: number }
  | { type: 'ready'; ok: false; error: { code: string; message: string } }
  | { type: 'closed' };
