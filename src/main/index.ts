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
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { networkInterfaces, release } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createOriginPolicy } from './appOrigin'
import { handleAppProtocol, registerAppScheme } from './appProtocol'
import { CallMenu } from './callMenu'
import { CertificatePins } from './certificatePins'
import { CloseGuard } from './closeGuard'
import { DeepLinkInbox, setupDeepLinks } from './deepLink'
import { loadElectronUpdater, updateOffReason } from './electronUpdater'
import { confirmExternalLink } from './externalLinkDialog'
import { loadHostIdentity } from './hostIdentity'
import { HostServer } from './hostServer'
import { createIpcRouter } from './ipc'
import { IPC } from '../shared/ipc'
import { setupLifecycleIpc } from './lifecycleIpc'
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
import { FileSaver, openForWriting, setupFileSaveIpc } from './fileSave'
import { enableLoopbackFeatures, systemAudioSupport } from './systemAudio'
import { UpdateController } from './updater'
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
// System audio with screen shares on macOS and Linux (Windows needs no switch).
enableLoopbackFeatures(app.commandLine, process.platform)

// Off in development and in builds without a feed; electron-updater is only loaded when on.
const updatesOff = updateOffReason({
  isPackaged: app.isPackaged,
  platform: process.platform,
  resourcesPath: process.resourcesPath,
  env: process.env,
})
const updater = updatesOff
  ? null
  : await loadElectronUpdater().catch((error: unknown) => {
      console.warn(`updates are off: electron-updater failed to load (${String(error)})`)
      return null
    })

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
  const systemAudio = systemAudioSupport({
    platform: process.platform,
    systemVersion: process.getSystemVersion(),
    env: process.env,
    uid: process.getuid?.(),
    exists: existsSync,
  })
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
      systemAudio,
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

  const closeGuard = new CloseGuard({
    preference: () => preferences.get().closeDuringCall,
    setPreference: (closeDuringCall) => preferences.update({ closeDuringCall }),
    isInCall: () => callMenu.inCall,
    requestClose: (request) => sendToMainWindow(IPC.windowCloseRequested, request),
    window: {
      hide: () => liveMainWindow()?.hide(),
      minimize: () => liveMainWindow()?.minimize(),
      close: () => liveMainWindow()?.close(),
    },
    hasTray: () => callMenu.hasTray,
    notifyStillRunning: () => {
      if (!Notification.isSupported()) return
      const notice = new Notification({
        title: strings.stillRunningTitle,
        body: strings.stillRunningBody,
        silent: true,
      })
      notice.on('click', showMainWindow)
      notice.show()
    },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  })
  app.on('before-quit', () => closeGuard.allowQuit())

  const updates = new UpdateController({
    updater,
    offReason: updatesOff ?? 'no-feed',
    publish: (status) => sendToMainWindow(IPC.updateStatus, status),
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      setInterval: (callback, ms) => setInterval(callback, ms),
      clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    beforeInstall: () => closeGuard.allowQuit(),
  })
  updates.start()
  setupLifecycleIpc({
    router,
    updates,
    preferences,
    decideClose: (decision) => closeGuard.decide(decision),
  })

  setupFileSaveIpc(
    router,
    new FileSaver({
      chooseTarget: async (name) => {
        const win = liveMainWindow()
        const options = { defaultPath: join(app.getPath('downloads'), name) }
        const result = win
          ? await dialog.showSaveDialog(win, options)
          : await dialog.showSaveDialog(options)
        return result.canceled || !result.filePath ? null : result.filePath
      },
      open: openForWriting,
      remove: (path) => rm(path, { force: true }),
    }),
  )

  setupShellIpc({
    router,
    hostInfo: () => hostServer.info(),
    setHosting: (enabled) => hostServer.setHosting(enabled),
    deepLinksReady: () => deepLinks.markReady().map((link) => certificatePins.remember(link)),
    setCallState: (state) => {
      callMenu.update(state)
      updates.setInCall(state.inCall)
    },
    notify: createNotifier({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
      isWindowFocused: () => liveMainWindow()?.isFocused() ?? false,
      // A chat notification's click brings the window forward with the chat open.
      focusMainWindow: () => {
        showMainWindow()
        sendToMainWindow(IPC.trayAction, 'open-chat')
      },
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
    // A reloaded or crashed page has left its call, whatever it last reported.
    const forgetCall = (): void => {
      callMenu.update({ inCall: false, muted: false, room: null })
      updates.setInCall(false)
      closeGuard.reset()
      // Nobody is hosted any more either.
      void hostServer.setHosting(false)
    }
    win.webContents.on('did-start-loading', () => {
      deepLinks.markNotReady()
      forgetCall()
    })
    win.webContents.on('render-process-gone', forgetCall)
    win.on('close', (event) => closeGuard.handleClose(event))
    // Windows shutdown or log-off: never hold the session up with a dialog.
    win.on('session-end', () => closeGuard.allowQuit())
    win.on('closed', () => {
      void hostServer.setHosting(false)
      bar.destroy()
      forgetCall()
      if (mainWindow === win) mainWindow = null
    })
    mainWindow = win
  }
  openMainWindow()

  app.on('activate', () => {
    // macOS dock icon: bring back a window kept in the tray during a call, or open a new one.
    if (liveMainWindow()) showMainWindow()
    else openMainWindow()
  })
  app.on('will-quit', () => {
    updates.dispose()
    hostServer.stop()
    bar.destroy()
    callMenu.destroy()
    router.dispose()
  })
}
