import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createOriginPolicy } from './appOrigin'
import { createMainWindow, focusWindow, secureWebPreferences } from './window'
import { WindowStateStore } from './windowState'

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    })
  })
})

function fakeWindowFactory() {
  const listeners = new Map<string, () => void>()
  const win = {
    on: vi.fn(),
    once: (name: string, fn: () => void) => listeners.set(name, fn),
    loadURL: vi.fn(() => Promise.resolve()),
    maximize: vi.fn(),
    show: vi.fn(),
    getNormalBounds: () => ({ x: 0, y: 0, width: 800, height: 600 }),
    isMaximized: () => false,
    isDestroyed: () => false,
  }
  const createWindow = vi.fn(
    (_options: BrowserWindowConstructorOptions) => win as unknown as BrowserWindow,
  )
  return { win, createWindow, emit: (name: string) => listeners.get(name)?.() }
}

describe('createMainWindow', () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'moim-win-')), 'state.json')

  it('opens the app:// entry with secure preferences and restores a maximized window', () => {
    const store = new WindowStateStore(stateFile)
    store.save({ x: 10, y: 20, width: 900, height: 700, maximized: true })
    const { win, createWindow, emit } = fakeWindowFactory()
    createMainWindow({
      createWindow,
      policy: createOriginPolicy(),
      preloadPath: '/p/index.cjs',
      stateStore: store,
      workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }],
    })
    const options = createWindow.mock.calls[0][0]
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, show: false })
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
    expect(win.loadURL).toHaveBeenCalledWith('app://moim/index.html')
    expect(win.show).not.toHaveBeenCalled()
    emit('ready-to-show')
    expect(win.maximize).toHaveBeenCalled()
    expect(win.show).toHaveBeenCalled()
  })

  it('loads the dev server in development', () => {
    const { win, createWindow } = fakeWindowFactory()
    createMainWindow({
      createWindow,
      policy: createOriginPolicy('http://localhost:5173/'),
      preloadPath: '/p/index.cjs',
      stateStore: new WindowStateStore(join(tmpdir(), 'moim-missing', 'x.json')),
      workAreas: [],
    })
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
  })
})

describe('focusWindow', () => {
  it('restores a minimized window before focusing it', () => {
    const win = { isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() }
    focusWindow(win)
    expect(win.restore).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
  })
})
