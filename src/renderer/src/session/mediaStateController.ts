/**
 * What each side sends, told over the control channel (`media` messages), and the remote screen
 * streams that go with it: a peer's screen tile shows once it has both announced the stream and
 * its tracks have arrived. Writes the participants' audio/video flags and screen streams.
 */
import { mediaStateMessageSchema, type MediaStateMessage } from '../../../shared/channel/media'
import { defineRoute, type MessageRouter } from '../rtc/messageRouter'
import type { Mesh } from '../rtc/mesh'
import type { CallStore } from '../store/callStore'
import { patchParticipant, visibleScreens } from './participants'

/** Only the newest state matters to a peer whose channel has not opened yet. */
export const mediaRoute = defineRoute('media', mediaStateMessageSchema, { whenClosed: 'latest' })

export interface MediaStateDeps {
  store: CallStore
  router: MessageRouter
  /** What we send now. */
  localState: () => MediaStateMessage
}

export class MediaStateController {
  private readonly deps: MediaStateDeps
  /** Latest media message per peer. */
  private readonly announced = new Map<string, MediaStateMessage>()
  /** Non-camera streams received per peer, by stream id. */
  private readonly received = new Map<string, Map<string, MediaStream>>()

  constructor(deps: MediaStateDeps) {
    this.deps = deps
    deps.router.on(mediaRoute, (peerId, message) => {
      this.announced.set(peerId, message)
      patchParticipant(deps.store, peerId, {
        audioEnabled: message.audio,
        videoEnabled: message.video,
      })
      this.syncScreens(peerId)
    })
  }

  /** Follows a call's mesh: each new peer is told our state, remote screens are tracked. */
  attach(mesh: Mesh): () => void {
    const offs = [
      mesh.on('peer-added', (peerId) =>
        this.deps.router.send(peerId, mediaRoute, this.deps.localState()),
      ),
      mesh.on('peer-stream', (peerId, stream) => {
        let streams = this.received.get(peerId)
        if (!streams) this.received.set(peerId, (streams = new Map()))
        streams.set(stream.id, stream)
        this.syncScreens(peerId)
      }),
      mesh.on('peer-stream-removed', (peerId, streamId) => {
        this.received.get(peerId)?.delete(streamId)
        this.syncScreens(peerId)
      }),
      mesh.on('peer-removed', (peerId) => this.forget(peerId)),
    ]
    return () => offs.forEach((off) => off())
  }

  /** Our state changed: every peer hears it (queued for those still connecting). */
  announce(): void {
    this.deps.router.broadcast(mediaRoute, this.deps.localState())
  }

  forget(peerId: string): void {
    this.announced.delete(peerId)
    this.received.delete(peerId)
  }

  reset(): void {
    this.announced.clear()
    this.received.clear()
  }

  private syncScreens(peerId: string): void {
    const ids = this.announced.get(peerId)?.screenStreamIds ?? []
    const screenStreams = visibleScreens(ids, this.received.get(peerId))
    patchParticipant(this.deps.store, peerId, { screenStreams })
  }
}
