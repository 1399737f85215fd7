/**
 * Main process: one window, security settings, Vietnamese menu, single-instance lock, and the IPC relay
 * to the backend worker. Everything else lives in the backend (plain Node) or the renderer.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BackendWorker } from './backend-worker';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { resolveDataDir } from './paths';
import { denyAllPermissions, enforceCsp, createSecureWindow, lockNavigation } from './security';
import { confirmUnsavedClose } from './unsaved-close';

const rendererDir = join(__dirname, '../renderer');
const appRoot = pathToFileURL(rendererDir + '/').href;
const devOrigin = process.env['ELECTRON_RENDERER_URL'];

let mainWindow: BrowserWindow | null = null;
let backend: BackendWorker | null = null;

function createWindow(): void {
  mainWindow = createSecureWindow(BrowserWindow, join(__dirname, '../preload/index.cjs'));
  lockNavigation(mainWindow.webContents, appRoot, devOrigin);
  confirmUnsavedClose(mainWindow.webContents, mainWindow, dialog);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  if (devOrigin) void mainWindow.loadURL(devOrigin);
  else void mainWindow.loadFile(join(rendererDir, 'index.html'));
  mainWindow.on('closed', () => (mainWindow = null));
}

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
    denyAllPermissions(session.defaultSession);
    enforceCsp(session.defaultSession);
    registerIpc(ipcMain, (channel, input) => worker.invoke(channel, input), appRoot, devOrigin);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    // Close the database cleanly before quitting.
    void (backend ? backend.stop() : Promise.resolve()).then(() => app.quit());
  });
}
