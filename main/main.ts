import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, safeStorage, session, shell } from 'electron';
import { contentSecurityPolicy } from '../src/core/security/csp';
import { createHost, type Host } from '../src/host/createHost';
import { safeStorageKeyProvider } from '../src/host/secrets/keyProvider';
import { bindApi } from './ipc';
import { isAllowedExternalUrl, isAppUrl, type AppLocation } from './navigationPolicy';
import { mainWindowOptions } from './windowOptions';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

const development = !app.isPackaged;
const location: AppLocation = {
  devServerUrl: MAIN_WINDOW_VITE_DEV_SERVER_URL,
  indexFileUrl: pathToFileURL(join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}/index.html`)).href,
};

let host: Host | undefined;
let window: BrowserWindow | undefined;

function createWindow(): void {
  window = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.js')));
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (!development) contents.on('devtools-opened', () => contents.closeDevTools());
  window.once('ready-to-show', () => window?.show());
  if (location.devServerUrl) void window.loadURL(location.devServerUrl);
  else void window.loadURL(location.indexFileUrl);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, location)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_, __, callback) => callback(false));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy({ development })] },
      });
    });
    const dataDir = app.getPath('userData');
    // Secrets at rest are sealed with a key that the OS keychain (safeStorage) protects.
    host = createHost({ version: app.getVersion(), dataDir, shell: 'electron', keys: safeStorageKeyProvider(safeStorage, dataDir) });
    bindApi(host, (url) => isAppUrl(url, location));
    createWindow();
  });
  app.on('window-all-closed', () => {
    void host?.close();
    app.quit();
  });
}
