/**
 * The board for a late joiner: the newcomer asks the first peer whose channel opens for the
 * whole board (asking the next one if that peer goes before the last page), and every member
 * answers such a request with a picture of its board (boardPicture.ts, if its view registered a
 * source) and then the ops pages. Which pages make the board is the engine's business; this
 * keeps who was asked and when the board has come.
 */
import {
  WB_OPS_TAG,
  WB_PICTURE_TAG,
  wbSnapshotRequestSchema,
} from '../../../../shared/channel/whiteboard'
import type { OpsFrame } from '../../../../shared/whiteboard/opsCodec'
import type { BoardPicture } from '../../../../shared/whiteboard/pictureCodec'
import { defineRoute } from '../../rtc/messageRouter'
import type { Board } from './board'
import { BoardPictures, type PictureSource } from './boardPicture'
import type { BoardWire } from './boardWire'
import { snapshotFrames } from './snapshot'

export const wbSnapshotRequestRoute = defineRoute('wb-snapshot-request', wbSnapshotRequestSchema)

export interface LateJoinDeps {
  wire: BoardWire
  board: Board
  /** The local user is in a call (answers and pictures only then). */
  inCall: () => boolean
  /** A picture of the board came from the peer asked, before its ops. */
  onPicture: (from: string, picture: BoardPicture) => void
  warn: (message: string) => void
}

export class LateJoin {
  /** The peer asked for the board (null until one could be asked), or null when none is awaited. */
  private asked: { from: string | null } | null = null
  private readonly pictures: BoardPictures
  private readonly offs: (() => void)[]

  constructor(private readonly deps: LateJoinDeps) {
    const { wire } = deps
    this.pictures = new BoardPictures({
      send: (peer, page) => wire.sendFrame(peer, WB_PICTURE_TAG, page),
      warn: deps.warn,
    })
    this.offs = [
      wire.on(wbSnapshotRequestRoute, (peer) => {
        if (!deps.inCall()) return
        this.pictures.answer(peer, () => {
          // The board as it is once the picture went (the call may have ended meanwhile).
          if (!deps.inCall()) return
          for (const frame of snapshotFrames(deps.board.all()))
            wire.sendFrame(peer, WB_OPS_TAG, frame)
        })
      }),
      wire.onFrame(WB_PICTURE_TAG, (peer, payload) => {
        const picture = this.pictures.receive(peer, payload)
        if (picture && this.asked?.from === peer) deps.onPicture(peer, picture)
      }),
    ]
  }

  /** Whether the board is still awaited. */
  get awaiting(): boolean {
    return this.asked !== null
  }

  /** A newcomer's call begins: asks for the board as soon as a peer can be asked. */
  begin(): void {
    this.asked = { from: null }
    this.ask()
  }

  /** Asks the first open peer, unless one was asked already. */
  ask(): void {
    const asked = this.asked
    if (!asked || asked.from !== null) return
    const peer = this.deps.wire.router.openPeers[0]
    if (!peer) return
    asked.from = peer
    this.pictures.expectFrom(peer)
    this.deps.wire.send(peer, wbSnapshotRequestRoute, { type: 'wb-snapshot-request' })
  }

  /** A peer's channel closed: if it was the one asked, the next open peer is asked. */
  peerClosed(peer: string): void {
    if (this.asked?.from !== peer) return
    this.asked = { from: null }
    this.pictures.expectFrom(null)
    this.ask()
  }

  /** An ops page was merged; true when it was the last page of the board asked for. */
  completes(peer: string, page: OpsFrame): boolean {
    if (!page.snapshot || !page.done || this.asked?.from !== peer) return false
    this.stop()
    return true
  }

  /** See BoardPictures.setSource. */
  setPictureSource(source: PictureSource): () => void {
    return this.pictures.setSource(source)
  }

  /** A peer is joining: a member pictures its board ahead (not a newcomer still waiting). */
  peerJoining(): void {
    if (this.deps.inCall() && !this.asked) this.pictures.prepare()
  }

  stop(): void {
    this.asked = null
    this.pictures.expectFrom(null)
  }

  dispose(): void {
    this.stop()
    for (const off of this.offs) off()
  }
}
