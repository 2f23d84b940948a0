import { describe, expect, it } from 'vitest'
import { eventually } from './testing/eventually'
import type { SignalData } from '../../../shared/protocol'
import type { ChannelPort } from './channelPort'
import { Mesh, type MeshOptions } from './mesh'
import { limitBudget, PAUSED_STEP } from './linkAdaptation'
import { cameraBudget } from './videoBudget'
import {
  asStream,
  asTrack,
  createFakeMediaStream,
  FakeStream,
  FakeTrack,
} from './testing/fakeMedia'
import { FakeNetwork, type FakePeerConnection } from './testing/fakePeerConnection'
import { fakeCamera } from './testing/linkHarness'

function createRoom(
  ids: string[],
  extra: (id: string, network: FakeNetwork) => Partial<MeshOptions> = () => ({}),
) {
  const network = new FakeNetwork()
  const meshes = new Map<string, Mesh>()
  const pcsOf = new Map<string, FakePeerConnection[]>()
  for (const id of ids) {
    const pcs: FakePeerConnection[] = []
    pcsOf.set(id, pcs)
    const mesh = new Mesh({
      selfId: id,
      iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
      createPeerConnection: (config) => {
        const pc = network.createFake(config)
        pcs.push(pc)
        return pc as unknown as RTCPeerConnection
      },
      createMediaStream: createFakeMediaStream,
      camera: fakeCamera(),
      sendSignal: (to: string, data: SignalData) => {
        const copy = JSON.parse(JSON.stringify(data)) as SignalData
        setTimeout(() => meshes.get(to)?.handleSignal(id, copy), 0)
      },
      ...extra(id, network),
    })
    meshes.set(id, mesh)
  }
  const mesh = (id: string) => meshes.get(id) as Mesh
  return { network, mesh, pcsOf }
}

const allConnected = (mesh: Mesh) =>
  mesh.peerIds.length > 0 &&
  mesh.peerIds.every((id) => mesh.link(id)?.connectionStatus === 'connected')

describe('Mesh', () => {
  it('newcomer connects to everyone; others answer; ensure() is idempotent', async () => {
    const { mesh, pcsOf } = createRoom(['a', 'b', 'c'])
    // b joined after a; c joined last.
    mesh('b').ensure('a', true)
    expect(mesh('b').ensure('a', true)).toBe(mesh('b').link('a'))
    mesh('c').ensure('a', true)
    mesh('c').ensure('b', true)
    await eventually(() => {
      for (const id of ['a', 'b', 'c']) expect(allConnected(mesh(id))).toBe(true)
    })
    expect(mesh('a').peerIds.sort()).toEqual(['b', 'c'])
    expect(pcsOf.get('a')?.length).toBe(2)
    expect(pcsOf.get('a')?.[0].config.iceServers).toEqual([{ urls: 'stun:127.0.0.1:3478' }])
    // Fresh TURN credentials after a rejoin reach existing and future links.
    const turn = [{ urls: 'turn:127.0.0.1:3478', username: '1:x', credential: 'c' }]
    mesh('a').setIceServers(turn)
    expect(pcsOf.get('a')?.map((pc) => pc.config.iceServers)).toEqual([turn, turn])
  })

  it('removing a peer closes its connection and detaches every listener', async () => {
    const { mesh, network } = createRoom(['a', 'b'])
    mesh('b').ensure('a', true)
    await eventually(() => expect(allConnected(mesh('a')) && allConnected(mesh('b'))).toBe(true))
    const link = mesh('a').link('b')!
    expect(link.listenerCount()).toBeGreaterThan(0)
    mesh('a').remove('b')
    mesh('b').remove('a')
    mesh('a').remove('b')
    expect(link.listenerCount()).toBe(0)
    expect(mesh('a').size).toBe(0)
    expect(network.openCount).toBe(0)
  })

  it('drops stray candidates and answers from unknown peers, answers offers', async () => {
    const { mesh, network } = createRoom(['a'])
    mesh('a').handleSignal('x', { candidate: null })
    mesh('a').handleSignal('x', { description: { type: 'answer', sdp: '{}' } })
    expect(mesh('a').size).toBe(0)
    expect(network.pcs.size).toBe(0)
  })

  it('switches a device on every link with replaceTrack and no renegotiation', async () => {
    const { mesh, pcsOf } = createRoom(['a', 'b', 'c'])
    mesh('b').ensure('a', true)
    mesh('c').ensure('a', true)
    mesh('c').ensure('b', true)
    await eventually(() => {
      for (const id of ['a', 'b', 'c']) expect(allConnected(mesh(id))).toBe(true)
    })
    const offers = () => [...pcsOf.values()].flat().reduce((n, pc) => n + pc.offersMade, 0)
    const before = offers()
    const newCam = new FakeTrack('video', 'cam-2')
    await mesh('a').replaceCameraTrack('video', asTrack(newCam))
    for (const pc of pcsOf.get('a')!) expect(pc.transceivers[1].sender.track).toBe(newCam)
    await mesh('a').replaceCameraTrack('video', null)
    for (const pc of pcsOf.get('a')!) expect(pc.transceivers[1].sender.track).toBeNull()
    await new Promise((r) => setTimeout(r, 5))
    expect(offers()).toBe(before)
  })

  it('shrinks every copy of the camera as the room grows, and grows it back', async () => {
    const { mesh, pcsOf } = createRoom(['a', 'b', 'c', 'd'])
    mesh('b').ensure('a', true)
    await eventually(() => expect(allConnected(mesh('b'))).toBe(true))
    const budgets = (id: string) =>
      pcsOf
        .get(id)!
        .filter((pc) => pc.signalingState !== 'closed')
        .map((pc) => {
          const { scaleResolutionDownBy, maxBitrate } = pc.transceivers[1].sender.encodings[0] ?? {}
          return { scaleResolutionDownBy, maxBitrate }
        })
    await eventually(() => expect(budgets('b')).toEqual([cameraBudget(1)]))
    mesh('c').ensure('a', true)
    mesh('c').ensure('b', true)
    // The newcomer starts every link at the budget for the whole room.
    mesh('d').connectAll(['a', 'b', 'c'])
    expect(budgets('d')).toEqual(Array(3).fill(cameraBudget(3)))
    await eventually(() => {
      for (const id of ['a', 'b', 'c', 'd']) {
        expect(budgets(id)).toEqual(Array(3).fill(cameraBudget(3)))
      }
    })
    expect(cameraBudget(3).scaleResolutionDownBy).toBe(2)
    for (const id of ['b', 'c', 'd']) mesh('a').remove(id)
    expect(budgets('a')).toEqual([])
    mesh('c').remove('d')
    mesh('c').remove('a')
    await eventually(() => expect(budgets('c')).toEqual([cameraBudget(1)]))
  })

  it('steps the camera to one peer down without touching the others, and keeps it on room changes', async () => {
    const { mesh, pcsOf } = createRoom(['a', 'b', 'c', 'd'])
    mesh('a').connectAll(['b', 'c'])
    await eventually(() => expect(allConnected(mesh('a'))).toBe(true))
    // a's connections in creation order: to b, then to c.
    const encodingTo = (peer: 'b' | 'c') =>
      pcsOf.get('a')![peer === 'b' ? 0 : 1].transceivers[1].sender.encodings[0]
    await eventually(() => expect(encodingTo('b')?.maxBitrate).toBe(cameraBudget(2).maxBitrate))
    mesh('a').setCameraStep('b', PAUSED_STEP)
    await eventually(() => expect(encodingTo('b')?.active).toBe(false))
    expect(encodingTo('c')).toMatchObject({ active: true, maxBitrate: cameraBudget(2).maxBitrate })
    mesh('d').ensure('a', true)
    await eventually(() => expect(encodingTo('c')?.maxBitrate).toBe(cameraBudget(3).maxBitrate))
    expect(encodingTo('b')?.active).toBe(false)
    mesh('a').setCameraStep('b', 1)
    await eventually(() => expect(encodingTo('b')?.active).toBe(true))
    expect(encodingTo('b')?.maxBitrate).toBe(limitBudget(cameraBudget(3), 1).maxBitrate)
  })

  it('sends screens to existing and later peers, and removes them everywhere', async () => {
    const { mesh } = createRoom(['a', 'b', 'c'])
    mesh('b').ensure('a', true)
    await eventually(() => expect(allConnected(mesh('b'))).toBe(true))
    const screen = new FakeStream([new FakeTrack('video')])
    const seen = new Map<string, string[]>()
    for (const id of ['b', 'c']) {
      seen.set(id, [])
      mesh(id).on('peer-stream', (from, s) => seen.get(id)!.push(`${from}:${s.id}`))
      mesh(id).on('peer-stream-removed', (from, sid) => seen.get(id)!.push(`-${from}:${sid}`))
    }
    mesh('a').addScreen(asStream(screen))
    await eventually(() => expect(seen.get('b')).toEqual([`a:${screen.id}`]))
    // c joins late: the share reaches it too (after its first negotiation with a).
    mesh('c').ensure('a', true)
    mesh('c').ensure('b', true)
    await eventually(() => expect(seen.get('c')).toEqual([`a:${screen.id}`]))
    mesh('a').removeScreen(screen.id)
    await eventually(() => {
      expect(seen.get('b')).toContain(`-a:${screen.id}`)
      expect(seen.get('c')).toContain(`-a:${screen.id}`)
    })
  })

  it('hands over every peer’s channels, tells arrivals and departures, and close() releases everything', async () => {
    const { mesh, network } = createRoom(['a', 'b', 'c'])
    const events: string[] = []
    const open = new Map<string, ChannelPort>()
    mesh('a').on('peer-added', (id) => events.push(`+${id}`))
    mesh('a').on('peer-removed', (id) => events.push(`-${id}`))
    mesh('a').on('peer-channel', (id, port) => {
      if (port.isOpen) open.set(`${id}/${port.label}`, port)
      else port.on('open', () => open.set(`${id}/${port.label}`, port))
    })
    mesh('b').ensure('a', true)
    mesh('c').ensure('a', true)
    await eventually(() =>
      expect([...open.keys()].sort()).toEqual([
        'b/moim',
        'b/moim-volatile',
        'c/moim',
        'c/moim-volatile',
      ]),
    )
    const bulk = mesh('b').openChannel('a', 'moim-bulk:x1')
    expect(bulk?.label).toBe('moim-bulk:x1')
    expect(mesh('b').openChannel('nobody', 'moim-bulk:x2')).toBeNull()
    await eventually(() => expect(open.has('b/moim-bulk:x1')).toBe(true))
    mesh('a').remove('c')
    expect(events).toEqual(['+b', '+c', '-c'])
    for (const id of ['a', 'b', 'c']) mesh(id).close()
    expect(network.openCount).toBe(0)
    expect(mesh('a').listenerCount()).toBe(0)
    expect(() => mesh('a').ensure('z', true)).toThrow('closed')
  })
})
