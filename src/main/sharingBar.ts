/**
 * The small always-on-top "You are sharing — Stop" bar. It is excluded from capture
 * (setContentProtection) so it never shows up in the shared screen, and it never takes focus
 * away from what the user is presenting.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron'
import { APP_ORIGIN } from './appOrigin'
import type { StaticPage } from './appProtocol'
import { secureWebPreferences } from './window'

export const SHARING_BAR_PATH = '/__moim/sharing-bar.html'
const SHARING_BAR_SCRIPT_PATH = '/__moim/sharing-bar.js'
export const SHARING_BAR_SIZE = { width: 340, height: 48 }

const STRINGS = {
  en: { sharing: 'You are sharing your screen', stop: 'Stop' },
  ko: { sharing: '화면을 공유하고 있습니다', stop: '중지' },
} as const

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The bar's page and script, served by the app:// handler under the same CSP as the app. */
export function sharingBarPages(locale: string): Map<string, StaticPage> {
  const strings = locale.toLowerCase().startsWith('ko') ? STRINGS.ko : STRINGS.en
  const lang = strings === STRINGS.ko ? 'ko' : 'en'
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(strings.sharing)}</title>
<style>
  html, body { margin: 0; height: 100%; background: #1d2230; color: #f3f4f8;
    font: 14px system-ui, sans-serif; -webkit-user-select: none; user-select: none; }
  main { display: flex; align-items: center; justify-content: space-between; gap: 12px;
    height: 100%; padding: 0 8px 0 14px; box-sizing: border-box; -webkit-app-region: drag; }
  .dot { width: 10px; height: 10px; border-radius: 50%; background: #ff5a5f; flex: none; }
  p { margin: 0; flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  button { -webkit-app-region: no-drag; border: 0; border-radius: 6px; padding: 6px 14px;
    background: #e5484d; color: white; font: inherit; font-weight: 600; cursor: pointer; }
  button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
</style>
</head>
<body>
<main role="status"><span class="dot" aria-hidden="true"></span><p>${escapeHtml(strings.sharing)}</p>
<button id="stop" type="button">${escapeHtml(strings.stop)}</button></main>
<script src="${SHARING_BAR_SCRIPT_PATH}"></script>
</body>
</html>`
  const script = `document.getElementById('stop').addEventListener('click', function () {
  if (window.moim) window.moim.screenShare.requestStop()
})
`
  return new Map([
    [SHARING_BAR_PATH, { body: html, contentType: 'text/html; charset=utf-8' }],
    [SHARING_BAR_SCRIPT_PATH, { body: script, contentType: 'text/javascript; charset=utf-8' }],
  ])
}

export type BarWindow = Pick<
  BrowserWindow,
  | 'setContentProtection'
  | 'setAlwaysOnTop'
  | 'setVisibleOnAllWorkspaces'
  | 'loadURL'
  | 'showInactive'
  | 'hide'
  | 'isDestroyed'
  | 'destroy'
  | 'on'
>

export interface SharingBarOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => BarWindow
  preloadPath: string
  workArea: () => Rectangle
}

export class SharingBar {
  private win: BarWindow | null = null

  constructor(private readonly options: SharingBarOptions) {}

  show(): void {
    const win = this.win && !this.win.isDestroyed() ? this.win : this.create()
    win.showInactive()
  }

  hide(): void {
    if (this.win && !this.win.isDestroyed()) this.win.hide()
  }

  destroy(): void {
    if (this.win && !this.win.isDestroyed()) this.win.destroy()
    this.win = null
  }

  private create(): BarWindow {
    const area = this.options.workArea()
    const win = this.options.createWindow({
      ...SHARING_BAR_SIZE,
      x: Math.round(area.x + (area.width - SHARING_BAR_SIZE.width) / 2),
      y: area.y + 12,
      show: false,
      frame: false,
      resizable: false,
      movable: true,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      focusable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'Moim',
      backgroundColor: '#1d2230',
      webPreferences: secureWebPreferences(this.options.preloadPath),
    })
    win.setContentProtection(true)
    win.setAlwaysOnTop(true, 'screen-saver')
    win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })
    win.on('closed', () => {
      if (this.win === win) this.win = null
    })
    void win.loadURL(`${APP_ORIGIN}${SHARING_BAR_PATH}`)
    this.win = win
    return win
  }
}
