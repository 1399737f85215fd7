// @vitest-environment jsdom
/**
 * What the window shows when the data is not simply writable: a read-only store (a read-only mount) shows a banner
 * and a save says it cannot store; a plan whose current revision is damaged on disk opens at its newest intact
 * revision with a message; a save on a full disk says so, keeps the text and goes through once space is freed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import { flipByteOfRevision } from '../backend/fixtures/damage';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/backend/db/open';
import { createPlan, installRealBridge, openEditor, blankHuyenUy, storedPlan, untilStored } from './editor/editor-harness';

/** Mount what `args` says on a fresh folder; null with a warning when this machine cannot. */
function mountOrWarn(what: string, args: (dir: string) => string[][]): { dir: string; undo: () => void } | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-mount-'));
  for (const a of args(dir)) {
    const r = spawnSync(a[0]!, a.slice(1));
    const reason = r.error?.message ?? (r.status === 0 ? '' : r.stderr.toString().trim());
    if (reason) {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
      console.warn(`${what} skipped: ${reason}`);
      return { reason };
    }
  }
  return {
    dir,
    undo: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('the data in trouble, as the window shows it', () => {
  it('a read-only store: a banner on every page, and a save says it cannot store', async (ctx) => {
    const source = mkdtempSync(join(tmpdir(), 'kehoach-ro-src-'));
    const writer = installRealBridge({ dataDir: source });
    const plan = await createPlan(writer, blankHuyenUy);
    writer.dispose();
    mkdirSync(source, { recursive: true });
    const mount = mountOrWarn('Read-only banner test', (dir) => [
      ['mount', '--bind', source, dir],
      ['mount', '-o', 'remount,bind,ro', dir],
    ]);
    if ('reason' in mount) {
      rmSync(source, { recursive: true, force: true });
      return ctx.skip(`cannot make a read-only mount: ${mount.reason}`);
    }
    const bridge = installRealBridge({ dataDir: mount.dir });
    try {
      expect(bridge.backend.readOnly).toBe(true);
      const { user } = await openEditor(bridge, plan);
      expect(await screen.findByTestId('read-only-banner')).toHaveTextContent(/chỉ đọc/);
      const trichYeu = screen.getByRole('textbox', { name: /Trích yếu/ });
      await user.type(trichYeu, ' thêm');
      await waitFor(() => expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'error'), { timeout: 5000 });
      expect(trichYeu).toHaveValue(`${plan.trichYeu} thêm`);
    } finally {
      bridge.backend.close();
      mount.undo();
      rmSync(source, { recursive: true, force: true });
    }
  }, 30_000);

  it('a plan whose current revision is damaged opens at its newest intact revision, with a message', async () => {
    const bridge = installRealBridge();
    try {
      const plan = await createPlan(bridge, blankHuyenUy);
      const saved = await bridge.call('plan.save', { ...plan, trichYeu: 'Bản sẽ bị hỏng', baseRevision: plan.revision });
      bridge.backend.close();
      expect(flipByteOfRevision(bridge.dataDir, plan.id, saved.revision)).toBeGreaterThan(0);
      bridge.reopen();
      await openEditor(bridge, plan);
      expect(await screen.findByTestId('damaged-revisions')).toHaveTextContent(`Phiên bản ${saved.revision} của kế hoạch này bị hỏng`);
      expect(screen.getByRole('textbox', { name: /Trích yếu/ })).toHaveValue(plan.trichYeu);
    } finally {
      bridge.dispose();
    }
  }, 30_000);

  it('a full disk: the save status says so, the text stays, and it is saved once space is freed', async (ctx) => {
    const mount = mountOrWarn('Full-disk editor test', (dir) => [['mount', '-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]]);
    if ('reason' in mount) return ctx.skip(`cannot mount a tmpfs: ${mount.reason}`);
    const dataDir = join(mount.dir, 'data');
    const bridge = installRealBridge({ dataDir });
    try {
      const plan = await createPlan(bridge, blankHuyenUy);
      const { user } = await openEditor(bridge, plan);
      // Empty the WAL first (its file is reused in place), so the next save needs new space on the disk.
      const other = new Database(join(dataDir, DATABASE_FILE));
      other.pragma('wal_checkpoint(TRUNCATE)');
      other.close();
      const fd = openSync(join(mount.dir, 'filler'), 'w');
      try {
        for (const chunk = Buffer.alloc(16 * 1024); ; ) writeSync(fd, chunk);
      } catch {
        // ENOSPC: the disk is full
      } finally {
        closeSync(fd);
      }
      const trichYeu = screen.getByRole('textbox', { name: /Trích yếu/ });
      await user.type(trichYeu, ' thêm');
      await waitFor(() => expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'error'), { timeout: 10_000 });
      const shown = (trichYeu as HTMLTextAreaElement).value;
      expect((await storedPlan(bridge, plan.id)).trichYeu).not.toBe(shown);
      rmSync(join(mount.dir, 'filler'));
      // The retry (every 5 s) stores what is shown, without another keystroke.
      await untilStored(bridge, plan.id, (p) => expect(p.trichYeu).toBe(shown), 15_000);
      await waitFor(() => expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'saved'), { timeout: 5000 });
    } finally {
      bridge.dispose();
      mount.undo();
    }
  }, 90_000);
});
