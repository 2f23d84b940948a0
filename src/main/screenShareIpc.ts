/** Registers the screen-share IPC channels and the display-media handler. */
import { IPC } from '../shared/ipc'
import { noPayload, type IpcRouter } from './ipc'
import {
  installDisplayMediaHandler,
  listSourcesRequestSchema,
  selectRequestSchema,
  type DisplayMediaSession,
  type ScreenShareService,
} from './screenShare'

export interface SharingBarControl {
  show(): void
  hide(): void
}

export interface ScreenShareIpcOptions {
  router: IpcRouter
  session: DisplayMediaSession
  service: ScreenShareService
  bar: SharingBarControl
  /** Sends a message to the main window's renderer. */
  sendToMainWindow: (channel: string) => void
  /** macOS 15+: let Electron show the system picker instead of calling our handler. */
  useSystemPicker: boolean
}

export function setupScreenShare(options: ScreenShareIpcOptions): void {
  const { router, service, bar } = options
  installDisplayMediaHandler(options.session, service, options.useSystemPicker)
  router.handle(IPC.screenCapabilities, noPayload, () => service.capabilities())
  router.handle(IPC.screenListSources, listSourcesRequestSchema, (request) =>
    service.listSources(request),
  )
  router.handle(IPC.screenSelect, selectRequestSchema, (request) => {
    service.select(request)
  })
  router.handle(IPC.screenSharingStarted, noPayload, () => bar.show())
  router.handle(IPC.screenSharingStopped, noPayload, () => {
    service.clearSelection()
    bar.hide()
  })
  router.on(IPC.screenRequestStop, noPayload, () => {
    bar.hide()
    options.sendToMainWindow(IPC.screenStopRequested)
  })
}
