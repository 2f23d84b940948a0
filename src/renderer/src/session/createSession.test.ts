import { afterEach, describe, expect, it } from 'vitest'
import { eventually } from '../rtc/testing/eventually'
import { createFakeMediaStream, type FakeTrack } from '../rtc/testing/fakeMedia'
import { FakeNetwork, type FakePeerConnection } from '../rtc/testing/fakePeerConnection'
import { createCallStore, type CallStore } from '../store/callStore'
import { createSpeakingStore, type SpeakingStore } from '../store/speakingStore'
import { createSession } from './createSession'
import { FakeMediaDevices } from './testing/fakeDevices'
import { FakeServer } from './testing/fakeServer'
import type { Session } from './types'

interface Client {
  session: Session
  store: CallStore
  speakingStore: SpeakingStore
  devices: FakeMediaDevices
  pcs: FakePeerConnection[]
}

let server: FakeServer
let network: FakeNetwork
const sessions: Session[] = []

/** Just enough WebAudio for the level meter: silent analysers. */
function silentAudioContext(): AudioContext {
  const node = { connect: () => {}, disconnect: () => {} }
  const context = {
    state: 'running',
    createMediaStreamSource: () => node,
    createAnalyser: () => ({ ...node, fftSize: 512, getFloatTimeDomainData: () => {} }),
    resume: async () => {},
    close: async () => {},
  }
  return context as unknown as AudioContext
}

/** Idle moments on demand: scheduled tasks run only when the test calls runIdle(). */
function idleQueue() {
  const idle: (() => void)[] = []
  return {
    runIdle: () => {
      for (let i = 0; i < 20 && idle.length > 0; i++) idle.shift()?.()
    },
    scheduleIdle: (task: () => void) => {
      idle.push(task)
      return () => idle.splice(idle.indexOf(task) >>> 0, 1)
    },
  }
}

function client(
  options: {
    lostPeerGraceMs?: number
    audio?: boolean
    offerWaitCapMs?: number
    remoteMeterDelayMs?: number
    callPoolSettleMs?: number
    generateCertificate?: () => Promise<RTCCertificate>
    scheduleIdle?: (task: () => void) => () => void
  } = {},
): Client {
  server ??= new FakeServer()
  network ??= new FakeNetwork()
  const store = createCallStore()
  const speakingStore = createSpeakingStore()
  const devices = new FakeMediaDevices()
  const pcs: FakePeerConnection[] = []
  const net = network
  const session = createSession({
    callStore: store,
    speakingStore,
    mediaDevices: devices.asMediaDevices(),
    createPeerConnection: (config) => {
      const pc = net.createFake(config)
      pcs.push(pc)
      return pc as unknown as RTCPeerConnection
    },
    createMediaStream: createFakeMediaStream,
    createAudioContext: () => (options.audio ? silentAudioContext() : null),
    socketFactory: server.factory,
    lostPeerGraceMs: options.lostPeerGraceMs,
    offerWaitCapMs: options.offerWaitCapMs,
    remoteMeterDelayMs: options.remoteMeterDelayMs ?? 0,
    callPoolSettleMs: options.callPoolSettleMs,
    generateCertificate: options.generateCertificate,
    scheduleIdle: options.scheduleIdle,
  })
  sessions.push(session)
  return { session, store, speakingStore, devices, pcs }
}

const join = (c: Client, name: string, extra: { capacity?: number } = {}) =>
  c.session.join({ serverUrl: 'http://127.0.0.1:1', room: 'friday', name, ...extra })

const others = (c: Client) =>
  Object.values(c.store.getState().participants).filter((p) => !p.isSelf)

const allConnected = (c: Client, n: number) => {
  const list = others(c)
  return list.length === n && list.every((p) => p.connection === 'connected' && p.cameraStream)
}

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.leave()
  server = undefined as unknown as FakeServer
  network = undefined as unknown as FakeNetwork
})

describe('session: lobby media', () => {
  it('starts a preview with both devices and lists them', async () => {
    const a = client()
    await a.session.startPreview()
    const local = a.store.getState().local
    expect(
      local.stream
        ?.getTracks()
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['audio', 'video'])
    expect(local.cameras.map((d) => d.deviceId)).toEqual(['cam-1', 'cam-2'])
    expect(local.microphones.map((d) => d.label)).toEqual(['MIC-1', 'MIC-2'])
    expect(local.cameraId).toBe('cam-1')
    expect(local.error).toBeNull()
  })

  it('reports a busy camera clearly and keeps the microphone', async () => {
    const a = client()
    a.devices.failures.video = 'NotReadableError'
    await a.session.startPreview()
    const local = a.store.getState().local
    expect(local.error).toEqual({
      device: 'camera',
      kind: 'busy',
      message: 'Camera is in use by another application.',
    })
    expect(local.videoEnabled).toBe(false)
    expect(local.audioEnabled).toBe(true)
    expect(local.stream?.getTracks().map((t) => t.kind)).toEqual(['audio'])
  })

  it('classifies denied and missing devices', async () => {
    const a = client()
    a.devices.failures = { audio: 'NotAllowedError', video: 'NotAllowedError' }
    await a.session.startPreview()
    expect(a.store.getState().local.error).toMatchObject({
      device: 'camera+microphone',
      kind: 'denied',
    })
    expect(a.store.getState().local.stream).toBeNull()
    const b = client()
    b.devices.failures = { video: 'NotFoundError' }
    await b.session.startPreview()
    expect(b.store.getState().local.error).toMatchObject({ device: 'camera', kind: 'not-found' })
  })

  it('camera off releases the hardware; on opens it again', async () => {
    const a = client()
    await a.session.startPreview()
    const cam = a.devices.liveTracks.find((t) => t.kind === 'video')!
    await a.session.toggleVideo()
    expect(cam.readyState).toBe('ended')
    expect(a.store.getState().local.videoEnabled).toBe(false)
    await a.session.toggleVideo()
    expect(a.store.getState().local.videoEnabled).toBe(true)
    expect(a.devices.liveTracks.filter((t) => t.kind === 'video')).toHaveLength(1)
  })

  it('mute keeps the microphone open but disabled', async () => {
    const a = client()
    await a.session.startPreview()
    const mic = a.devices.liveTracks.find((t) => t.kind === 'audio')!
    await a.session.toggleAudio()
    expect(mic.enabled).toBe(false)
    expect(mic.readyState).toBe('live')
    expect(a.store.getState().local.audioEnabled).toBe(false)
    await a.session.toggleAudio()
    expect(mic.enabled).toBe(true)
  })
})

describe('session: call', () => {
  it('a refused join (room full) leaves the preview untouched and creates no peer connection', async () => {
    const a = client()
    const b = client()
    await join(a, 'Ann', { capacity: 2 })
    await join(b, 'Bo')
    const c = client()
    await c.session.startPreview()
    const preview = c.store.getState().local.stream
    const pcsBefore = network.pcs.size
    expect(await join(c, 'Cy')).toBe(false)
    const state = c.store.getState()
    expect(state.phase).toBe('lobby')
    expect(state.error).toMatchObject({ code: 'ROOM_FULL', params: { capacity: 2 } })
    expect(state.local.stream).toBe(preview)
    expect(c.devices.liveTracks).toHaveLength(2)
    expect(network.pcs.size).toBe(pcsBefore)
  })

  it('join() uses the connection preconnect() opened', async () => {
    const a = client()
    a.session.preconnect?.('http://127.0.0.1:1')
    a.session.preconnect?.('http://127.0.0.1:1')
    expect(server.sockets).toHaveLength(1)
    expect(await join(a, 'Ann')).toBe(true)
    expect(server.sockets).toHaveLength(1)
    // Another server: the warm connection is replaced, not leaked.
    const b = client()
    b.session.preconnect?.('http://127.0.0.1:2')
    b.session.preconnect?.('http://127.0.0.1:3')
    expect(server.sockets[1].connected).toBe(false)
  })

  it('leaving while the join is in flight leaves the room on the server too', async () => {
    const a = client()
    await join(a, 'Ann')
    const b = client()
    const joining = join(b, 'Bo')
    await b.session.leave()
    expect(await joining).toBe(false)
    expect(b.store.getState().phase).toBe('lobby')
    const events = () => server.sockets[1].emitted.map((e) => e.event)
    await eventually(() => expect(events()).toEqual(['room:join', 'room:leave']))
    expect(server.rooms.get('friday')?.members.size).toBe(1)
    await eventually(() => expect(server.sockets[1].connected).toBe(false))
    expect(network.pcs.size).toBe(0)
  })

  it('three people connect, see each other, and the grid shrinks when one leaves', async () => {
    const [a, b, c] = [client(), client(), client()]
    for (const x of [a, b, c]) await x.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await join(c, 'Cy')
    await eventually(() => {
      for (const x of [a, b, c]) expect(allConnected(x, 2)).toBe(true)
    })
    expect(
      others(a)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Bo', 'Cy'])
    expect(a.store.getState().participants[a.store.getState().self!.id]).toMatchObject({
      isSelf: true,
      name: 'Ann',
      connection: 'connected',
    })
    // Media state arrives over the data channel.
    await eventually(() =>
      expect(others(a).every((p) => p.audioEnabled && p.videoEnabled)).toBe(true),
    )
    await b.session.leave()
    expect(b.store.getState().phase).toBe('lobby')
    expect(b.store.getState().local.stream).not.toBeNull()
    await eventually(() => {
      expect(others(a).map((p) => p.name)).toEqual(['Cy'])
      expect(others(c).map((p) => p.name)).toEqual(['Ann'])
    })
    expect(network.openCount).toBe(2)
  })

  it('the call screen appears once the newcomer has sent its offers, before the answers', async () => {
    const [a, b, c] = [client(), client(), client()]
    for (const x of [a, b, c]) await x.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    const atCallScreen: (string | undefined)[][] = []
    const sentAtCallScreen: number[] = []
    c.store.subscribe((state, prev) => {
      if (state.phase === 'in-call' && prev.phase !== 'in-call') {
        atCallScreen.push(...c.pcs.map((pc) => [pc.localDescription?.type]))
        sentAtCallScreen.push(server.relayed.filter((r) => r.from === state.self?.id).length)
      }
    })
    expect(await join(c, 'Cy')).toBe(true)
    expect(c.store.getState().phase).toBe('in-call')
    // Both offers are out when the screen mounts; rendering it then overlaps the members'
    // answering instead of delaying the offers, or the answers once they arrive.
    expect(atCallScreen).toEqual([['offer'], ['offer']])
    expect(sentAtCallScreen[0]).toBeGreaterThanOrEqual(2)
    await eventually(() => expect(allConnected(c, 2)).toBe(true))
  })

  it('an unresponsive peer holds the call screen back only briefly', async () => {
    const [a, b] = [client(), client({ offerWaitCapMs: 50 })]
    await join(a, 'Ann')
    server.silenced.add('Ann')
    expect(await join(b, 'Bo')).toBe(true)
    expect(b.store.getState().phase).toBe('in-call')
    expect(b.pcs[0].remoteDescription).toBeNull()
  })

  it('meters the voice of every connected peer', async () => {
    const [a, b] = [client({ audio: true }), client({ audio: true })]
    for (const x of [a, b]) await x.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true))
    const bId = b.store.getState().self?.id ?? ''
    await eventually(() => expect(Object.keys(a.speakingStore.getState().levels)).toContain(bId))
  })

  it('starts metering a voice a moment after its peer connects, not during the setup', async () => {
    const [a, b] = [
      client({ audio: true, remoteMeterDelayMs: 150 }),
      client({ audio: true, remoteMeterDelayMs: 150 }),
    ]
    for (const x of [a, b]) await x.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1)).toBe(true))
    const bId = b.store.getState().self?.id ?? ''
    expect(Object.keys(a.speakingStore.getState().levels)).not.toContain(bId)
    await eventually(() => expect(Object.keys(a.speakingStore.getState().levels)).toContain(bId))
    // Leaving before the delay is up leaves nothing metered behind.
    const c = client({ audio: true, remoteMeterDelayMs: 150 })
    await c.session.startPreview()
    await join(c, 'Cy')
    await eventually(() => expect(allConnected(a, 2)).toBe(true))
    const cId = c.store.getState().self?.id ?? ''
    await c.session.leave()
    await new Promise((r) => setTimeout(r, 200))
    expect(Object.keys(a.store.getState().participants)).not.toContain(cId)
    expect(Object.keys(a.speakingStore.getState().levels)).not.toContain(cId)
  })

  it('every connection of a call shares one certificate made in the lobby', async () => {
    let made = 0
    const generateCertificate = () => {
      made++
      return Promise.resolve({ expires: Date.now() + 30 * 86_400_000 } as RTCCertificate)
    }
    const [a, b, c] = [client(), client(), client({ generateCertificate })]
    for (const x of [a, b, c]) await x.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await join(c, 'Cy')
    await eventually(() => expect(allConnected(c, 2)).toBe(true))
    const certificates = c.pcs.map((pc) => pc.config.certificates)
    expect(certificates[0]).toHaveLength(1)
    expect(certificates[1]?.[0]).toBe(certificates[0]?.[0])
    // Without one (none made, or it failed), each connection makes its own.
    expect(a.pcs.every((pc) => pc.config.certificates === undefined)).toBe(true)
    await c.session.leave()
    await join(c, 'Cy')
    expect(made).toBe(1)
  })

  it('in a call, the spare answering connection waits until the mesh has been quiet', async () => {
    const { runIdle, scheduleIdle } = idleQueue()
    const a = client({ scheduleIdle, callPoolSettleMs: 300 })
    await a.session.startPreview()
    await join(a, 'Ann')
    const spare = () =>
      a.pcs.filter((pc) => pc.signalingState === 'stable' && !pc.remoteDescription)
    const b = client()
    await b.session.startPreview()
    await join(b, 'Bo')
    // Bo's arrival and the link's state changes keep pushing the spare connection back.
    await eventually(() => expect(allConnected(a, 1)).toBe(true))
    runIdle()
    const answered = a.pcs.length
    expect(spare()).toHaveLength(0)
    await new Promise((resolve) => setTimeout(resolve, 400))
    runIdle()
    expect(a.pcs.length).toBe(answered + 1)
    expect(spare()).toHaveLength(1)
  })

  it('connections made in the lobby carry the join; the rest are closed', async () => {
    const { runIdle, scheduleIdle } = idleQueue()
    const certificate = { expires: Date.now() + 30 * 86_400_000 } as RTCCertificate
    const [a, b] = [client(), client()]
    const c = client({ scheduleIdle, generateCertificate: async () => certificate })
    for (const x of [a, b, c]) await x.session.startPreview()
    await eventually(() => {
      runIdle()
      expect(c.pcs).toHaveLength(3)
    })
    for (const pc of c.pcs) {
      expect(pc.transceivers.map((t) => t.kind)).toEqual(['audio', 'video'])
      expect(pc.channels).toHaveLength(1)
      expect(pc.config.certificates).toEqual([certificate])
    }
    await join(a, 'Ann')
    await join(b, 'Bo')
    await join(c, 'Cy')
    await eventually(() => expect(allConnected(c, 2) && allConnected(a, 2)).toBe(true))
    // Two were used, none made at the click; the third is closed, and no answerer is made
    // while the call is being set up.
    runIdle()
    expect(c.pcs).toHaveLength(3)
    expect(c.pcs.map((pc) => pc.signalingState)).toEqual(['stable', 'stable', 'closed'])
    expect(c.pcs[0].transceivers).toHaveLength(2)
    // Back in the lobby, it prepares for the next call.
    await c.session.leave()
    await eventually(() => {
      runIdle()
      expect(c.pcs.filter((pc) => pc.signalingState !== 'closed')).toHaveLength(3)
    })
  })

  it('joins even when the shared certificate cannot be made', async () => {
    const failing = () => Promise.reject(new Error('no crypto'))
    const [a, b] = [client({ generateCertificate: failing }), client()]
    for (const x of [a, b]) await x.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true))
    expect(a.pcs[0].config.certificates).toBeUndefined()
  })

  it('joins with no devices at all and still receives everyone', async () => {
    const a = client()
    await a.session.startPreview()
    await join(a, 'Ann')
    const b = client()
    b.devices.failures = { audio: 'NotFoundError', video: 'NotFoundError' }
    await b.session.startPreview()
    expect(await join(b, 'Bo')).toBe(true)
    await eventually(() => expect(allConnected(b, 1) && allConnected(a, 1)).toBe(true))
    await eventually(() =>
      expect(others(a)[0]).toMatchObject({ audioEnabled: false, videoEnabled: false }),
    )
    expect(others(b)[0].cameraStream?.getTracks()).toHaveLength(2)
  })

  it('camera off/on and device switches use replaceTrack, announced over the data channel', async () => {
    const [a, b] = [client(), client()]
    for (const x of [a, b]) await x.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true))
    const pcA = a.pcs[0]
    const offers = pcA.offersMade
    await a.session.toggleVideo()
    expect(pcA.transceivers[1].sender.track).toBeNull()
    await eventually(() => expect(others(b)[0].videoEnabled).toBe(false))
    await a.session.toggleVideo()
    await a.session.setCamera('cam-2')
    const sent = pcA.transceivers[1].sender.track as FakeTrack
    expect(sent.deviceId).toBe('cam-2')
    expect(a.store.getState().local.cameraId).toBe('cam-2')
    await a.session.setMicrophone('mic-2')
    expect((pcA.transceivers[0].sender.track as FakeTrack).deviceId).toBe('mic-2')
    await eventually(() => expect(others(b)[0].videoEnabled).toBe(true))
    expect(pcA.offersMade).toBe(offers)
    expect(a.devices.liveTracks.map((t) => t.deviceId).sort()).toEqual(['cam-2', 'mic-2'])
  })

  it('a screen share reaches the others and the browser stop bar ends it everywhere', async () => {
    const [a, b, c] = [client(), client(), client()]
    await join(a, 'Ann')
    await join(b, 'Bo')
    await join(c, 'Cy')
    await eventually(() =>
      expect(allConnected(a, 2) && allConnected(b, 2) && allConnected(c, 2)).toBe(true),
    )
    await a.session.startScreenShare({ quality: 'text', audio: false })
    const shared = a.devices.issued.find((t) => t.deviceId === 'screen:0')!
    expect(shared.contentHint).toBe('detail')
    expect(a.store.getState().local.screenShares).toHaveLength(1)
    const screensOf = (x: Client) => others(x).find((p) => p.name === 'Ann')!.screenStreams
    await eventually(() => {
      expect(screensOf(b)).toHaveLength(1)
      expect(screensOf(c)).toHaveLength(1)
    })
    shared.end()
    await eventually(() => {
      expect(screensOf(b)).toHaveLength(0)
      expect(screensOf(c)).toHaveLength(0)
    })
    expect(a.store.getState().local.screenShares).toHaveLength(0)
  })

  it('follows host changes and, when kicked, returns to the lobby with the reason', async () => {
    const [a, b] = [client(), client()]
    await a.session.startPreview()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true))
    const bId = b.store.getState().self!.id
    server.sockets[0].serverSend('room:host', { hostId: bId })
    expect(a.store.getState().room?.hostId).toBe(bId)
    server.sockets[0].serverSend('room:kicked', { by: bId })
    expect(a.store.getState()).toMatchObject({ phase: 'lobby', self: null, participants: {} })
    expect(a.store.getState().error?.code).toBe('KICKED')
    expect(a.pcs.every((pc) => pc.signalingState === 'closed')).toBe(true)
    expect(a.store.getState().local.stream).not.toBeNull()
  })

  it('a cancelled screen picker is not an error', async () => {
    const a = client()
    await join(a, 'Ann')
    a.devices.failures.display = 'NotAllowedError'
    await a.session.startScreenShare({ quality: 'motion', audio: true })
    expect(a.store.getState().error).toBeNull()
    expect(a.store.getState().local.screenShares).toHaveLength(0)
  })
})

describe('session: reconnection', () => {
  it('a resumed signaling session keeps every peer connection', async () => {
    const [a, b] = [client(), client()]
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true))
    const socketA = server.sockets[0]
    const pcs = network.pcs.size
    socketA.serverDrop()
    expect(a.store.getState()).toMatchObject({ phase: 'reconnecting', signaling: 'reconnecting' })
    expect(allConnected(a, 1)).toBe(true)
    socketA.serverAccept()
    await eventually(() =>
      expect(a.store.getState()).toMatchObject({ phase: 'in-call', signaling: 'connected' }),
    )
    expect(network.pcs.size).toBe(pcs)
    expect(network.openCount).toBe(2)
    expect(allConnected(a, 1)).toBe(true)
  })

  it('after a server restart (not resumed) the mesh is rebuilt with new ids', async () => {
    const [a, b] = [client(), client()]
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true))
    const oldSelf = a.store.getState().self!.id
    server.forgetSessions = true
    server.rooms.clear()
    const [socketA, socketB] = server.sockets
    // The server closed the sockets; the clients reconnect (accepted at once) and rejoin fresh.
    socketA.serverDrop('io server disconnect')
    socketB.serverDrop('io server disconnect')
    await eventually(() => {
      expect(a.store.getState().self!.id).not.toBe(oldSelf)
      expect(others(b).map((p) => p.id)).toEqual([a.store.getState().self!.id])
      expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true)
    })
    expect(network.openCount).toBe(2)
  })

  it('a peer missing after a resumed rejoin is dropped after the grace period', async () => {
    const a = client({ lostPeerGraceMs: 50 })
    const b = client()
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1)).toBe(true))
    const socketA = server.sockets[0]
    socketA.serverDrop()
    // b vanished from the room while a was away (its peer:left never reached a).
    const bId = b.store.getState().self!.id
    server.rooms.get('friday')!.members.delete(bId)
    socketA.serverAccept()
    await eventually(() => expect(a.store.getState().phase).toBe('in-call'))
    expect(others(a)).toHaveLength(1)
    await eventually(() => expect(others(a)).toHaveLength(0))
  })
})

describe('session: invite-only rooms and removals', () => {
  it("sends the invite link's room key with the join, and keeps the host's removed list", async () => {
    const a = client()
    const key = 'AbCdEfGhIjKlMnOpQrStUv'
    expect(
      await a.session.join({ serverUrl: 'http://127.0.0.1:1', room: 'friday', name: 'A', key }),
    ).toBe(true)
    const joinRequest = server.sockets[0].emitted.find((e) => e.event === 'room:join')
    expect(joinRequest?.payload).toMatchObject({ room: 'friday', name: 'A', key })
    server.sockets[0].serverSend('room:removed', { removed: [{ id: 'p9', name: 'Bo' }] })
    expect(a.store.getState().room?.removed).toEqual([{ id: 'p9', name: 'Bo' }])
  })
})
