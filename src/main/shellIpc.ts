/** IPC for everything except screen sharing: host info, deep links, call state, notifications, media access, links. */
import { z } from 'zod'
import type { CallState, ChatNotification, DeepLinkJoin, HostInfo } from '../preload/index.d'
import { callStateSchema } from './callMenu'
import { safeExternalUrl } from './externalLinks'
import { IPC } from '../shared/ipc'
import { noPayload, type IpcRouter } from './ipc'
import { askableKindSchema, mediaKindSchema, type MediaAccess } from './mediaAccess'
import { chatNotificationSchema } from './notifications'

export interface ShellIpcOptions {
  router: IpcRouter
  hostInfo: () => Promise<HostInfo | null>
  /** The hosting switch (HostServer.setHosting). */
  setHosting: (enabled: boolean) => Promise<HostInfo | null>
  /** Marks the renderer ready for deep links and returns the queued ones. */
  deepLinksReady: () => DeepLinkJoin[]
  setCallState: (state: CallState) => void
  notify: (notification: ChatNotification) => boolean
  mediaAccess: MediaAccess
  openExternal: (url: string) => Promise<void>
  /**
   * Asks the user before a link from chat leaves the app (a dialog showing the full URL and
   * its host); resolves true to open it.
   */
  confirmExternal: (url: string) => Promise<boolean>
}

const MAX_URL = 2048
/** A URL alone (the app's own links), or a URL with where it came from (chat: ask first). */
const openExternalSchema = z.union([
  z.string().max(MAX_URL),
  z.strictObject({ url: z.string().max(MAX_URL), source: z.literal('chat') }),
])

export function setupShellIpc(options: ShellIpcOptions): void {
  const { router } = options
  router.handle(IPC.hostInfo, noPayload, () => options.hostInfo())
  router.handle(IPC.hostSetHosting, z.boolean(), (enabled) => options.setHosting(enabled))
  router.handle(IPC.deepLinkReady, noPayload, () => options.deepLinksReady())
  router.on(IPC.callState, callStateSchema, (state) => options.setCallState(state))
  router.handle(IPC.notify, chatNotificationSchema, (notification) => options.notify(notification))
  router.handle(IPC.mediaStatus, mediaKindSchema, (kind) => options.mediaAccess.getStatus(kind))
  router.handle(IPC.mediaAsk, askableKindSchema, (kind) => options.mediaAccess.ask(kind))
  router.handle(IPC.mediaOpenSettings, mediaKindSchema, (kind) =>
    options.mediaAccess.openSettings(kind),
  )
  router.handle(IPC.openExternal, openExternalSchema, async (payload) => {
    const raw = typeof payload === 'string' ? payload : payload.url
    const url = safeExternalUrl(raw)
    if (!url) throw new Error('only http and https links can be opened')
    // Chat text is written by other people: the user sees where a link really goes first.
    if (typeof payload !== 'string' && !(await options.confirmExternal(url))) return false
    await options.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK -- url passed safeExternalUrl() (http/https only)
    return true
  })
}
