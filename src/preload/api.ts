/**
 * Builds window.moim on top of ipcRenderer. Only plain data crosses the bridge: callbacks get
 * payloads, never the IpcRendererEvent (whose `sender` would expose ipcRenderer itself).
 */
import type { IpcRendererEvent } from 'electron'
import { IPC } from '../shared/ipc'
import type {
  CloseRequest,
  DeepLinkJoin,
  DesktopPlatform,
  MoimDesktopApi,
  TrayAction,
  Unsubscribe,
  UpdateStatus,
} from './index.d'

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  send(channel: string, ...args: unknown[]): void
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown
}

function toPlatform(platform: string): DesktopPlatform {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other'
}

export function createDesktopApi(ipc: IpcRendererLike, platform: string): MoimDesktopApi {
  function subscribe<T>(channel: string, callback: (payload: T) => void): Unsubscribe {
    if (typeof callback !== 'function') throw new TypeError('callback must be a function')
    const listener = (_event: IpcRendererEvent, payload: unknown): void => callback(payload as T)
    ipc.on(channel, listener)
    return () => {
      ipc.removeListener(channel, listener)
    }
  }

  // Typed views over invoke(); the main process validates every payload again.
  const invoke = <T>(channel: string, payload?: unknown): Promise<T> =>
    ipc.invoke(channel, payload) as Promise<T>

  return {
    platform: toPlatform(platform),
    getHostInfo: () => invoke(IPC.hostInfo),
    setHosting: (enabled) => invoke(IPC.hostSetHosting, enabled),
    screenShare: {
      getCapabilities: () => invoke(IPC.screenCapabilities),
      listSources: (request) => invoke(IPC.screenListSources, request),
      select: (selection) => invoke(IPC.screenSelect, selection),
      sharingStarted: () => invoke(IPC.screenSharingStarted),
      sharingStopped: () => invoke(IPC.screenSharingStopped),
      requestStop: () => ipc.send(IPC.screenRequestStop),
      onStopRequested: (callback) => subscribe<void>(IPC.screenStopRequested, () => callback()),
    },
    onDeepLink(callback) {
      const unsubscribe = subscribe<DeepLinkJoin>(IPC.deepLink, callback)
      void invoke<DeepLinkJoin[]>(IPC.deepLinkReady).then((pending) => {
        for (const link of pending) callback(link)
      })
      return unsubscribe
    },
    call: {
      setState: (state) => ipc.send(IPC.callState, state),
      onTrayAction: (callback) => subscribe<TrayAction>(IPC.trayAction, callback),
    },
    notify: (notification) => invoke(IPC.notify, notification),
    media: {
      getAccessStatus: (kind) => invoke(IPC.mediaStatus, kind),
      askForAccess: (kind) => invoke(IPC.mediaAsk, kind),
      openSystemSettings: (kind) => invoke(IPC.mediaOpenSettings, kind),
    },
    openExternal: (url, options) =>
      invoke(IPC.openExternal, options?.source === 'chat' ? { url, source: 'chat' } : url),
    files: {
      saveBegin: ({ name, size }) => invoke(IPC.fileSaveBegin, { name, size }),
      saveChunk: (token, offset, bytes) => invoke(IPC.fileSaveChunk, { token, offset, bytes }),
      saveEnd: (token) => invoke(IPC.fileSaveEnd, { token }),
      saveAbort: (token) => invoke(IPC.fileSaveAbort, { token }),
    },
    updates: {
      getStatus: () => invoke(IPC.updateGetStatus),
      check: () => invoke(IPC.updateCheck),
      restartToUpdate: () => invoke(IPC.updateRestart),
      onStatus: (callback) => subscribe<UpdateStatus>(IPC.updateStatus, callback),
    },
    preferences: {
      get: () => invoke(IPC.preferencesGet),
      set: (patch) => invoke(IPC.preferencesSet, patch),
    },
    window: {
      onCloseRequested: (callback) => subscribe<CloseRequest>(IPC.windowCloseRequested, callback),
      respondToClose: (decision) => ipc.send(IPC.windowCloseDecision, decision),
    },
  }
}
