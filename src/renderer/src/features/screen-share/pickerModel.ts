/** Pure picker logic: keyboard movement through the source grid and keeping the selection. */
import type { ScreenSource } from '../../platform/desktop'

export type ScreenShareQuality = 'text' | 'motion'

export interface ScreenShareChoice {
  quality: ScreenShareQuality
  /** Ask for audio: system audio on the desktop (where offered), tab/system audio in browsers. */
  audio: boolean
}

export interface PickedSource extends ScreenShareChoice {
  sourceId: string
}

/** Index after an arrow/Home/End key in a grid of `count` items laid out `columns` wide. */
export function moveIndex(current: number, key: string, count: number, columns: number): number {
  if (count === 0) return -1
  const from = current < 0 ? 0 : current
  switch (key) {
    case 'ArrowRight':
      return Math.min(count - 1, from + 1)
    case 'ArrowLeft':
      return Math.max(0, from - 1)
    case 'ArrowDown':
      return Math.min(count - 1, from + columns)
    case 'ArrowUp':
      return Math.max(0, from - columns)
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return current
  }
}

/** Keeps the chosen source when a refresh still lists it; otherwise picks the first one. */
export function keepSelection(
  selectedId: string | null,
  sources: readonly ScreenSource[],
): string | null {
  if (selectedId && sources.some((s) => s.id === selectedId)) return selectedId
  return sources[0]?.id ?? null
}

const QUALITY_KEY = 'moim.screenShare.quality'

export function loadQuality(storage: Pick<Storage, 'getItem'> | null): ScreenShareQuality {
  try {
    return storage?.getItem(QUALITY_KEY) === 'motion' ? 'motion' : 'text'
  } catch {
    return 'text'
  }
}

export function saveQuality(
  storage: Pick<Storage, 'setItem'> | null,
  quality: ScreenShareQuality,
): void {
  try {
    storage?.setItem(QUALITY_KEY, quality)
  } catch {
    // Private mode or full storage: the choice is simply not remembered.
  }
}

/** Content hints and capture constraints for each quality (used by the session's capture). */
export const QUALITY_PRESETS: Record<
  ScreenShareQuality,
  { contentHint: 'detail' | 'motion'; maxFrameRate: number; maxWidth: number; maxHeight: number }
> = {
  text: { contentHint: 'detail', maxFrameRate: 5, maxWidth: 3840, maxHeight: 2160 },
  motion: { contentHint: 'motion', maxFrameRate: 30, maxWidth: 1920, maxHeight: 1080 },
}
