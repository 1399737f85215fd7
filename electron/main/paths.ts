/**
 * Where data lives. Installed: the user's data folder. Portable (the portable .exe, or a
 * `portable.flag` file beside the executable): a `KeHoachData` folder beside the executable,
 * so the whole app with its data can travel on a USB stick.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PathInputs {
  /** electron-builder's portable target sets PORTABLE_EXECUTABLE_DIR. */
  portableExecutableDir?: string | undefined;
  exePath: string;
  userDataDir: string;
}

export function resolveDataDir(p: PathInputs): { dataDir: string; portable: boolean } {
  if (p.portableExecutableDir) return { dataDir: join(p.portableExecutableDir, 'KeHoachData'), portable: true };
  const exeDir = dirname(p.exePath);
  if (existsSync(join(exeDir, 'portable.flag'))) return { dataDir: join(exeDir, 'KeHoachData'), portable: true };
  return { dataDir: p.userDataDir, portable: false };
}
