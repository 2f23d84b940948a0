/**
 * Drawing over shared screens: one overlay board per shared screen (the whiteboard engine with
 * the screen's stream id as its board), created when a screen is announced and dropped when it
 * ends; the sharer's switch (`wb-overlay`) and the marks' fading. The only writer of
 * screenDrawStore; views get a board's marks through `scene(board)`.
 */
import { wbOverlaySchema } from '../../../shared/channel/whiteboard'
import type { BoardChange } from '../engines/whiteboard/board'
import type { BoardOp } from '../engines/whiteboard/ops'
import { OverlayBoards, type SharedScreen } from '../engines/whiteboard/overlayBoards'
import { MarkFader } from '../engines/whiteboard/overlayFade'
import { OverlayHub } from '../engines/whiteboard/overlayHub'
import { WhiteboardEngine, type BoardPoint } from '../engines/whiteboard/whiteboardEngine'
import { defineRoute, type MessageRouter } from '../rtc/messageRouter'
import type { CallStore } from '../store/callStore'
import {
  SCREEN_DRAW_COLORS,
  SCREEN_DRAW_SIZE,
  initialScreenDrawState,
  type ScreenDrawStore,
  type ScreenOverlayState,
} from '../store/screenDrawStore'

export const wbOverlayRoute = defineRoute('wb-overlay', wbOverlaySchema)

/** One overlay's marks for a view; changes come at frame rate, so never through React. */
export interface OverlayScene {
  /** The marks shown, in render order (faded ones included: see opacity). */
  visible(): BoardOp[]
  /** 1 fully shown ... 0 faded away, at `now` (the controller's clock). */
  opacity(op: BoardOp, now: number): number
  /** Whether some mark is drawn or fading at `now` (the view keeps painting). */
  animating(now: number): boolean
  onChange(listener: (change: BoardChange) => void): () => void
}

export interface ScreenDrawApi {
  /** The marks of a screen's overlay, or null when that screen has none (not shared, disabled). */
  scene(board: string): OverlayScene | null
  /** "Draw on screen" on or off for one shared screen (only while its sharer allows it). */
  setDrawing(board: string, drawing: boolean): void
  setColor(color: string): void
  setPinned(pinned: boolean): void
  /** A mark, in the overlay's board units (the shared content's coordinates). */
  beginStroke(board: string, point: BoardPoint): void
  extendStroke(board: string, points: readonly BoardPoint[]): void
  endStroke(board: string): void
  /** The sharer only: clears the marks on its screen for everyone. */
  clear(board: string): void
  /** The sharer only: allows or forbids drawing on its screen, for everyone. */
  setEnabled(board: string, enabled: boolean): void
  /** The clock opacity() reads. */
  now(): number
}

export interface ScreenDrawControllerDeps {
  store: ScreenDrawStore
  callStore: CallStore
  router: MessageRouter
  scheduleFrame: (run: () => void) => void
  now?: () => number
  warn?: (message: string) => void
}

interface Overlay {
  engine: WhiteboardEngine
  fader: MarkFader
  scene: OverlayScene
}

export class ScreenDrawController implements ScreenDrawApi {
  private readonly deps: ScreenDrawControllerDeps
  private readonly hub: OverlayHub
  private readonly boards = new OverlayBoards()
  private readonly overlays = new Map<string, Overlay>()
  private self: string | null = null
  private unsubscribeCall: (() => void) | null = null
  private readonly offs: (() => void)[]
  readonly now: () => number

  constructor(deps: ScreenDrawControllerDeps) {
    this.deps = deps
    this.now = deps.now ?? (() => performance.now())
    const warn = deps.warn ?? ((message: string) => console.warn(message))
    this.hub = new OverlayHub(deps.router, warn)
    this.offs = [
      deps.router.on(wbOverlayRoute, (peer, m) => {
        if (!this.self || !this.boards.setEnabled(m.board, peer, m.enabled)) return
        this.applyEnabled(m.board)
      }),
      deps.router.onPeer('peer-open', (peer) => {
        // A late joiner would otherwise think drawing on our screen is allowed.
        const self = this.self
        if (!self) return
        for (const board of this.boards.ownedBy(self))
          if (!this.boards.isEnabled(board))
            deps.router.send(peer, wbOverlayRoute, { type: 'wb-overlay', board, enabled: false })
      }),
    ]
  }

  /** A call begins: overlays follow the screens its participants share. */
  start(selfId: string): void {
    this.stop()
    this.self = selfId
    this.unsubscribeCall = this.deps.callStore.subscribe(() => this.syncScreens())
    this.syncScreens()
  }

  /** The call ended: every overlay goes with it. */
  stop(): void {
    this.unsubscribeCall?.()
    this.unsubscribeCall = null
    for (const board of [...this.overlays.keys()]) this.dropOverlay(board)
    this.boards.clear()
    this.self = null
    const { color, pinned } = this.deps.store.getState()
    this.deps.store.setState({ ...initialScreenDrawState(), color, pinned })
  }

  dispose(): void {
    this.stop()
    for (const off of this.offs) off()
    this.hub.dispose()
  }

  scene(board: string): OverlayScene | null {
    return this.overlays.get(board)?.scene ?? null
  }

  setDrawing(board: string, drawing: boolean): void {
    const state = this.deps.store.getState().overlays[board]
    if (!state || (drawing && !state.enabled) || state.drawing === drawing) return
    if (!drawing) this.overlays.get(board)?.engine.endStroke()
    this.patchOverlay(board, { drawing })
  }

  setColor(color: string): void {
    if (!(SCREEN_DRAW_COLORS as readonly string[]).includes(color)) return
    this.deps.store.setState({ color })
  }

  setPinned(pinned: boolean): void {
    this.deps.store.setState({ pinned })
  }

  beginStroke(board: string, point: BoardPoint): void {
    if (!this.deps.store.getState().overlays[board]?.drawing) return
    const { color, pinned } = this.deps.store.getState()
    this.overlays
      .get(board)
      ?.engine.beginStroke({ tool: 'pen', color, size: SCREEN_DRAW_SIZE, pinned }, point)
  }

  extendStroke(board: string, points: readonly BoardPoint[]): void {
    this.overlays.get(board)?.engine.extendStroke(points)
  }

  endStroke(board: string): void {
    this.overlays.get(board)?.engine.endStroke()
  }

  clear(board: string): void {
    if (!this.isOwn(board)) return
    this.overlays.get(board)?.engine.clear()
  }

  setEnabled(board: string, enabled: boolean): void {
    const self = this.self
    if (!self || !this.isOwn(board) || !this.boards.setEnabled(board, self, enabled)) return
    this.deps.router.broadcast(wbOverlayRoute, { type: 'wb-overlay', board, enabled })
    this.applyEnabled(board)
  }

  private isOwn(board: string): boolean {
    return this.self !== null && this.boards.ownerOf(board) === this.self
  }

  private syncScreens(): void {
    if (!this.self) return
    const screens: SharedScreen[] = []
    for (const participant of Object.values(this.deps.callStore.getState().participants))
      for (const share of participant.screenStreams)
        screens.push({ board: share.id, owner: participant.id })
    const { added, removed } = this.boards.sync(screens)
    for (const board of removed) this.dropOverlay(board)
    for (const screen of added) {
      this.dropOverlay(screen.board)
      this.addOverlay(screen)
    }
  }

  private addOverlay({ board, owner }: SharedScreen): void {
    const self = this.self
    if (!self) return
    const engine = new WhiteboardEngine({
      router: this.deps.router,
      scheduleFrame: this.deps.scheduleFrame,
      overlay: { board, hub: this.hub },
      warn: this.deps.warn,
    })
    const fader = new MarkFader()
    const observe = () => fader.observe(engine.board.visible(), this.now())
    engine.on('change', (change) => {
      if (change.kind === 'rebuild' && engine.board.visible().length === 0) fader.reset()
      if (change.kind !== 'points') observe()
    })
    const scene: OverlayScene = {
      visible: () => engine.board.visible(),
      opacity: (op, now) => fader.opacity(op, now),
      animating: (now) => fader.fading(engine.board.visible(), now),
      onChange: (listener) => engine.on('change', listener),
    }
    this.overlays.set(board, { engine, fader, scene })
    const enabled = this.boards.isEnabled(board)
    if (enabled) engine.start(self, { requestSnapshot: false })
    this.patchOverlay(board, { owner, own: owner === self, enabled, drawing: false })
  }

  private dropOverlay(board: string): void {
    this.overlays.get(board)?.engine.dispose()
    this.overlays.delete(board)
    const { overlays } = this.deps.store.getState()
    if (!(board in overlays)) return
    const next = { ...overlays }
    delete next[board]
    this.deps.store.setState({ overlays: next })
  }

  /** The sharer's switch changed: a disabled overlay is emptied, closed and deaf. */
  private applyEnabled(board: string): void {
    const overlay = this.overlays.get(board)
    const self = this.self
    if (!overlay || !self) return
    const enabled = this.boards.isEnabled(board)
    if (enabled) overlay.engine.start(self, { requestSnapshot: false })
    else overlay.engine.stop()
    overlay.fader.reset()
    this.patchOverlay(board, { enabled, ...(enabled ? {} : { drawing: false }) })
  }

  private patchOverlay(board: string, patch: Partial<ScreenOverlayState>): void {
    const { overlays } = this.deps.store.getState()
    const current = overlays[board]
    if (!current && !('owner' in patch)) return
    const next = { ...current, ...patch } as ScreenOverlayState
    this.deps.store.setState({ overlays: { ...overlays, [board]: next } })
  }
}
