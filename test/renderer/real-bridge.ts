/**
 * window.kehoach backed by the REAL backend (SQLite in a temp folder), for component tests.
 * Calls cross a JSON boundary, as they do through the web harness, so nothing passes by reference.
 *
 *   const bridge = installRealBridge();      // fresh temp data folder
 *   ...render, interact...
 *   bridge.reopen();                          // same folder, new backend: "restart the app"
 *   bridge.dispose();                         // close the database, delete the folder
 *
 * The file channels (answered by main in the app) go through main's real relay to the handler given as `files`
 * (main's file service with Electron's dialog replaced); without it they fail as an unknown channel would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/index';
import { isFileChannel, type Channel, type Input, type InvokeResult, type KehoachBridge, type Output } from '../../shared/api';
import { handleInvoke, type MainHandler } from '../../electron/main/ipc';

const APP_ROOT = 'file:///app/out/renderer/';
const APP_PAGE = { senderFrame: { url: `${APP_ROOT}index.html`, parent: null } };

export interface RecordedCall {
  channel: string;
  input: unknown;
  ok: boolean;
}

export interface RealBridge {
  readonly dataDir: string;
  /** The backend currently behind window.kehoach. */
  readonly backend: Backend;
  /** Every call made through window.kehoach, in order. */
  readonly calls: RecordedCall[];
  /** Call the backend directly (test set-up and assertions); throws on an error result. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Close the backend and open a new one on the same folder (what a restart does). */
  reopen(): void;
  /** Close the backend, remove window.kehoach and delete the temp folder. */
  dispose(): void;
}

const overJson = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function installRealBridge(options: { dataDir?: string; files?: MainHandler; clock?: () => number } = {}): RealBridge {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kehoach-renderer-'));
  // jsdom replaces the global URL, so the backend's default resources path (new URL(..., import.meta.url)) breaks
  // under it: name the folder explicitly.
  const open = () => createBackend({ dataDir, resourcesDir: join(import.meta.dirname, '..', '..', 'resources'), clock: options.clock });
  let backend = open();
  const calls: RecordedCall[] = [];

  const bridge: KehoachBridge = {
    invoke: async <C extends Channel>(channel: C, input: Input<C>): Promise<InvokeResult<C>> => {
      const answer =
        isFileChannel(channel) && options.files
          ? handleInvoke(APP_PAGE, channel, overJson(input), (c, i) => backend.invoke(c, i), APP_ROOT, undefined, options.files)
          : backend.invoke(channel, overJson(input));
      const result = overJson(await answer) as InvokeResult<C>;
      calls.push({ channel, input, ok: result.ok });
      return result;
    },
  };
  (window as Window & { kehoach?: KehoachBridge }).kehoach = bridge;

  return {
    dataDir,
    get backend() {
      return backend;
    },
    calls,
    async call(channel, input) {
      const result = await backend.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data;
    },
    reopen() {
      backend.close();
      backend = open();
    },
    dispose() {
      backend.close();
      Reflect.deleteProperty(window, 'kehoach');
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
