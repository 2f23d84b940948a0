/** Remembers the main window's bounds and maximized state across launches. */
import type { BrowserWindow, Rectangle } from 'electron'
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from './jsonFile'

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 }
export const MIN_WINDOW_SIZE = { width: 640, height: 480 }

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WINDOW_SIZE.width).max(20_000),
  height: z.number().int().min(MIN_WINDOW_SIZE.height).max(20_000),
  maximized: z.boolean(),
})

export type WindowState = z.infer<typeof windowStateSchema>

export interface InitialBounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Saved bounds if they are still substantially on a connected display (a monitor may have
 * been unplugged); otherwise the default size, centred by the OS.
 */
export function initialBounds(saved: WindowState | null, workAreas: Rectangle[]): InitialBounds {
  if (!saved) return { ...DEFAULT_WINDOW_SIZE, maximized: false }
  const visible = workAreas.some(
    (area) =>
      overlapArea(saved, area) >=
      0.5 * Math.min(saved.width * saved.height, area.width * area.height),
  )
  if (!visible) return { ...DEFAULT_WINDOW_SIZE, maximized: saved.maximized }
  return { ...saved }
}

export type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'
>

export class WindowStateStore {
  constructor(private readonly path: string) {}

  load(): WindowState | null {
    return readJsonFile(this.path, windowStateSchema)
  }

  save(state: WindowState): void {
    writeJsonFile(this.path, windowStateSchema.parse(state))
  }

  /** Saves on close, and after moves/resizes settle (debounced) in case the app is killed. */
  track(
    win: TrackedWindow,
    schedule: (fn: () => void, ms: number) => () => void = defaultSchedule,
  ): void {
    let cancel: (() => void) | null = null
    const snapshot = (): void => {
      if (win.isDestroyed()) return
      const bounds = win.getNormalBounds()
      this.save({
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.max(MIN_WINDOW_SIZE.width, Math.round(bounds.width)),
        height: Math.max(MIN_WINDOW_SIZE.height, Math.round(bounds.height)),
        maximized: win.isMaximized(),
      })
    }
    const debounced = (): void => {
      cancel?.()
      cancel = schedule(snapshot, 500)
    }
    for (const name of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
      win.on(name as 'resize', debounced)
    }
    win.on('close', () => {
      cancel?.()
      snapshot()
    })
  }
}

function defaultSchedule(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms)
  return () => clearTimeout(timer)
}
