/**
 * Binary frames of screens' overlay boards: the router has one handler per tag, so one hub takes
 * every overlay frame (WB_OVERLAY_TAG) and hands the frame inside to the engine of its board.
 * A frame for a board with no engine here (unknown or disabled overlay) is dropped.
 */
import { WB_OVERLAY_TAG } from '../../../../shared/channel/whiteboard'
import { decodeOverlayFrame, encodeOverlayFrame } from '../../../../shared/whiteboard/overlayFrame'
import type { MessageRouter } from '../../rtc/messageRouter'

type FrameHandler = (peerId: string, payload: Uint8Array) => void

export class OverlayHub {
  private readonly handlers = new Map<string, FrameHandler>()
  private readonly off: () => void

  constructor(
    readonly router: MessageRouter,
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.off = router.onBinary(WB_OVERLAY_TAG, (peer, frame) => {
      let decoded: ReturnType<typeof decodeOverlayFrame>
      try {
        decoded = decodeOverlayFrame(frame)
      } catch (error) {
        return this.warn(`a malformed overlay frame: ${String(error)}`)
      }
      this.handlers.get(handlerKey(decoded.board, decoded.tag))?.(peer, decoded.payload)
    })
  }

  /** Frames of one board with one inner tag; returns the unsubscribe function. */
  on(board: string, tag: number, handler: FrameHandler): () => void {
    const key = handlerKey(board, tag)
    this.handlers.set(key, handler)
    return () => {
      if (this.handlers.get(key) === handler) this.handlers.delete(key)
    }
  }

  send(peerId: string, board: string, tag: number, payload: Uint8Array): boolean {
    return this.router.sendBinary(peerId, WB_OVERLAY_TAG, encodeOverlayFrame(board, tag, payload))
  }

  dispose(): void {
    this.off()
    this.handlers.clear()
  }
}

function handlerKey(board: string, tag: number): string {
  return `${tag}:${board}`
}
