/**
 * The bytes and suggested file name of what the user asked to save, from the backend (any `invoke` of the contract:
 * main's relay to the worker, or the web harness's backend) and a PDF printer (main: a hidden window; harness:
 * headless Chromium). Both hosts of `file.chooseSave` share it.
 */
import type { Channel, ExportSummary, Input, InvokeResult, Output, SaveSource } from '../../../shared/api';
import { planFileName } from '../../../shared/format/file-name';
import { ContractFailure } from './errors';

export type Invoke = (channel: Channel, input: unknown) => Promise<InvokeResult<Channel>>;

export async function callOrThrow<C extends Channel>(invoke: Invoke, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new ContractFailure(result.error);
  return result.data as Output<C>;
}

export interface ProducedFile {
  fileName: string;
  bytes: Uint8Array;
  /** An exchange package: what went in it. */
  exchange?: ExportSummary;
  /** To call once the bytes are on disk (or handed over as a download): an exchange package is then entered in the Sổ trao đổi. */
  written?: () => Promise<void>;
}

export async function produceSaveSource(source: SaveSource, invoke: Invoke, printPdf: (planId: string) => Promise<Uint8Array>): Promise<ProducedFile> {
  if (source.kind === 'backup.khbak') {
    const file = await callOrThrow(invoke, 'backup.exportFile', { passphrase: source.passphrase, includeOfficeKey: source.includeOfficeKey });
    return { fileName: file.fileName, bytes: Buffer.from(file.base64, 'base64') };
  }
  if (source.kind === 'tasks.xlsx') {
    const file = await callOrThrow(invoke, 'task.exportXlsx', source.filter);
    return { fileName: file.fileName, bytes: Buffer.from(file.base64, 'base64') };
  }
  if (source.kind === 'exchange.khx') {
    const { fileName, base64, ...summary } = await callOrThrow(invoke, 'exchange.exportPackage', { ...source.export, logWhenWritten: true });
    const written = async () => {
      await callOrThrow(invoke, 'exchange.packageWritten', { packageId: summary.packageId });
    };
    return { fileName, bytes: Buffer.from(base64, 'base64'), exchange: summary, written };
  }
  if (source.kind === 'exchange.khkey') {
    const card = await callOrThrow(invoke, 'exchange.exportKeyCard', {});
    return { fileName: card.fileName, bytes: Buffer.from(card.base64, 'base64') };
  }
  if (source.kind === 'plan.docx') {
    const file = await callOrThrow(invoke, 'plan.renderDocx', { id: source.id });
    return { fileName: file.fileName, bytes: Buffer.from(file.base64, 'base64') };
  }
  const plan = await callOrThrow(invoke, 'plan.get', { id: source.id });
  let bytes: Uint8Array;
  try {
    bytes = await printPdf(source.id);
  } catch (err) {
    throw new ContractFailure({ code: 'INTERNAL', message: `Không tạo được tệp PDF: ${err instanceof Error ? err.message : String(err)}` });
  }
  return { fileName: planFileName(plan, 'pdf'), bytes };
}
