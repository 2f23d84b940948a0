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
  /** Marks the renderer ready for deep links and returns the queued ones. */
  deepLinksReady: () => DeepLinkJoin[]
  setCallState: (state: CallState) => void
  notify: (notification: ChatNotification) => boolean
  mediaAccess: MediaAccess
  openExternal: (url: string) => Promise<void>
}

export function setupShellIpc(options: ShellIpcOptions): void {
  const { router } = options
  router.handle(IPC.hostInfo, noPayload, () => options.hostInfo())
  router.handle(IPC.deepLinkReady, noPayload, () => options.deepLinksReady())
  router.on(IPC.callState, callStateSchema, (state) => options.setCallState(state))
  router.handle(IPC.notify, chatNotificationSchema, (notification) => options.notify(notification))
  router.handle(IPC.mediaStatus, mediaKindSchema, (kind) => options.mediaAccess.getStatus(kind))
  router.handle(IPC.mediaAsk, askableKindSchema, (kind) => options.mediaAccess.ask(kind))
  router.handle(IPC.mediaOpenSettings, mediaKindSchema, (kind) =>
    options.mediaAccess.openSettings(kind),
  )
  router.handle(IPC.openExternal, z.string().max(2048), async (raw) => {
    const url = safeExternalUrl(raw)
    if (!url) throw new Error('only http and https links can be opened')
    await options.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK -- url passed safeExternalUrl() (http/https only)
  })
}
