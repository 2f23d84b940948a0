/**
 * Drawing over shared screens as the UI shows it: each shared screen's overlay (who shares it,
 * whether its sharer allows drawing, whether the local user is drawing on it) and the local pen.
 * The marks themselves change at frame rate and reach views through
 * `session.screenDraw.scene(board)`, never through this store. Only session/ writes.
 */
import { createStore } from 'zustand/vanilla'

/** The overlay pen's colours (a late colour on the wire is any #rrggbb). */
export const SCREEN_DRAW_COLORS = ['#dc2626', '#facc15', '#16a34a', '#2563eb', '#ffffff'] as const

/** The overlay pen's width, board units. */
export const SCREEN_DRAW_SIZE = 8

export interface ScreenOverlayState {
  /** The peer sharing the screen. */
  owner: string
  /** The local user shares it (may clear it and switch drawing off for everyone). */
  own: boolean
  /** The sharer allows drawing on it. */
  enabled: boolean
  /** The local user turned "Draw on screen" on for it. */
  drawing: boolean
}

export interface ScreenDrawState {
  /** By board id: the screen's MediaStream id. */
  overlays: Record<string, ScreenOverlayState>
  color: string
  /** New marks do not fade. */
  pinned: boolean
}

export function initialScreenDrawState(): ScreenDrawState {
  return { overlays: {}, color: SCREEN_DRAW_COLORS[0], pinned: false }
}

export function createScreenDrawStore() {
  return createStore<ScreenDrawState>()(() => initialScreenDrawState())
}
export type ScreenDrawStore = ReturnType<typeof createScreenDrawStore>

export const screenDrawStore = createScreenDrawStore()
