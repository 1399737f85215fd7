/**
 * The IPC relay: checks the sender, validates the input against the contract, then answers the file channels in
 * main (dialogs and the user's files) and forwards every other channel to the backend worker. Main stays thin;
 * the backend validates again (the web harness reaches it directly).
 */
import type { IpcMain } from 'electron';
import { isFileChannel, parseCall, type Channel, type FileChannel, type InvokeResult } from '../../shared/api';
import { INVOKE_CHANNEL } from '../../shared/ipc-channel';
import { isTrustedSender, type SenderInfo } from './security';

export type Relay = (channel: Channel, input: unknown) => Promise<InvokeResult<Channel>>;
/** Main's own channels (file-service.ts), given the validated input and the calling page. */
export type MainHandler = (channel: FileChannel, input: unknown, event: SenderInfo) => Promise<InvokeResult<Channel>>;

export async function handleInvoke(
  event: SenderInfo,
  channel: unknown,
  input: unknown,
  relay: Relay,
  appRoot: string,
  devOrigin?: string,
  mainHandler?: MainHandler,
): Promise<InvokeResult<Channel>> {
  if (!isTrustedSender(event, appRoot, devOrigin)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ trang của ứng dụng nên bị từ chối.' } };
  }
  const call = parseCall(channel, input);
  if (!call.ok) return call;
  if (isFileChannel(call.channel)) {
    if (!mainHandler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kênh không tồn tại: ${call.channel}` } };
    return mainHandler(call.channel, call.input, event);
  }
  // Relay the raw input: the backend parses it again with the same schema (transforms are idempotent).
  return relay(call.channel, input ?? {});
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, relay: Relay, appRoot: string, devOrigin?: string, mainHandler?: MainHandler): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    handleInvoke(event as unknown as SenderInfo, channel, input, relay, appRoot, devOrigin, mainHandler),
  );
}
