/**
 * The shared whiteboard over the data channels: operations (strokes, fills, clears, undo/redo
 * of one's own operations) as JSON on the control channel; stroke points and whole operations
 * (snapshots, repairs) as tagged binary frames on the control channel (whiteboard/pointCodec.ts,
 * whiteboard/opsCodec.ts); cursors on the volatile channel. The author of an operation is the
 * peer at the other end of the channel, except in ops frames, which relay others' operations.
 */
import { z } from 'zod'
import { QX_MAX, QY_MAX } from '../whiteboard/pointCodec'

/** Tag byte of a points frame on the control channel ('W'). */
export const WB_POINTS_TAG = 0x57
/** Tag byte of an ops frame (snapshot page or repaired stroke) on the control channel ('X'). */
export const WB_OPS_TAG = 0x58
/**
 * Tag byte of a board picture page ('P'): an optional image of the answering peer's board, sent
 * before a snapshot's ops frames so a late joiner can show something at once.
 */
export const WB_PICTURE_TAG = 0x50
/** Points in one stroke; a longer line continues as a new stroke. */
export const STROKE_POINTS_MAX = 4_000
/** Largest stroke width, board units. */
export const STROKE_SIZE_MAX = 64
/** Per-author operation numbers and Lamport times fit the ops frames' 32-bit varints. */
const SEQ_MAX = 2 ** 31 - 1
const LAMPORT_MAX = 2 ** 32 - 1

const seq = z.number().int().min(0).max(SEQ_MAX)
const lamport = z.number().int().min(0).max(LAMPORT_MAX)
const rev = z.number().int().min(0).max(SEQ_MAX)
const color = z.string().regex(/^#[0-9a-f]{6}$/)
const size = z.number().int().min(1).max(STROKE_SIZE_MAX)
const tool = z.enum(['pen', 'eraser'])
const qx = z.number().int().min(0).max(QX_MAX)
const qy = z.number().int().min(0).max(QY_MAX)

export type StrokeTool = z.infer<typeof tool>

/**
 * A board other than the call's whiteboard: a drawing overlay on a shared screen, named by the
 * screen's MediaStream id (as announced in `media` messages). Absent on the call's whiteboard.
 */
export const BOARD_ID_MAX = 128
const board = z.string().min(1).max(BOARD_ID_MAX).optional()

/** A stroke begins; its points follow as binary frames. */
export const wbStrokeSchema = z.strictObject({
  type: z.literal('wb-stroke'),
  board,
  seq,
  lamport,
  tool,
  color,
  size,
  /** Overlay marks only: the author pinned it, so it does not fade. */
  pinned: z.literal(true).optional(),
})
export type WbStroke = z.infer<typeof wbStrokeSchema>

/** The author's stroke ended with `count` points. */
export const wbStrokeEndSchema = z.strictObject({
  type: z.literal('wb-stroke-end'),
  board,
  seq,
  count: z.number().int().min(1).max(STROKE_POINTS_MAX),
})
export type WbStrokeEnd = z.infer<typeof wbStrokeEndSchema>

/** Flood fill of the region around a point (quantised board coordinates). */
export const wbFillSchema = z.strictObject({
  type: z.literal('wb-fill'),
  board,
  seq,
  lamport,
  x: qx,
  y: qy,
  color,
})
export type WbFill = z.infer<typeof wbFillSchema>

/** Hides every operation ordered before it. */
export const wbClearSchema = z.strictObject({ type: z.literal('wb-clear'), board, seq, lamport })
export type WbClear = z.infer<typeof wbClearSchema>

/** The author undoes (undone: true) or redoes one of its own operations; the higher rev wins. */
export const wbUndoSchema = z.strictObject({
  type: z.literal('wb-undo'),
  board,
  seq,
  undone: z.boolean(),
  rev: rev.min(1),
})
export type WbUndo = z.infer<typeof wbUndoSchema>

export const wbSnapshotRequestSchema = z.strictObject({
  type: z.literal('wb-snapshot-request'),
  board,
})
export type WbSnapshotRequest = z.infer<typeof wbSnapshotRequestSchema>

/** The author is asked to send one of its strokes whole (a receiver missed some points). */
export const wbStrokeRequestSchema = z.strictObject({
  type: z.literal('wb-stroke-request'),
  board,
  seq,
})
export type WbStrokeRequest = z.infer<typeof wbStrokeRequestSchema>

/** The sender's pointer on the board (quantised board coordinates), or null when it left it. */
export const wbCursorSchema = z.strictObject({
  type: z.literal('wb-cursor'),
  board,
  x: qx.nullable(),
  y: qy.nullable(),
})
export type WbCursor = z.infer<typeof wbCursorSchema>

/** Tag byte of an overlay frame: a points or ops frame of a screen's overlay board ('O'). */
export const WB_OVERLAY_TAG = 0x4f

/**
 * The sharer of a screen allows (enabled) or forbids drawing on it; receivers ignore operations
 * of a disabled overlay and close it. Accepted only from the peer that announced the stream.
 */
export const wbOverlaySchema = z.strictObject({
  type: z.literal('wb-overlay'),
  board: z.string().min(1).max(BOARD_ID_MAX),
  enabled: z.boolean(),
})
export type WbOverlay = z.infer<typeof wbOverlaySchema>
