/**
 * Main's side of the file channels: `file.chooseSave` (produce the bytes, ask where, write safely, read back),
 * `file.chooseOpen` (ask which file, hand out a token) and `file.read` (the token's bytes). Electron's dialog and
 * the PDF printer come in as parameters, so tests drive this very code.
 */
import type { BaseWindow } from 'electron';
import { basename } from 'node:path';
import { maxOpenBytesFor, saveSourceKind, type ChooseOpenManyOutput, type ChooseOpenOutput, type ChooseSaveOutput, type FileKind, type OpenEvidenceOutput, type ParsedInput, type ReadOutput, type SaveSource } from '../../shared/api';
import { ContractFailure, fileApiError, fileMessages } from '../backend/files/errors';
import { chosenFileSize, readChosenFile } from '../backend/files/read-file';
import { safeWriteFile } from '../backend/files/safe-write';
import { produceSaveSource, type Invoke } from '../backend/files/save-source';
import type { NativeDialogs } from './file-dialogs';
import { openEvidence, type OpenEvidenceDeps } from './open-evidence';
import type { MainHandler } from './ipc';
import type { PathTokens } from './path-tokens';
import type { SenderInfo } from './security';

export interface FileServiceDeps {
  /** The backend (the worker relay). */
  invoke: Invoke;
  dialogs: NativeDialogs;
  /** The plan's print route as PDF bytes (print-to-pdf.ts). */
  printPdf: (planId: string) => Promise<Uint8Array>;
  tokens: PathTokens;
  /** Opening an evidence file with the system's viewer (open-evidence.ts): a folder for copies and shell.openPath. */
  evidence?: Omit<OpenEvidenceDeps, 'invoke'>;
  /** The safe write; replaceable only to observe it. */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

export interface FileService {
  chooseSave(input: { source: SaveSource }, window: BaseWindow | null): Promise<ChooseSaveOutput>;
  chooseOpen(input: { kinds: FileKind[] }, window: BaseWindow | null): Promise<ChooseOpenOutput>;
  chooseOpenMany(input: { kinds: FileKind[] }, window: BaseWindow | null): Promise<ChooseOpenManyOutput>;
  read(input: { token: string }): Promise<ReadOutput>;
  openEvidence(input: { sha256: string }): Promise<OpenEvidenceOutput>;
}

export function createFileService(deps: FileServiceDeps): FileService {
  const write = deps.writeFile ?? ((path: string, data: Uint8Array) => safeWriteFile(path, data));
  return {
    async chooseSave({ source }, window) {
      // The bytes first: a plan that cannot be rendered is said so before any dialog.
      const file = await produceSaveSource(source, deps.invoke, deps.printPdf);
      const path = await deps.dialogs.chooseSavePath(window, file.fileName, saveSourceKind(source));
      if (!path) return { saved: false };
      await write(path, file.bytes);
      await file.written?.();
      return { saved: true, fileName: basename(path), ...(file.exchange ? { exchange: file.exchange } : {}) };
    },

    async chooseOpen({ kinds }, window) {
      const path = await deps.dialogs.chooseOpenPath(window, kinds);
      if (!path) return { opened: false };
      const size = await chosenFileSize(path, maxOpenBytesFor(basename(path))); // fail now, while the user remembers what they chose
      return { opened: true, token: deps.tokens.issue(path), fileName: basename(path), size };
    },

    async chooseOpenMany({ kinds }, window) {
      const paths = await deps.dialogs.chooseOpenPaths(window, kinds);
      const files = [];
      for (const path of paths) {
        const size = await chosenFileSize(path, maxOpenBytesFor(basename(path)));
        files.push({ token: deps.tokens.issue(path), fileName: basename(path), size });
      }
      return { files };
    },

    async read({ token }) {
      const path = deps.tokens.take(token);
      if (!path) throw new ContractFailure({ code: 'NOT_FOUND', message: fileMessages.tokenSpent });
      const data = await readChosenFile(path, maxOpenBytesFor(basename(path)));
      return { fileName: basename(path), base64: data.toString('base64') };
    },

    async openEvidence(input) {
      if (!deps.evidence) throw new ContractFailure({ code: 'INTERNAL', message: 'Chưa cấu hình cách mở tệp minh chứng.' });
      return openEvidence(input, { ...deps.evidence, invoke: deps.invoke });
    },
  };
}

/** The file channels as main's IPC handler: each call gets the window it came from (the dialog's parent). */
export function answerFileChannels(service: FileService, windowOf: (event: SenderInfo) => BaseWindow | null): MainHandler {
  return async (channel, input, event) => {
    try {
      const window = windowOf(event);
      switch (channel) {
        case 'file.chooseSave':
          return { ok: true, data: await service.chooseSave(input as ParsedInput<'file.chooseSave'>, window) };
        case 'file.chooseOpen':
          return { ok: true, data: await service.chooseOpen(input as ParsedInput<'file.chooseOpen'>, window) };
        case 'file.chooseOpenMany':
          return { ok: true, data: await service.chooseOpenMany(input as ParsedInput<'file.chooseOpenMany'>, window) };
        case 'file.read':
          return { ok: true, data: await service.read(input as ParsedInput<'file.read'>) };
        case 'file.openEvidence':
          return { ok: true, data: await service.openEvidence(input as ParsedInput<'file.openEvidence'>) };
      }
    } catch (err) {
      return { ok: false, error: fileApiError(err) };
    }
  };
}
