import { describe, expect, it } from 'vitest'
import { eventually } from '../../rtc/testing/eventually'
import { RouterMesh } from '../../rtc/testing/routerMesh'
import { keyOf, type StrokeOp } from './ops'
import { OverlayHub } from './overlayHub'
import { WhiteboardEngine } from './whiteboardEngine'

/** Two peers, each with the call's whiteboard and the overlays of two screens, on one router. */
function room() {
  const mesh = new RouterMesh()
  const frames: (() => void)[] = []
  const peers = ['a', 'b'].map((id) => {
    const router = mesh.router(id)
    const hub = new OverlayHub(router)
    const make = (board?: string) => {
      const engine = new WhiteboardEngine({
        router,
        scheduleFrame: (run) => frames.push(run),
        ...(board ? { overlay: { board, hub } } : {}),
      })
      engine.start(id, { requestSnapshot: false })
      return engine
    }
    return { whiteboard: make(), s1: make('s1'), s2: make('s2') }
  })
  mesh.connect('a', 'b')
  const tick = () => frames.splice(0).forEach((run) => run())
  return { a: peers[0]!, b: peers[1]!, tick, mesh }
}

describe('overlay boards on the whiteboard engine', () => {
  it("keeps each board's operations on that board only, points included", async () => {
    const { a, b, tick, mesh } = room()
    await eventually(() => expect(mesh.router('a').openPeers).toEqual(['b']))
    a.s1.beginStroke({ tool: 'pen', color: '#dc2626', size: 6, pinned: true }, { x: 10, y: 10 })
    a.s1.extendStroke([{ x: 20, y: 15 }])
    tick()
    a.s1.extendStroke([{ x: 30, y: 20 }])
    a.s1.endStroke()
    a.whiteboard.beginStroke({ tool: 'pen', color: '#111827', size: 3 }, { x: 5, y: 5 })
    a.whiteboard.endStroke()
    await eventually(() => {
      const op = b.s1.board.all()[0] as StrokeOp | undefined
      expect(op?.points).toEqual([20, 20, 40, 30, 60, 40])
      expect(op?.complete).toBe(true)
      expect(op?.pinned).toBe(true)
      expect(b.whiteboard.board.all().map(keyOf)).toEqual(['0@a'])
    })
    expect(b.s2.board.all()).toEqual([])
    expect(b.whiteboard.board.all()[0]).toMatchObject({ color: '#111827' })
  })

  it('a clear on one overlay leaves the others alone', async () => {
    const { a, b, mesh } = room()
    await eventually(() => expect(mesh.router('a').openPeers).toEqual(['b']))
    b.s2.beginStroke({ tool: 'pen', color: '#2563eb', size: 6 }, { x: 10, y: 10 })
    b.s2.endStroke()
    b.s1.beginStroke({ tool: 'pen', color: '#2563eb', size: 6 }, { x: 10, y: 10 })
    b.s1.endStroke()
    await eventually(() => expect(a.s1.board.visible()).toHaveLength(1))
    a.s1.clear()
    await eventually(() => expect(b.s1.board.visible()).toEqual([]))
    expect(b.s2.board.visible()).toHaveLength(1)
  })
})
