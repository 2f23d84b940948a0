import { afterEach, describe, expect, it, vi } from 'vitest'
import { eventually } from './testing/eventually'
import type { ChannelPort } from './channelPort'
import type { PeerLink } from './peerLink'
import { asStream, asTrack, FakeStream, FakeTrack } from './testing/fakeMedia'
import type { FakeSender } from './testing/fakePeerConnection'
import { createLinkPair, fakeCamera, stableAndConnected } from './testing/linkHarness'

/** Counts getParameters() calls on a sender: each blocks on a busy signaling thread. */
function countQueries(sender: FakeSender): { count: number } {
  const queried = { count: 0 }
  const getParameters = sender.getParameters.bind(sender)
  sender.getParameters = () => {
    queried.count++
    return getParameters()
  }
  return queried
}

/** The link's data channels as they are handed over, and which of them have opened. */
function watchPorts(link: PeerLink) {
  const ports = new Map<string, ChannelPort>()
  const open: string[] = []
  link.on('channel', (port) => {
    ports.set(port.label, port)
    if (port.isOpen) open.push(port.label)
    else port.on('open', () => open.push(port.label))
  })
  return { ports, open }
}

function screen(): FakeStream {
  return new FakeStream([new FakeTrack('video')])
}

afterEach(() => {
  vi.useRealTimers()
})

describe('PeerLink', () => {
  it('connects as newcomer/answerer with camera transceivers, data channel and remote camera', async () => {
    const { a, b, pcA, pcB } = createLinkPair({})
    const cameras: string[] = []
    a.on('remote-camera', () => cameras.push('a'))
    b.on('remote-camera', () => cameras.push('b'))
    const portsA = watchPorts(a)
    const portsB = watchPorts(b)
    a.start()
    b.start()
    // The control and volatile channels, from the first offer, on both sides.
    await eventually(() => {
      expect(portsA.open.sort()).toEqual(['moim', 'moim-volatile'])
      expect(portsB.open.sort()).toEqual(['moim', 'moim-volatile'])
    })
    expect(pcA.channels.map((c) => [c.label, c.init])).toEqual([
      ['moim', { ordered: true }],
      ['moim-volatile', { ordered: false, maxRetransmits: 0 }],
    ])
    expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true)
    expect(a.connectionStatus).toBe('connected')
    expect(cameras.sort()).toEqual(['a', 'b'])
    expect(
      b.remoteCameraStream
        ?.getTracks()
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['audio', 'video'])
    // The answerer sends on the initiator's first two m-lines.
    expect(pcB.transceivers.map((t) => [t.kind, t.direction])).toEqual([
      ['audio', 'sendrecv'],
      ['video', 'sendrecv'],
    ])
    expect(pcB.transceivers.every((t) => t.sender.track !== null)).toBe(true)
    expect(pcA.offersMade).toBe(1)
    expect(pcB.offersMade).toBe(0)
  })

  it('the newcomer offers at once, without waiting for the negotiationneeded task', async () => {
    vi.useFakeTimers()
    const { a, pcA } = createLinkPair({})
    a.start()
    // No timer ran, so negotiationneeded (a task) has not fired: the offer came from start().
    for (let i = 0; i < 5; i++) await Promise.resolve()
    expect(pcA.offersMade).toBe(1)
    expect(pcA.localDescription?.type).toBe('offer')
  })

  it('starts the camera at its budget, without querying the sender', async () => {
    const { a, b, pcA, pcB } = createLinkPair({
      aBudget: { scaleResolutionDownBy: 2, maxBitrate: 400_000 },
      bBudget: { scaleResolutionDownBy: 2, maxBitrate: 600_000 },
    })
    a.start()
    b.start()
    const senderA = pcA.transceivers[1].sender
    const queried = countQueries(senderA)
    // The initiator's budget goes in with the transceiver, before any offer.
    expect(senderA.encodings).toEqual([
      expect.objectContaining({ scaleResolutionDownBy: 2, maxBitrate: 400_000 }),
    ])
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    // The answerer's budget is set before its answer, so its encoder never starts at full size.
    expect(pcB.transceivers[1].sender.encodings).toEqual([
      expect.objectContaining({ scaleResolutionDownBy: 2, maxBitrate: 600_000 }),
    ])
    expect(queried.count).toBe(0)
  })

  it('holds a changed budget until negotiated, then applies it once', async () => {
    const full = { scaleResolutionDownBy: 1, maxBitrate: 1_500_000 }
    const half = { scaleResolutionDownBy: 2, maxBitrate: 600_000 }
    const { a, b, pcA } = createLinkPair({ aBudget: full })
    a.start()
    b.start()
    const sender = pcA.transceivers[1].sender
    const queried = countQueries(sender)
    a.setVideoBudget(half)
    expect(queried.count).toBe(0)
    await eventually(() => expect(sender.encodings).toEqual([expect.objectContaining(half)]))
    const after = queried.count
    a.setVideoBudget({ ...half })
    await new Promise((r) => setTimeout(r, 5))
    expect(queried.count).toBe(after)
  })

  it('ends at the newest budget when it changes while one is being applied', async () => {
    const { a, b, pcA, pcB } = createLinkPair({
      aBudget: { scaleResolutionDownBy: 1, maxBitrate: 1 },
    })
    a.start()
    b.start()
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    const sender = pcA.transceivers[1].sender
    a.setVideoBudget({ scaleResolutionDownBy: 2, maxBitrate: 2 })
    a.setVideoBudget({ scaleResolutionDownBy: 3, maxBitrate: 3 })
    await eventually(() =>
      expect(sender.encodings).toEqual([
        expect.objectContaining({ scaleResolutionDownBy: 3, maxBitrate: 3 }),
      ]),
    )
  })

  it('still negotiates send+receive when the joining side has no devices', async () => {
    const { a, b, pcA, pcB } = createLinkPair({
      aCamera: fakeCamera(false),
      bCamera: fakeCamera(false),
    })
    a.start()
    b.start()
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    expect(pcA.transceivers.map((t) => t.direction)).toEqual(['sendrecv', 'sendrecv'])
    expect(pcB.transceivers.map((t) => t.direction)).toEqual(['sendrecv', 'sendrecv'])
    // A camera turned on later goes out with replaceTrack, without a new offer.
    const cam = new FakeTrack('video')
    await a.replaceCameraTrack('video', asTrack(cam))
    expect(pcA.transceivers[1].sender.track).toBe(cam)
    await new Promise((r) => setTimeout(r, 5))
    expect(pcA.offersMade).toBe(1)
    expect(pcB.offersMade).toBe(0)
  })

  it('carries text and binary frames as they are, knowing no message types', async () => {
    const { a, b } = createLinkPair({})
    const portsA = watchPorts(a)
    const got: (string | number[])[] = []
    b.on('channel', (port) => {
      port.on('text', (text) => got.push(text))
      port.on('binary', (data) => got.push([...new Uint8Array(data)]))
    })
    a.start()
    b.start()
    await eventually(() => expect(portsA.open).toHaveLength(2))
    const control = portsA.ports.get('moim')!
    await control.send('not json, and the link does not care')
    await control.send(new Uint8Array([7, 1, 2]))
    await eventually(() => expect(got).toEqual(['not json, and the link does not care', [7, 1, 2]]))
  })

  it('opens bulk channels on demand and closes channels with labels no Moim client opens', async () => {
    const { a, b, pcA, pcB } = createLinkPair({})
    const portsA = watchPorts(a)
    const portsB = watchPorts(b)
    a.start()
    b.start()
    await eventually(() => expect(portsB.open).toHaveLength(2))
    const offers = pcA.offersMade + pcB.offersMade
    const bulk = b.openChannel('moim-bulk:t1')
    expect(() => b.openChannel('moim-bulk:t1')).toThrow('already open')
    expect(() => b.openChannel('moim')).toThrow('not a channel opened on demand')
    await eventually(() => expect(portsA.open).toContain('moim-bulk:t1'))
    expect(bulk.isOpen).toBe(true)
    // No renegotiation for a channel on an established link.
    expect(pcA.offersMade + pcB.offersMade).toBe(offers)
    const stray = pcB.createDataChannel('chat-from-elsewhere')
    await eventually(() => expect(stray.readyState).toBe('closed'))
    expect(portsA.ports.has('chat-from-elsewhere')).toBe(false)
  })

  it('reports a channel closed by the other side to its owner', async () => {
    const { a, b } = createLinkPair({})
    const portsA = watchPorts(a)
    a.start()
    b.start()
    await eventually(() => expect(portsA.open).toHaveLength(2))
    const bulk = b.openChannel('moim-bulk:t2')
    await eventually(() => expect(portsA.open).toContain('moim-bulk:t2'))
    const closed: string[] = []
    bulk.on('close', () => closed.push('b'))
    portsA.ports.get('moim-bulk:t2')!.on('close', () => closed.push('a'))
    portsA.ports.get('moim-bulk:t2')!.close()
    await eventually(() => expect(closed.sort()).toEqual(['a', 'b']))
    expect(b.port('moim-bulk:t2')).toBeUndefined()
  })

  it('recovers from glare: both sides add a screen at once and converge', async () => {
    const { a, b, pcA, pcB, relay } = createLinkPair({})
    a.start()
    b.start()
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    const warn = vi.spyOn(console, 'warn')
    let collisions = 0
    relay.filter = (_from, _to, data) => {
      const bothOffering =
        pcA.signalingState === 'have-local-offer' && pcB.signalingState === 'have-local-offer'
      if ('description' in data && data.description.type === 'offer' && bothOffering) collisions++
      return true
    }
    const onA: string[] = []
    const onB: string[] = []
    a.on('remote-stream', (s) => onA.push(s.id))
    b.on('remote-stream', (s) => onB.push(s.id))
    const sa = screen()
    const sb = screen()
    a.addScreen(asStream(sa))
    b.addScreen(asStream(sb))
    await eventually(() => {
      expect(onB).toEqual([sa.id])
      expect(onA).toEqual([sb.id])
      expect(pcA.signalingState).toBe('stable')
      expect(pcB.signalingState).toBe('stable')
    })
    expect(collisions).toBeGreaterThan(0)
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
  })

  it('the impolite side ignores an offer that arrives while its own is still being set (state still stable)', async () => {
    // peer-a sorts first, so it is the impolite side.
    const { a, b, pcA, pcB } = createLinkPair({})
    a.start()
    b.start()
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    // a's setLocalDescription now takes a while: b's offer lands in the middle of it, when
    // pcA still reads "stable" and only the link's makingOffer flag knows an offer is coming.
    pcA.operationLatencyMs = 30
    let offersInWindow = 0
    const handleSignal = a.handleSignal.bind(a)
    a.handleSignal = (data) => {
      const offer = 'description' in data && data.description.type === 'offer'
      if (offer && pcA.signalingState === 'stable' && pcA.pendingOperations > 0) offersInWindow++
      return handleSignal(data)
    }
    const warn = vi.spyOn(console, 'warn')
    const onA: string[] = []
    const onB: string[] = []
    a.on('remote-stream', (s) => onA.push(s.id))
    b.on('remote-stream', (s) => onB.push(s.id))
    const sa = screen()
    const sb = screen()
    a.addScreen(asStream(sa))
    b.addScreen(asStream(sb))
    await eventually(() => {
      expect(onB).toEqual([sa.id])
      expect(onA).toEqual([sb.id])
      expect(pcA.signalingState).toBe('stable')
      expect(pcB.signalingState).toBe('stable')
      expect(pcA.pendingOperations + pcB.pendingOperations).toBe(0)
    })
    expect(offersInWindow).toBeGreaterThan(0)
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
  })

  it('removing a screen renegotiates and the other side drops the stream', async () => {
    const { a, b, pcA, pcB } = createLinkPair({})
    a.start()
    b.start()
    const s = screen()
    a.addScreen(asStream(s))
    const removed: string[] = []
    b.on('remote-stream-removed', (id) => removed.push(id))
    const added: string[] = []
    b.on('remote-stream', (x) => added.push(x.id))
    await eventually(() => expect(added).toEqual([s.id]))
    a.removeScreen(s.id)
    await eventually(() => expect(removed).toEqual([s.id]))
    // The stream goes as the answerer applies the offer; the offerer is stable once answered.
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
  })

  it('buffers a candidate that arrives before the remote description', async () => {
    const { a, b, pcA, pcB, relay } = createLinkPair({})
    // Hold A's signals back, then deliver the first candidate ahead of the offer.
    const held: Parameters<typeof relay.filter>[] = []
    relay.filter = (from, to, data) => {
      if (from === 'peer-a' && held.length < 2) {
        held.push([from, to, data])
        return false
      }
      return true
    }
    a.start()
    b.start()
    await eventually(() => expect(held.length).toBe(2))
    const offer = held.find(([, , d]) => 'description' in d)
    const candidate = held.find(([, , d]) => 'candidate' in d && d.candidate !== null)
    expect(offer && candidate).toBeTruthy()
    await b.handleSignal(candidate![2])
    expect(pcB.addedCandidates).toEqual([])
    await b.handleSignal(offer![2])
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    expect(pcB.addedCandidates).toContainEqual(expect.objectContaining({ usernameFragment: 'u1a' }))
  })

  it('restarts ICE when the connection fails, with fresh credentials', async () => {
    const { a, b, pcA, pcB } = createLinkPair({})
    a.start()
    b.start()
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    const states: string[] = []
    a.on('status', (s) => states.push(s))
    pcA.simulateIce('failed')
    expect(pcA.restartCount).toBe(1)
    await eventually(() => {
      expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true)
      expect(pcB.addedCandidates.some((c) => c?.usernameFragment === 'u1b')).toBe(true)
    })
    // It had worked: "reconnecting" while ICE restarts, not "failed" or "connecting".
    expect(states).toEqual(['reconnecting', 'connected'])
  })

  it('a link that never connected and fails reports "failed"', async () => {
    const { a, pcA } = createLinkPair({})
    const states: string[] = []
    a.on('status', (s) => states.push(s))
    a.start()
    pcA.simulateIce('failed')
    expect(states[0]).toBe('failed')
  })

  it('restarts ICE only if "disconnected" outlasts the grace period', async () => {
    vi.useFakeTimers()
    const { a, pcA } = createLinkPair({ disconnectGraceMs: 1_000 })
    a.start()
    pcA.simulateIce('disconnected')
    pcA.simulateIce('connected')
    vi.advanceTimersByTime(1_500)
    expect(pcA.restartCount).toBe(0)
    pcA.simulateIce('disconnected')
    vi.advanceTimersByTime(999)
    expect(pcA.restartCount).toBe(0)
    vi.advanceTimersByTime(1)
    expect(pcA.restartCount).toBe(1)
    a.close()
  })

  it('re-sends an unanswered offer (signals lost while signaling was down)', async () => {
    const { a, b, pcA, pcB, relay } = createLinkPair({ offerRetryMs: 20 })
    let dropped = 0
    relay.filter = (_from, _to, data) => {
      if ('description' in data && data.description.type === 'offer' && dropped === 0) {
        dropped++
        return false
      }
      return true
    }
    a.start()
    b.start()
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    expect(dropped).toBe(1)
  })

  it('a late answer to a re-sent offer is answered once and the duplicate dropped quietly', async () => {
    const warn = vi.spyOn(console, 'warn')
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined)
    const { a, b, pcA, pcB, relay } = createLinkPair({ offerRetryMs: 20 })
    let answers = 0
    // The first answer takes longer than the offer retry, so B sees the offer twice.
    relay.delay = (_from, _to, data) =>
      'description' in data && data.description.type === 'answer' && answers++ === 0 ? 60 : 0
    a.start()
    b.start()
    await eventually(() => expect(stableAndConnected(pcA) && stableAndConnected(pcB)).toBe(true))
    await eventually(() => expect(answers).toBe(2))
    await eventually(() =>
      expect(relay.delivered.filter((s) => 'description' in s.data)).toHaveLength(4),
    )
    // B did not renegotiate for the duplicate: it sent the same answer again.
    expect(pcB.offersMade).toBe(0)
    const sent = relay.delivered.filter((s) => s.from === 'peer-b' && 'description' in s.data)
    expect(new Set(sent.map((s) => JSON.stringify(s.data)))).toHaveProperty('size', 1)
    expect(stableAndConnected(pcA)).toBe(true)
    expect(warn).not.toHaveBeenCalled()
    expect(debug).toHaveBeenCalledWith(expect.stringMatching(/^ignore: late answer/))
    a.close()
    b.close()
  })

  it('close() releases the connection, handlers and listeners', async () => {
    vi.useFakeTimers()
    const { a, pcA } = createLinkPair({ disconnectGraceMs: 1_000 })
    a.on('status', () => {})
    a.start()
    const baseline = vi.getTimerCount()
    pcA.simulateIce('disconnected')
    expect(vi.getTimerCount()).toBe(baseline + 1)
    a.close()
    expect(pcA.signalingState).toBe('closed')
    expect(pcA.onnegotiationneeded).toBeNull()
    expect(pcA.onicecandidate).toBeNull()
    expect(pcA.ontrack).toBeNull()
    expect(a.listenerCount()).toBe(0)
    expect(vi.getTimerCount()).toBe(baseline)
    a.close()
  })
})
