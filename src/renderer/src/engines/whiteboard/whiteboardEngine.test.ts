import { describe, expect, it } from 'vitest'
import { WB_POINTS_TAG } from '../../../../shared/channel/whiteboard'
import { eventually } from '../../rtc/testing/eventually'
import { RouterMesh } from '../../rtc/testing/routerMesh'
import { keyOf, type StrokeOp } from './ops'
import { WhiteboardEngine, type StrokeStyle } from './whiteboardEngine'

const PEN: StrokeStyle = { tool: 'pen', color: '#1f2937', size: 6 }

function room(ids: string[], connect = true) {
  const mesh = new RouterMesh()
  const frames: (() => void)[] = []
  const engines = new Map<string, WhiteboardEngine>()
  const engine = (id: string) => {
    let e = engines.get(id)
    if (!e) {
      e = new WhiteboardEngine({
        router: mesh.router(id),
        scheduleFrame: (run) => frames.push(run),
      })
      engines.set(id, e)
    }
    return e
  }
  for (const id of ids) engine(id).start(id, { requestSnapshot: false })
  if (connect)
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) mesh.connect(ids[i]!, ids[j]!)
  /** One animation frame everywhere. */
  const tick = () => frames.splice(0).forEach((run) => run())
  const shown = (id: string) => engine(id).board.visible().map(keyOf)
  const stroke = (id: string, key: string) =>
    engine(id)
      .board.all()
      .find((op) => keyOf(op) === key) as StrokeOp | undefined
  const open = async () => {
    await eventually(() => {
      for (const id of ids) expect(mesh.router(id).openPeers).toHaveLength(ids.length - 1)
    })
  }
  return { mesh, engine, tick, shown, stroke, open }
}

function draw(engine: WhiteboardEngine, from: number, tick: () => void, points = 5): void {
  engine.beginStroke(PEN, { x: from, y: from })
  for (let i = 1; i < points; i++) {
    engine.extendStroke([{ x: from + i * 3, y: from + i * 2 }])
    tick()
  }
  engine.endStroke()
}

describe('WhiteboardEngine', () => {
  it('remote peers see a stroke while it is drawn, in one binary frame per animation frame', async () => {
    const { engine, tick, stroke, open, mesh } = room(['a', 'b', 'c'])
    await open()
    const a = engine('a')
    a.beginStroke(PEN, { x: 100, y: 100 })
    a.extendStroke([
      { x: 101, y: 101 },
      { x: 102, y: 103 },
    ])
    a.extendStroke([{ x: 104, y: 104 }])
    const frames: Uint8Array[] = []
    const router = mesh.router('a')
    const sendBinary = router.sendBinary.bind(router)
    router.sendBinary = (peer, tag, payload) => {
      if (peer === 'b' && tag === WB_POINTS_TAG) frames.push(payload)
      return sendBinary(peer, tag, payload)
    }
    tick()
    expect(frames).toHaveLength(1)
    // 4 points: seq, start, an absolute first point (2 varints of 2 bytes), 3 small deltas.
    expect(frames[0]!.byteLength).toBeLessThanOrEqual(2 + 4 + 3 * 2)
    await eventually(() => {
      for (const id of ['b', 'c']) {
        const op = stroke(id, '0@a')
        expect(op?.points).toEqual([200, 200, 202, 202, 204, 206, 208, 208])
        expect(op?.complete).toBe(false)
      }
    })
    a.extendStroke([{ x: 110, y: 110 }])
    a.endStroke()
    await eventually(() => {
      for (const id of ['b', 'c']) expect(stroke(id, '0@a')?.complete).toBe(true)
    })
    expect(stroke('b', '0@a')?.points).toEqual(stroke('a', '0@a')?.points)
  })

  it('undo and redo touch only the local user’s own strokes, everywhere', async () => {
    const { engine, tick, shown, open } = room(['a', 'b', 'c'])
    await open()
    draw(engine('a'), 10, tick)
    await eventually(() => expect(shown('b')).toEqual(['0@a']))
    draw(engine('b'), 50, tick)
    await eventually(() => expect(shown('a')).toEqual(['0@a', '0@b']))
    // A's undo takes A's stroke, although B's is newer; a second undo has nothing of A's left.
    expect(engine('a').undo()).toBe(true)
    expect(engine('a').canUndo).toBe(false)
    expect(engine('a').undo()).toBe(false)
    await eventually(() => {
      for (const id of ['a', 'b', 'c']) expect(shown(id)).toEqual(['0@b'])
    })
    // C has drawn nothing: nothing to undo, and B's stroke stays.
    expect(engine('c').undo()).toBe(false)
    expect(engine('a').redo()).toBe(true)
    await eventually(() => {
      for (const id of ['a', 'b', 'c']) expect(shown(id)).toEqual(['0@a', '0@b'])
    })
  })

  it('a clear is undone only by its author; redo is gone after something new', async () => {
    const { engine, tick, shown, open } = room(['a', 'b'])
    await open()
    draw(engine('a'), 10, tick)
    await eventually(() => expect(shown('b')).toEqual(['0@a']))
    expect(engine('b').clear()).toBe(true)
    await eventually(() => expect(shown('a')).toEqual([]))
    // A's stroke is hidden by the clear: undoing it would change nothing, so A has no undo.
    expect(engine('a').canUndo).toBe(false)
    expect(engine('b').undo()).toBe(true)
    await eventually(() => expect(shown('a')).toEqual(['0@a']))
    expect(engine('b').canRedo).toBe(true)
    draw(engine('b'), 40, tick)
    expect(engine('b').canRedo).toBe(false)
  })

  it('a late joiner gets the board from one peer and converges with what is drawn meanwhile', async () => {
    const { engine, tick, shown, open, mesh, stroke } = room(['a', 'b'])
    await open()
    draw(engine('a'), 10, tick)
    draw(engine('b'), 20, tick)
    engine('b').undo()
    draw(engine('a'), 30, tick)
    // A is in the middle of a stroke when D arrives.
    engine('a').beginStroke(PEN, { x: 5, y: 5 })
    engine('a').extendStroke([{ x: 6, y: 6 }])
    tick()
    engine('d').start('d', { requestSnapshot: true })
    mesh.connect('d', 'a')
    mesh.connect('d', 'b')
    await eventually(() => expect(engine('d').awaitingSnapshot).toBe(false))
    engine('a').extendStroke([{ x: 7, y: 9 }])
    tick()
    engine('a').endStroke()
    draw(engine('b'), 60, tick)
    await eventually(() => {
      expect(shown('d')).toEqual(shown('a'))
      expect(shown('d')).toEqual(shown('b'))
      expect(stroke('d', '2@a')?.complete).toBe(true)
    })
    expect(stroke('d', '2@a')?.points).toEqual(stroke('a', '2@a')?.points)
    expect(shown('d')).toEqual(['0@a', '1@a', '2@a', '1@b'])
  })

  it('a stroke that arrived with points missing is asked again from its author', async () => {
    const { engine, tick, open, mesh, stroke } = room(['a', 'b'])
    await open()
    const a = engine('a')
    a.beginStroke(PEN, { x: 1, y: 1 })
    a.extendStroke([{ x: 2, y: 2 }])
    // This frame is lost on the way to B.
    const sendBinary = mesh.router('a').sendBinary.bind(mesh.router('a'))
    let drop = true
    mesh.router('a').sendBinary = (peer, tag, payload) =>
      drop ? true : sendBinary(peer, tag, payload)
    tick()
    drop = false
    a.extendStroke([{ x: 3, y: 3 }])
    tick()
    a.endStroke()
    await eventually(() => expect(stroke('b', '0@a')?.complete).toBe(true))
    expect(stroke('b', '0@a')?.points).toEqual(stroke('a', '0@a')?.points)
    expect(engine('b').board.size).toBe(1)
  })

  it('with an exclusive drawer, only its operations count and only it may draw', async () => {
    const { engine, tick, shown, open } = room(['a', 'b', 'c'])
    await open()
    for (const id of ['a', 'b', 'c']) engine(id).setExclusiveDrawer('b')
    expect(engine('a').canDraw).toBe(false)
    expect(engine('a').beginStroke(PEN, { x: 1, y: 1 })).toBe(false)
    expect(engine('a').fill({ x: 1, y: 1 }, '#ff0000')).toBe(false)
    expect(engine('a').clear()).toBe(false)
    expect(engine('b').canDraw).toBe(true)
    draw(engine('b'), 10, tick)
    await eventually(() => {
      for (const id of ['a', 'c']) expect(shown(id)).toEqual(['0@b'])
    })
    // C is not the drawer but its stroke goes out anyway (an old client): the others ignore it.
    engine('c').setExclusiveDrawer(null)
    draw(engine('c'), 30, tick)
    engine('c').clear()
    draw(engine('b'), 40, tick)
    await eventually(() => expect(shown('a')).toEqual(['0@b', '1@b']))
    // Turn boundary: every peer empties its board without an operation.
    for (const id of ['a', 'b', 'c']) engine(id).resetLocal()
    for (const id of ['a', 'b', 'c']) expect(shown(id)).toEqual([])
    for (const id of ['a', 'b', 'c']) engine(id).setExclusiveDrawer('a')
    expect(engine('b').canUndo).toBe(false)
    draw(engine('a'), 10, tick)
    await eventually(() => expect(shown('b')).toEqual(['0@a']))
  })

  it('a new drawer heard from before the news of its turn keeps its first stroke', async () => {
    const { engine, tick, shown, open, stroke } = room(['a', 'b', 'c'])
    await open()
    for (const id of ['a', 'b', 'c']) engine(id).setExclusiveDrawer('a')
    draw(engine('a'), 10, tick)
    await eventually(() => expect(shown('c')).toEqual(['0@a']))
    // The next turn is B's: A and B have heard, C has not yet when B's stroke comes.
    for (const id of ['a', 'b']) {
      engine(id).resetLocal()
      engine(id).setExclusiveDrawer('b')
    }
    draw(engine('b'), 40, tick, 6)
    await eventually(() => expect(stroke('a', '0@b')?.complete).toBe(true))
    expect(shown('c')).toEqual(['0@a'])
    engine('c').resetLocal()
    engine('c').setExclusiveDrawer('b')
    expect(shown('c')).toEqual(['0@b'])
    expect(stroke('c', '0@b')?.complete).toBe(true)
    expect(stroke('c', '0@b')?.points).toEqual(stroke('b', '0@b')?.points)
    // What the previous drawer sends after its turn is not replayed when its turn comes again.
    draw(engine('a'), 70, tick)
    await eventually(() => expect(stroke('b', '0@b')).toBeDefined())
    for (const id of ['a', 'b', 'c']) engine(id).setExclusiveDrawer('c')
    for (const id of ['a', 'b', 'c']) engine(id).setExclusiveDrawer('a')
    expect(shown('c')).toEqual(['0@b'])
  })

  it('the drawer losing its turn mid-stroke ends the stroke', async () => {
    const { engine, tick, open, stroke } = room(['a', 'b'])
    await open()
    engine('a').beginStroke(PEN, { x: 1, y: 1 })
    engine('a').extendStroke([{ x: 3, y: 3 }])
    tick()
    engine('a').setExclusiveDrawer('b')
    await eventually(() => expect(stroke('b', '0@a')?.complete).toBe(true))
  })

  it('cursors go out once per frame; a departed peer’s cursor is removed', async () => {
    const { engine, tick, open, mesh } = room(['a', 'b'])
    await open()
    const seen: [string, { x: number; y: number } | null][] = []
    engine('b').on('cursor', (peer, point) => seen.push([peer, point]))
    engine('a').moveCursor({ x: 10, y: 10 })
    engine('a').moveCursor({ x: 20.5, y: 30 })
    tick()
    await eventually(() => expect(seen).toEqual([['a', { x: 20.5, y: 30 }]]))
    mesh.disconnect('a', 'b')
    await eventually(() => expect(seen.at(-1)).toEqual(['a', null]))
  })

  it('a long line continues as a new stroke at the limit', async () => {
    const { engine, tick } = room(['a'])
    const a = engine('a')
    a.beginStroke(PEN, { x: 0, y: 0 })
    for (let i = 1; i < 4_100; i++) a.extendStroke([{ x: (i % 1_500) + 1, y: (i % 7) + 1 }])
    tick()
    a.endStroke()
    const strokes = a.board.all() as StrokeOp[]
    expect(strokes).toHaveLength(2)
    expect(strokes[0]!.points.length / 2).toBe(4_000)
    expect(strokes.every((s) => s.complete)).toBe(true)
  })
})
