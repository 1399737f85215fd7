/** A minimal client of electron/backend/worker.ts for tests: a real worker thread running the TypeScript sources. */
import { Worker } from 'node:worker_threads';
import type { Channel, InvokeResult } from '../../shared/api';
import type { WorkerData, WorkerReply } from '../../electron/backend/worker-protocol';

export const workerFile = new URL('../../electron/backend/worker.ts', import.meta.url);

export interface WorkerClient {
  ready: Promise<Extract<WorkerReply, { type: 'ready' }>>;
  invoke(channel: string, input: unknown): Promise<InvokeResult<Channel>>;
  close(): Promise<void>;
}

export function startWorker(data: WorkerData): WorkerClient {
  const worker = new Worker(workerFile, { workerData: data, execArgv: ['--import', 'tsx'] });
  const pending = new Map<number, (r: InvokeResult<Channel>) => void>();
  let nextId = 1;
  let onReady!: (r: Extract<WorkerReply, { type: 'ready' }>) => void;
  let onClosed: (() => void) | undefined;
  const ready = new Promise<Extract<WorkerReply, { type: 'ready' }>>((resolve) => (onReady = resolve));
  worker.on('message', (msg: WorkerReply) => {
    if ('id' in msg) {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else if (msg.type === 'ready') onReady(msg);
    else if (msg.type === 'closed') onClosed?.();
  });
  worker.on('error', (err) => {
    throw err;
  });
  return {
    ready,
    invoke(channel, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, channel, input });
      });
    },
    async close() {
      const closed = new Promise<void>((resolve) => (onClosed = resolve));
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' });
      await closed;
      await exited;
    },
  };
}
