/**
 * One RTCPeerConnection to one remote peer, negotiated with the "perfect negotiation" pattern
 * (MDN): either side may renegotiate at any time; on glare the polite peer (greater id) yields.
 *
 * Media layout, fixed for the link's lifetime so device switches never renegotiate:
 * - the first audio and first video transceivers carry the camera/microphone ("camera
 *   transceivers"); they are sendrecv from the start, even with no local track, so a peer
 *   without devices still receives and can later send with replaceTrack.
 * - every screen share adds its own tracks in its own MediaStream (msid = stream id) on later
 *   transceivers, which triggers a renegotiation.
 * Data channels (callerLayout.ts, docs/protocol.md) are handed to the owner as ChannelPorts,
 * which carry frames; what the frames mean is not this class's business.
 */
import { CHANNEL_INIT, channelKindOf } from '../../../shared/channel/labels'
import type { SignalData } from '../../../shared/protocol'
import { Emitter } from '../lib/emitter'
import { addCallerLayout } from './callerLayout'
import { ChannelPort, SAFE_MESSAGE_SIZE } from './channelPort'
import { IceRestarter, OfferRetry } from './linkRecovery'
import { judgeDescription } from './staleDescription'
import type { VideoBudget } from './videoBudget'
import { VideoBudgetWriter } from './videoBudgetWriter'

/** 'reconnecting': was connected, lost its path (ICE disconnected or failed), restarting ICE. */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed'
export type MediaKind = 'audio' | 'video'

export interface CameraSource {
  /** Container whose id is announced as cameraStreamId; tracks are passed separately. */
  stream: MediaStream | null
  audio: MediaStreamTrack | null
  video: MediaStreamTrack | null
}

export interface PeerLinkEvents {
  status: [status: LinkStatus]
  /** The remote camera/microphone stream (built from the camera transceivers' receivers). */
  'remote-camera': [stream: MediaStream]
  /** A non-camera remote stream (a screen share) got its first track. */
  'remote-stream': [stream: MediaStream]
  'remote-stream-removed': [streamId: string]
  /** A data channel of the layout (either side) or one the remote side opened on demand. */
  channel: [port: ChannelPort]
}

export interface PeerLinkOptions {
  selfId: string
  remoteId: string
  /** True for the newcomer: adds the media and data channel layout and sends the first offer. */
  initiator: boolean
  pc: RTCPeerConnection
  sendSignal: (data: SignalData) => void
  camera: CameraSource
  createMediaStream?: (tracks: MediaStreamTrack[]) => MediaStream
  /** How long 'disconnected' may last before an ICE restart. */
  disconnectGraceMs?: number
  /** An offer unanswered this long is sent again (signals lost while signaling was down). */
  offerRetryMs?: number
  /** Size and bitrate cap for our camera to this peer, applied from its first frame. */
  videoBudget?: VideoBudget
}

const DEFAULT_DISCONNECT_GRACE_MS = 4_000
const DEFAULT_OFFER_RETRY_MS = 5_000
const MAX_OFFER_RETRIES = 3

function toLinkStatus(state: RTCPeerConnectionState, wasConnected: boolean): LinkStatus {
  if (state === 'connected') return 'connected'
  if (state === 'closed') return 'failed'
  // A link that worked and lost its path is being restarted (ICE restart), not set up.
  if (wasConnected) return 'reconnecting'
  return state === 'failed' ? 'failed' : 'connecting'
}

type WireCandidate = NonNullable<Extract<SignalData, { candidate: unknown }>['candidate']>

/** Copies only the fields protocol v1 accepts (browsers may add more to toJSON()). */
function candidateInit(c: RTCIceCandidate): WireCandidate {
  const json = c.toJSON()
  return {
    candidate: json.candidate ?? '',
    sdpMid: json.sdpMid ?? null,
    sdpMLineIndex: json.sdpMLineIndex ?? null,
    usernameFragment: json.usernameFragment ?? null,
  }
}

export class PeerLink extends Emitter<PeerLinkEvents> {
  readonly remoteId: string
  readonly polite: boolean
  readonly initiator: boolean
  private readonly pc: RTCPeerConnection
  private readonly sendSignal: (data: SignalData) => void
  private readonly createMediaStream: (tracks: MediaStreamTrack[]) => MediaStream
  private readonly offerRetry: OfferRetry
  private readonly iceRestarter: IceRestarter
  private camera: CameraSource
  private cameraClaimed = false
  private remoteCamera: MediaStream | null = null
  private readonly remoteStreams = new Map<string, { stream: MediaStream; detach: () => void }>()
  private readonly screenSenders = new Map<string, RTCRtpSender[]>()
  private readonly pendingScreens = new Map<string, MediaStream>()
  private readonly ports = new Map<string, ChannelPort>()
  private status: LinkStatus = 'connecting'
  private makingOffer = false
  private ignoreOffer = false
  private settingRemoteAnswerPending = false
  private pendingCandidates: (RTCIceCandidateInit | null)[] = []
  private signalQueue: Promise<void> = Promise.resolve()
  private closed = false
  private started = false
  private readonly budget: VideoBudgetWriter
  private readonly cameraTransceivers: Partial<Record<MediaKind, RTCRtpTransceiver>> = {}
  /** A remote description has been applied at least once. */
  private negotiated = false

  constructor(options: PeerLinkOptions) {
    super()
    this.remoteId = options.remoteId
    this.polite = options.selfId > options.remoteId
    this.initiator = options.initiator
    this.pc = options.pc
    this.sendSignal = options.sendSignal
    this.camera = options.camera
    this.createMediaStream = options.createMediaStream ?? ((tracks) => new MediaStream(tracks))
    this.offerRetry = new OfferRetry(
      this.pc,
      () => this.sendLocalDescription(),
      options.offerRetryMs ?? DEFAULT_OFFER_RETRY_MS,
      MAX_OFFER_RETRIES,
    )
    this.iceRestarter = new IceRestarter(
      this.pc,
      this.remoteId,
      options.disconnectGraceMs ?? DEFAULT_DISCONNECT_GRACE_MS,
    )
    // Before the first remote description an answerer's sender has no encodings, and an
    // initiator's getParameters() would block on the thread busy creating the offer; the
    // description handler applies the budget once it is in.
    this.budget = new VideoBudgetWriter(options.videoBudget ?? null, () => {
      if (this.closed) return null
      if (!this.negotiated || !this.cameraClaimed) return undefined
      return this.cameraTransceiver('video')?.sender
    })
  }

  /** Wires the connection; call after attaching listeners so no early event is lost. */
  start(): void {
    if (this.started || this.closed) return
    this.started = true
    const pc = this.pc
    pc.onnegotiationneeded = () => void this.negotiate()
    pc.onicecandidate = ({ candidate }) => {
      this.sendSignal({ candidate: candidate ? candidateInit(candidate) : null })
    }
    pc.oniceconnectionstatechange = () => this.iceRestarter.onIceStateChange()
    pc.onconnectionstatechange = () =>
      this.setStatus(
        toLinkStatus(
          pc.connectionState,
          this.status === 'connected' || this.status === 'reconnecting',
        ),
      )
    pc.ontrack = (event) => this.onTrack(event)
    // Only the documented labels: anything else a remote side opens is closed at once.
    pc.ondatachannel = ({ channel }) => {
      if (channelKindOf(channel.label)) this.addPort(channel)
      else channel.close()
    }
    if (this.initiator) {
      this.addCallerLayout()
      this.cameraClaimed = true
      this.ensureRemoteCamera()
      this.applyPendingScreens()
      // Offer now rather than on negotiationneeded: that event is a task, which can queue
      // behind other work and delay the first offer. Once this offer is under way the browser
      // no longer considers negotiation needed.
      void this.negotiate()
    }
  }

  private addCallerLayout(): void {
    // The budget goes in with the transceiver: the encoder starts at it, and the sender need
    // not be queried later (getParameters blocks while the signaling thread is busy).
    const setup = addCallerLayout(this.pc, this.camera, this.budget.budget)
    this.cameraTransceivers.audio = setup.audio
    this.cameraTransceivers.video = setup.video
    this.budget.madeWith(setup.budget)
    for (const channel of setup.channels) this.addPort(channel)
  }

  get connectionStatus(): LinkStatus {
    return this.status
  }

  get remoteCameraStream(): MediaStream | null {
    return this.remoteCamera
  }

  /** The port of a data channel by label, while it is open or connecting. */
  port(label: string): ChannelPort | undefined {
    return this.ports.get(label)
  }

  /**
   * Opens a data channel on demand (a bulk transfer): no renegotiation once the link has its
   * first channels. The remote side gets it as a 'channel' event.
   */
  openChannel(label: string): ChannelPort {
    const kind = channelKindOf(label)
    if (this.closed) throw new Error(`link to ${this.remoteId} is closed`)
    if (kind !== 'bulk') throw new Error(`"${label}" is not a channel opened on demand`)
    if (this.ports.has(label)) throw new Error(`a channel "${label}" is already open`)
    return this.addPort(this.pc.createDataChannel(label, CHANNEL_INIT.bulk), false)
  }

  /** Feeds a description or candidate from the remote peer; processed strictly in order. */
  handleSignal(data: SignalData): Promise<void> {
    this.signalQueue = this.signalQueue.then(() => this.processSignal(data))
    return this.signalQueue
  }

  /** Switches or clears the outgoing camera/microphone track without renegotiation. */
  async replaceCameraTrack(kind: MediaKind, track: MediaStreamTrack | null): Promise<void> {
    this.camera = { ...this.camera, [kind]: track }
    if (!this.cameraClaimed || this.closed) return
    const transceiver = this.cameraTransceiver(kind)
    if (transceiver) await transceiver.sender.replaceTrack(track)
  }

  /** Limits the camera video sent to this peer (the room grew or shrank). */
  setVideoBudget(budget: VideoBudget): void {
    this.budget.set(budget)
  }

  addScreen(stream: MediaStream): void {
    if (this.closed || this.screenSenders.has(stream.id)) return
    if (!this.cameraClaimed) {
      // Answerer before the first offer: adding now would create m-lines ahead of the
      // initiator's camera ones and break the camera = first transceivers layout.
      this.pendingScreens.set(stream.id, stream)
      return
    }
    const senders = stream.getTracks().map((track) => this.pc.addTrack(track, stream))
    this.screenSenders.set(stream.id, senders)
  }

  removeScreen(streamId: string): void {
    this.pendingScreens.delete(streamId)
    const senders = this.screenSenders.get(streamId)
    if (!senders || this.closed) return
    this.screenSenders.delete(streamId)
    for (const sender of senders) this.pc.removeTrack(sender)
  }

  /** New ICE servers (fresh TURN credentials); used by the next ICE restart. */
  setIceServers(iceServers: RTCIceServer[]): void {
    if (this.closed) return
    try {
      this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers })
    } catch (error) {
      console.warn(`ICE servers for ${this.remoteId} not updated`, error)
    }
  }

  /** The connection's statistics (statsPoller.ts reads them). */
  getStats(): Promise<RTCStatsReport> {
    return this.pc.getStats()
  }

  /** Restarts ICE now (e.g. after the network changed). */
  restartIce(): void {
    if (!this.closed) this.pc.restartIce()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.iceRestarter.stop()
    this.offerRetry.stop()
    const pc = this.pc
    pc.onnegotiationneeded = null
    pc.onicecandidate = null
    pc.oniceconnectionstatechange = null
    pc.onconnectionstatechange = null
    pc.ontrack = null
    pc.ondatachannel = null
    for (const port of [...this.ports.values()]) port.close()
    this.ports.clear()
    for (const { detach } of this.remoteStreams.values()) detach()
    this.remoteStreams.clear()
    this.screenSenders.clear()
    this.pendingScreens.clear()
    this.pendingCandidates = []
    pc.close()
    this.setStatusClosed()
    this.removeAllListeners()
  }

  private async negotiate(): Promise<void> {
    if (this.closed) return
    try {
      this.makingOffer = true
      await this.pc.setLocalDescription()
      this.sendLocalDescription()
      this.offerRetry.offerSent()
    } catch (error) {
      if (!this.closed) console.warn(`negotiation with ${this.remoteId} failed`, error)
    } finally {
      this.makingOffer = false
    }
  }

  private sendLocalDescription(): void {
    const local = this.pc.localDescription
    if (!local || this.closed) return
    this.sendSignal({ description: { type: local.type, sdp: local.sdp } })
  }

  private async processSignal(data: SignalData): Promise<void> {
    if (this.closed) return
    try {
      if ('description' in data) await this.onDescription(data.description)
      else await this.onCandidate(data.candidate)
    } catch (error) {
      if (!this.closed) console.warn(`signal from ${this.remoteId} failed`, error)
    }
  }

  private async onDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const pc = this.pc
    const verdict = judgeDescription(pc, description)
    if (verdict !== 'apply') {
      console.debug(`${verdict}: late ${description.type} from ${this.remoteId}`)
      if (verdict === 'resend-answer') this.sendLocalDescription()
      return
    }
    const readyForOffer =
      !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswerPending)
    const offerCollision = description.type === 'offer' && !readyForOffer
    this.ignoreOffer = !this.polite && offerCollision
    if (this.ignoreOffer) return

    this.settingRemoteAnswerPending = description.type === 'answer'
    try {
      // In have-local-offer this rolls back our own offer implicitly (polite side of a glare).
      await pc.setRemoteDescription(description)
    } finally {
      this.settingRemoteAnswerPending = false
    }
    await this.afterRemoteDescription(description)
  }

  private async afterRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const pc = this.pc
    if (this.closed) return
    this.negotiated = true
    if (description.type === 'offer') {
      this.claimCameraTransceivers()
      // Before the answer, so our encoder to this peer starts at the cap rather than changing.
      await this.budget.apply()
      if (this.closed) return
      await pc.setLocalDescription()
      this.sendLocalDescription()
      this.ensureRemoteCamera()
      this.applyPendingScreens()
    }
    void this.budget.apply()
    await this.flushCandidates()
  }

  private async onCandidate(candidate: RTCIceCandidateInit | null): Promise<void> {
    if (!this.pc.remoteDescription) {
      // Arrived before the description it belongs to (or ours was ignored in a glare).
      if (!this.ignoreOffer) this.pendingCandidates.push(candidate)
      return
    }
    await this.addCandidate(candidate)
  }

  private async addCandidate(candidate: RTCIceCandidateInit | null): Promise<void> {
    try {
      // null = the remote side finished gathering (end-of-candidates).
      if (candidate) await this.pc.addIceCandidate(candidate)
      else await this.pc.addIceCandidate()
    } catch (error) {
      // Candidates of an offer we ignored (glare) or of an old ICE generation are expected to fail.
      if (!this.ignoreOffer && candidate)
        console.warn(`candidate from ${this.remoteId} rejected`, error)
    }
  }

  private async flushCandidates(): Promise<void> {
    const pending = this.pendingCandidates
    this.pendingCandidates = []
    for (const candidate of pending) await this.addCandidate(candidate)
  }

  /**
   * The camera transceivers are fixed for the link's life, so they are looked up once: on a busy
   * machine getTransceivers() can block the main thread on the signaling thread.
   */
  private cameraTransceiver(kind: MediaKind): RTCRtpTransceiver | undefined {
    this.cameraTransceivers[kind] ??= this.pc
      .getTransceivers()
      .find((t) => t.receiver.track.kind === kind)
    return this.cameraTransceivers[kind]
  }

  /** Answerer side: the initiator's first audio/video m-lines become our camera transceivers. */
  private claimCameraTransceivers(): void {
    if (this.cameraClaimed) return
    this.cameraClaimed = true
    for (const kind of ['audio', 'video'] as const) {
      const transceiver = this.cameraTransceiver(kind)
      if (!transceiver) continue
      transceiver.direction = 'sendrecv'
      const sender = transceiver.sender
      if (this.camera.stream && typeof sender.setStreams === 'function')
        sender.setStreams(this.camera.stream)
      const track = this.camera[kind]
      if (track) {
        sender
          .replaceTrack(track)
          .catch((error: unknown) => console.warn('replaceTrack failed', error))
      }
    }
  }

  private ensureRemoteCamera(): void {
    const tracks = (['audio', 'video'] as const)
      .map((kind) => this.cameraTransceiver(kind)?.receiver.track)
      .filter((t): t is MediaStreamTrack => !!t)
    if (tracks.length === 0) return
    if (!this.remoteCamera) {
      this.remoteCamera = this.createMediaStream(tracks)
      this.emit('remote-camera', this.remoteCamera)
      return
    }
    for (const track of tracks) {
      if (!this.remoteCamera.getTrackById(track.id)) this.remoteCamera.addTrack(track)
    }
  }

  private applyPendingScreens(): void {
    const pending = [...this.pendingScreens.values()]
    this.pendingScreens.clear()
    for (const stream of pending) this.addScreen(stream)
  }

  private onTrack(event: RTCTrackEvent): void {
    const kind = event.track.kind as MediaKind
    if (event.transceiver === this.cameraTransceiver(kind)) {
      this.ensureRemoteCamera()
      return
    }
    const stream = event.streams[0]
    if (!stream) return
    const known = this.remoteStreams.get(stream.id)
    if (known) return
    const onRemoveTrack = () => {
      if (stream.getTracks().length === 0) this.dropRemoteStream(stream.id)
    }
    stream.addEventListener('removetrack', onRemoveTrack)
    this.remoteStreams.set(stream.id, {
      stream,
      detach: () => stream.removeEventListener('removetrack', onRemoveTrack),
    })
    this.emit('remote-stream', stream)
  }

  private dropRemoteStream(streamId: string): void {
    const entry = this.remoteStreams.get(streamId)
    if (!entry) return
    entry.detach()
    this.remoteStreams.delete(streamId)
    this.emit('remote-stream-removed', streamId)
  }

  /** Wraps a channel in a port; a second channel with a label in use replaces the first. */
  private addPort(channel: RTCDataChannel, announce = true): ChannelPort {
    const label = channel.label
    this.ports.get(label)?.close()
    const port = new ChannelPort(channel, {
      // The remote side's limit, known once the SCTP transport is up.
      maxMessageSize: () => this.pc.sctp?.maxMessageSize || SAFE_MESSAGE_SIZE,
    })
    this.ports.set(label, port)
    port.on('close', () => {
      if (this.ports.get(label) === port) this.ports.delete(label)
    })
    if (announce) this.emit('channel', port)
    return port
  }

  private setStatus(status: LinkStatus): void {
    if (this.closed || status === this.status) return
    this.status = status
    this.emit('status', status)
  }

  private setStatusClosed(): void {
    this.status = 'failed'
  }
}
