/**
 * Closing the window while the editor holds unsaved changes: the renderer's beforeunload makes Electron emit
 * 'will-prevent-unload'; main asks with a native dialog. Electron's objects are replaced at their boundary.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';
import { confirmUnsavedClose, unsavedCloseDialog } from '../../electron/main/unsaved-close';

function setUp(answer: number) {
  const contents = new EventEmitter();
  const window = { id: 1 } as unknown as BrowserWindow;
  const asked: { window: unknown; options: MessageBoxSyncOptions }[] = [];
  const dialog = {
    showMessageBoxSync: ((w: unknown, options: MessageBoxSyncOptions) => {
      asked.push({ window: w, options });
      return answer;
    }) as never,
  };
  confirmUnsavedClose(contents as never, window, dialog);
  const unload = () => {
    let unloadAnyway = false;
    contents.emit('will-prevent-unload', { preventDefault: () => (unloadAnyway = true) });
    return unloadAnyway;
  };
  return { asked, window, unload };
}

describe('closing with unsaved changes', () => {
  it('asks in Vietnamese, on the window, with "Ở lại" as the safe default', () => {
    const { asked, window, unload } = setUp(0);
    expect(unload()).toBe(false);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.window).toBe(window);
    expect(asked[0]!.options.message).toMatch(/chưa được lưu/);
    expect(asked[0]!.options.buttons).toEqual(['Ở lại', 'Vẫn đóng']);
    expect(asked[0]!.options.defaultId).toBe(0);
    expect(asked[0]!.options.cancelId).toBe(0);
    expect(unsavedCloseDialog.type).toBe('warning');
  });

  it('closes only when the user chooses "Vẫn đóng"', () => {
    expect(setUp(1).unload()).toBe(true);
  });
});
