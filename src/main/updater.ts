/**
 * Automatic updates: a small state machine over electron-updater (injected, so tests drive a
 * fake). Checks shortly after start and then daily, downloads in the background, installs on
 * "Restart to update" or when the user quits. Never during a call: a check or download that
 * comes due in a call waits for the call to end, and a restart is refused while in one (Discord
 * and Element do the same: nothing restarts under a user who is talking).
 */
import type { RestartToUpdateResult, UpdateOffReason, UpdateStatus } from '../preload/index.d'

export const FIRST_CHECK_DELAY_MS = 10_000
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000
const MESSAGE_MAX = 200

export interface UpdateInfoLike {
  version: string
}

/** The part of electron-updater's AppUpdater this uses (adapted in electronUpdater.ts). */
export interface UpdaterLike {
  checkForUpdates(): Promise<unknown>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(): void
  onAvailable(listener: (info: UpdateInfoLike) => void): void
  onNotAvailable(listener: () => void): void
  onProgress(listener: (percent: number) => void): void
  onDownloaded(listener: (info: UpdateInfoLike) => void): void
  onError(listener: (error: Error) => void): void
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  setInterval(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface UpdateControllerOptions {
  /** null when updates are off (development, or a build without a feed). */
  updater: UpdaterLike | null
  offReason?: UpdateOffReason
  publish: (status: UpdateStatus) => void
  timers: Timers
  /** Called right before quitAndInstall, so close guards let the windows go. */
  beforeInstall?: () => void
  log?: (message: string) => void
}

function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const line = text.split('\n')[0].trim() || 'unknown error'
  return line.length <= MESSAGE_MAX ? line : `${line.slice(0, MESSAGE_MAX - 1)}…`
}

export class UpdateController {
  private status: UpdateStatus
  private inCall = false
  /** A check or a download came due during a call. */
  private waiting: 'check' | 'download' | null = null
  private readonly handles: unknown[] = []
  private readonly log: (message: string) => void

  constructor(private readonly options: UpdateControllerOptions) {
    this.log = options.log ?? console.warn
    this.status = options.updater
      ? { state: 'idle' }
      : { state: 'off', reason: options.offReason ?? 'no-feed' }
    const updater = options.updater
    if (!updater) return
    updater.onAvailable((info) => {
      this.set({ state: 'available', version: info.version })
      this.download()
    })
    updater.onNotAvailable(() => this.set({ state: 'up-to-date' }))
    updater.onProgress((percent) => {
      if (this.status.state !== 'downloading') return
      const rounded = Math.max(0, Math.min(100, Math.floor(percent)))
      if (rounded !== this.status.percent) this.set({ ...this.status, percent: rounded })
    })
    updater.onDownloaded((info) => this.set({ state: 'ready', version: info.version }))
    updater.onError((error) => this.fail(error))
  }

  getStatus(): UpdateStatus {
    return this.status
  }

  /** Schedules the first check shortly after start, then one a day. */
  start(): void {
    if (!this.options.updater) return
    const { timers } = this.options
    this.handles.push(
      timers.setTimeout(() => void this.check(), FIRST_CHECK_DELAY_MS),
      timers.setInterval(() => void this.check(), CHECK_INTERVAL_MS),
    )
  }

  /** Checks now, or as soon as the current call ends. */
  async check(): Promise<UpdateStatus> {
    const updater = this.options.updater
    if (!updater) return this.status
    const busy = ['checking', 'downloading', 'ready'].includes(this.status.state)
    if (busy) return this.status
    if (this.inCall) {
      this.waiting ??= 'check'
      return this.status
    }
    this.set({ state: 'checking' })
    try {
      await updater.checkForUpdates()
    } catch (error) {
      this.fail(error)
    }
    return this.status
  }

  /** The renderer reports the call state (the same report that drives the tray). */
  setInCall(inCall: boolean): void {
    if (inCall === this.inCall) return
    this.inCall = inCall
    if (inCall) return
    const waiting = this.waiting
    this.waiting = null
    if (waiting === 'check') void this.check()
    else if (waiting === 'download') this.download()
  }

  restartToUpdate(): RestartToUpdateResult {
    if (this.status.state !== 'ready' || !this.options.updater) {
      return { ok: false, reason: 'not-ready' }
    }
    if (this.inCall) return { ok: false, reason: 'in-call' }
    this.options.beforeInstall?.()
    this.options.updater.quitAndInstall()
    return { ok: true }
  }

  dispose(): void {
    for (const handle of this.handles.splice(0)) this.options.timers.clear(handle)
  }

  private download(): void {
    const updater = this.options.updater
    if (!updater || this.status.state !== 'available') return
    if (this.inCall) {
      this.waiting = 'download'
      return
    }
    this.set({ state: 'downloading', version: this.status.version, percent: 0 })
    updater.downloadUpdate().catch((error: unknown) => this.fail(error))
  }

  private fail(error: unknown): void {
    const message = shortMessage(error)
    // electron-updater both emits 'error' and rejects the call that failed: report it once.
    if (this.status.state === 'error' && this.status.message === message) return
    this.log(`update: ${message}`)
    this.set({ state: 'error', message })
  }

  private set(status: UpdateStatus): void {
    this.status = status
    this.options.publish(status)
  }
}
