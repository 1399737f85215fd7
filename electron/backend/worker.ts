/**
 * worker_threads entry: the backend off the main process's thread. workerData: WorkerData. Protocol: worker-protocol.ts.
 * If the store cannot open (newer or damaged database), the worker stays up and answers every request with that error,
 * so the window can show the Vietnamese message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiError } from '../../shared/api';
import { BackendError } from './errors';
import { createBackend, type Backend } from './index';
import type { WorkerData, WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');

const data = workerData as WorkerData;
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
  startError =
    err instanceof BackendError
      ? err.toApiError()
      : { code: 'INTERNAL', message: `Không khởi động được phần xử lý dữ liệu: ${err instanceof Error ? err.message : String(err)}` };
}

const reply = (message: WorkerReply) => port.postMessage(message);
reply(backend ? { type: 'ready', ok: true, schemaVersion: backend.schemaVersion } : { type: 'ready', ok: false, error: startError! });

port.on('message', async (message: WorkerRequest) => {
  if ('type' in message) {
    if (message.type === 'close') {
      backend?.close();
      backend = null;
      reply({ type: 'closed' });
      port.close();
    }
    return;
  }
  const { id, channel, input } = message;
  if (!backend) {
    reply({ id, result: { ok: false, error: startError ?? { code: 'INTERNAL', message: 'Phần xử lý dữ liệu đã đóng.' } } });
    return;
  }
  reply({ id, result: await backend.invoke(channel, input) });
});
