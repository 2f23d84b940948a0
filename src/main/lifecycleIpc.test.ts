import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOriginPolicy } from './appOrigin'
import { createIpcRouter } from './ipc'
import { IPC } from '../shared/ipc'
import { setupLifecycleIpc } from './lifecycleIpc'
import { PreferencesStore } from './preferences'
import { FakeIpcMain } from './testing/fakeIpcMain'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function preferencesFile(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'moim-prefs-'))
  dirs.push(dir)
  const path = join(dir, 'preferences.json')
  if (content !== undefined) writeFileSync(path, content)
  return path
}

function setup(path = preferencesFile()) {
  const ipcMain = new FakeIpcMain()
  const log = vi.fn()
  const router = createIpcRouter(ipcMain, createOriginPolicy(), log)
  const preferences = new PreferencesStore(path)
  const updates = {
    getStatus: vi.fn(() => ({ state: 'ready' as const, version: '1.2.0' })),
    check: vi.fn(async () => ({ state: 'checking' as const })),
    restartToUpdate: vi.fn(() => ({ ok: false as const, reason: 'in-call' as const })),
  }
  const decideClose = vi.fn()
  setupLifecycleIpc({ router, updates, preferences, decideClose })
  return { ipcMain, preferences, updates, decideClose, log, path }
}

describe('lifecycle IPC', () => {
  it('answers update status, checks and restarts', async () => {
    const t = setup()
    await expect(t.ipcMain.invoke(IPC.updateGetStatus)).resolves.toEqual({
      state: 'ready',
      version: '1.2.0',
    })
    await expect(t.ipcMain.invoke(IPC.updateCheck)).resolves.toEqual({ state: 'checking' })
    await expect(t.ipcMain.invoke(IPC.updateRestart)).resolves.toEqual({
      ok: false,
      reason: 'in-call',
    })
  })

  it('refuses other origins and payloads on the update channels', async () => {
    const t = setup()
    await expect(
      t.ipcMain.invoke(IPC.updateRestart, undefined, 'https://evil.test/'),
    ).rejects.toThrow(/untrusted sender/)
    await expect(t.ipcMain.invoke(IPC.updateCheck, { force: true })).rejects.toThrow(
      /invalid payload/,
    )
    expect(t.updates.restartToUpdate).not.toHaveBeenCalled()
  })

  it('reads and saves the close-during-call preference', async () => {
    const t = setup()
    await expect(t.ipcMain.invoke(IPC.preferencesGet)).resolves.toEqual({ closeDuringCall: 'ask' })
    await expect(
      t.ipcMain.invoke(IPC.preferencesSet, { closeDuringCall: 'tray' }),
    ).resolves.toEqual({ closeDuringCall: 'tray' })
    expect(JSON.parse(readFileSync(t.path, 'utf8'))).toEqual({
      shareSystemAudio: false,
      closeDuringCall: 'tray',
    })
    await expect(
      t.ipcMain.invoke(IPC.preferencesSet, { closeDuringCall: 'explode' }),
    ).rejects.toThrow(/invalid payload/)
    // The renderer may not flip what only the screen-share picker sets.
    await expect(t.ipcMain.invoke(IPC.preferencesSet, { shareSystemAudio: true })).rejects.toThrow(
      /invalid payload/,
    )
  })

  it('passes valid close decisions on and drops the rest', () => {
    const t = setup()
    t.ipcMain.send(IPC.windowCloseDecision, { action: 'tray', remember: true })
    t.ipcMain.send(IPC.windowCloseDecision, { action: 'tray' })
    t.ipcMain.send(IPC.windowCloseDecision, { action: 'quit', remember: false }, 'https://x.test/')
    expect(t.decideClose.mock.calls).toEqual([[{ action: 'tray', remember: true }]])
    expect(t.log).toHaveBeenCalledTimes(2)
  })
})

describe('PreferencesStore', () => {
  it('fills in defaults for files written by an older version, and ignores a corrupt one', () => {
    expect(new PreferencesStore(preferencesFile('{"shareSystemAudio":true}')).get()).toEqual({
      shareSystemAudio: true,
      closeDuringCall: 'ask',
    })
    expect(new PreferencesStore(preferencesFile('{"closeDuringCall":"x"')).get()).toEqual({
      shareSystemAudio: false,
      closeDuringCall: 'ask',
    })
  })

  it('writes only when something changed', () => {
    const path = preferencesFile()
    const store = new PreferencesStore(path)
    store.update({ closeDuringCall: 'ask' })
    expect(() => readFileSync(path)).toThrow()
    store.update({ shareSystemAudio: true })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      shareSystemAudio: true,
      closeDuringCall: 'ask',
    })
  })
})
