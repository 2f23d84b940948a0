import type { BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createAppRequestHandler } from './appProtocol'
import { SHARING_BAR_PATH, SharingBar, sharingBarPages, type BarWindow } from './sharingBar'

function fakeBarWindow() {
  let destroyed = false
  return {
    setContentProtection: vi.fn(),
    setAlwaysOnTop: vi.fn(),
    setVisibleOnAllWorkspaces: vi.fn(),
    loadURL: vi.fn(() => Promise.resolve()),
    showInactive: vi.fn(),
    hide: vi.fn(),
    on: vi.fn(),
    isDestroyed: () => destroyed,
    destroy: vi.fn(() => {
      destroyed = true
    }),
  }
}

describe('SharingBar', () => {
  it('creates one capture-protected, unfocusable, always-on-top bar and reuses it', () => {
    const win = fakeBarWindow()
    const createWindow = vi.fn((_o: BrowserWindowConstructorOptions) => win as unknown as BarWindow)
    const bar = new SharingBar({
      createWindow,
      preloadPath: '/p/index.cjs',
      workArea: () => ({ x: 0, y: 0, width: 1000, height: 800 }),
    })
    bar.show()
    bar.hide()
    bar.show()
    expect(createWindow).toHaveBeenCalledTimes(1)
    const options = createWindow.mock.calls[0][0]
    expect(options).toMatchObject({
      focusable: false,
      alwaysOnTop: true,
      frame: false,
      skipTaskbar: true,
      x: 330,
    })
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
    expect(win.setContentProtection).toHaveBeenCalledWith(true)
    expect(win.loadURL).toHaveBeenCalledWith(`app://moim${SHARING_BAR_PATH}`)
    expect(win.showInactive).toHaveBeenCalledTimes(2)
    expect(win.hide).toHaveBeenCalledTimes(1)
    bar.destroy()
    expect(win.destroy).toHaveBeenCalled()
  })
})

describe('sharing bar page', () => {
  it('is served under the app CSP in the user language with no inline script', async () => {
    const handler = createAppRequestHandler({
      root: '/nonexistent',
      staticPages: sharingBarPages('ko-KR'),
    })
    const res = await handler(new Request(`app://moim${SHARING_BAR_PATH}`))
    const html = await res.text()
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(html).toContain('중지')
    expect(html).not.toMatch(/<script>[^<]/)
    expect(sharingBarPages('en-US').get(SHARING_BAR_PATH)?.body).toContain('>Stop<')
  })
})
