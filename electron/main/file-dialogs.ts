/**
 * The native open and save dialogs, one at a time per window (a second request while one is open answers
 * "cancelled", as VS Code's dialog service does), starting in the folder the user last chose.
 * `dialog` is Electron's, passed in so tests drive the real code.
 */
import type { BaseWindow, Dialog, FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, dirname, extname, join } from 'node:path';
import { FILE_KINDS, type FileKind } from '../../shared/api';
import { STICK_KINDS } from './removable-drives';

export type DialogApi = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;

export interface NativeDialogs {
  /** The path the user chose to save `suggestedName` to, with the kind's extension; null when cancelled. */
  chooseSavePath(window: BaseWindow | null, suggestedName: string, kind: FileKind): Promise<string | null>;
  /** The path of the file the user chose to open; null when cancelled. */
  chooseOpenPath(window: BaseWindow | null, kinds: readonly FileKind[]): Promise<string | null>;
  /** The paths of the files the user chose (several allowed); empty when cancelled. */
  chooseOpenPaths(window: BaseWindow | null, kinds: readonly FileKind[]): Promise<string[]>;
}

export const fileFilter = (kind: FileKind): FileFilter => ({ name: FILE_KINDS[kind].label, extensions: [...FILE_KINDS[kind].extensions] });

/** macOS answers in decomposed Unicode; Vietnamese names are shown and compared composed. */
const normalizePath = (path: string, platform: NodeJS.Platform): string => (platform === 'darwin' ? path.normalize('NFC') : path);

/** Add the kind's extension when the user typed a name without it (Linux dialogs do not add it). */
export function withExtension(path: string, kind: FileKind): string {
  const allowed: readonly string[] = FILE_KINDS[kind].extensions;
  return allowed.includes(extname(path).slice(1).toLowerCase()) ? path : `${path}.${allowed[0]}`;
}

export function createNativeDialogs(
  dialog: DialogApi,
  startFolder: () => string,
  platform: NodeJS.Platform = process.platform,
  /** Mounted removable drives (removable-drives.ts), first where the files that travel on a stick are opened or saved. */
  removable: () => readonly string[] = () => [],
): NativeDialogs {
  let lastFolder: string | null = null;

  /** A stick's file starts on a mounted stick (unless the last folder is on one already); others where the user was. */
  function firstFolder(kinds: readonly FileKind[]): string {
    if (kinds.some((k) => STICK_KINDS.has(k))) {
      const drives = removable();
      const onDrive = lastFolder !== null && drives.some((d) => lastFolder === d || lastFolder!.startsWith(`${d}/`));
      if (drives.length > 0 && !onDrive) return drives[0]!;
    }
    return lastFolder ?? startFolder();
  }
  const open = new Set<BaseWindow | null>();

  async function oneAtATime<T>(window: BaseWindow | null, show: () => Promise<T>, cancelled: T): Promise<T> {
    if (open.has(window)) return cancelled;
    open.add(window);
    try {
      return await show();
    } finally {
      open.delete(window);
    }
  }

  const showOpen = (window: BaseWindow | null, kinds: readonly FileKind[], many: boolean): Promise<string[]> =>
    oneAtATime(
      window,
      async () => {
        const options: OpenDialogOptions = {
          title: 'Mở tệp',
          buttonLabel: 'Mở',
          defaultPath: firstFolder(kinds),
          filters: kinds.map(fileFilter),
          properties: many ? ['openFile', 'multiSelections'] : ['openFile'],
        };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        if (result.canceled || result.filePaths.length === 0) return [];
        const paths = result.filePaths.map((p) => normalizePath(p, platform));
        lastFolder = dirname(paths[0]!);
        return paths;
      },
      [],
    );

  return {
    chooseSavePath: (window, suggestedName, kind) =>
      oneAtATime(
        window,
        async () => {
          const options: SaveDialogOptions = {
            title: 'Lưu tệp',
            buttonLabel: 'Lưu',
            defaultPath: join(firstFolder([kind]), basename(suggestedName)),
            filters: [fileFilter(kind)],
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          };
          const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
          if (result.canceled || !result.filePath) return null;
          const path = withExtension(normalizePath(result.filePath, platform), kind);
          lastFolder = dirname(path);
          return path;
        },
        null,
      ),

    chooseOpenPath: async (window, kinds) => (await showOpen(window, kinds, false))[0] ?? null,
    chooseOpenPaths: (window, kinds) => showOpen(window, kinds, true),
  };
}
