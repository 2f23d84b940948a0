import { describe, expect, it } from 'vitest'
import { keyOf } from '../engines/whiteboard/ops'
import { eventually } from '../rtc/testing/eventually'
import { RouterMesh } from '../rtc/testing/routerMesh'
import { createWhiteboardCursorStore, createWhiteboardStore } from '../store/whiteboardStore'
import { WhiteboardController } from './whiteboardController'

function call(ids: string[]) {
  const mesh = new RouterMesh()
  const controllers = new Map<string, WhiteboardController>()
  const stores = new Map<string, ReturnType<typeof createWhiteboardStore>>()
  const cursors = new Map<string, ReturnType<typeof createWhiteboardCursorStore>>()
  for (const id of ids) {
    const store = createWhiteboardStore()
    const cursorStore = createWhiteboardCursorStore()
    const controller = new WhiteboardController({
      store,
      cursorStore,
      router: mesh.router(id),
      scheduleFrame: (run) => void setTimeout(run, 0),
    })
    controller.start(id, { requestSnapshot: false })
    controllers.set(id, controller)
    stores.set(id, store)
    cursors.set(id, cursorStore)
  }
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) mesh.connect(ids[i]!, ids[j]!)
  const wb = (id: string) => controllers.get(id)!
  const state = (id: string) => stores.get(id)!.getState()
  const shown = (id: string) => wb(id).scene.visible().map(keyOf)
  const line = (id: string, x: number) => {
    wb(id).beginStroke({ x, y: 10 })
    wb(id).extendStroke([{ x: x + 5, y: 20 }])
    wb(id).endStroke()
  }
  return { wb, state, shown, line, cursors, mesh }
}

describe('WhiteboardController (the contract the game relies on)', () => {
  it('setExclusiveDrawer: only the drawer’s strokes are accepted and only the drawer may draw', async () => {
    const { wb, state, shown, line } = call(['a', 'b', 'c'])
    await eventually(() => expect(state('a').canDraw).toBe(true))
    for (const id of ['a', 'b', 'c']) wb(id).setExclusiveDrawer('b')
    expect(state('a')).toMatchObject({ canDraw: false, exclusiveDrawer: 'b' })
    expect(state('b')).toMatchObject({ canDraw: true, exclusiveDrawer: 'b' })
    line('a', 100)
    wb('a').fillAt({ x: 5, y: 5 })
    expect(shown('a')).toEqual([])
    line('b', 10)
    await eventually(() => {
      for (const id of ['a', 'b', 'c']) expect(shown(id)).toEqual(['0@b'])
    })
    for (const id of ['a', 'b', 'c']) wb(id).setExclusiveDrawer(null)
    expect(state('a').canDraw).toBe(true)
  })

  it('with a drawer, only the drawer’s pointer is shown', async () => {
    const { wb, cursors, mesh } = call(['a', 'b', 'c'])
    await eventually(() => expect(mesh.router('c').openPeers).toHaveLength(2))
    wb('a').moveCursor({ x: 1, y: 1 })
    wb('b').moveCursor({ x: 2, y: 2 })
    await eventually(() =>
      expect(Object.keys(cursors.get('c')!.getState().cursors)).toHaveLength(2),
    )
    for (const id of ['a', 'b', 'c']) wb(id).setExclusiveDrawer('b')
    expect(cursors.get('c')!.getState().cursors).toEqual({ b: { x: 2, y: 2 } })
    wb('a').moveCursor({ x: 5, y: 5 })
    wb('b').moveCursor({ x: 6, y: 6 })
    await eventually(() =>
      expect(cursors.get('c')!.getState().cursors).toEqual({ b: { x: 6, y: 6 } }),
    )
    expect(cursors.get('b')!.getState().cursors).toEqual({})
  })

  it('resetLocal empties the board here only, with nothing sent, and forgets the undo history', async () => {
    const { wb, state, shown, line } = call(['a', 'b'])
    line('a', 10)
    await eventually(() => expect(shown('b')).toEqual(['0@a']))
    expect(state('a').canUndo).toBe(true)
    wb('a').resetLocal()
    expect(shown('a')).toEqual([])
    expect(state('a').canUndo).toBe(false)
    // B still has the stroke: nothing went over the wire.
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(shown('b')).toEqual(['0@a'])
  })

  it('tool, colour and size drive what is drawn; undo and redo state follows the board', async () => {
    const { wb, state, shown, line } = call(['a', 'b'])
    wb('a').setColor('#dc2626')
    wb('a').setColor('red')
    wb('a').setSize(16)
    wb('a').setSize(0)
    expect(state('a')).toMatchObject({ color: '#dc2626', size: 16 })
    line('a', 10)
    await eventually(() =>
      expect(wb('b').scene.visible()[0]).toMatchObject({
        kind: 'stroke',
        color: '#dc2626',
        size: 16,
      }),
    )
    wb('a').setTool('fill')
    wb('a').beginStroke({ x: 1, y: 1 })
    wb('a').fillAt({ x: 300, y: 300 })
    expect(shown('a')).toEqual(['0@a', '1@a'])
    wb('a').undo()
    expect(state('a')).toMatchObject({ canUndo: true, canRedo: true })
    wb('a').redo()
    expect(state('a').canRedo).toBe(false)
    // B clears: A's operations are hidden, so A has nothing left to undo.
    wb('b').clear()
    await eventually(() => expect(state('a').canUndo).toBe(false))
  })

  it('peers’ cursors land in the cursor store and go when the peer leaves; stop forgets all', async () => {
    const { wb, cursors, mesh } = call(['a', 'b'])
    await eventually(() => expect(mesh.router('a').openPeers).toEqual(['b']))
    wb('a').moveCursor({ x: 40, y: 50 })
    await eventually(() =>
      expect(cursors.get('b')!.getState().cursors).toEqual({ a: { x: 40, y: 50 } }),
    )
    wb('a').moveCursor(null)
    await eventually(() => expect(cursors.get('b')!.getState().cursors).toEqual({}))
    wb('a').moveCursor({ x: 1, y: 2 })
    await eventually(() => expect(cursors.get('b')!.getState().cursors).toHaveProperty('a'))
    wb('b').stop()
    expect(cursors.get('b')!.getState().cursors).toEqual({})
  })
})
