/**
 * Where USB sticks are mounted, so the dialogs for files that travel on one (.khx packages, .khkey cards, .khbak
 * backups) start there. Electron has no API that says which drives are removable; the desktop's own mount folders
 * do: Linux udisks mounts under /run/media/<user>/ or /media/<user>/, macOS under /Volumes/ (the system disk is a
 * link there). On Windows nothing is read (telling a stick from a disk needs a native call): the dialog opens where
 * the user last was, and the stick is one click away in its side panel.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind } from '../../shared/api';

/** The kinds of files carried on a USB stick. */
export const STICK_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['khx', 'khkey', 'khbak']);

/** The folders under which this platform mounts removable drives for `user`. */
export function mountRoots(platform: NodeJS.Platform, user: string): string[] {
  if (platform === 'linux') return [`/run/media/${user}`, `/media/${user}`];
  if (platform === 'darwin') return ['/Volumes'];
  return [];
}

/** The mounted drives (folders, not links: /Volumes/Macintosh HD is one) under those roots, by name. */
export function removableDrives(roots: readonly string[]): string[] {
  const out: string[] = [];
  for (const root of roots) {
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      try {
        if (lstatSync(join(root, name)).isDirectory()) out.push(join(root, name));
      } catch {
        // gone meanwhile
      }
    }
  }
  return out;
}
