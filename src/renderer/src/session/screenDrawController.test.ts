import { describe, expect, it } from 'vitest'
import { eventually } from '../rtc/testing/eventually'
import { RouterMesh } from '../rtc/testing/routerMesh'
import { createCallStore, type CallStore, type Participant } from '../store/callStore'
import { createScreenDrawStore } from '../store/screenDrawStore'
import { ScreenDrawController } from './screenDrawController'

function participant(id: string, screens: string[] = []): Participant {
  return {
    id,
    name: id,
    isSelf: false,
    audioEnabled: true,
    videoEnabled: true,
    cameraStream: null,
    screenStreams: screens.map((screen) => ({ id: screen, stream: {} as MediaStream })),
    connection: 'connected',
  }
}

/** A shares screen s1; every peer's call store says so. */
function call(ids: string[]) {
  const mesh = new RouterMesh()
  const frames: (() => void)[] = []
  let clock = 0
  const peers = ids.map((id) => {
    const callStore: CallStore = createCallStore()
    const store = createScreenDrawStore()
    const controller = new ScreenDrawController({
      store,
      callStore,
      router: mesh.router(id),
      scheduleFrame: (run) => frames.push(run),
      now: () => clock,
    })
    controller.start(id)
    return { id, callStore, store, controller }
  })
  const share = (owner: string, screens: string[]) => {
    for (const peer of peers)
      peer.callStore.setState((state) => ({
        participants: { ...state.participants, [owner]: participant(owner, screens) },
      }))
  }
  const connect = async () => {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) mesh.connect(ids[i]!, ids[j]!)
    await eventually(() => {
      for (const id of ids) expect(mesh.router(id).openPeers).toHaveLength(ids.length - 1)
    })
  }
  const tick = () => frames.splice(0).forEach((run) => run())
  const at = (ms: number) => (clock = ms)
  return { peers, share, connect, tick, at, mesh }
}

describe('ScreenDrawController', () => {
  it("draws on a shared screen's overlay; the mark fades unless pinned", async () => {
    const { peers, share, connect, tick, at } = call(['a', 'b'])
    const [a, b] = peers as [(typeof peers)[0], (typeof peers)[0]]
    share('a', ['s1'])
    await connect()
    expect(a.store.getState().overlays.s1).toMatchObject({ own: true, enabled: true })
    expect(b.store.getState().overlays.s1).toMatchObject({ own: false, owner: 'a' })

    b.controller.setDrawing('s1', true)
    b.controller.beginStroke('s1', { x: 100, y: 100 })
    b.controller.extendStroke('s1', [{ x: 200, y: 150 }])
    tick()
    b.controller.endStroke('s1')
    at(1000)
    b.controller.setPinned(true)
    b.controller.beginStroke('s1', { x: 300, y: 300 })
    b.controller.endStroke('s1')
    const scene = () => a.controller.scene('s1')!
    await eventually(() =>
      expect(
        scene()
          .visible()
          .map((op) => op.kind === 'stroke' && op.complete),
      ).toEqual([true, true]),
    )
    const [fading, pinned] = scene().visible()
    expect(scene().opacity(fading!, 1000)).toBe(1)
    expect(scene().opacity(fading!, 60_000)).toBe(0)
    expect(scene().opacity(pinned!, 60_000)).toBe(1)
    expect(scene().animating(60_000)).toBe(false)
  })

  it('only the sharer clears or disables; a disabled overlay closes and ignores marks', async () => {
    const { peers, share, connect, tick } = call(['a', 'b', 'c'])
    const [a, b, c] = peers as [(typeof peers)[0], (typeof peers)[0], (typeof peers)[0]]
    share('a', ['s1'])
    await connect()
    b.controller.setDrawing('s1', true)
    b.controller.beginStroke('s1', { x: 10, y: 10 })
    b.controller.endStroke('s1')
    await eventually(() => expect(c.controller.scene('s1')!.visible()).toHaveLength(1))

    b.controller.clear('s1')
    b.controller.setEnabled('s1', false)
    expect(c.controller.scene('s1')!.visible()).toHaveLength(1)
    expect(a.store.getState().overlays.s1!.enabled).toBe(true)

    a.controller.clear('s1')
    await eventually(() => expect(c.controller.scene('s1')!.visible()).toHaveLength(0))
    a.controller.setEnabled('s1', false)
    await eventually(() => {
      expect(b.store.getState().overlays.s1).toMatchObject({ enabled: false, drawing: false })
      expect(c.store.getState().overlays.s1!.enabled).toBe(false)
    })
    // B cannot draw any more: its overlay is closed and deaf.
    b.controller.setDrawing('s1', true)
    expect(b.store.getState().overlays.s1!.drawing).toBe(false)
    b.controller.beginStroke('s1', { x: 10, y: 10 })
    tick()
    expect(c.controller.scene('s1')!.visible()).toEqual([])

    a.controller.setEnabled('s1', true)
    await eventually(() => expect(b.store.getState().overlays.s1!.enabled).toBe(true))
  })

  it('tells a peer that joins later that drawing on the screen is off', async () => {
    const { peers, share, connect } = call(['a', 'b'])
    const [a, b] = peers as [(typeof peers)[0], (typeof peers)[0]]
    share('a', ['s1'])
    a.controller.setEnabled('s1', false)
    await connect()
    await eventually(() => expect(b.store.getState().overlays.s1!.enabled).toBe(false))
  })

  it('drops an overlay when its screen share ends', async () => {
    const { peers, share, connect } = call(['a', 'b'])
    const [, b] = peers as [(typeof peers)[0], (typeof peers)[0]]
    share('a', ['s1'])
    await connect()
    expect(b.controller.scene('s1')).not.toBeNull()
    share('a', [])
    expect(b.controller.scene('s1')).toBeNull()
    expect(b.store.getState().overlays).toEqual({})
  })
})
