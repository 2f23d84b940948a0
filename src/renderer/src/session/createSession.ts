/**
 * The session: joins signaling and the mesh, and is the only writer to the stores.
 * Failures never throw out of the public methods; they land in callStore.error.
 */
import type { MediaStateMessage } from '../../../shared/channel/media'
import type { JoinAckBody, PeerInfo } from '../../../shared/protocol'
import { parseSavedAudioSettings, processingOf } from '../media/audioSettings'
import { LevelMeter } from '../media/levelMeter'
import type { MediaDevicesLike } from '../media/localMedia'
import { Mesh } from '../rtc/mesh'
import { MessageRouter } from '../rtc/messageRouter'
import type { LinkStatus } from '../rtc/peerLink'
import {
  SignalingClient,
  type ConnectionStatus,
  type SocketFactory,
} from '../signaling/signalingClient'
import {
  initialCallState,
  type CallState,
  type CallStore,
  type Participant,
} from '../store/callStore'
import { createAudioStore, type AudioStore } from '../store/audioStore'
import { LOCAL_SPEAKER_KEY, type SpeakingStore } from '../store/speakingStore'
import { AudioController } from './audioController'
import { createCallFeatures, type CallFeatureDeps } from './callFeatures'
import { callErrorFromSignaling } from './errors'
import { LocalMediaController } from './localMediaController'
import { MediaStateController } from './mediaStateController'
import { patchParticipant, remoteParticipant, removeParticipant, upsertPeer } from './participants'
import { ScreenShareController } from './screenShareController'
import { RemoteVoices } from './remoteVoices'
import { scheduleTurnRefresh } from './turnRefresh'
import type { JoinOptions, ScreenShareOptions, Session } from './types'

export interface SessionDeps extends CallFeatureDeps {
  callStore: CallStore
  speakingStore: SpeakingStore
  /** Audio settings and microphone hints (session.audio); a private store when absent. */
  audioStore?: AudioStore
  /** Where audio settings are kept between runs (localStorage in the app). */
  audioSettingsStorage?: { load(): string | null; save(value: string): void }
  /** Remote voices can be sent to a chosen output (HTMLMediaElement.setSinkId exists). */
  canChooseSpeaker?: boolean
  mediaDevices: MediaDevicesLike | undefined
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection
  createMediaStream: (tracks: MediaStreamTrack[]) => MediaStream
  /** null disables voice activity (no WebAudio). */
  createAudioContext?: () => AudioContext | null
  socketFactory?: SocketFactory
  ackTimeoutMs?: number
  /** After a resumed rejoin, peers missing from the room are dropped after this long. */
  lostPeerGraceMs?: number
  /** How long after a peer connects its voice starts being metered. */
  remoteMeterDelayMs?: number
}

const DEFAULT_LOST_PEER_GRACE_MS = 10_000
/** Speaking indicators may start a moment late; the first video frames should not. */
const DEFAULT_REMOTE_METER_DELAY_MS = 1_000

interface CallContext {
  client: SignalingClient
  mesh: Mesh
  /** Unsubscribes what follows the current mesh (the router, media state). */
  offMesh: () => void
  offClient: (() => void)[]
  lostPeerTimers: Map<string, ReturnType<typeof setTimeout>>
  /** Stops the TURN credential refresh of the current membership. */
  stopTurnRefresh: () => void
}

export function createSession(deps: SessionDeps): Session {
  const store = deps.callStore
  const lostPeerGraceMs = deps.lostPeerGraceMs ?? DEFAULT_LOST_PEER_GRACE_MS
  let call: CallContext | null = null
  /** A connection opened by preconnect(), handed to the next join() for the same server. */
  let warm: { url: string; client: SignalingClient } | null = null
  const router = new MessageRouter()

  const set = (partial: Partial<CallState>) => store.setState(partial)
  const patch = (id: string, partial: Partial<Participant>) => patchParticipant(store, id, partial)

  const meter = new LevelMeter({
    createAudioContext: deps.createAudioContext ?? (() => null),
    onSample: ({ levels, speaking }) => {
      // The local stream is metered under a fixed key; in a call it is shown under the self id.
      const selfId = store.getState().self?.id
      if (selfId && LOCAL_SPEAKER_KEY in levels) {
        levels[selfId] = levels[LOCAL_SPEAKER_KEY]
        speaking[selfId] = speaking[LOCAL_SPEAKER_KEY]
      }
      deps.speakingStore.setState({ levels, speaking })
    },
  })

  const voices = new RemoteVoices({
    meter,
    delayMs: deps.remoteMeterDelayMs ?? DEFAULT_REMOTE_METER_DELAY_MS,
    streamOf: (peerId) => call?.mesh.link(peerId)?.remoteCameraStream ?? null,
  })

  const audioStore = deps.audioStore ?? createAudioStore()
  const local = new LocalMediaController({
    store,
    audioProcessing: () => processingOf(audioStore.getState().settings),
    mediaDevices: deps.mediaDevices,
    createMediaStream: deps.createMediaStream,
    onTrackChange: (kind, track) => {
      if (kind === 'audio')
        meter.track(LOCAL_SPEAKER_KEY, track ? deps.createMediaStream([track]) : null)
      void call?.mesh.replaceCameraTrack(kind, track).catch((error: unknown) => {
        console.warn('replaceTrack failed', error)
      })
    },
    onStateChange: () => mediaStates.announce(),
  })

  const audio = new AudioController({
    store: audioStore,
    callStore: store,
    microphone: local,
    mediaDevices: deps.mediaDevices,
    createMediaStream: deps.createMediaStream,
    createMeter: (onSample) =>
      new LevelMeter({ createAudioContext: deps.createAudioContext ?? (() => null), onSample }),
    storage: deps.audioSettingsStorage,
    parse: parseSavedAudioSettings,
    canChooseSpeaker: deps.canChooseSpeaker ?? false,
  })

  const screens = new ScreenShareController({
    store,
    mediaDevices: deps.mediaDevices,
    onStarted: (stream) => {
      call?.mesh.addScreen(stream)
      mediaStates.announce()
    },
    onStopped: (id, announce) => {
      call?.mesh.removeScreen(id)
      if (announce) mediaStates.announce()
    },
    onError: (error) => set({ error }),
  })

  // Mirror the local slice into the self tile.
  store.subscribe((state, prev) => {
    if (state.local === prev.local || !state.self) return
    const sending = local.sending
    patch(state.self.id, {
      cameraStream: state.local.stream,
      audioEnabled: sending.audio,
      videoEnabled: sending.video,
      screenStreams: state.local.screenShares,
    })
  })

  function mediaState(): MediaStateMessage {
    const sending = local.sending
    return {
      type: 'media',
      audio: sending.audio,
      video: sending.video,
      cameraStreamId: local.container.id,
      screenStreamIds: screens.ids,
    }
  }

  const mediaStates = new MediaStateController({ store, router, localState: mediaState })

  const features = createCallFeatures(deps, {
    router,
    callStore: store,
    mesh: () => call?.mesh ?? null,
    cameraOn: () => local.sending.video,
  })
  const { chat } = features

  function selfParticipant(self: PeerInfo): Participant {
    const sending = local.sending
    return {
      id: self.id,
      name: self.name,
      isSelf: true,
      audioEnabled: sending.audio,
      videoEnabled: sending.video,
      cameraStream: store.getState().local.stream,
      screenStreams: store.getState().local.screenShares,
      connection: 'connected',
    }
  }

  function addPeer(peer: PeerInfo): void {
    const ctx = call
    if (!ctx) return
    const timer = ctx.lostPeerTimers.get(peer.id)
    if (timer) clearTimeout(timer)
    ctx.lostPeerTimers.delete(peer.id)
    const known = store.getState().participants[peer.id] !== undefined
    upsertPeer(store, peer)
    if (!known) chat.system('joined', peer.name)
  }

  function removePeer(ctx: CallContext, peerId: string): void {
    const timer = ctx.lostPeerTimers.get(peerId)
    if (timer) clearTimeout(timer)
    ctx.lostPeerTimers.delete(peerId)
    ctx.mesh.remove(peerId)
    voices.forget(peerId)
    const name = store.getState().participants[peerId]?.name
    removeParticipant(store, peerId)
    if (name !== undefined) chat.system('left', name)
  }

  function createMesh(client: SignalingClient, ack: JoinAckBody): Mesh {
    const mesh = new Mesh({
      selfId: ack.self.id,
      iceServers: ack.iceServers,
      createPeerConnection: deps.createPeerConnection,
      createMediaStream: deps.createMediaStream,
      sendSignal: (to, data) => client.signal(to, data),
      camera: { stream: local.container, audio: local.audioTrack, video: local.videoTrack },
    })
    for (const stream of screens.streams) mesh.addScreen(stream)
    return mesh
  }

  /** The router and the media state follow a call's mesh: its peers and their channels. */
  function followMesh(mesh: Mesh): () => void {
    const offs = [
      mesh.on('peer-added', (peerId) => router.addPeer(peerId)),
      mesh.on('peer-removed', (peerId) => router.removePeer(peerId)),
      mesh.on('peer-channel', (peerId, port) => {
        if (port.kind !== 'bulk') router.attach(peerId, port)
      }),
      mediaStates.attach(mesh),
      features.follow(mesh),
    ]
    return () => {
      for (const off of offs) off()
      router.reset()
      mediaStates.reset()
    }
  }

  function attachMesh(ctx: CallContext): void {
    const { mesh } = ctx
    mesh.on('peer-status', (peerId: string, status: LinkStatus) => {
      patch(peerId, { connection: status })
      voices.refresh(peerId, status === 'connected')
    })
    mesh.on('peer-camera', (peerId, stream) => {
      patch(peerId, { cameraStream: stream })
      voices.refresh(peerId, mesh.link(peerId)?.connectionStatus === 'connected')
    })
  }

  /** TURN credentials are renewed for as long as this membership lasts. */
  function keepTurnFresh(ctx: CallContext, ack: JoinAckBody): void {
    ctx.stopTurnRefresh()
    ctx.stopTurnRefresh = scheduleTurnRefresh({
      expireAt: ack.iceServersExpireAt,
      refresh: () => ctx.client.refreshTurn(),
      apply: (iceServers) => ctx.mesh.setIceServers(iceServers),
    })
  }

  /** Fresh room membership (first join, or the server forgot us): build the mesh from scratch. */
  function enterRoom(ctx: CallContext, ack: JoinAckBody): void {
    keepTurnFresh(ctx, ack)
    const participants: Record<string, Participant> = { [ack.self.id]: selfParticipant(ack.self) }
    for (const peer of ack.peers) participants[peer.id] = remoteParticipant(peer)
    set({ self: ack.self, room: ack.room, participants, signaling: 'connected', phase: 'in-call' })
    features.enter(ctx.client, ack)
    attachMesh(ctx)
    // We are the newcomer: we call everyone already there.
    ctx.mesh.connectAll(ack.peers.map((peer) => peer.id))
  }

  function onRejoined(ctx: CallContext, ack: JoinAckBody, resumed: boolean): void {
    if (!resumed) {
      voices.clear()
      for (const timer of ctx.lostPeerTimers.values()) clearTimeout(timer)
      ctx.lostPeerTimers.clear()
      ctx.offMesh()
      ctx.mesh.close()
      ctx.mesh = createMesh(ctx.client, ack)
      ctx.offMesh = followMesh(ctx.mesh)
      enterRoom(ctx, ack)
      return
    }
    set({ room: ack.room })
    features.resumed()
    ctx.mesh.setIceServers(ack.iceServers)
    keepTurnFresh(ctx, ack)
    const present = new Set(ack.peers.map((p) => p.id))
    for (const peer of ack.peers) addPeer(peer)
    for (const id of Object.keys(store.getState().participants)) {
      if (id === ack.self.id || present.has(id) || ctx.lostPeerTimers.has(id)) continue
      // Maybe it is reconnecting too; its link keeps running until the grace ends.
      ctx.lostPeerTimers.set(
        id,
        setTimeout(() => {
          ctx.lostPeerTimers.delete(id)
          const stillThere = ctx.client.session?.peers.some((p) => p.id === id)
          if (call === ctx && !stillThere) removePeer(ctx, id)
        }, lostPeerGraceMs),
      )
    }
  }

  function onStatus(status: ConnectionStatus): void {
    if (status === 'closed' || status === 'connecting') return
    const phase = store.getState().phase
    if (status === 'reconnecting') {
      set({ signaling: 'reconnecting', phase: phase === 'in-call' ? 'reconnecting' : phase })
    } else if (status === 'connected') {
      set({ signaling: 'connected', phase: phase === 'reconnecting' ? 'in-call' : phase })
    } else {
      set({ signaling: 'failed' })
    }
  }

  function attachClient(ctx: CallContext): void {
    const { client } = ctx
    ctx.offClient.push(
      client.on('status', onStatus),
      client.on('peer:joined', (peer) => addPeer(peer)),
      client.on('peer:left', (id) => removePeer(ctx, id)),
      client.on('signal', (from, data) => {
        // Only peers we know: a late signal from someone who left must not resurrect a link.
        if (store.getState().participants[from]) ctx.mesh.handleSignal(from, data)
      }),
      client.on('room:host', (hostId) =>
        store.setState((s) => (s.room ? { room: { ...s.room, hostId } } : s)),
      ),
      client.on('room:removed', (removed) =>
        store.setState((s) => (s.room ? { room: { ...s.room, removed } } : s)),
      ),
      client.on('room:kicked', () => {
        endCall()
        set({ error: { code: 'KICKED', message: 'You were removed from the room by the host.' } })
      }),
      client.on('rejoined', (ack, resumed) => onRejoined(ctx, ack, resumed)),
      client.on('rejoin-failed', (error) => {
        endCall()
        set({ error: callErrorFromSignaling(error) })
      }),
    )
  }

  /** Tears down everything call-related; the lobby preview keeps running. */
  function endCall(): void {
    const ctx = call
    call = null
    screens.stopAll(false)
    if (ctx) {
      ctx.stopTurnRefresh()
      for (const off of ctx.offClient) off()
      for (const timer of ctx.lostPeerTimers.values()) clearTimeout(timer)
      voices.clear()
      ctx.offMesh()
      ctx.mesh.close()
      ctx.client.close()
    }
    features.exit()
    const initial = initialCallState()
    set({
      phase: 'lobby',
      signaling: 'idle',
      self: null,
      room: null,
      participants: initial.participants,
    })
  }

  function newClient(url: string): SignalingClient {
    return new SignalingClient({
      url,
      socketFactory: deps.socketFactory,
      ackTimeoutMs: deps.ackTimeoutMs,
    })
  }

  function takeClient(url: string): SignalingClient {
    const ready = warm
    warm = null
    if (ready && ready.url === url && ready.client.connectionStatus !== 'closed')
      return ready.client
    ready?.client.close()
    return newClient(url)
  }

  /** A host's request (kick, allow): a refusal lands in callStore.error. */
  async function asHost(request: (client: SignalingClient) => Promise<void>): Promise<void> {
    const ctx = call
    if (!ctx) return
    try {
      await request(ctx.client)
    } catch (error) {
      set({ error: callErrorFromSignaling(error) })
    }
  }

  const session: Session = {
    chat,
    game: features.game,
    files: features.files,
    whiteboard: features.whiteboard,
    screenDraw: features.screenDraw,
    quality: features.quality,
    audio: audio.api,

    async startPreview() {
      meter.resume()
      await local.startPreview()
    },

    stopPreview() {
      // The preview is the outgoing media once joining starts; only the lobby may release it.
      if (call || store.getState().phase !== 'lobby') return
      local.stopPreview()
    },

    async setCamera(deviceId) {
      await local.setCamera(deviceId)
    },

    async setMicrophone(deviceId) {
      await local.setMicrophone(deviceId)
    },

    async toggleAudio() {
      meter.resume()
      await local.toggleAudio()
    },

    async toggleVideo() {
      await local.toggleVideo()
    },

    async join(options: JoinOptions) {
      if (store.getState().phase !== 'lobby') return false
      const client = takeClient(options.serverUrl)
      // Sent before the "joining" state renders: that render takes the main thread for a while.
      const joining = client.join({
        room: options.room,
        name: options.name,
        ...(options.password ? { password: options.password } : {}),
        ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
        ...(options.key ? { key: options.key } : {}),
      })
      set({ phase: 'joining', error: null, serverUrl: options.serverUrl })
      meter.resume()
      let ack: JoinAckBody
      try {
        ack = await joining
      } catch (error) {
        client.close()
        set({ phase: 'lobby', error: callErrorFromSignaling(error) })
        return false
      }
      if (store.getState().phase !== 'joining') {
        // leave() was pressed while the join was in flight: the server already admitted us,
        // so say goodbye properly or the others would see a ghost until its grace period ends.
        void client
          .leave()
          .catch(() => {})
          .finally(() => client.close())
        return false
      }
      const mesh = createMesh(client, ack)
      const ctx: CallContext = {
        client,
        mesh,
        offMesh: followMesh(mesh),
        offClient: [],
        lostPeerTimers: new Map(),
        stopTurnRefresh: () => {},
      }
      call = ctx
      attachClient(ctx)
      enterRoom(ctx, ack)
      return true
    },

    preconnect(serverUrl: string) {
      if (call || warm?.url === serverUrl) return
      warm?.client.close()
      warm = { url: serverUrl, client: newClient(serverUrl) }
    },

    async leave() {
      const ctx = call
      if (!ctx) {
        if (store.getState().phase === 'joining') set({ phase: 'lobby' })
        return
      }
      // Tell the server first so the others see us go at once, not after a timeout.
      await ctx.client.leave().catch(() => {})
      if (call === ctx) endCall()
    },

    async startScreenShare(options: ScreenShareOptions) {
      const ctx = call
      if (!ctx) return
      await screens.start(options, () => call === ctx)
    },

    stopScreenShare(streamId?: string) {
      if (streamId) screens.stop(streamId, true)
      else screens.stopAll(true)
    },

    kick: (peerId: string) => asHost((client) => client.kick(peerId)),

    allow: (peerId: string) => asHost((client) => client.allow(peerId)),

    clearError() {
      set({ error: null })
    },
  }

  return session
}
