/**
 * Main process: one window, security settings, Vietnamese menu, single-instance lock, the IPC relay to the
 * backend worker, and the user's files (dialogs, safe writes, PDF from a hidden print window). Everything else
 * lives in the backend (plain Node) or the renderer.
 */
import { userInfo } from 'node:os';
import { mountRoots, removableDrives } from './removable-drives';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { APP_ROOT, appPageUrl, registerAppScheme, serveAppProtocol } from './app-protocol';
import { BackendWorker } from './backend-worker';
import { createNativeDialogs } from './file-dialogs';
import { answerFileChannels, createFileService } from './file-service';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { createPathTokens } from './path-tokens';
import { resolveDataDir } from './paths';
import { printRouteToPdf, type OpenPrintWindow } from './print-to-pdf';
import { denyAllPermissions, enforceCsp, createSecureWindow, lockNavigation, rendererDevOrigin } from './security';
import { notifyTasksOncePerDay } from './task-notice';
import { confirmUnsavedClose } from './unsaved-close';
import { localToday } from '../../shared/tasks/deadline';

const rendererDir = join(__dirname, '../renderer');
// The pages come from app://kehoach/ (app-protocol.ts), not from files; a dev server only when not packaged.
const appRoot = APP_ROOT;
const devOrigin = rendererDevOrigin(process.env, app.isPackaged);
registerAppScheme(protocol);
const preloadPath = join(__dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;
let backend: BackendWorker | null = null;

function createWindow(): void {
  mainWindow = createSecureWindow(BrowserWindow, preloadPath);
  lockNavigation(mainWindow.webContents, appRoot, devOrigin);
  confirmUnsavedClose(mainWindow.webContents, mainWindow, dialog);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(appPageUrl(undefined, devOrigin));
  mainWindow.on('closed', () => (mainWindow = null));
}

/** A hidden app window on a route of the renderer (Xuất PDF prints `/print/:id` in one). */
const openPrintWindow: OpenPrintWindow = async (route) => {
  const win = createSecureWindow(BrowserWindow, preloadPath, 'print');
  try {
    await win.loadURL(appPageUrl(route, devOrigin));
  } catch (err) {
    win.destroy();
    throw err;
  }
  return win;
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_e, contents) => lockNavigation(contents, appRoot, devOrigin));

  void app.whenReady().then(() => {
    const { dataDir } = resolveDataDir({
      portableExecutableDir: process.env['PORTABLE_EXECUTABLE_DIR'],
      exePath: app.getPath('exe'),
      userDataDir: app.getPath('userData'),
    });
    backend = new BackendWorker(join(__dirname, 'worker.js'), {
      dataDir,
      // electron-builder copies resources/templates to <resources>/templates (extraResources).
      resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
      appVersion: app.getVersion(),
    });
    const worker = backend;
    serveAppProtocol(protocol, rendererDir);
    denyAllPermissions(session.defaultSession);
    enforceCsp(session.defaultSession);
    const files = createFileService({
      invoke: (channel, input) => worker.invoke(channel, input),
      dialogs: createNativeDialogs(dialog, () => app.getPath('documents'), process.platform, () => removableDrives(mountRoots(process.platform, userInfo().username))),
      printPdf: (planId) => printRouteToPdf(openPrintWindow, planId),
      tokens: createPathTokens(),
      evidence: { tempDir: app.getPath('temp'), openPath: (path) => shell.openPath(path) },
    });
    const windowOf = (event: unknown) => BrowserWindow.fromWebContents((event as IpcMainInvokeEvent).sender);
    registerIpc(ipcMain, (channel, input) => worker.invoke(channel, input), appRoot, devOrigin, answerFileChannels(files, windowOf));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
    createWindow();
    // Once a day at most: what is overdue and what falls due this week, as a system notification.
    if (Notification.isSupported()) {
      void notifyTasksOncePerDay({
        dataDir,
        today: localToday(),
        summary: (input) => worker.invoke('task.summary', input),
        show: ({ title, body }) => {
          const notice = new Notification({ title, body });
          notice.on('click', () => mainWindow?.focus());
          notice.show();
        },
      }).catch(() => undefined);
    }
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    // Close the database cleanly before quitting.
    void (backend ? backend.stop() : Promise.resolve()).then(() => app.quit());
  });
}
