/**
 * A binary frame of a screen's overlay board (after the WB_OVERLAY_TAG byte): the board id and
 * the tag of the whiteboard frame it carries (points 'W' or ops 'X'), then that frame's bytes
 * unchanged. Layout: board id length (1 byte), board id (UTF-8), inner tag (1 byte), payload.
 */
import { BOARD_ID_MAX } from '../channel/whiteboard'

export class OverlayFrameError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OverlayFrameError'
  }
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

export function encodeOverlayFrame(board: string, tag: number, payload: Uint8Array): Uint8Array {
  const id = encoder.encode(board)
  if (id.length === 0 || id.length > BOARD_ID_MAX) throw new OverlayFrameError('bad board id')
  if (!Number.isInteger(tag) || tag < 0 || tag > 255) throw new OverlayFrameError('bad tag')
  const out = new Uint8Array(2 + id.length + payload.length)
  out[0] = id.length
  out.set(id, 1)
  out[1 + id.length] = tag
  out.set(payload, 2 + id.length)
  return out
}

export interface OverlayFrame {
  board: string
  tag: number
  payload: Uint8Array
}

export function decodeOverlayFrame(frame: Uint8Array): OverlayFrame {
  const length = frame[0]
  if (length === undefined || length === 0 || length > BOARD_ID_MAX)
    throw new OverlayFrameError('bad board id length')
  if (frame.length < 2 + length) throw new OverlayFrameError('truncated overlay frame')
  let board: string
  try {
    board = decoder.decode(frame.subarray(1, 1 + length))
  } catch {
    throw new OverlayFrameError('board id is not UTF-8')
  }
  return { board, tag: frame[1 + length]!, payload: frame.subarray(2 + length) }
}
