/**
 * Electron entry: wires the app lifecycle to the small modules next to this file. All logic
 * lives in those modules (unit-tested with fakes); this file only passes Electron's APIs in.
 */
import {
  app,
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  desktopCapturer,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
  utilityProcess,
} from 'electron'
import { networkInterfaces, release } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createOriginPolicy } from './appOrigin'
import { handleAppProtocol, registerAppScheme } from './appProtocol'
import { CallMenu } from './callMenu'
import { CertificatePins } from './certificatePins'
import { DeepLinkInbox, setupDeepLinks } from './deepLink'
import { confirmExternalLink } from './externalLinkDialog'
import { loadHostIdentity } from './hostIdentity'
import { HostServer } from './hostServer'
import { createIpcRouter } from './ipc'
import { IPC } from '../shared/ipc'
import { createMediaAccess } from './mediaAccess'
import { guardAllWebContents } from './navigationGuards'
import { createNotifier } from './notifications'
import { setupPermissions } from './permissions'
import { PreferencesStore } from './preferences'
import { hasSystemPicker, ScreenShareService } from './screenShare'
import { setupScreenShare } from './screenShareIpc'
import { SharingBar, sharingBarPages } from './sharingBar'
import { shellStrings } from './shellStrings'
import { setupShellIpc } from './shellIpc'
import { createMainWindow, focusWindow } from './window'
import { WindowStateStore } from './windowState'

const mainDir = dirname(fileURLToPath(import.meta.url))
const preloadPath = join(mainDir, '../preload/index.cjs')
const rendererRoot = join(mainDir, '../renderer')
const signalingEntry = join(mainDir, 'signalingHost.js')
const iconPath = join(app.getAppPath(), 'build', 'icon.png')

const isDev = !app.isPackaged
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined
const policy = createOriginPolicy(devServerUrl)
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : null
// Callers pass only URLs checked by safeExternalUrl() or fixed settings URLs (mediaAccess.ts).
const openExternal = (url: string): Promise<void> => shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK -- see comment above

/** Every window gets secureWebPreferences() from window.ts (asserted in window.test.ts). */
const createWindow = (options: BrowserWindowConstructorOptions): BrowserWindow =>
  new BrowserWindow(options) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- options come from secureWebPreferences()

let mainWindow: BrowserWindow | null = null

function liveMainWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null
}

function sendToMainWindow(channel: string, payload?: unknown): void {
  liveMainWindow()?.webContents.send(channel, payload)
}

function showMainWindow(): void {
  const win = liveMainWindow()
  if (win) focusWindow(win)
}

// Everything below must happen before 'ready'.
app.enableSandbox()
registerAppScheme(protocol)
guardAllWebContents(app, policy, openExternal)

// Invite links to a call hosted by another Moim app pin its self-signed certificate.
const certificatePins = new CertificatePins()
const deepLinks = new DeepLinkInbox((link) =>
  sendToMainWindow(IPC.deepLink, certificatePins.remember(link)),
)
const isPrimaryInstance = setupDeepLinks({
  app,
  inbox: deepLinks,
  focusMainWindow: showMainWindow,
  argv: process.argv,
  defaultApp: Boolean(process.defaultApp),
  execPath: process.execPath,
  // `electron .` in development: the OS must relaunch Electron with the project folder.
  appPath: process.argv[1] ? resolve(process.argv[1]) : undefined,
})

if (!isPrimaryInstance) {
  app.quit()
} else {
  if (process.platform === 'win32') app.setAppUserModelId('app.moim.desktop')
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(start)
}

function start(): void {
  const userData = app.getPath('userData')
  const preferences = new PreferencesStore(join(userData, 'preferences.json'))
  const windowState = new WindowStateStore(join(userData, 'window-state.json'))
  const router = createIpcRouter(ipcMain, policy)

  handleAppProtocol(protocol, { root: rendererRoot, staticPages: sharingBarPages(app.getLocale()) })
  setupPermissions(session.defaultSession, policy)
  // -3 everywhere except a pinned host presenting its pinned certificate: Chromium decides.
  const verifyPinned = (request: Electron.Request, callback: (result: number) => void): void =>
    callback(certificatePins.verify(request))
  session.defaultSession.setCertificateVerifyProc(verifyPinned) // eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK -- trusts only a pinned certificate for its pinned host, else Chromium's own result (-3)

  const hostServer = new HostServer({
    fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
    entryPath: signalingEntry,
    networkInterfaces,
    env: { ...process.env },
    webRoot: rendererRoot,
    allowedOrigins: devServerOrigin ? [devServerOrigin] : [],
    identity: () =>
      loadHostIdentity(join(userData, 'host-identity.json'), {
        sealer: safeStorage.isEncryptionAvailable() ? safeStorage : null,
      }),
  })
  void hostServer.start()

  const systemPicker = hasSystemPicker(process.platform, release(), process.env)
  const bar = new SharingBar({
    createWindow,
    preloadPath,
    workArea: () => screen.getPrimaryDisplay().workArea,
  })
  setupScreenShare({
    router,
    session: session.defaultSession,
    service: new ScreenShareService({
      getSources: (options) => desktopCapturer.getSources(options),
      platform: process.platform,
      systemPicker,
      audioPreference: {
        get: () => preferences.get().shareSystemAudio,
        set: (value) => preferences.update({ shareSystemAudio: value }),
      },
      policy,
    }),
    bar,
    sendToMainWindow,
    useSystemPicker: systemPicker && process.platform === 'darwin',
  })

  const strings = shellStrings(app.getLocale())
  const callMenu = new CallMenu({
    createTray: () => {
      try {
        return new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }))
      } catch {
        return null
      }
    },
    buildMenu: (template) => Menu.buildFromTemplate(template),
    setApplicationMenu: (menu) => Menu.setApplicationMenu(menu as Menu),
    strings,
    handlers: {
      action: (action) => sendToMainWindow(IPC.trayAction, action),
      show: showMainWindow,
      quit: () => app.quit(),
    },
    isMac: process.platform === 'darwin',
    isDev,
  })

  setupShellIpc({
    router,
    hostInfo: () => hostServer.info(),
    setHosting: (enabled) => hostServer.setHosting(enabled),
    deepLinksReady: () => deepLinks.markReady().map((link) => certificatePins.remember(link)),
    setCallState: (state) => callMenu.update(state),
    notify: createNotifier({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
      isWindowFocused: () => liveMainWindow()?.isFocused() ?? false,
      focusMainWindow: showMainWindow,
    }),
    mediaAccess: createMediaAccess({
      platform: process.platform,
      systemPreferences,
      openSettingsUrl: openExternal,
    }),
    openExternal,
    confirmExternal: (url) =>
      confirmExternalLink(
        {
          showMessageBox: (options) => {
            const win = liveMainWindow()
            return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)
          },
        },
        url,
        strings,
      ),
  })

  const openMainWindow = (): void => {
    const win = createMainWindow({
      createWindow,
      policy,
      preloadPath,
      stateStore: windowState,
      workAreas: screen.getAllDisplays().map((display) => display.workArea),
      icon: iconPath,
    })
    win.webContents.on('did-start-loading', () => {
      deepLinks.markNotReady()
      // A reloaded page is in no call: nobody is hosted any more.
      void hostServer.setHosting(false)
    })
    win.on('closed', () => {
      void hostServer.setHosting(false)
      bar.destroy()
      callMenu.update({ inCall: false, muted: false })
      if (mainWindow === win) mainWindow = null
    })
    mainWindow = win
  }
  openMainWindow()

  app.on('activate', () => {
    if (!liveMainWindow()) openMainWindow()
  })
  app.on('will-quit', () => {
    hostServer.stop()
    bar.destroy()
    callMenu.destroy()
    router.dispose()
  })
}
