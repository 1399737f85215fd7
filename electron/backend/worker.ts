/**
 * worker_threads entry: the backend off the main process's thread. workerData: WorkerData. Protocol: worker-protocol.ts.
 * If the store cannot open (newer or damaged database), the worker stays up and answers every request with that error,
 * so the window can show the Vietnamese message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiError } from '../../shared/api';
import { translateError } from './errors';
import { installTerminationGuard } from './files/zlib';
import { createBackend, type Backend } from './index';
import type { WorkerData, WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');

const data = workerData as WorkerData;
if (data.terminationGuard) installTerminationGuard(new Int32Array(data.terminationGuard));
let backend: Backend | null = null;
let startError: ApiError | null = null;
try {
  backend = createBackend({
    dataDir: data.dataDir,
    resourcesDir: data.resourcesDir,
    appVersion: data.appVersion,
    automaticBackups: true,
    recoverDamaged: true,
  });
} catch (err) {
  startError = translateError(err).toApiError();
}

/** Post a reply; one that cannot be cloned (a value structured clone refuses) goes back as an error for its call. */
const reply = (message: WorkerReply): void => {
  try {
    port.postMessage(message);
  } catch {
    if ('id' in message) {
      port.postMessage({
        id: message.id,
        result: { ok: false, error: { code: 'INTERNAL', message: 'Kết quả của thao tác không gửi được về cửa sổ ứng dụng (dữ liệu không chuyển được).' } },
      } satisfies WorkerReply);
    }
  }
};
reply(backend ? { type: 'ready', ok: true, schemaVersion: backend.schemaVersion } : { type: 'ready', ok: false, error: startError! });

const requestId = (message: unknown): number | null => {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : null;
};

// Whatever arrives, the thread stays up: a malformed request is answered (when it names an id) or ignored.
port.on('message', async (message: WorkerRequest) => {
  const id = requestId(message);
  try {
    if (message && typeof message === 'object' && 'type' in message) {
      if (message.type === 'close') {
        backend?.close();
        backend = null;
        reply({ type: 'closed' });
        port.close();
      }
      return;
    }
    if (id === null) return;
    const { channel, input } = message as Extract<WorkerRequest, { id: number }>;
    if (!backend) {
      reply({ id, result: { ok: false, error: startError ?? { code: 'INTERNAL', message: 'Phần xử lý dữ liệu đã đóng.' } } });
      return;
    }
    reply({ id, result: await backend.invoke(channel, input) });
  } catch (err) {
    if (id !== null) reply({ id, result: { ok: false, error: translateError(err).toApiError() } });
  }
});
