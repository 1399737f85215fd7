/**
 * Runs the backend in a worker_threads worker and relays calls to it, so SQLite and docx packing
 * never block the main process. One in-flight map keyed by call id.
 */
import { Worker } from 'node:worker_threads';
import type { InvokeResult, Channel } from '../../shared/api';
import type { WorkerReply, WorkerRequest } from '../backend/worker-protocol';

export interface WorkerConfig {
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
}

type Pending = { resolve: (r: InvokeResult<Channel>) => void };

export class BackendWorker {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(workerFile: string, config: WorkerConfig) {
    this.worker = new Worker(workerFile, { workerData: config });
    this.worker.on('message', (msg: WorkerReply) => {
      if (!('id' in msg)) return; // 'ready' / 'closed' notices; a failed open answers every call with its error
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        p.resolve(msg.result);
      }
    });
    this.worker.on('error', (err) => this.failAll(err instanceof Error ? err.message : String(err)));
    this.worker.on('exit', (code) => this.failAll(`tiến trình xử lý dữ liệu đã dừng (mã ${code})`));
  }

  invoke<C extends Channel>(channel: C, input: unknown): Promise<InvokeResult<C>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'] });
      this.worker.postMessage({ id, channel, input } satisfies WorkerRequest);
    });
  }

  /** Close the database cleanly (checkpoint, release locks), then end the thread; terminate after 3 s regardless. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.worker.on('message', (msg: WorkerReply) => 'type' in msg && msg.type === 'closed' && resolve());
      this.worker.once('exit', () => resolve());
      setTimeout(resolve, 3000).unref();
    });
    this.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    await closed;
    await this.worker.terminate();
  }

  private failAll(reason: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve({ ok: false, error: { code: 'INTERNAL', message: `Lỗi hệ thống: ${reason}` } });
    }
  }
}
