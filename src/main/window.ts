/** The main window: locked-down renderer settings, remembered bounds, app:// or dev server. */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { OriginPolicy } from './appOrigin'
import { initialBounds, MIN_WINDOW_SIZE, type WindowStateStore } from './windowState'

/** Renderer settings for every Moim window (main window and sharing bar). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  }
}

export type WindowFactory = (options: BrowserWindowConstructorOptions) => BrowserWindow

export interface MainWindowOptions {
  createWindow: WindowFactory
  policy: OriginPolicy
  preloadPath: string
  stateStore: WindowStateStore
  /** Work areas of the connected displays, to discard bounds on an unplugged monitor. */
  workAreas: Electron.Rectangle[]
  icon?: string
  backgroundColor?: string
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = initialBounds(options.stateStore.load(), options.workAreas)
  const win = options.createWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Moim',
    show: false,
    icon: options.icon,
    backgroundColor: options.backgroundColor ?? '#111318',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  options.stateStore.track(win)
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize()
    win.show()
  })
  void win.loadURL(options.policy.entryUrl)
  return win
}

/** Brings a window to the front, restoring it when minimized (deep links, tray, notifications). */
export function focusWindow(
  win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>,
): void {
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}
