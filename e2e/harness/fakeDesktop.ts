/**
 * A stand-in for the Electron preload's `window.moim`, installed as an init script so the real
 * web client runs in Chromium as the desktop renderer does (Electron itself cannot run here).
 * Only the bridge is fake: the renderer, the signaling server and WebRTC are the real ones.
 * Tests drive what the main process would send with `__desktop.emit(channel, payload)` and read
 * what the renderer sent back from `__desktop.log`.
 */
import type { Page } from 'playwright-core'
import type { MoimDesktopApi, UpdateStatus } from '../../src/preload/index.d'

export interface FakeDesktopOptions {
  /** What getHostInfo() answers: the app's own bundled server. */
  hostUrl: string
  /** The server saved in Settings (localStorage), written before the page starts. */
  savedServer?: { mode: 'host' | 'remote'; remoteUrl: string }
  update?: UpdateStatus
}

/** Channels the fake main process can push to the renderer. */
export type FakeDesktopChannel = 'deepLink' | 'update' | 'close' | 'tray' | 'stopSharing'

export interface FakeDesktopHandle {
  emit(channel: FakeDesktopChannel, payload: unknown): void
  log: [string, unknown][]
}

/** Runs in the page before any of its scripts (page.addInitScript / context.addInitScript). */
export function installFakeDesktop(options: FakeDesktopOptions): void {
  const scope = globalThis as unknown as {
    moim?: MoimDesktopApi
    __desktop?: FakeDesktopHandle
    localStorage: { getItem(key: string): string | null; setItem(k: string, v: string): void }
  }
  if (options.savedServer && scope.localStorage.getItem('moim.server') === null) {
    scope.localStorage.setItem('moim.server', JSON.stringify(options.savedServer))
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const log: [string, unknown][] = []
  const on =
    <T>(channel: FakeDesktopChannel) =>
    (callback: (payload: T) => void) => {
      const set = listeners.get(channel) ?? new Set()
      const listener = (payload: unknown) => callback(payload as T)
      set.add(listener)
      listeners.set(channel, set)
      return () => void set.delete(listener)
    }
  let update: UpdateStatus = options.update ?? { state: 'up-to-date' }
  let preferences = { closeDuringCall: 'ask' as 'ask' | 'tray' | 'quit' }
  const api: MoimDesktopApi = {
    platform: 'linux',
    getHostInfo: async () => ({
      serverUrl: options.hostUrl,
      lanUrls: [],
      hosting: false,
      certificateFingerprint: null,
      certificatePin: null,
    }),
    screenShare: {
      getCapabilities: async () => ({
        systemPicker: false,
        systemAudio: true,
        systemAudioLimit: null,
        rememberedAudio: false,
      }),
      listSources: async () => [],
      select: async () => undefined,
      sharingStarted: async () => undefined,
      sharingStopped: async () => undefined,
      requestStop: () => undefined,
      onStopRequested: on<void>('stopSharing'),
    },
    onDeepLink: on('deepLink'),
    call: {
      setState: (state) => void log.push(['call.setState', state]),
      onTrayAction: on('tray'),
    },
    notify: async () => false,
    media: {
      getAccessStatus: async () => 'granted',
      askForAccess: async () => true,
      openSystemSettings: async () => undefined,
    },
    openExternal: async () => true,
    setHosting: async () => null,
    updates: {
      getStatus: async () => update,
      check: async () => update,
      restartToUpdate: async () => {
        log.push(['updates.restartToUpdate', null])
        return { ok: true }
      },
      onStatus: (callback) =>
        on<UpdateStatus>('update')((status) => {
          update = status
          callback(status)
        }),
    },
    preferences: {
      get: async () => preferences,
      set: async (patch) => {
        log.push(['preferences.set', patch])
        preferences = { ...preferences, ...patch }
        return preferences
      },
    },
    window: {
      onCloseRequested: on('close'),
      respondToClose: (decision) => void log.push(['window.respondToClose', decision]),
    },
  }
  Object.defineProperty(scope, 'moim', { value: Object.freeze(api), configurable: false })
  scope.__desktop = {
    emit: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload)
    },
    log,
  }
}

/** Sends a message from the fake main process. */
export async function emitFromMain(
  page: Page,
  channel: FakeDesktopChannel,
  payload: unknown,
): Promise<void> {
  await page.evaluate(
    ([name, value]) =>
      (globalThis as unknown as { __desktop: FakeDesktopHandle }).__desktop.emit(
        name as FakeDesktopChannel,
        value,
      ),
    [channel, payload] as const,
  )
}

/** What the renderer sent to the fake main process on `channel`, oldest first. */
export async function sentToMain(page: Page, channel: string): Promise<unknown[]> {
  const log = await page.evaluate(
    () => (globalThis as unknown as { __desktop: FakeDesktopHandle }).__desktop.log,
  )
  return log.filter(([name]) => name === channel).map(([, payload]) => payload)
}
