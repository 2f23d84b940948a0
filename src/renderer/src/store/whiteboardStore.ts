/**
 * The whiteboard as the UI shows it: whether the board is the stage, the local tool, colour and
 * size, and what the local user may do now. Live cursors change at frame rate and live in their
 * own store (whiteboardCursorStore), read through subscribe + refs. Only session/ writes.
 */
import { createStore } from 'zustand/vanilla'

export type WhiteboardTool = 'pen' | 'eraser' | 'fill'

/** The palette offered (a late colour on the wire is any #rrggbb). */
export const WHITEBOARD_COLORS = [
  '#111827',
  '#6b7280',
  '#ffffff',
  '#dc2626',
  '#ea580c',
  '#facc15',
  '#16a34a',
  '#2563eb',
  '#7c3aed',
  '#db2777',
  '#92400e',
  '#0891b2',
] as const

/** Stroke widths offered, board units (the board is 1600 units wide). */
export const WHITEBOARD_SIZES = [3, 8, 16, 32] as const

export interface WhiteboardState {
  /** The board is the call's stage (local: each person opens it for themselves). */
  open: boolean
  tool: WhiteboardTool
  color: string
  size: number
  /** In a call, and the current drawer when the game restricts drawing. */
  canDraw: boolean
  /** The game's current drawer, or null when everyone may draw. */
  exclusiveDrawer: string | null
  canUndo: boolean
  canRedo: boolean
  /** A late joiner's board is still on its way. */
  loading: boolean
}

export function initialWhiteboardState(): WhiteboardState {
  return {
    open: false,
    tool: 'pen',
    color: WHITEBOARD_COLORS[0],
    size: WHITEBOARD_SIZES[1],
    canDraw: false,
    exclusiveDrawer: null,
    canUndo: false,
    canRedo: false,
    loading: false,
  }
}

export function createWhiteboardStore() {
  return createStore<WhiteboardState>()(() => initialWhiteboardState())
}
export type WhiteboardStore = ReturnType<typeof createWhiteboardStore>

export const whiteboardStore = createWhiteboardStore()

/** Peers' pointers on the board, board units; updated at frame rate. */
export interface WhiteboardCursorState {
  cursors: Record<string, { x: number; y: number }>
}

export function createWhiteboardCursorStore() {
  return createStore<WhiteboardCursorState>()(() => ({ cursors: {} }))
}
export type WhiteboardCursorStore = ReturnType<typeof createWhiteboardCursorStore>

export const whiteboardCursorStore = createWhiteboardCursorStore()
