/**
 * Every webContents (main window, sharing bar, anything created later) gets the same guards:
 * no navigation away from the app, no new windows, no <webview>, and external links only
 * through the default browser after validation.
 */
import type { App, WebContents } from 'electron'
import type { OriginPolicy } from './appOrigin'
import { safeExternalUrl } from './externalLinks'

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>
export type OpenExternal = (url: string) => Promise<void>

interface PreventableEvent {
  preventDefault(): void
}

export function guardWebContents(
  contents: GuardedContents,
  policy: OriginPolicy,
  openExternal: OpenExternal,
): void {
  const blockUntrusted = (event: PreventableEvent, url: string): void => {
    if (!policy.isTrusted(url)) event.preventDefault()
  }
  contents.on('will-navigate', (event, url) => blockUntrusted(event, url))
  contents.on('will-frame-navigate', (event) => blockUntrusted(event, event.url))
  contents.on('will-redirect', (event, url) => blockUntrusted(event, url))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url)
    if (external) openExternal(external).catch(() => undefined)
    return { action: 'deny' }
  })
}

export function guardAllWebContents(
  app: Pick<App, 'on'>,
  policy: OriginPolicy,
  openExternal: OpenExternal,
): void {
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, policy, openExternal),
  )
}
