import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_SIZE,
  initialBounds,
  WindowStateStore,
  type TrackedWindow,
} from './windowState'

const screen = { x: 0, y: 0, width: 1920, height: 1040 }

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'moim-window-')), 'window-state.json')
}

function fakeWindow(bounds: { x: number; y: number; width: number; height: number }) {
  const listeners = new Map<string, Array<() => void>>()
  let maximized = false
  const win = {
    on: (name: string, fn: () => void) => listeners.set(name, [...(listeners.get(name) ?? []), fn]),
    getNormalBounds: () => bounds,
    isMaximized: () => maximized,
    isDestroyed: () => false,
  }
  return {
    win: win as unknown as TrackedWindow,
    emit: (name: string) => listeners.get(name)?.forEach((fn) => fn()),
    setMaximized: (value: boolean) => {
      maximized = value
    },
  }
}

describe('WindowStateStore', () => {
  it('round-trips bounds and maximized state through the file on close', () => {
    const path = tempFile()
    const store = new WindowStateStore(path)
    const fake = fakeWindow({ x: 100, y: 50, width: 1000, height: 700 })
    store.track(fake.win, () => () => undefined)
    fake.setMaximized(true)
    fake.emit('close')
    expect(new WindowStateStore(path).load()).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: true,
    })
  })

  it('saves after a resize settles, cancelling the earlier pending save', () => {
    const path = tempFile()
    const store = new WindowStateStore(path)
    const fake = fakeWindow({ x: 1, y: 2, width: 800, height: 600 })
    const pending: Array<{ fn: () => void; cancelled: boolean }> = []
    store.track(fake.win, (fn) => {
      const entry = { fn, cancelled: false }
      pending.push(entry)
      return () => {
        entry.cancelled = true
      }
    })
    fake.emit('resize')
    fake.emit('move')
    expect(pending.map((p) => p.cancelled)).toEqual([true, false])
    pending[1].fn()
    expect(store.load()).toMatchObject({ x: 1, y: 2, width: 800, height: 600 })
  })

  it('ignores a missing, corrupt or out-of-range file', () => {
    const path = tempFile()
    expect(new WindowStateStore(path).load()).toBeNull()
    writeFileSync(path, '{not json')
    expect(new WindowStateStore(path).load()).toBeNull()
    writeFileSync(path, JSON.stringify({ x: 0, y: 0, width: 10, height: 10, maximized: false }))
    expect(new WindowStateStore(path).load()).toBeNull()
  })
})

describe('initialBounds', () => {
  it('uses saved bounds that are on a connected display', () => {
    const saved = { x: 200, y: 100, width: 1000, height: 700, maximized: false }
    expect(initialBounds(saved, [screen])).toEqual(saved)
  })

  it('falls back to the default size when the saved display is gone', () => {
    const saved = { x: 3000, y: 100, width: 1000, height: 700, maximized: true }
    expect(initialBounds(saved, [screen])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: true })
  })

  it('uses the default size on first launch', () => {
    expect(initialBounds(null, [screen])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false })
  })
})
