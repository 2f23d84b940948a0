import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  applicationMenuTemplate,
  CallMenu,
  callStatusLine,
  trayMenuTemplate,
  type TrayLike,
} from './callMenu'
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
    expect(
      labels(trayMenuTemplate({ inCall: false, muted: false, room: null }, en, handlers())),
    ).toEqual(['Show Moim', 'Quit Moim'])
  })

  it('offers Mute/Unmute and Leave in a call and sends them to the renderer', () => {
    const h = handlers()
    const muted = trayMenuTemplate({ inCall: true, muted: true, room: 'friday' }, en, h)
    expect(labels(muted)).toEqual([
      'In a call: friday · Microphone off',
      'Show Moim',
      'Unmute microphone',
      'Leave call',
      'Quit Moim',
    ])
    expect(muted[0].enabled).toBe(false)
    click(muted, 'Unmute microphone')
    click(muted, 'Leave call')
    expect(h.action.mock.calls).toEqual([['toggle-mute'], ['leave']])
    expect(
      labels(trayMenuTemplate({ inCall: true, muted: false, room: 'friday' }, en, h)),
    ).toContain('Mute microphone')
  })

  it('speaks Korean for a Korean system', () => {
    expect(
      labels(
        trayMenuTemplate(
          { inCall: true, muted: false, room: 'friday' },
          shellStrings('ko'),
          handlers(),
        ),
      ),
    ).toContain('마이크 끄기')
  })
})

describe('application menu', () => {
  it('enables the Call items only in a call and hides dev tools when packaged', () => {
    const template = applicationMenuTemplate(
      { inCall: false, muted: false, room: null },
      en,
      handlers(),
      {
        isMac: false,
        isDev: false,
      },
    )
    const call = template.find((m) => m.label === 'Call')?.submenu as MenuItemConstructorOptions[]
    expect(call.map((i) => i.enabled)).toEqual([false, false])
    expect(JSON.stringify(template)).not.toContain('toggleDevTools')
    const dev = applicationMenuTemplate(
      { inCall: true, muted: false, room: 'friday' },
      en,
      handlers(),
      {
        isMac: true,
        isDev: true,
      },
    )
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
    menu.update({ inCall: true, muted: false, room: 'friday' })
    menu.update({ inCall: true, muted: false, room: 'friday' })
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2)
    expect(tray.setContextMenu).toHaveBeenLastCalledWith([
      'In a call: friday',
      'Show Moim',
      'Mute microphone',
      'Leave call',
      'Quit Moim',
    ])
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Moim — In a call: friday')
    expect(menu.inCall).toBe(true)
    menu.update({ inCall: false, muted: true, room: 'friday' })
    expect(menu.inCall).toBe(false)
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Moim')
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
    menu.update({ inCall: true, muted: true, room: 'friday' })
    expect(setApplicationMenu).toHaveBeenCalledTimes(2)
  })
})

describe('callStatusLine', () => {
  it('names the room, says when the microphone is off, and drops control characters', () => {
    expect(callStatusLine({ inCall: true, muted: false, room: 'friday' }, en)).toBe(
      'In a call: friday',
    )
    expect(callStatusLine({ inCall: true, muted: true, room: null }, en)).toBe(
      'In a call · Microphone off',
    )
    expect(callStatusLine({ inCall: true, muted: false, room: 'a\u202eb\u0007c' }, en)).toBe(
      'In a call: abc',
    )
    expect(callStatusLine({ inCall: true, muted: true, room: '금요일' }, shellStrings('ko'))).toBe(
      '통화 중: 금요일 · 마이크 꺼짐',
    )
  })
})
