/**
 * One PeerLink per remote peer. Owns the local media every link sends and fans it out, so a
 * device switch or a screen share is one call here. Removing a peer releases its connection,
 * tracks, timers and listeners.
 */
import type { SignalData } from '../../../shared/protocol'
import { Emitter } from '../lib/emitter'
import type { ChannelPort } from './channelPort'
import { limitBudget } from './linkAdaptation'
import { linkConfiguration } from './linkConfiguration'
import { PeerLink, type CameraSource, type LinkStatus, type MediaKind } from './peerLink'
import { cameraBudget, type VideoBudget } from './videoBudget'

export interface MeshEvents {
  /** A link to this peer exists now (its channels follow as 'peer-channel'). */
  'peer-added': [peerId: string]
  /** The link to this peer was closed and forgotten. */
  'peer-removed': [peerId: string]
  'peer-status': [peerId: string, status: LinkStatus]
  'peer-camera': [peerId: string, stream: MediaStream]
  'peer-stream': [peerId: string, stream: MediaStream]
  'peer-stream-removed': [peerId: string, streamId: string]
  /** A data channel of a peer's link: its layout's, or one the peer opened on demand. */
  'peer-channel': [peerId: string, port: ChannelPort]
}

export interface MeshOptions {
  selfId: string
  iceServers: RTCIceServer[]
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection
  sendSignal: (to: string, data: SignalData) => void
  camera?: CameraSource
  createMediaStream?: (tracks: MediaStreamTrack[]) => MediaStream
  disconnectGraceMs?: number
}

export class Mesh extends Emitter<MeshEvents> {
  readonly selfId: string
  private readonly options: MeshOptions
  private iceServers: RTCIceServer[]
  private readonly links = new Map<string, { link: PeerLink; unsubscribe: (() => void)[] }>()
  private camera: CameraSource
  private readonly screens = new Map<string, MediaStream>()
  /** Per-link camera steps below the room budget (linkAdaptation.ts); absent = 0. */
  private readonly cameraSteps = new Map<string, number>()
  private closed = false

  constructor(options: MeshOptions) {
    super()
    this.options = options
    this.selfId = options.selfId
    this.iceServers = options.iceServers
    this.camera = options.camera ?? { stream: null, audio: null, video: null }
  }

  get peerIds(): string[] {
    return [...this.links.keys()]
  }

  get size(): number {
    return this.links.size
  }

  link(peerId: string): PeerLink | undefined {
    return this.links.get(peerId)?.link
  }

  /**
   * Returns the link to peerId, creating it if needed. initiator=true (we are the newcomer)
   * creates the data channel and makes the first offer. Idempotent.
   */
  ensure(peerId: string, initiator: boolean): PeerLink {
    const existing = this.links.get(peerId)
    if (existing) return existing.link
    const link = this.createLink(peerId, initiator, cameraBudget(this.links.size + 1))
    this.rebalance()
    return link
  }

  /**
   * The newcomer calls everyone already in the room. Each link starts at the budget for the
   * whole room, so no encoder has to be reconfigured as the later links appear.
   */
  connectAll(peerIds: string[]): void {
    const fresh = [...new Set(peerIds)].filter((id) => !this.links.has(id))
    const budget = cameraBudget(this.links.size + fresh.length)
    for (const peerId of fresh) this.createLink(peerId, true, budget)
    this.rebalance()
  }

  private createLink(peerId: string, initiator: boolean, budget: VideoBudget): PeerLink {
    if (this.closed) throw new Error('mesh is closed')
    if (peerId === this.selfId) throw new Error('cannot connect to self')
    const link = new PeerLink({
      selfId: this.selfId,
      remoteId: peerId,
      initiator,
      pc: this.options.createPeerConnection(linkConfiguration(this.iceServers)),
      sendSignal: (data) => this.options.sendSignal(peerId, data),
      camera: this.camera,
      createMediaStream: this.options.createMediaStream,
      disconnectGraceMs: this.options.disconnectGraceMs,
      videoBudget: limitBudget(budget, this.cameraSteps.get(peerId) ?? 0),
    })
    const unsubscribe = [
      link.on('status', (status) => this.emit('peer-status', peerId, status)),
      link.on('remote-camera', (stream) => this.emit('peer-camera', peerId, stream)),
      link.on('remote-stream', (stream) => this.emit('peer-stream', peerId, stream)),
      link.on('remote-stream-removed', (id) => this.emit('peer-stream-removed', peerId, id)),
      link.on('channel', (port) => this.emit('peer-channel', peerId, port)),
    ]
    this.links.set(peerId, { link, unsubscribe })
    this.emit('peer-added', peerId)
    for (const stream of this.screens.values()) link.addScreen(stream)
    link.start()
    return link
  }

  /** Fresh ICE servers from a rejoin (TURN credentials expire): for new links and ICE restarts. */
  setIceServers(iceServers: RTCIceServer[]): void {
    this.iceServers = iceServers
    for (const { link } of this.links.values()) link.setIceServers(iceServers)
  }

  /** Routes a remote signal; an offer from a peer without a link creates one (we answer). */
  handleSignal(from: string, data: SignalData): void {
    let link = this.links.get(from)?.link
    if (!link) {
      // Stray candidates/answers for a link we already closed are dropped.
      if (!('description' in data) || data.description.type !== 'offer') return
      link = this.ensure(from, false)
    }
    void link.handleSignal(data)
  }

  remove(peerId: string): void {
    if (this.drop(peerId)) this.rebalance()
  }

  private drop(peerId: string): boolean {
    const entry = this.links.get(peerId)
    if (!entry) return false
    this.links.delete(peerId)
    this.cameraSteps.delete(peerId)
    for (const off of entry.unsubscribe) off()
    entry.link.close()
    this.emit('peer-removed', peerId)
    return true
  }

  /** Room size changed: every peer's copy of our camera gets the budget for the new size. */
  private rebalance(): void {
    const budget = cameraBudget(this.links.size)
    for (const [peerId, { link }] of this.links)
      link.setVideoBudget(limitBudget(budget, this.cameraSteps.get(peerId) ?? 0))
  }

  /** The camera budget for the room as it is now. */
  get roomBudget(): VideoBudget {
    return cameraBudget(this.links.size)
  }

  /** Steps our camera to one peer below the room budget (0 = the budget; see linkAdaptation). */
  setCameraStep(peerId: string, step: number): void {
    const link = this.links.get(peerId)?.link
    if (!link || (this.cameraSteps.get(peerId) ?? 0) === step) return
    this.cameraSteps.set(peerId, step)
    link.setVideoBudget(limitBudget(this.roomBudget, step))
  }

  /** New outgoing camera/microphone track (device switch, camera on/off): no renegotiation. */
  async replaceCameraTrack(kind: MediaKind, track: MediaStreamTrack | null): Promise<void> {
    this.camera = { ...this.camera, [kind]: track }
    await Promise.all(
      [...this.links.values()].map(({ link }) => link.replaceCameraTrack(kind, track)),
    )
  }

  get cameraSource(): CameraSource {
    return this.camera
  }

  addScreen(stream: MediaStream): void {
    if (this.screens.has(stream.id)) return
    this.screens.set(stream.id, stream)
    for (const { link } of this.links.values()) link.addScreen(stream)
  }

  removeScreen(streamId: string): void {
    if (!this.screens.delete(streamId)) return
    for (const { link } of this.links.values()) link.removeScreen(streamId)
  }

  /** Opens a bulk channel to a peer (see PeerLink.openChannel); null without a link. */
  openChannel(peerId: string, label: string): ChannelPort | null {
    return this.links.get(peerId)?.link.openChannel(label) ?? null
  }

  close(): void {
    if (this.closed) return
    // No rebalancing on the way out: the owner decides what the camera does after the call.
    for (const peerId of [...this.links.keys()]) this.drop(peerId)
    this.screens.clear()
    this.closed = true
    this.removeAllListeners()
  }
}
