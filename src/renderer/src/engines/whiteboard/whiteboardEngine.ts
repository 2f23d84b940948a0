/**
 * The shared whiteboard for one call, over the message router: local drawing becomes
 * operations sent to every peer (stroke points batched once per animation frame as binary
 * frames), peers' operations are reconciled into the board, a late joiner asks one peer for
 * the whole board, and a stroke that arrived with points missing is asked again from its author.
 * Knows nothing of React, the stores or the DOM.
 */
import {
  STROKE_POINTS_MAX,
  WB_OPS_TAG,
  WB_POINTS_TAG,
  wbClearSchema,
  wbCursorSchema,
  wbFillSchema,
  wbStrokeEndSchema,
  wbStrokeRequestSchema,
  wbStrokeSchema,
  wbUndoSchema,
  type StrokeTool,
} from '../../../../shared/channel/whiteboard'
import { decodeOpsFrame, type OpsFrame } from '../../../../shared/whiteboard/opsCodec'
import type { BoardPicture } from '../../../../shared/whiteboard/pictureCodec'
import {
  encodePointsFrame,
  POINT_QUANTUM,
  quantise,
  readPoints,
  readPointsFrameHeader,
} from '../../../../shared/whiteboard/pointCodec'
import { Emitter } from '../../lib/emitter'
import { defineRoute, type MessageRouter } from '../../rtc/messageRouter'
import { Board, type BoardChange } from './board'
import type { PictureSource } from './boardPicture'
import { BoardWire } from './boardWire'
import { EarlyOps } from './earlyOps'
import { LateJoin } from './lateJoin'
import { OwnHistory } from './history'
import { opKey, pointCount, type BoardOp, type StrokeOp } from './ops'
import type { OverlayHub } from './overlayHub'
import { fromWire, repairFrame } from './snapshot'

export const wbStrokeRoute = defineRoute('wb-stroke', wbStrokeSchema)
export const wbStrokeEndRoute = defineRoute('wb-stroke-end', wbStrokeEndSchema)
export const wbFillRoute = defineRoute('wb-fill', wbFillSchema)
export const wbClearRoute = defineRoute('wb-clear', wbClearSchema)
export const wbUndoRoute = defineRoute('wb-undo', wbUndoSchema)
export const wbStrokeRequestRoute = defineRoute('wb-stroke-request', wbStrokeRequestSchema)
export const wbCursorRoute = defineRoute('wb-cursor', wbCursorSchema, { channel: 'volatile' })

/** A point in board units (see BOARD_WIDTH/BOARD_HEIGHT). */
export interface BoardPoint {
  x: number
  y: number
}

export interface StrokeStyle {
  tool: StrokeTool
  color: string
  size: number
  /** Overlay marks: the stroke does not fade. */
  pinned?: boolean
}

export interface WhiteboardEngineEvents {
  /** The board changed; see BoardChange for how much to redraw. */
  change: [change: BoardChange]
  /** A peer's pointer moved (board units), or left the board (null). */
  cursor: [peerId: string, point: BoardPoint | null]
  /** What undo or redo would do, or whether the local user may draw, may have changed. */
  state: []
  /** The late joiner's snapshot arrived and was merged. */
  snapshot: [from: string]
  /** A picture of the board came before the snapshot's operations (show it while they bake). */
  picture: [from: string, picture: BoardPicture]
}

export interface WhiteboardEngineDeps {
  router: MessageRouter
  /** Runs the function once, at the next animation frame (where points are batched). */
  scheduleFrame: (run: () => void) => void
  warn?: (message: string) => void
  /**
   * A screen's overlay board instead of the call's whiteboard: its messages carry `board` and
   * its binary frames travel inside overlay frames through the hub.
   */
  overlay?: { board: string; hub: OverlayHub }
}

interface LiveStroke {
  op: StrokeOp
  /** Points already sent to the peers. */
  sent: number
}

export class WhiteboardEngine extends Emitter<WhiteboardEngineEvents> {
  readonly board = new Board()
  private readonly deps: WhiteboardEngineDeps
  private readonly history: OwnHistory
  private self: string | null = null
  private nextSeq = 0
  private live: LiveStroke | null = null
  /** Finished strokes whose last points still wait for the frame flush. */
  private flushScheduled = false
  private exclusive: string | null = null
  /** Live operations of peers that may not draw now, in case one turns out to be the new drawer. */
  private readonly early = new EarlyOps()
  /** Late joiner: the peer asked for the board, null until one could be asked. */
  private readonly lateJoin: LateJoin
  private readonly repairsAsked = new Set<string>()
  private cursor: { x: number | null; y: number | null } | null = null
  private cursorScheduled = false
  private readonly offs: (() => void)[]
  private readonly wire: BoardWire

  constructor(deps: WhiteboardEngineDeps) {
    super()
    this.deps = deps
    this.history = new OwnHistory(this.board, () => this.self)
    const router = deps.router
    this.wire = new BoardWire(router, deps.overlay)
    this.lateJoin = new LateJoin({
      wire: this.wire,
      board: this.board,
      inCall: () => this.self !== null,
      onPicture: (from, picture) => this.emit('picture', from, picture),
      warn: (message) => this.deps.warn?.(message),
    })
    this.offs = [
      this.wire.on(
        wbStrokeRoute,
        this.drawersOnly((peer, m) => {
          this.apply(
            this.board.add({
              kind: 'stroke',
              author: peer,
              seq: m.seq,
              lamport: m.lamport,
              rev: 0,
              undone: false,
              tool: m.tool,
              color: m.color,
              size: m.size,
              points: [],
              complete: false,
              expected: null,
              ...(m.pinned ? { pinned: true } : {}),
            }),
          )
        }),
      ),
      this.wire.onFrame(
        WB_POINTS_TAG,
        this.drawersOnly((peer, payload: Uint8Array) => this.onPoints(peer, payload)),
      ),
      this.wire.on(
        wbStrokeEndRoute,
        this.drawersOnly((peer, m) => {
          const { gap, change } = this.board.endStroke(peer, m.seq, m.count)
          this.apply(change)
          if (gap) this.askRepair(peer, m.seq)
        }),
      ),
      this.wire.on(
        wbFillRoute,
        this.drawersOnly((peer, m) => {
          const { seq, lamport, x, y, color } = m
          this.apply(
            this.board.add({
              kind: 'fill',
              author: peer,
              seq,
              lamport,
              rev: 0,
              undone: false,
              x,
              y,
              color,
            }),
          )
        }),
      ),
      this.wire.on(
        wbClearRoute,
        this.drawersOnly((peer, m) => {
          this.apply(
            this.board.add({
              kind: 'clear',
              author: peer,
              seq: m.seq,
              lamport: m.lamport,
              rev: 0,
              undone: false,
            }),
          )
        }),
      ),
      this.wire.on(
        wbUndoRoute,
        this.drawersOnly((peer, m) => {
          this.apply(this.board.setUndone(peer, m.seq, m.undone, m.rev))
        }),
      ),
      this.wire.on(wbStrokeRequestRoute, (peer, m) => {
        const self = this.self
        const op = self ? this.board.get(self, m.seq) : undefined
        if (!op || op.kind !== 'stroke' || !op.complete) return
        this.wire.sendFrame(peer, WB_OPS_TAG, repairFrame(op))
      }),
      this.wire.onFrame(WB_OPS_TAG, (peer, payload) => {
        let frame: OpsFrame
        try {
          frame = decodeOpsFrame(payload)
        } catch (error) {
          return this.deps.warn?.(`a malformed whiteboard ops frame: ${String(error)}`)
        }
        this.onOps(peer, frame)
      }),
      this.wire.on(wbCursorRoute, (peer, m) => {
        // During a game turn only the drawer's pointer is worth showing.
        if (!this.accepts(peer)) return
        const point =
          m.x === null || m.y === null ? null : { x: m.x / POINT_QUANTUM, y: m.y / POINT_QUANTUM }
        this.emit('cursor', peer, point)
      }),
      router.onPeer('peer-open', () => this.lateJoin.ask()),
      router.onPeer('peer-closed', (peer) => {
        if (this.board.settleStrokesOf(peer)) this.emit('change', { kind: 'rebuild' })
        this.emit('cursor', peer, null)
        this.lateJoin.peerClosed(peer)
      }),
    ]
  }

  get selfId(): string | null {
    return this.self
  }

  get exclusiveDrawer(): string | null {
    return this.exclusive
  }

  /** Whether the local user may draw now (in a call, and the drawer if there is one). */
  get canDraw(): boolean {
    return this.self !== null && this.accepts(this.self)
  }

  get canUndo(): boolean {
    return this.canDraw && this.history.undoTarget() !== null
  }

  get canRedo(): boolean {
    return this.canDraw && this.history.redoTarget() !== null
  }

  /** Whether a snapshot is still awaited (late joiner). */
  get awaitingSnapshot(): boolean {
    return this.lateJoin.awaiting
  }

  /**
   * Where a picture of the board comes from when a late joiner asks for it (the view); the
   * returned function unregisters it.
   */
  setPictureSource(source: PictureSource): () => void {
    return this.lateJoin.setPictureSource(source)
  }

  /** A peer is joining the call: it may soon ask for the board, so have its picture ready. */
  peerJoining(): void {
    this.lateJoin.peerJoining()
  }

  /** A call begins; a newcomer asks the first peer it reaches for the board. */
  start(selfId: string, options: { requestSnapshot: boolean }): void {
    this.stop()
    this.self = selfId
    if (options.requestSnapshot) this.lateJoin.begin()
    this.emit('state')
  }

  /** The call ended: the board is gone with it. */
  stop(): void {
    this.self = null
    this.lateJoin.stop()
    this.early.clear()
    this.exclusive = null
    this.live = null
    this.cursor = null
    this.clearLocal()
  }

  /**
   * Only this peer's operations are accepted (from the network and locally) until it is set to
   * null: the draw-and-guess game's current drawer.
   */
  setExclusiveDrawer(peerId: string | null): void {
    if (this.exclusive === peerId) return
    this.exclusive = peerId
    this.early.release(peerId)
    if (this.live && !this.canDraw) this.endStroke()
    this.emit('state')
  }

  /** Empties the board here without an operation (every peer does it at a turn boundary). */
  resetLocal(): void {
    this.live = null
    this.clearLocal()
    this.emit('state')
  }

  /** Starts a stroke at a point; false when the local user may not draw. */
  beginStroke(style: StrokeStyle, point: BoardPoint): boolean {
    const self = this.self
    if (!self || !this.canDraw) return false
    if (this.live) this.endStroke()
    const [x, y] = quantise(point.x, point.y)
    const op: StrokeOp = {
      kind: 'stroke',
      author: self,
      seq: this.nextSeq++,
      lamport: this.board.nextLamport(),
      rev: 0,
      undone: false,
      tool: style.tool,
      color: style.color,
      size: style.size,
      points: [x, y],
      complete: false,
      expected: null,
      ...(style.pinned ? { pinned: true } : {}),
    }
    this.live = { op, sent: 0 }
    this.apply(this.board.add(op))
    this.history.record(op.seq)
    const { seq, lamport, tool, color, size } = op
    this.wire.broadcast(wbStrokeRoute, {
      type: 'wb-stroke',
      seq,
      lamport,
      tool,
      color,
      size,
      ...(op.pinned ? { pinned: true as const } : {}),
    })
    this.scheduleFlush()
    this.emit('state')
    return true
  }

  /** More points of the stroke being drawn (a line longer than the limit continues as a new one). */
  extendStroke(points: readonly BoardPoint[]): void {
    for (const point of points) {
      const live = this.live
      if (!live) return
      const op = live.op
      const [x, y] = quantise(point.x, point.y)
      const n = op.points.length
      if (op.points[n - 2] === x && op.points[n - 1] === y) continue
      if (pointCount(op) >= STROKE_POINTS_MAX) {
        const style = { tool: op.tool, color: op.color, size: op.size, pinned: op.pinned }
        const last = { x: op.points[n - 2]! / POINT_QUANTUM, y: op.points[n - 1]! / POINT_QUANTUM }
        this.endStroke()
        this.beginStroke(style, last)
        this.extendStroke([point])
        continue
      }
      this.apply(this.board.appendPoints(op.author, op.seq, pointCount(op), [x, y]).change)
    }
    this.scheduleFlush()
  }

  /** Ends the stroke being drawn: its last points and the end go out now. */
  endStroke(): void {
    const live = this.live
    if (!live) return
    this.flush()
    this.live = null
    const count = pointCount(live.op)
    const { change } = this.board.endStroke(live.op.author, live.op.seq, count)
    this.apply(change)
    this.wire.broadcast(wbStrokeEndRoute, { type: 'wb-stroke-end', seq: live.op.seq, count })
    this.emit('state')
  }

  /** Fills the region around a point; false when the local user may not draw. */
  fill(point: BoardPoint, color: string): boolean {
    const self = this.self
    if (!self || !this.canDraw) return false
    if (this.live) this.endStroke()
    const [x, y] = quantise(point.x, point.y)
    const seq = this.nextSeq++
    const lamport = this.board.nextLamport()
    this.apply(
      this.board.add({
        kind: 'fill',
        author: self,
        seq,
        lamport,
        rev: 0,
        undone: false,
        x,
        y,
        color,
      }),
    )
    this.history.record(seq)
    this.wire.broadcast(wbFillRoute, { type: 'wb-fill', seq, lamport, x, y, color })
    this.emit('state')
    return true
  }

  /** Clears the board for everyone (an operation its author can undo). */
  clear(): boolean {
    const self = this.self
    if (!self || !this.canDraw) return false
    if (this.live) this.endStroke()
    const seq = this.nextSeq++
    const lamport = this.board.nextLamport()
    this.apply(this.board.add({ kind: 'clear', author: self, seq, lamport, rev: 0, undone: false }))
    this.history.record(seq)
    this.wire.broadcast(wbClearRoute, { type: 'wb-clear', seq, lamport })
    this.emit('state')
    return true
  }

  /** Hides the local user's newest own operation still shown; false when there is none. */
  undo(): boolean {
    if (!this.canDraw) return false
    if (this.live) this.endStroke()
    const op = this.history.undoTarget()
    if (!op) return false
    this.history.undid(op.seq)
    this.setOwnUndone(op, true)
    return true
  }

  /** Shows again what the last undo hid; false when there is nothing to redo. */
  redo(): boolean {
    if (!this.canDraw) return false
    const op = this.history.redoTarget()
    if (!op) return false
    this.history.redid(op.seq)
    this.setOwnUndone(op, false)
    return true
  }

  /**
   * The local pointer on the board (board units), or null when it left; sent once per frame,
   * and only while the local user may draw.
   */
  moveCursor(point: BoardPoint | null): void {
    if (!this.canDraw) return
    if (point === null) this.cursor = { x: null, y: null }
    else {
      const [x, y] = quantise(point.x, point.y)
      this.cursor = { x, y }
    }
    if (this.cursorScheduled) return
    this.cursorScheduled = true
    this.deps.scheduleFrame(() => {
      this.cursorScheduled = false
      const cursor = this.cursor
      this.cursor = null
      if (cursor && this.self) this.wire.broadcast(wbCursorRoute, { type: 'wb-cursor', ...cursor })
    })
  }

  dispose(): void {
    this.stop()
    this.lateJoin.dispose()
    for (const off of this.offs) off()
    this.removeAllListeners()
  }

  /**
   * A handler of live operations that applies the drawer's (or, outside a game turn, anyone's)
   * and keeps the others' a moment (earlyOps.ts): the server's word that a peer is the new
   * drawer can arrive after that peer's first stroke.
   */
  private drawersOnly<T>(handler: (peer: string, message: T) => void) {
    return (peer: string, message: T): void => {
      if (this.accepts(peer)) handler(peer, message)
      else if (this.self !== null) this.early.keep(peer, () => handler(peer, message))
    }
  }

  private accepts(author: string): boolean {
    return this.self !== null && (this.exclusive === null || this.exclusive === author)
  }

  private apply(change: BoardChange | null): void {
    if (change) this.emit('change', change)
  }

  private clearLocal(): void {
    this.board.reset()
    this.history.reset()
    this.repairsAsked.clear()
    this.emit('change', { kind: 'rebuild' })
  }

  private setOwnUndone(op: BoardOp, undone: boolean): void {
    const rev = op.rev + 1
    this.apply(this.board.setUndone(op.author, op.seq, undone, rev))
    this.wire.broadcast(wbUndoRoute, { type: 'wb-undo', seq: op.seq, undone, rev })
    this.emit('state')
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    this.deps.scheduleFrame(() => {
      this.flushScheduled = false
      this.flush()
    })
  }

  /** Sends the live stroke's points not sent yet, as one binary frame to each open peer. */
  private flush(): void {
    const live = this.live
    if (!live) return
    const { op } = live
    const have = pointCount(op)
    if (live.sent >= have) return
    const start = live.sent
    const previous: [number, number] | null =
      start === 0 ? null : [op.points[start * 2 - 2]!, op.points[start * 2 - 1]!]
    const frame = encodePointsFrame(op.seq, start, op.points.slice(start * 2), previous)
    live.sent = have
    for (const peer of this.deps.router.openPeers) this.wire.sendFrame(peer, WB_POINTS_TAG, frame)
  }

  private onPoints(peer: string, payload: Uint8Array): void {
    let header: ReturnType<typeof readPointsFrameHeader>
    try {
      header = readPointsFrameHeader(payload)
    } catch (error) {
      return this.deps.warn?.(`a malformed whiteboard points frame: ${String(error)}`)
    }
    const op = this.board.get(peer, header.seq)
    if (!op || op.kind !== 'stroke') return
    const have = pointCount(op)
    if (header.start > have) return this.askRepair(peer, header.seq)
    const previous: [number, number] | null =
      header.start === 0
        ? null
        : [op.points[header.start * 2 - 2]!, op.points[header.start * 2 - 1]!]
    let points: number[]
    try {
      points = readPoints(header.reader, previous, STROKE_POINTS_MAX)
    } catch (error) {
      return this.deps.warn?.(`a malformed whiteboard points frame: ${String(error)}`)
    }
    this.apply(this.board.appendPoints(peer, header.seq, header.start, points).change)
  }

  private askRepair(author: string, seq: number): void {
    const key = opKey(author, seq)
    if (this.repairsAsked.has(key)) return
    this.repairsAsked.add(key)
    this.wire.send(author, wbStrokeRequestRoute, { type: 'wb-stroke-request', seq })
  }

  private onOps(peer: string, page: OpsFrame): void {
    const self = this.self
    if (!self) return
    // A snapshot comes in render order: onto an empty or older board each operation lands on
    // top, and a view draws just it; anything landing in the middle redraws everything once.
    const tails: BoardChange[] = []
    let rebuild = false
    for (const wire of page.ops) {
      if (!this.accepts(wire.author)) continue
      const op = fromWire(wire)
      if (op.author === self) this.nextSeq = Math.max(this.nextSeq, op.seq + 1)
      const change = this.board.add(op)
      if (change?.kind === 'tail' && !rebuild) tails.push(change)
      else if (change) rebuild = true
    }
    if (rebuild) this.emit('change', { kind: 'rebuild' })
    else for (const change of tails) this.emit('change', change)
    if (this.lateJoin.completes(peer, page)) this.emit('snapshot', peer)
    this.emit('state')
  }
}
