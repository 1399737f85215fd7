/**
 * The preload exposes exactly one thing: the contract's typed `invoke`. Nothing else from Node or
 * Electron reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { KehoachBridge } from '../../shared/api';
import { INVOKE_CHANNEL } from '../../shared/ipc-channel';

const bridge: KehoachBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
};

contextBridge.exposeInMainWorld('kehoach', bridge);
