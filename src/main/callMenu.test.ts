import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { applicationMenuTemplate, CallMenu, trayMenuTemplate, type TrayLike } from './callMenu'
import { shellStrings } from './shellStrings'

const en = shellStrings('en-US')

function handlers() {
  return { action: vi.fn(), show: vi.fn(), quit: vi.fn() }
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((i) => i.label).map((i) => i.label as string)
}

function click(items: MenuItemConstructorOptions[], label: string): void {
  const item = items.find((i) => i.label === label)
  ;(item?.click as () => void)()
}

describe('tray menu', () => {
  it('offers only Show and Quit outside a call', () => {
    expect(labels(trayMenuTemplate({ inCall: false, muted: false }, en, handlers()))).toEqual([
      'Show Moim',
      'Quit Moim',
    ])
  })

  it('offers Mute/Unmute and Leave in a call and sends them to the renderer', () => {
    const h = handlers()
    const muted = trayMenuTemplate({ inCall: true, muted: true }, en, h)
    expect(labels(muted)).toEqual(['Show Moim', 'Unmute microphone', 'Leave call', 'Quit Moim'])
    click(muted, 'Unmute microphone')
    click(muted, 'Leave call')
    expect(h.action.mock.calls).toEqual([['toggle-mute'], ['leave']])
    expect(labels(trayMenuTemplate({ inCall: true, muted: false }, en, h))).toContain(
      'Mute microphone',
    )
  })

  it('speaks Korean for a Korean system', () => {
    expect(
      labels(trayMenuTemplate({ inCall: true, muted: false }, shellStrings('ko'), handlers())),
    ).toContain('마이크 끄기')
  })
})

describe('application menu', () => {
  it('enables the Call items only in a call and hides dev tools when packaged', () => {
    const template = applicationMenuTemplate({ inCall: false, muted: false }, en, handlers(), {
      isMac: false,
      isDev: false,
    })
    const call = template.find((m) => m.label === 'Call')?.submenu as MenuItemConstructorOptions[]
    expect(call.map((i) => i.enabled)).toEqual([false, false])
    expect(JSON.stringify(template)).not.toContain('toggleDevTools')
    const dev = applicationMenuTemplate({ inCall: true, muted: false }, en, handlers(), {
      isMac: true,
      isDev: true,
    })
    expect(dev[0]).toEqual({ role: 'appMenu' })
    expect(JSON.stringify(dev)).toContain('toggleDevTools')
  })
})

describe('CallMenu', () => {
  it('rebuilds the tray and menu when the call state changes', () => {
    const tray = { setContextMenu: vi.fn(), setToolTip: vi.fn(), on: vi.fn(), destroy: vi.fn() }
    const buildMenu = vi.fn((template: MenuItemConstructorOptions[]) => labels(template))
    const menu = new CallMenu({
      createTray: () => tray as TrayLike,
      buildMenu,
      setApplicationMenu: vi.fn(),
      strings: en,
      handlers: handlers(),
      isMac: false,
      isDev: false,
    })
    menu.update({ inCall: true, muted: false })
    menu.update({ inCall: true, muted: false })
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2)
    expect(tray.setContextMenu).toHaveBeenLastCalledWith([
      'Show Moim',
      'Mute microphone',
      'Leave call',
      'Quit Moim',
    ])
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Moim — in a call')
  })

  it('works without a tray (Linux desktops without a status area)', () => {
    const setApplicationMenu = vi.fn()
    const menu = new CallMenu({
      createTray: () => null,
      buildMenu: (t) => t,
      setApplicationMenu,
      strings: en,
      handlers: handlers(),
      isMac: false,
      isDev: false,
    })
    menu.update({ inCall: true, muted: true })
    expect(setApplicationMenu).toHaveBeenCalledTimes(2)
  })
})
