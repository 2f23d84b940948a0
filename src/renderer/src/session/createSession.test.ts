import { afterEach, describe, expect, it } from 'vitest'
import { eventually } from '../rtc/testing/eventually'
import { createFakeMediaStream, type FakeTrack } from '../rtc/testing/fakeMedia'
import { FakeNetwork, type FakePeerConnection } from '../rtc/testing/fakePeerConnection'
import { createCallStore, type CallStore } from '../store/callStore'
import { createChatStore, type ChatStore } from '../store/chatStore'
import { createSpeakingStore, type SpeakingStore } from '../store/speakingStore'
import { ChatEngine } from '../engines/chat/chatEngine'
import { RouterMesh } from '../rtc/testing/routerMesh'
import { ChatController } from './chatController'
import { createSession } from './createSession'
import { FakeMediaDevices } from './testing/fakeDevices'
import { FakeServer } from './testing/fakeServer'
import type { Session } from './types'

interface Client {
  session: Session
  store: CallStore
  chat: ChatStore
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

function client(
  options: {
    lostPeerGraceMs?: number
    audio?: boolean
    remoteMeterDelayMs?: number
  } = {},
): Client {
  server ??= new FakeServer()
  network ??= new FakeNetwork()
  const store = createCallStore()
  const speakingStore = createSpeakingStore()
  const chat = createChatStore()
  const devices = new FakeMediaDevices()
  const pcs: FakePeerConnection[] = []
  const net = network
  const session = createSession({
    callStore: store,
    speakingStore,
    chatStore: chat,
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
    remoteMeterDelayMs: options.remoteMeterDelayMs ?? 0,
  })
  sessions.push(session)
  return { session, store, chat, speakingStore, devices, pcs }
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

describe('session: chat', () => {
  const texts = (c: Client) =>
    c.chat
      .getState()
      .items.map((i) => (i.kind === 'message' ? `${i.name}: ${i.text}` : `* ${i.name} ${i.event}`))

  it('messages reach the others; joins and leaves show as lines; unread counts while closed', async () => {
    const [a, b] = [client(), client()]
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1) && allConnected(b, 1)).toBe(true))
    expect(a.session.chat.send('hi Bo')).toEqual({ ok: true })
    expect(a.session.chat.send(' ')).toEqual({ ok: false, reason: 'empty' })
    await eventually(() => expect(texts(b)).toEqual(['Ann: hi Bo']))
    expect(texts(a)).toEqual(['* Bo joined', 'Ann: hi Bo'])
    expect(b.chat.getState().unread).toBe(1)
    b.session.chat.openPanel()
    b.session.chat.markRead()
    expect(b.chat.getState()).toMatchObject({ unread: 0, panelOpen: true })
    await b.session.leave()
    await eventually(() => expect(texts(a)).toEqual(['* Bo joined', 'Ann: hi Bo', '* Bo left']))
    // The history is gone with the call; the panel stays as the user left it.
    expect(b.chat.getState()).toMatchObject({ items: [], unread: 0, panelOpen: true })
  })

  it('a message written before the channel opens is delivered when it opens', async () => {
    const [a, b] = [client(), client()]
    await join(a, 'Ann')
    await join(b, 'Bo')
    // Bo's link to Ann exists but its channels have not opened yet.
    expect(b.session.chat.send('early')).toEqual({ ok: true })
    await eventually(() => expect(texts(a)).toEqual(['* Bo joined', 'Bo: early']))
  })

  it('a late joiner gets the earlier messages', async () => {
    const [a, b, c] = [client(), client(), client()]
    await join(a, 'Ann')
    await join(b, 'Bo')
    await eventually(() => expect(allConnected(a, 1)).toBe(true))
    a.session.chat.send('one')
    b.session.chat.send('two')
    await eventually(() => expect(texts(a)).toHaveLength(3))
    await join(c, 'Cy')
    await eventually(() => expect(texts(c)).toEqual(['Ann: one', 'Bo: two']))
  })
})

describe('session: chat notifications', () => {
  it('notifies at most once per interval, sums the rest, and respects the setting', async () => {
    const mesh = new RouterMesh()
    const chatStore = createChatStore()
    const notes: string[] = []
    const saved: boolean[] = []
    const controller = new ChatController({
      store: chatStore,
      router: mesh.router('me'),
      newId: () => 'x',
      now: Date.now,
      nameOf: () => 'Bo',
      isWindowFocused: () => false,
      notify: (title, body) => notes.push(`${title}: ${body}`),
      describeUnread: (n) => `${n} new messages`,
      notificationsEnabled: true,
      saveNotifications: (on) => saved.push(on),
      notifyIntervalMs: 200,
    })
    controller.start({ id: 'me', name: 'Me' }, { requestHistory: false })
    let n = 0
    const bo = new ChatEngine({
      router: mesh.router('b'),
      newId: () => `b${++n}`,
      now: Date.now,
      nameOf: () => 'Me',
    })
    bo.start({ id: 'b', name: 'Bo' }, { requestHistory: false })
    mesh.connect('me', 'b')
    for (const text of ['first', 'second', 'third']) bo.send(text)
    await eventually(() => expect(chatStore.getState().unread).toBe(3))
    expect(notes).toEqual(['Bo: first'])
    await eventually(() => expect(notes).toEqual(['Bo: first', 'Bo: 2 new messages']))
    controller.setNotifications(false)
    expect(saved).toEqual([false])
    bo.send('quiet')
    await eventually(() => expect(chatStore.getState().unread).toBe(4))
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(notes).toHaveLength(2)
    controller.dispose()
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
