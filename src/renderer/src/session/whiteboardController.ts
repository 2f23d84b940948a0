/**
 * The shared whiteboard in the call: wires the whiteboard engine to the whiteboard stores and
 * gives views the board to draw (`scene`). The only writer of whiteboardStore and
 * whiteboardCursorStore.
 */
import type { BoardChange } from '../engines/whiteboard/board'
import type { PictureSource } from '../engines/whiteboard/boardPicture'
import type { BoardOp } from '../engines/whiteboard/ops'
import {
  WhiteboardEngine,
  type BoardPoint,
  type StrokeStyle,
} from '../engines/whiteboard/whiteboardEngine'
import type { MessageRouter } from '../rtc/messageRouter'
import type { BoardPicture } from '../../../shared/whiteboard/pictureCodec'
import {
  initialWhiteboardState,
  type WhiteboardCursorStore,
  type WhiteboardStore,
  type WhiteboardTool,
} from '../store/whiteboardStore'

/** What a view needs to draw the board; changes come at frame rate, so never through React. */
export interface WhiteboardScene {
  /** The operations drawn, in order (see docs/protocol.md, Whiteboard). */
  visible(): BoardOp[]
  /** Called on every change; returns the unsubscribe function. */
  onChange(listener: (change: BoardChange) => void): () => void
  /** A late joiner's board is still on its way. */
  loading(): boolean
  /**
   * A picture of the board a late joiner got before its operations, kept while it is worth
   * showing (until a view drew the board exactly or something undid part of it); else null.
   */
  picture(): BoardPicture | null
  /** Called when a picture arrives and when a late joiner's board has come. */
  onLoad(listener: () => void): () => void
  /** The view that can picture the board for late joiners; returns the unregister function. */
  providePicture(source: PictureSource): () => void
  /** A view drew the whole board exactly: the picture is no longer needed. */
  dropPicture(): void
}

export interface WhiteboardApi {
  readonly scene: WhiteboardScene
  /** Shows the board as the call's stage (only here; the others decide for themselves). */
  open(): void
  close(): void
  toggle(): void
  setTool(tool: WhiteboardTool): void
  setColor(color: string): void
  setSize(size: number): void
  /** Drawing with the chosen tool, in board units: a stroke with pen or eraser... */
  beginStroke(point: BoardPoint): void
  extendStroke(points: readonly BoardPoint[]): void
  endStroke(): void
  /** ...or a fill with the fill tool. */
  fillAt(point: BoardPoint): void
  /** Clears the board for everyone (the UI confirms first); undoable by the one who cleared. */
  clear(): void
  /** Undo/redo of the local user's own operations only. */
  undo(): void
  redo(): void
  /** The local pointer over the board (board units), or null when it left. */
  moveCursor(point: BoardPoint | null): void
  /**
   * For the draw-and-guess game: while a peer id is set, every peer that set it accepts only
   * that peer's operations (live and in snapshots) and ignores everyone else's; the local
   * user's tools are disabled unless they are that peer. Null lets everyone draw again.
   */
  setExclusiveDrawer(peerId: string | null): void
  /**
   * For the game's turn boundary: empties the board here without sending anything (every peer
   * calls it itself), and forgets the local undo history.
   */
  resetLocal(): void
}

export interface WhiteboardControllerDeps {
  store: WhiteboardStore
  cursorStore: WhiteboardCursorStore
  router: MessageRouter
  /** requestAnimationFrame in the app: points and cursors are batched per frame. */
  scheduleFrame: (run: () => void) => void
}

export class WhiteboardController implements WhiteboardApi {
  readonly scene: WhiteboardScene
  private readonly deps: WhiteboardControllerDeps
  private readonly engine: WhiteboardEngine
  private picture: BoardPicture | null = null
  private readonly loadListeners = new Set<() => void>()

  constructor(deps: WhiteboardControllerDeps) {
    this.deps = deps
    const engine = new WhiteboardEngine({
      router: deps.router,
      scheduleFrame: deps.scheduleFrame,
      warn: (message) => console.warn(message),
    })
    this.engine = engine
    this.scene = {
      visible: () => engine.board.visible(),
      onChange: (listener) => engine.on('change', listener),
      loading: () => engine.awaitingSnapshot,
      picture: () => this.picture,
      onLoad: (listener) => {
        this.loadListeners.add(listener)
        return () => this.loadListeners.delete(listener)
      },
      providePicture: (source) => engine.setPictureSource(source),
      dropPicture: () => {
        this.picture = null
      },
    }
    engine.on('picture', (_from, picture) => {
      this.picture = picture
      this.loaded()
    })
    engine.on('state', () => this.syncState())
    // Someone else's clear (or its undo) can change what the local undo would do.
    engine.on('change', (change) => {
      if (change.kind !== 'points') this.syncState()
      // Once the board has come, an undo or a clear would make the picture show what is gone.
      if (change.kind === 'rebuild' && !engine.awaitingSnapshot) this.picture = null
    })
    engine.on('snapshot', () => {
      this.syncState()
      this.loaded()
    })
    engine.on('cursor', (peerId, point) => {
      const cursors = { ...deps.cursorStore.getState().cursors }
      if (point) cursors[peerId] = point
      else if (peerId in cursors) delete cursors[peerId]
      else return
      deps.cursorStore.setState({ cursors })
    })
  }

  /** A call begins; a newcomer gets the board from a peer. */
  start(selfId: string, options: { requestSnapshot: boolean }): void {
    this.engine.start(selfId, options)
    this.syncState()
  }

  /** A peer is joining: a view pictures the board now, before the joiner asks for it. */
  peerJoining(): void {
    this.engine.peerJoining()
  }

  /** The call ended: the board, the cursors and the game's restriction are gone. */
  stop(): void {
    this.engine.stop()
    this.picture = null
    const { tool, color, size } = this.deps.store.getState()
    this.deps.store.setState({ ...initialWhiteboardState(), tool, color, size })
    this.deps.cursorStore.setState({ cursors: {} })
  }

  open(): void {
    this.deps.store.setState({ open: true })
  }

  close(): void {
    this.engine.endStroke()
    this.engine.moveCursor(null)
    this.deps.store.setState({ open: false })
  }

  toggle(): void {
    if (this.deps.store.getState().open) this.close()
    else this.open()
  }

  setTool(tool: WhiteboardTool): void {
    this.deps.store.setState({ tool })
  }

  setColor(color: string): void {
    if (!/^#[0-9a-f]{6}$/.test(color)) return
    this.deps.store.setState({ color })
  }

  setSize(size: number): void {
    if (!Number.isInteger(size) || size < 1 || size > 64) return
    this.deps.store.setState({ size })
  }

  beginStroke(point: BoardPoint): void {
    const { tool, color, size } = this.deps.store.getState()
    if (tool === 'fill') return
    const style: StrokeStyle = { tool, color, size: tool === 'eraser' ? size * 2 : size }
    this.engine.beginStroke(style, point)
  }

  extendStroke(points: readonly BoardPoint[]): void {
    this.engine.extendStroke(points)
  }

  endStroke(): void {
    this.engine.endStroke()
  }

  fillAt(point: BoardPoint): void {
    this.engine.fill(point, this.deps.store.getState().color)
  }

  clear(): void {
    this.engine.clear()
  }

  undo(): void {
    this.engine.undo()
  }

  redo(): void {
    this.engine.redo()
  }

  moveCursor(point: BoardPoint | null): void {
    this.engine.moveCursor(point)
  }

  setExclusiveDrawer(peerId: string | null): void {
    this.engine.setExclusiveDrawer(peerId)
    if (peerId !== null) {
      const { cursors } = this.deps.cursorStore.getState()
      const kept = peerId in cursors ? { [peerId]: cursors[peerId]! } : {}
      if (Object.keys(cursors).length !== Object.keys(kept).length)
        this.deps.cursorStore.setState({ cursors: kept })
    }
    this.syncState()
  }

  resetLocal(): void {
    this.picture = null
    this.engine.resetLocal()
    this.syncState()
  }

  dispose(): void {
    this.engine.dispose()
  }

  private loaded(): void {
    for (const listener of this.loadListeners) listener()
  }

  private syncState(): void {
    const engine = this.engine
    const next = {
      canDraw: engine.canDraw,
      exclusiveDrawer: engine.exclusiveDrawer,
      canUndo: engine.canUndo,
      canRedo: engine.canRedo,
      loading: engine.awaitingSnapshot,
    }
    const current = this.deps.store.getState()
    if ((Object.keys(next) as (keyof typeof next)[]).some((key) => current[key] !== next[key]))
      this.deps.store.setState(next)
  }
}
