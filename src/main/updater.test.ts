import { describe, expect, it, vi } from 'vitest'
import type { UpdateStatus } from '../preload/index.d'
import { EventEmitter } from 'node:events'
import type { AppUpdater } from 'electron-updater'
import { adaptUpdater, updateOffReason } from './electronUpdater'
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  UpdateController,
  type Timers,
  type UpdateInfoLike,
  type UpdaterLike,
} from './updater'

/** A scripted electron-updater: each check answers with the next scripted outcome. */
class FakeUpdater implements UpdaterLike {
  checks = 0
  downloads = 0
  installs = 0
  nextCheck: 'none' | { version: string } | Error = 'none'
  private readonly listeners = {
    available: [] as ((info: UpdateInfoLike) => void)[],
    notAvailable: [] as (() => void)[],
    progress: [] as ((percent: number) => void)[],
    downloaded: [] as ((info: UpdateInfoLike) => void)[],
    error: [] as ((error: Error) => void)[],
  }

  async checkForUpdates(): Promise<unknown> {
    this.checks += 1
    const outcome = this.nextCheck
    // The answer comes back from the network later.
    await Promise.resolve()
    if (outcome instanceof Error) {
      // electron-updater emits 'error' and rejects.
      for (const listener of this.listeners.error) listener(outcome)
      throw outcome
    }
    if (outcome === 'none') for (const listener of this.listeners.notAvailable) listener()
    else for (const listener of this.listeners.available) listener(outcome)
    return null
  }

  async downloadUpdate(): Promise<unknown> {
    this.downloads += 1
    return []
  }

  quitAndInstall(): void {
    this.installs += 1
  }

  progress(percent: number): void {
    for (const listener of this.listeners.progress) listener(percent)
  }

  downloaded(version: string): void {
    for (const listener of this.listeners.downloaded) listener({ version })
  }

  error(message: string): void {
    for (const listener of this.listeners.error) listener(new Error(message))
  }

  onAvailable(listener: (info: UpdateInfoLike) => void): void {
    this.listeners.available.push(listener)
  }
  onNotAvailable(listener: () => void): void {
    this.listeners.notAvailable.push(listener)
  }
  onProgress(listener: (percent: number) => void): void {
    this.listeners.progress.push(listener)
  }
  onDownloaded(listener: (info: UpdateInfoLike) => void): void {
    this.listeners.downloaded.push(listener)
  }
  onError(listener: (error: Error) => void): void {
    this.listeners.error.push(listener)
  }
}

/** Timers run by hand: fire(ms) runs what is due after `ms` more milliseconds. */
class FakeTimers implements Timers {
  private now = 0
  private readonly entries: { at: number; every: number | null; run: () => void }[] = []

  setTimeout(run: () => void, ms: number): unknown {
    const entry = { at: this.now + ms, every: null, run }
    this.entries.push(entry)
    return entry
  }

  setInterval(run: () => void, ms: number): unknown {
    const entry = { at: this.now + ms, every: ms, run }
    this.entries.push(entry)
    return entry
  }

  clear(handle: unknown): void {
    const index = this.entries.indexOf(handle as (typeof this.entries)[number])
    if (index >= 0) this.entries.splice(index, 1)
  }

  get pending(): number {
    return this.entries.length
  }

  advance(ms: number): void {
    this.now += ms
    for (const entry of [...this.entries]) {
      while (entry.at <= this.now && this.entries.includes(entry)) {
        entry.run()
        if (entry.every === null) this.clear(entry)
        else entry.at += entry.every
      }
    }
  }
}

function setup() {
  const updater = new FakeUpdater()
  const timers = new FakeTimers()
  const published: UpdateStatus[] = []
  const beforeInstall = vi.fn()
  const controller = new UpdateController({
    updater,
    publish: (status) => published.push(status),
    timers,
    beforeInstall,
    log: vi.fn(),
  })
  return { updater, timers, published, controller, beforeInstall }
}

/** Lets the promise chains of a check run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('UpdateController', () => {
  it('no update: checks shortly after start and then daily, and says it is up to date', async () => {
    const t = setup()
    t.controller.start()
    expect(t.controller.getStatus()).toEqual({ state: 'idle' })
    t.timers.advance(FIRST_CHECK_DELAY_MS - 1)
    expect(t.updater.checks).toBe(0)
    t.timers.advance(1)
    await settle()
    expect(t.updater.checks).toBe(1)
    expect(t.published).toEqual([{ state: 'checking' }, { state: 'up-to-date' }])
    t.timers.advance(CHECK_INTERVAL_MS)
    await settle()
    expect(t.updater.checks).toBe(2)
    expect(t.updater.downloads).toBe(0)
  })

  it('downloading: an update found is downloaded, with whole-percent progress', async () => {
    const t = setup()
    t.updater.nextCheck = { version: '1.2.0' }
    await t.controller.check()
    expect(t.updater.downloads).toBe(1)
    t.updater.progress(12.3)
    t.updater.progress(12.9)
    t.updater.progress(57.5)
    expect(t.published).toEqual([
      { state: 'checking' },
      { state: 'available', version: '1.2.0' },
      { state: 'downloading', version: '1.2.0', percent: 0 },
      { state: 'downloading', version: '1.2.0', percent: 12 },
      { state: 'downloading', version: '1.2.0', percent: 57 },
    ])
  })

  it('ready: "Restart to update" installs it; no further checks are made meanwhile', async () => {
    const t = setup()
    t.controller.start()
    t.updater.nextCheck = { version: '1.2.0' }
    await t.controller.check()
    t.updater.downloaded('1.2.0')
    expect(t.controller.getStatus()).toEqual({ state: 'ready', version: '1.2.0' })
    t.timers.advance(CHECK_INTERVAL_MS)
    await settle()
    expect(t.updater.checks).toBe(1)
    expect(t.controller.restartToUpdate()).toEqual({ ok: true })
    expect(t.beforeInstall).toHaveBeenCalledOnce()
    expect(t.updater.installs).toBe(1)
  })

  it('restart is refused before an update is ready', () => {
    const t = setup()
    expect(t.controller.restartToUpdate()).toEqual({ ok: false, reason: 'not-ready' })
    expect(t.updater.installs).toBe(0)
  })

  it('error: reported once with a short message, and the next daily check tries again', async () => {
    const t = setup()
    t.controller.start()
    t.updater.nextCheck = new Error('net::ERR_INTERNET_DISCONNECTED\n  at long stack')
    t.timers.advance(FIRST_CHECK_DELAY_MS)
    await settle()
    expect(t.published).toEqual([
      { state: 'checking' },
      { state: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' },
    ])
    t.updater.nextCheck = 'none'
    t.timers.advance(CHECK_INTERVAL_MS)
    await settle()
    expect(t.controller.getStatus()).toEqual({ state: 'up-to-date' })
  })

  it('a failed download is an error, and a manual check starts over', async () => {
    const t = setup()
    t.updater.nextCheck = { version: '1.2.0' }
    await t.controller.check()
    t.updater.error('sha512 checksum mismatch')
    expect(t.controller.getStatus()).toEqual({
      state: 'error',
      message: 'sha512 checksum mismatch',
    })
    await t.controller.check()
    expect(t.updater.checks).toBe(2)
    expect(t.updater.downloads).toBe(2)
  })

  describe('in a call', () => {
    it('a check that comes due waits for the call to end', async () => {
      const t = setup()
      t.controller.start()
      t.controller.setInCall(true)
      t.timers.advance(FIRST_CHECK_DELAY_MS)
      await t.controller.check()
      expect(t.updater.checks).toBe(0)
      expect(t.published).toEqual([])
      t.controller.setInCall(false)
      await settle()
      expect(t.updater.checks).toBe(1)
    })

    it('an update found just before the call downloads only after it', async () => {
      const t = setup()
      t.updater.nextCheck = { version: '1.2.0' }
      t.controller.setInCall(true)
      t.controller.setInCall(false)
      const checking = t.controller.check()
      t.controller.setInCall(true)
      await checking
      expect(t.controller.getStatus()).toEqual({ state: 'available', version: '1.2.0' })
      expect(t.updater.downloads).toBe(0)
      t.controller.setInCall(false)
      expect(t.updater.downloads).toBe(1)
      expect(t.controller.getStatus()).toMatchObject({ state: 'downloading' })
    })

    it('a ready update is never installed during a call', async () => {
      const t = setup()
      t.updater.nextCheck = { version: '1.2.0' }
      await t.controller.check()
      t.updater.downloaded('1.2.0')
      t.controller.setInCall(true)
      expect(t.controller.restartToUpdate()).toEqual({ ok: false, reason: 'in-call' })
      expect(t.updater.installs).toBe(0)
      expect(t.beforeInstall).not.toHaveBeenCalled()
      t.controller.setInCall(false)
      expect(t.updater.installs).toBe(0)
      expect(t.controller.restartToUpdate()).toEqual({ ok: true })
    })
  })

  it('off (development or no feed): never checks, schedules nothing, says why', async () => {
    const timers = new FakeTimers()
    const publish = vi.fn()
    const controller = new UpdateController({
      updater: null,
      offReason: 'development',
      publish,
      timers,
    })
    controller.start()
    expect(timers.pending).toBe(0)
    await expect(controller.check()).resolves.toEqual({ state: 'off', reason: 'development' })
    expect(controller.restartToUpdate()).toEqual({ ok: false, reason: 'not-ready' })
    expect(publish).not.toHaveBeenCalled()
  })

  it('dispose stops the schedule', () => {
    const t = setup()
    t.controller.start()
    expect(t.timers.pending).toBe(2)
    t.controller.dispose()
    expect(t.timers.pending).toBe(0)
  })
})

describe('updateOffReason', () => {
  const base = {
    isPackaged: true,
    platform: 'win32' as NodeJS.Platform,
    resourcesPath: '/app/resources',
    env: {},
  }
  const files =
    (...names: string[]) =>
    (path: string) =>
      names.some((name) => path === `/app/resources/${name}`)

  it('is off in development and in builds without a feed', () => {
    expect(updateOffReason({ ...base, isPackaged: false, exists: files('app-update.yml') })).toBe(
      'development',
    )
    expect(updateOffReason({ ...base, exists: files() })).toBe('no-feed')
    expect(updateOffReason({ ...base, exists: files('app-update.yml') })).toBeNull()
  })

  it('on Linux only an AppImage or a package can update itself', () => {
    const linux = { ...base, platform: 'linux' as NodeJS.Platform }
    expect(updateOffReason({ ...linux, exists: files('app-update.yml') })).toBe('unsupported')
    expect(
      updateOffReason({
        ...linux,
        env: { APPIMAGE: '/x.AppImage' },
        exists: files('app-update.yml'),
      }),
    ).toBeNull()
    expect(
      updateOffReason({ ...linux, exists: files('app-update.yml', 'package-type') }),
    ).toBeNull()
  })
})

describe('adaptUpdater', () => {
  it('turns off automatic downloads, installs at quit, and maps the events', async () => {
    const events = new EventEmitter()
    const real = Object.assign(events, {
      autoDownload: true,
      autoInstallOnAppQuit: false,
      allowPrerelease: true,
      allowDowngrade: true,
      checkForUpdates: vi.fn(async () => null),
      downloadUpdate: vi.fn(async () => []),
      quitAndInstall: vi.fn(),
    })
    const updater = adaptUpdater(real as unknown as AppUpdater)
    expect(real).toMatchObject({
      autoDownload: false,
      autoInstallOnAppQuit: true,
      allowPrerelease: false,
      allowDowngrade: false,
    })
    const percents: number[] = []
    const versions: string[] = []
    updater.onProgress((percent) => percents.push(percent))
    updater.onDownloaded((info) => versions.push(info.version))
    events.emit('download-progress', { percent: 42.5, transferred: 1, total: 2 })
    events.emit('update-downloaded', { version: '1.2.0' })
    expect(percents).toEqual([42.5])
    expect(versions).toEqual(['1.2.0'])
    updater.quitAndInstall()
    expect(real.quitAndInstall).toHaveBeenCalledWith(true, true)
  })
})
