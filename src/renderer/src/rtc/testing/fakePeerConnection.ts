/**
 * An in-memory RTCPeerConnection good enough to exercise perfect negotiation: JSEP state machine
 * (stable / have-local-offer / have-remote-offer, implicit rollback on a remote offer), mids,
 * transceiver directions, msid streams, addTrack transceiver association, trickle candidates
 * bound to an ICE ufrag, ICE restarts, negotiationneeded, and a paired data channel.
 * Like browsers, setLocalDescription, setRemoteDescription and addIceCandidate run one at a time
 * on an operations queue, and the signaling state changes only when an operation completes; with
 * `operationLatencyMs` each takes that long, which opens the window real glare happens in (an
 * offer being made while the state still reads `stable`).
 * Descriptions are JSON, not SDP; the real thing is covered by the E2E suite in Chromium.
 */
import { FakeStream, FakeTrack } from './fakeMedia'

type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive'
type Kind = 'audio' | 'video'

interface MLine {
  mid: string
  kind: Kind
  direction: Direction
  streams: string[]
}

interface FakeSdp {
  pc: number
  ufrag: string
  mlines: MLine[]
  data: boolean
}

const sends = (d: Direction) => d === 'sendrecv' || d === 'sendonly'
const receives = (d: Direction) => d === 'sendrecv' || d === 'recvonly'
const makeDirection = (send: boolean, recv: boolean): Direction =>
  send && recv ? 'sendrecv' : send ? 'sendonly' : recv ? 'recvonly' : 'inactive'

export class FakeSender {
  streams: FakeStream[] = []
  /** Like browsers: no encodings until the transceiver has been negotiated. */
  encodings: RTCRtpEncodingParameters[] = []
  constructor(public track: FakeTrack | null) {}
  getParameters(): { encodings: RTCRtpEncodingParameters[] } {
    return { encodings: this.encodings.map((e) => ({ ...e })) }
  }
  setParameters(params: { encodings: RTCRtpEncodingParameters[] }): Promise<void> {
    if (params.encodings.length !== this.encodings.length) {
      return Promise.reject(domError('InvalidModificationError', 'encodings changed'))
    }
    this.encodings = params.encodings.map((e) => ({ ...e }))
    return Promise.resolve()
  }
  replaceTrack(track: FakeTrack | null): Promise<void> {
    this.track = track
    return Promise.resolve()
  }
  setStreams(...streams: FakeStream[]): void {
    this.streams = streams
  }
}

export class FakeTransceiver {
  mid: string | null = null
  negotiatedDirection: Direction | null = null
  /**
   * The direction as it was when the pending local description was made: a change after that
   * (a track removed while the offer is out) still needs the next negotiation, as in browsers.
   */
  describedDirection: Direction | null = null
  /** Created by addTrack (may be associated with a remote offer's m-line of the same kind). */
  fromAddTrack = false
  readonly sender: FakeSender
  readonly receiver: { track: FakeTrack }
  /** Remote stream ids this receiver's track currently belongs to. */
  remoteStreams: string[] = []
  remoteSending = false

  constructor(
    readonly kind: Kind,
    public direction: Direction,
    track: FakeTrack | null,
  ) {
    this.sender = new FakeSender(track)
    this.receiver = { track: new FakeTrack(kind) }
  }
}

export class FakeDataChannel {
  readyState: 'connecting' | 'open' | 'closing' | 'closed' = 'connecting'
  binaryType = 'blob'
  /** Delivery is immediate here: nothing is ever queued. */
  bufferedAmount = 0
  bufferedAmountLowThreshold = 0
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onbufferedamountlow: (() => void) | null = null
  peer: FakeDataChannel | null = null
  readonly sent: unknown[] = []

  constructor(
    readonly label: string,
    readonly init: RTCDataChannelInit = {},
  ) {}

  send(data: unknown): void {
    if (this.readyState !== 'open') throw new Error('InvalidStateError: channel not open')
    this.sent.push(data)
    const peer = this.peer
    // Binary arrives as a copy in an ArrayBuffer, as with binaryType 'arraybuffer'.
    const delivered = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer
      : data instanceof ArrayBuffer
        ? data.slice(0)
        : data
    setTimeout(() => peer?.onmessage?.({ data: delivered }), 0)
  }

  open(): void {
    if (this.readyState !== 'connecting') return
    this.readyState = 'open'
    this.onopen?.()
  }

  close(): void {
    if (this.readyState === 'closed') return
    this.readyState = 'closed'
    this.onclose?.()
    const peer = this.peer
    this.peer = null
    if (peer) setTimeout(() => peer.close(), 0)
  }
}

function domError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name })
}

export class FakeNetwork {
  private nextPc = 1
  readonly pcs = new Map<number, FakePeerConnection>()

  create = (config: RTCConfiguration = {}): RTCPeerConnection =>
    this.createFake(config) as unknown as RTCPeerConnection

  createFake(config: RTCConfiguration = {}): FakePeerConnection {
    const pc = new FakePeerConnection(this, this.nextPc++, config)
    this.pcs.set(pc.pcId, pc)
    return pc
  }

  get openCount(): number {
    return [...this.pcs.values()].filter((pc) => pc.signalingState !== 'closed').length
  }
}

export class FakePeerConnection {
  signalingState: RTCSignalingState = 'stable'
  connectionState: RTCPeerConnectionState = 'new'
  iceConnectionState: RTCIceConnectionState = 'new'
  localDescription: RTCSessionDescriptionInit | null = null
  remoteDescription: RTCSessionDescriptionInit | null = null
  onnegotiationneeded: (() => void) | null = null
  onicecandidate:
    ((event: { candidate: { toJSON(): RTCIceCandidateInit } | null }) => void) | null = null
  oniceconnectionstatechange: (() => void) | null = null
  onconnectionstatechange: (() => void) | null = null
  ontrack:
    | ((event: { track: FakeTrack; transceiver: FakeTransceiver; streams: FakeStream[] }) => void)
    | null = null
  ondatachannel: ((event: { channel: FakeDataChannel }) => void) | null = null

  readonly transceivers: FakeTransceiver[] = []
  readonly channels: FakeDataChannel[] = []
  readonly addedCandidates: (RTCIceCandidateInit | null)[] = []
  offersMade = 0
  restartCount = 0
  /** How long each queued operation takes (0: one microtask, the default). */
  operationLatencyMs = 0
  /** Operations queued or running: > 0 while a description is being applied. */
  pendingOperations = 0
  private operations: Promise<void> = Promise.resolve()
  private nextMid = 0
  private ufrag: string
  private remoteUfrag: string | null = null
  private restartPending = false
  private negotiatedData = false
  private remotePcId: number | null = null
  private readonly remoteStreams = new Map<string, FakeStream>()
  private currentLocal: RTCSessionDescriptionInit | null = null
  private currentRemote: RTCSessionDescriptionInit | null = null
  private negotiationQueued = false

  constructor(
    private readonly network: FakeNetwork,
    readonly pcId: number,
    public config: RTCConfiguration,
  ) {
    this.ufrag = `u${pcId}a`
  }

  getConfiguration(): RTCConfiguration {
    return { ...this.config }
  }

  setConfiguration(config: RTCConfiguration): void {
    this.assertOpen()
    this.config = { ...config }
  }

  getTransceivers(): FakeTransceiver[] {
    return [...this.transceivers]
  }

  getSenders(): FakeSender[] {
    return this.transceivers.map((t) => t.sender)
  }

  addTransceiver(
    trackOrKind: FakeTrack | Kind,
    init: {
      direction?: Direction
      streams?: FakeStream[]
      sendEncodings?: RTCRtpEncodingParameters[]
    } = {},
  ): FakeTransceiver {
    this.assertOpen()
    const track = typeof trackOrKind === 'string' ? null : trackOrKind
    const kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind
    const t = new FakeTransceiver(kind, init.direction ?? 'sendrecv', track)
    t.sender.streams = init.streams ?? []
    // Like browsers: encodings given up front apply from the first frame.
    if (init.sendEncodings)
      t.sender.encodings = init.sendEncodings.map((e) => ({ active: true, ...e }))
    this.transceivers.push(t)
    this.queueNegotiationNeeded()
    return t
  }

  addTrack(track: FakeTrack, ...streams: FakeStream[]): FakeSender {
    this.assertOpen()
    const t = new FakeTransceiver(track.kind, 'sendrecv', track)
    t.fromAddTrack = true
    t.sender.streams = streams
    this.transceivers.push(t)
    this.queueNegotiationNeeded()
    return t.sender
  }

  removeTrack(sender: FakeSender): void {
    this.assertOpen()
    const t = this.transceivers.find((x) => x.sender === sender)
    if (!t || !sender.track) return
    sender.track = null
    t.direction = makeDirection(false, receives(t.direction))
    this.queueNegotiationNeeded()
  }

  createDataChannel(label: string, init: RTCDataChannelInit = {}): FakeDataChannel {
    this.assertOpen()
    const channel = new FakeDataChannel(label, init)
    this.channels.push(channel)
    // Like SCTP: once a link has data channels, more open without renegotiating.
    if (this.negotiatedData) setTimeout(() => this.connect(), 0)
    else this.queueNegotiationNeeded()
    return channel
  }

  /** What the remote side accepts per message (Chromium's figure), once connected. */
  get sctp(): { maxMessageSize: number } | null {
    return this.negotiatedData ? { maxMessageSize: 262_144 } : null
  }

  restartIce(): void {
    this.restartCount++
    this.restartPending = true
    this.queueNegotiationNeeded()
  }

  setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    return this.enqueue(() => this.applyLocalDescription(description))
  }

  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    return this.enqueue(() => this.applyRemoteDescription(description))
  }

  addIceCandidate(candidate?: RTCIceCandidateInit | null): Promise<void> {
    return this.enqueue(() => this.applyIceCandidate(candidate))
  }

  /** Runs an operation after the ones before it have finished, as the JSEP operations chain does. */
  private enqueue(operation: () => void): Promise<void> {
    this.pendingOperations++
    const run = this.operations.then(async () => {
      try {
        if (this.operationLatencyMs > 0)
          await new Promise((done) => setTimeout(done, this.operationLatencyMs))
        else await Promise.resolve()
        operation()
      } finally {
        this.pendingOperations--
      }
    })
    this.operations = run.catch(() => undefined)
    return run
  }

  private applyLocalDescription(description?: RTCSessionDescriptionInit): void {
    this.assertOpen()
    if (description?.type === 'rollback') return this.rollback()
    if (this.signalingState === 'stable' || this.signalingState === 'have-local-offer') {
      if (this.restartPending) {
        this.ufrag = `u${this.pcId}${String.fromCharCode(97 + this.restartCount)}`
        this.restartPending = false
        this.iceConnectionState = 'checking'
      }
      for (const t of this.transceivers) {
        if (t.mid === null) t.mid = String(this.nextMid++)
        t.describedDirection = t.direction
      }
      const sdp: FakeSdp = {
        pc: this.pcId,
        ufrag: this.ufrag,
        mlines: this.transceivers.map((t) => ({
          mid: t.mid as string,
          kind: t.kind,
          direction: t.direction,
          streams: t.sender.streams.map((s) => s.id),
        })),
        data: this.channels.length > 0 || this.negotiatedData,
      }
      this.localDescription = { type: 'offer', sdp: JSON.stringify(sdp) }
      this.offersMade++
      this.signalingState = 'have-local-offer'
      this.gather()
      return
    }
    if (this.signalingState === 'have-remote-offer') {
      const remote = JSON.parse(this.remoteDescription?.sdp ?? '{}') as FakeSdp
      const mlines = remote.mlines.map((m) => {
        const t = this.transceivers.find((x) => x.mid === m.mid) as FakeTransceiver
        t.describedDirection = t.direction
        const direction = makeDirection(
          sends(t.direction) && receives(m.direction),
          receives(t.direction) && sends(m.direction),
        )
        return { mid: m.mid, kind: m.kind, direction, streams: t.sender.streams.map((s) => s.id) }
      })
      const sdp: FakeSdp = { pc: this.pcId, ufrag: this.ufrag, mlines, data: remote.data }
      this.localDescription = { type: 'answer', sdp: JSON.stringify(sdp) }
      this.completeNegotiation(sdp, remote)
      this.gather()
      return
    }
    throw domError('InvalidStateError', `setLocalDescription in ${this.signalingState}`)
  }

  private applyRemoteDescription(description: RTCSessionDescriptionInit): void {
    this.assertOpen()
    const sdp = JSON.parse(description.sdp ?? '') as FakeSdp
    if (description.type === 'offer') {
      if (this.signalingState === 'have-local-offer') this.rollback()
      if (this.signalingState !== 'stable') {
        throw domError('InvalidStateError', `remote offer in ${this.signalingState}`)
      }
      this.bindRemote(sdp)
      for (const m of sdp.mlines) {
        let t = this.transceivers.find((x) => x.mid === m.mid)
        if (!t) {
          t = this.transceivers.find((x) => x.mid === null && x.fromAddTrack && x.kind === m.kind)
          if (t) t.mid = m.mid
        }
        if (!t) {
          t = new FakeTransceiver(m.kind, 'recvonly', null)
          t.mid = m.mid
          this.transceivers.push(t)
          this.nextMid = Math.max(this.nextMid, Number(m.mid) + 1)
        }
        // Like Chromium: an offered m-line gives the answerer's sender its encoding already.
        if (t.sender.encodings.length === 0) t.sender.encodings = [{ active: true }]
      }
      this.remoteDescription = description
      this.signalingState = 'have-remote-offer'
      this.applyRemoteTracks(sdp)
      return
    }
    if (description.type === 'answer') {
      if (this.signalingState !== 'have-local-offer') {
        throw domError('InvalidStateError', `remote answer in ${this.signalingState}`)
      }
      this.bindRemote(sdp)
      this.remoteDescription = description
      this.applyRemoteTracks(sdp)
      this.completeNegotiation(JSON.parse(this.localDescription?.sdp ?? '') as FakeSdp, sdp)
      return
    }
    throw domError('InvalidStateError', `unsupported remote description ${description.type}`)
  }

  private applyIceCandidate(candidate?: RTCIceCandidateInit | null): void {
    if (!this.remoteDescription) throw domError('InvalidStateError', 'no remote description')
    if (candidate && candidate.usernameFragment !== this.remoteUfrag) {
      throw domError('OperationError', `unknown ufrag ${candidate.usernameFragment}`)
    }
    this.addedCandidates.push(candidate ?? null)
  }

  close(): void {
    if (this.signalingState === 'closed') return
    this.signalingState = 'closed'
    this.connectionState = 'closed'
    this.iceConnectionState = 'closed'
    for (const t of this.transceivers) t.receiver.track.stop()
    for (const channel of this.channels) channel.close()
  }

  /** Test hook: what the ICE agent reports when the network breaks or heals. */
  simulateIce(state: RTCIceConnectionState): void {
    this.iceConnectionState = state
    this.oniceconnectionstatechange?.()
    const connection: RTCPeerConnectionState =
      state === 'failed'
        ? 'failed'
        : state === 'disconnected'
          ? 'disconnected'
          : state === 'connected'
            ? 'connected'
            : 'connecting'
    this.setConnectionState(connection)
  }

  private assertOpen(): void {
    if (this.signalingState === 'closed') throw domError('InvalidStateError', 'connection closed')
  }

  private bindRemote(sdp: FakeSdp): void {
    this.remotePcId = sdp.pc
    this.remoteUfrag = sdp.ufrag
  }

  private rollback(): void {
    if (this.signalingState !== 'have-local-offer') return
    const negotiated = this.currentLocal
      ? (JSON.parse(this.currentLocal.sdp ?? '') as FakeSdp)
      : null
    const keep = new Set(negotiated?.mlines.map((m) => m.mid) ?? [])
    for (const t of this.transceivers) if (t.mid !== null && !keep.has(t.mid)) t.mid = null
    this.localDescription = this.currentLocal
    this.remoteDescription = this.currentRemote
    this.signalingState = 'stable'
  }

  private applyRemoteTracks(remote: FakeSdp): void {
    for (const m of remote.mlines) {
      const t = this.transceivers.find((x) => x.mid === m.mid)
      if (!t) continue
      const nowSending = sends(m.direction)
      if (nowSending && (!t.remoteSending || t.remoteStreams.join() !== m.streams.join())) {
        t.remoteSending = true
        t.remoteStreams = m.streams
        const streams = m.streams.map((id) => {
          let s = this.remoteStreams.get(id)
          if (!s) this.remoteStreams.set(id, (s = new FakeStream([], id)))
          s.addTrack(t.receiver.track)
          return s
        })
        const track = t.receiver.track
        queueMicrotask(() => this.ontrack?.({ track, transceiver: t, streams }))
      } else if (!nowSending && t.remoteSending) {
        t.remoteSending = false
        for (const id of t.remoteStreams)
          this.remoteStreams.get(id)?.removeTrackFromRemote(t.receiver.track)
        t.remoteStreams = []
      }
    }
  }

  private completeNegotiation(local: FakeSdp, remote: FakeSdp): void {
    this.signalingState = 'stable'
    this.currentLocal = this.localDescription
    this.currentRemote = this.remoteDescription
    for (const m of local.mlines) {
      const t = this.transceivers.find((x) => x.mid === m.mid)
      if (!t) continue
      t.negotiatedDirection = t.describedDirection ?? t.direction
      if (t.sender.encodings.length === 0) t.sender.encodings = [{ active: true }]
    }
    this.negotiatedData = local.data && remote.data
    this.queueNegotiationNeeded()
    setTimeout(() => this.connect(), 0)
  }

  private connect(): void {
    if (this.signalingState === 'closed') return
    const remote = this.remotePcId !== null ? this.network.pcs.get(this.remotePcId) : undefined
    if (this.iceConnectionState !== 'connected') this.simulateIce('connected')
    if (!remote || remote.signalingState === 'closed' || !this.negotiatedData) return
    for (const channel of this.channels) {
      if (channel.peer || channel.readyState !== 'connecting') continue
      const twin = new FakeDataChannel(channel.label, channel.init)
      channel.peer = twin
      twin.peer = channel
      remote.channels.push(twin)
      remote.ondatachannel?.({ channel: twin })
      setTimeout(() => {
        twin.open()
        channel.open()
      }, 0)
    }
  }

  private setConnectionState(state: RTCPeerConnectionState): void {
    if (this.connectionState === state) return
    this.connectionState = state
    this.onconnectionstatechange?.()
  }

  private gather(): void {
    const ufrag = this.ufrag
    setTimeout(() => {
      if (this.signalingState === 'closed') return
      const candidate: RTCIceCandidateInit = {
        candidate: `candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host ufrag ${ufrag}`,
        sdpMid: '0',
        sdpMLineIndex: 0,
        usernameFragment: ufrag,
      }
      this.onicecandidate?.({ candidate: { toJSON: () => candidate } })
      this.onicecandidate?.({ candidate: null })
    }, 0)
  }

  private needsNegotiation(): boolean {
    if (this.restartPending) return true
    if (this.channels.length > 0 && !this.negotiatedData) return true
    return this.transceivers.some((t) => t.mid === null || t.negotiatedDirection !== t.direction)
  }

  private queueNegotiationNeeded(): void {
    if (this.negotiationQueued) return
    this.negotiationQueued = true
    setTimeout(() => {
      this.negotiationQueued = false
      if (this.signalingState === 'stable' && this.needsNegotiation()) this.onnegotiationneeded?.()
    }, 0)
  }
}
