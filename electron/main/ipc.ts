/**
 * The IPC relay: checks the sender, validates the input against the contract, forwards to the
 * backend worker. Main stays thin; the backend validates again (the web harness reaches it directly).
 */
import type { IpcMain } from 'electron';
import { parseCall, type Channel, type InvokeResult } from '../../shared/api';
import { INVOKE_CHANNEL } from '../../shared/ipc-channel';
import { isTrustedSender, type SenderInfo } from './security';

export type Relay = (channel: Channel, input: unknown) => Promise<InvokeResult<Channel>>;

export async function handleInvoke(
  event: SenderInfo,
  channel: unknown,
  input: unknown,
  relay: Relay,
  appRoot: string,
  devOrigin?: string,
): Promise<InvokeResult<Channel>> {
  if (!isTrustedSender(event, appRoot, devOrigin)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ trang của ứng dụng nên bị từ chối.' } };
  }
  const call = parseCall(channel, input);
  if (!call.ok) return call;
  // Relay the raw input: the backend parses it again with the same schema (transforms are idempotent).
  return relay(call.channel, input ?? {});
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, relay: Relay, appRoot: string, devOrigin?: string): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    handleInvoke(event as unknown as SenderInfo, channel, input, relay, appRoot, devOrigin),
  );
}
