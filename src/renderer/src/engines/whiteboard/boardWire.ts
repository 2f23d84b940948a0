/**
 * Where one board's messages travel: the call's whiteboard uses the router directly, a shared
 * screen's overlay board tags its JSON messages with `board` and sends its binary frames inside
 * overlay frames through the hub (the router has one handler per binary tag).
 */
import type { MessageHandler, MessageRouter, Route } from '../../rtc/messageRouter'
import type { OverlayHub } from './overlayHub'

type Message = { type: string; board?: string }

export class BoardWire {
  constructor(
    readonly router: MessageRouter,
    private readonly overlay?: { board: string; hub: OverlayHub },
  ) {}

  /** Messages of this board only (the call's whiteboard: those without a board). */
  on<T extends Message>(route: Route<T>, handler: MessageHandler<T>): () => void {
    const board = this.overlay?.board
    return this.router.on(route, (peer, message) => {
      if (message.board === board) handler(peer, message)
    })
  }

  onFrame(tag: number, handler: (peer: string, payload: Uint8Array) => void): () => void {
    const overlay = this.overlay
    return overlay
      ? overlay.hub.on(overlay.board, tag, handler)
      : this.router.onBinary(tag, handler)
  }

  sendFrame(peer: string, tag: number, payload: Uint8Array): void {
    const overlay = this.overlay
    if (overlay) overlay.hub.send(peer, overlay.board, tag, payload)
    else this.router.sendBinary(peer, tag, payload)
  }

  broadcast<T extends Message>(route: Route<T>, message: T): void {
    this.router.broadcast(route, this.tagged(message))
  }

  send<T extends Message>(peer: string, route: Route<T>, message: T): void {
    this.router.send(peer, route, this.tagged(message))
  }

  private tagged<T extends { board?: string }>(message: T): T {
    const board = this.overlay?.board
    return board === undefined ? message : { ...message, board }
  }
}
