/**
 * Runs the backend in a worker_threads worker and relays calls to it, so SQLite and docx packing never block the
 * main process. One in-flight map keyed by call id.
 *
 * The relay never hangs: every call has a timeout; a reply that cannot cross (`messageerror`), a crash or an exit of
 * the thread fail the pending calls with a Vietnamese message; the next call starts a new thread, which reopens the
 * database. A thread that answered nothing for a whole timeout is taken as stuck and replaced.
 */
import { Worker } from 'node:worker_threads';
import type { ApiError, Channel, InvokeResult } from '../../shared/api';
import { claimForTermination, newTerminationGuard } from '../backend/files/termination-guard';
import type { WorkerData, WorkerReply, WorkerRequest } from '../backend/worker-protocol';

export interface WorkerConfig {
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
}

export interface BackendWorkerOptions {
  /** How long a call may take before it fails (default 60 s: a large export is slow, a stuck thread is not). */
  callTimeoutMs?: number;
  /** Called with each thread started (the first and every restart), and how to end it safely (as the relay does). */
  onStart?: (worker: Worker, terminate: () => Promise<number>) => void;
}

export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

type Pending = { resolve: (r: InvokeResult<Channel>) => void; timer: NodeJS.Timeout; postedAt: number };

const failure = (message: string): InvokeResult<Channel> => ({ ok: false, error: { code: 'INTERNAL', message } satisfies ApiError });

export const relayMessages = {
  timeout: (seconds: number) => `Phần xử lý dữ liệu không trả lời sau ${seconds} giây. Thao tác có thể chưa hoàn tất; hãy thử lại.`,
  stuck: (seconds: number) =>
    `Phần xử lý dữ liệu không trả lời sau ${seconds} giây nên đã được khởi động lại. Thao tác đang làm có thể chưa được lưu; hãy thử lại.`,
  stopped: (code: number) =>
    `Phần xử lý dữ liệu đã dừng bất ngờ (mã ${code}). Thao tác đang làm có thể chưa được lưu; ứng dụng sẽ mở lại dữ liệu ở thao tác tiếp theo, hãy thử lại.`,
  crashed: (detail: string) =>
    `Phần xử lý dữ liệu gặp lỗi và đã dừng (${detail}). Thao tác đang làm có thể chưa được lưu; hãy thử lại.`,
  unreadable:
    'Không nhận được kết quả từ phần xử lý dữ liệu (dữ liệu trả về không đọc được, có thể do nội dung lồng quá sâu). Hãy thử lại.',
  unsendable: 'Không gửi được dữ liệu tới phần xử lý dữ liệu (dữ liệu không chuyển được). Hãy kiểm tra nội dung rồi thử lại.',
  closed: 'Phần xử lý dữ liệu đã đóng.',
};

export class BackendWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private lastReplyAt = 0;
  private stopped = false;
  private readonly timeoutMs: number;
  private readonly guards = new WeakMap<Worker, Int32Array>();

  constructor(
    private readonly workerFile: string | URL,
    private readonly config: WorkerConfig,
    private readonly options: BackendWorkerOptions = {},
  ) {
    this.timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    this.start();
  }

  invoke<C extends Channel>(channel: C, input: unknown, callOptions: { timeoutMs?: number } = {}): Promise<InvokeResult<C>> {
    if (this.stopped) return Promise.resolve(failure(relayMessages.closed) as InvokeResult<C>);
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const timeoutMs = callOptions.timeoutMs ?? this.timeoutMs;
    return new Promise((resolve) => {
      const postedAt = performance.now();
      const timer = setTimeout(() => this.timedOut(id, worker, postedAt, timeoutMs), timeoutMs);
      this.pending.set(id, { resolve: resolve as Pending['resolve'], timer, postedAt });
      try {
        worker.postMessage({ id, channel, input } satisfies WorkerRequest);
      } catch {
        this.settle(id, failure(relayMessages.unsendable));
      }
    });
  }

  /** Close the database cleanly (checkpoint, release locks), then end the thread; terminate after 3 s regardless. */
  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.failAll(relayMessages.closed);
    if (!worker) return;
    const closed = new Promise<void>((resolve) => {
      worker.on('message', (msg: WorkerReply) => 'type' in msg && msg.type === 'closed' && resolve());
      worker.once('exit', () => resolve());
      setTimeout(resolve, 3000).unref();
    });
    worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    await closed;
    await this.terminate(worker);
  }

  /**
   * Ends a thread without ever landing inside a native zlib call, which would abort the whole process (see
   * backend/files/zlib.ts): the thread is parked at its guard first.
   */
  private async terminate(worker: Worker): Promise<number> {
    const guard = this.guards.get(worker);
    if (guard) await claimForTermination(guard);
    return worker.terminate();
  }

  private start(): Worker {
    const guard = newTerminationGuard();
    const workerData: WorkerData = { ...this.config, terminationGuard: guard.buffer };
    const worker = new Worker(this.workerFile, { workerData });
    this.guards.set(worker, guard.state);
    this.worker = worker;
    worker.on('message', (msg: WorkerReply) => {
      if (worker !== this.worker) return;
      this.lastReplyAt = performance.now();
      if (!('id' in msg)) return; // 'ready' / 'closed' notices; a failed open answers every call with its error
      this.settle(msg.id, msg.result);
    });
    // A reply that cannot be deserialised names no call: every call in flight fails, the thread itself is fine.
    worker.on('messageerror', () => {
      if (worker !== this.worker) return;
      this.lastReplyAt = performance.now();
      this.failAll(relayMessages.unreadable);
    });
    worker.on('error', (err) => this.ended(worker, relayMessages.crashed(err instanceof Error ? err.message : String(err))));
    worker.on('exit', (code) => this.ended(worker, relayMessages.stopped(code)));
    this.options.onStart?.(worker, () => this.terminate(worker));
    return worker;
  }

  /** The thread is gone: fail what it held; the next call starts a new one. */
  private ended(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.failAll(reason);
  }

  private timedOut(id: number, worker: Worker, postedAt: number, timeoutMs: number): void {
    if (!this.pending.has(id)) return;
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    // Nothing at all came back since this call was sent: the thread is stuck, replace it.
    if (worker === this.worker && this.lastReplyAt < postedAt) {
      this.worker = null;
      this.failAll(relayMessages.stuck(seconds));
      void this.terminate(worker);
    } else {
      this.settle(id, failure(relayMessages.timeout(seconds)));
    }
  }

  private settle(id: number, result: InvokeResult<Channel>): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(result);
  }

  private failAll(message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, failure(message));
  }
}
