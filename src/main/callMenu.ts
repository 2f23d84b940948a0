/**
 * Tray icon and application menu with Mute/Unmute and Leave while in a call. The renderer
 * reports the call state; menu actions go back to the renderer, which owns the call.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { z } from 'zod'
import type { CallState, TrayAction } from '../preload/index.d'
import type { ShellStrings } from './shellStrings'

export const callStateSchema = z.strictObject({
  inCall: z.boolean(),
  muted: z.boolean(),
  room: z.string().max(256).nullable(),
})

const IDLE: CallState = { inCall: false, muted: false, room: null }

/** The call as one line for the tray: "In a call: friday · Microphone off". */
export function callStatusLine(state: CallState, strings: ShellStrings): string {
  // Only for display in a native menu; control and bidi characters are dropped.
  const room = (state.room ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 64)
  const line = room ? strings.statusInCall.replace('{room}', room) : strings.trayInCall
  return state.muted ? `${line} · ${strings.statusMuted}` : line
}

export interface CallMenuHandlers {
  action: (action: TrayAction) => void
  show: () => void
  quit: () => void
}

export function trayMenuTemplate(
  state: CallState,
  strings: ShellStrings,
  handlers: CallMenuHandlers,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  if (state.inCall) items.push({ label: callStatusLine(state, strings), enabled: false })
  items.push({ label: strings.show, click: handlers.show })
  if (state.inCall) {
    items.push(
      { type: 'separator' },
      {
        label: state.muted ? strings.unmute : strings.mute,
        click: () => handlers.action('toggle-mute'),
      },
      { label: strings.leave, click: () => handlers.action('leave') },
    )
  }
  items.push({ type: 'separator' }, { label: strings.quit, click: handlers.quit })
  return items
}

export function applicationMenuTemplate(
  state: CallState,
  strings: ShellStrings,
  handlers: CallMenuHandlers,
  options: { isMac: boolean; isDev: boolean },
): MenuItemConstructorOptions[] {
  const callMenu: MenuItemConstructorOptions = {
    label: strings.call,
    submenu: [
      {
        label: state.muted ? strings.unmute : strings.mute,
        accelerator: 'CmdOrCtrl+Shift+M',
        enabled: state.inCall,
        click: () => handlers.action('toggle-mute'),
      },
      {
        label: strings.leave,
        accelerator: 'CmdOrCtrl+Shift+L',
        enabled: state.inCall,
        click: () => handlers.action('leave'),
      },
    ],
  }
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (options.isDev) viewItems.unshift({ role: 'reload' }, { role: 'toggleDevTools' })
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    options.isMac ? { role: 'fileMenu' } : { label: '&File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    { label: '&View', submenu: viewItems },
    callMenu,
    { role: 'windowMenu' },
  ]
}

export interface TrayLike {
  setContextMenu(menu: unknown): void
  setToolTip(text: string): void
  on(event: 'click', listener: () => void): unknown
  destroy(): void
}

export interface CallMenuOptions {
  createTray: () => TrayLike | null
  buildMenu: (template: MenuItemConstructorOptions[]) => unknown
  setApplicationMenu: (menu: unknown) => void
  strings: ShellStrings
  handlers: CallMenuHandlers
  isMac: boolean
  isDev: boolean
}

export class CallMenu {
  private state: CallState = IDLE
  private readonly tray: TrayLike | null

  constructor(private readonly options: CallMenuOptions) {
    this.tray = options.createTray()
    this.tray?.on('click', options.handlers.show)
    this.render()
  }

  update(state: CallState): void {
    const next = state.inCall ? state : IDLE
    const same =
      next.inCall === this.state.inCall &&
      next.muted === this.state.muted &&
      next.room === this.state.room
    if (same) return
    this.state = next
    this.render()
  }

  get inCall(): boolean {
    return this.state.inCall
  }

  get hasTray(): boolean {
    return this.tray !== null
  }

  destroy(): void {
    this.tray?.destroy()
  }

  private render(): void {
    const { strings, handlers } = this.options
    this.options.setApplicationMenu(
      this.options.buildMenu(
        applicationMenuTemplate(this.state, strings, handlers, {
          isMac: this.options.isMac,
          isDev: this.options.isDev,
        }),
      ),
    )
    if (this.tray) {
      this.tray.setToolTip(
        this.state.inCall ? `Moim — ${callStatusLine(this.state, strings)}` : strings.trayIdle,
      )
      this.tray.setContextMenu(
        this.options.buildMenu(trayMenuTemplate(this.state, strings, handlers)),
      )
    }
  }
}
