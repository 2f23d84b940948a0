/** Two PeerLinks wired through an asynchronous in-memory relay, as the signaling server would. */
import type { SignalData } from '../../../../shared/protocol'
import { PeerLink, type CameraSource } from '../peerLink'
import type { VideoBudget } from '../videoBudget'
import { asStream, asTrack, createFakeMediaStream, FakeStream, FakeTrack } from './fakeMedia'
import { FakeNetwork, type FakePeerConnection } from './fakePeerConnection'

export interface Relay {
  /** Return false to drop a signal (lost while signaling was down). */
  filter: (from: string, to: string, data: SignalData) => boolean
  /** Milliseconds a signal spends on the way (a slow, busy signaling path). */
  delay: (from: string, to: string, data: SignalData) => number
  delivered: { from: string; to: string; data: SignalData }[]
}

export function fakeCamera(withTracks = true): CameraSource & { fakeStream: FakeStream } {
  const audio = withTracks ? new FakeTrack('audio', 'mic-1') : null
  const video = withTracks ? new FakeTrack('video', 'cam-1') : null
  const fakeStream = new FakeStream([audio, video].filter((t): t is FakeTrack => !!t))
  return {
    fakeStream,
    stream: asStream(fakeStream),
    audio: audio && asTrack(audio),
    video: video && asTrack(video),
  }
}

export function createLinkPair(options: {
  aId?: string
  bId?: string
  aCamera?: CameraSource
  bCamera?: CameraSource
  offerRetryMs?: number
  disconnectGraceMs?: number
  aBudget?: VideoBudget
  bBudget?: VideoBudget
}) {
  const network = new FakeNetwork()
  const relay: Relay = { filter: () => true, delay: () => 0, delivered: [] }
  const aId = options.aId ?? 'peer-a'
  const bId = options.bId ?? 'peer-b'
  const pcA = network.createFake()
  const pcB = network.createFake()
  const links: Record<string, PeerLink> = {}
  const send = (from: string, to: string) => (data: SignalData) => {
    if (!relay.filter(from, to, data)) return
    // Round-trip through JSON like Socket.IO does, delivered on a later task like a network.
    const copy = JSON.parse(JSON.stringify(data)) as SignalData
    setTimeout(
      () => {
        relay.delivered.push({ from, to, data: copy })
        void links[to]?.handleSignal(copy)
      },
      relay.delay(from, to, data),
    )
  }
  const common = {
    createMediaStream: createFakeMediaStream,
    offerRetryMs: options.offerRetryMs,
    disconnectGraceMs: options.disconnectGraceMs,
  }
  const a = new PeerLink({
    ...common,
    selfId: aId,
    remoteId: bId,
    initiator: true,
    pc: pcA as unknown as RTCPeerConnection,
    sendSignal: send(aId, bId),
    camera: options.aCamera ?? fakeCamera(),
    videoBudget: options.aBudget,
  })
  const b = new PeerLink({
    ...common,
    selfId: bId,
    remoteId: aId,
    initiator: false,
    pc: pcB as unknown as RTCPeerConnection,
    sendSignal: send(bId, aId),
    camera: options.bCamera ?? fakeCamera(),
    videoBudget: options.bBudget,
  })
  links[aId] = a
  links[bId] = b
  return { a, b, pcA, pcB, relay, network }
}

export const stableAndConnected = (pc: FakePeerConnection) =>
  pc.signalingState === 'stable' && pc.connectionState === 'connected'
