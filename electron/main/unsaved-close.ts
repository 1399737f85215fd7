/**
 * Closing or reloading the window while the editor holds unsaved changes asks first. The renderer says so the
 * web way (a `beforeunload` handler that cancels, in renderer/src/editor/state/useUnsavedGuard.ts); Electron then
 * emits 'will-prevent-unload', and this asks the user with a native dialog. `event.preventDefault()` there means
 * "unload anyway".
 */
import type { BrowserWindow, Dialog, MessageBoxSyncOptions, WebContents } from 'electron';

export const unsavedCloseDialog: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Chưa lưu xong',
  message: 'Kế hoạch đang mở còn thay đổi chưa được lưu.',
  detail: 'Nếu đóng bây giờ, những thay đổi đó sẽ mất. Chọn "Ở lại" để chờ lưu xong hoặc sửa ô chưa hợp lệ.',
  buttons: ['Ở lại', 'Vẫn đóng'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

export function confirmUnsavedClose(
  contents: Pick<WebContents, 'on'>,
  window: BrowserWindow,
  dialog: Pick<Dialog, 'showMessageBoxSync'>,
): void {
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, unsavedCloseDialog);
    if (choice === 1) event.preventDefault();
  });
}
