import { describe, expect, it } from 'vitest'
import { eventually } from '../../rtc/testing/eventually'
import { RouterMesh } from '../../rtc/testing/routerMesh'
import { chatHistoryRoute, ChatEngine } from './chatEngine'

const NAMES: Record<string, string> = { a: 'Ana', b: 'Bo', c: 'Chul', d: 'Dana' }

function room(ids: string[]) {
  const mesh = new RouterMesh()
  let clock = 1_000
  const engines = new Map<string, ChatEngine>()
  const engine = (id: string) => {
    let e = engines.get(id)
    if (!e) {
      let n = 0
      e = new ChatEngine({
        router: mesh.router(id),
        newId: () => `${id}${++n}`,
        now: () => clock++,
        nameOf: (peer) => NAMES[peer],
      })
      engines.set(id, e)
    }
    return e
  }
  for (const id of ids) engine(id).start({ id, name: NAMES[id]! }, { requestHistory: false })
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) mesh.connect(ids[i]!, ids[j]!)
  const texts = (id: string) => engine(id).lines.map((l) => `${l.name}: ${l.text}`)
  return { mesh, engine, texts }
}

describe('ChatEngine', () => {
  it('a message reaches everyone else exactly once', async () => {
    const { engine, texts } = room(['a', 'b', 'c'])
    expect(engine('a').send('hello all').ok).toBe(true)
    await eventually(() => {
      expect(texts('b')).toEqual(['Ana: hello all'])
      expect(texts('c')).toEqual(['Ana: hello all'])
    })
    expect(texts('a')).toEqual(['Ana: hello all'])
    expect(engine('a').lines[0]?.self).toBe(true)
  })

  it('refuses empty and too-long messages and strips controls that disguise text', () => {
    const { engine } = room(['a'])
    expect(engine('a').send('   \n ')).toEqual({ ok: false, reason: 'empty' })
    expect(engine('a').send('x'.repeat(2_001))).toEqual({ ok: false, reason: 'too-long' })
    expect(engine('a').send('가'.repeat(2_000)).ok).toBe(true)
    const sent = engine('a').send('evil\u202Eeman\u0007 ok')
    expect(sent.ok && sent.line.text).toBe('evileman ok')
  })

  it('a late joiner gets the earlier messages once, in order, with those sent meanwhile', async () => {
    const { mesh, engine, texts } = room(['a', 'b', 'c'])
    engine('a').send('one')
    engine('b').send('two')
    engine('c').send('three')
    await eventually(() => expect(texts('c')).toHaveLength(3))
    // Dana joins: she asks the first peer whose channel opens, and hears live messages meanwhile.
    engine('d').start({ id: 'd', name: 'Dana' }, { requestHistory: true })
    mesh.connect('d', 'a')
    mesh.connect('d', 'b')
    mesh.connect('d', 'c')
    engine('b').send('four (sent while Dana joins)')
    await eventually(() =>
      expect(texts('d')).toEqual([
        'Ana: one',
        'Bo: two',
        'Chul: three',
        'Bo: four (sent while Dana joins)',
      ]),
    )
    engine('a').send('five')
    await eventually(() => expect(texts('d').at(-1)).toBe('Ana: five'))
    expect(new Set(texts('d')).size).toBe(texts('d').length)
  })

  it('asks someone else when the peer asked leaves before answering', async () => {
    const { mesh, engine, texts } = room(['a', 'b'])
    engine('a').send('before you came')
    await eventually(() => expect(texts('b')).toHaveLength(1))
    // Ana's router never answers: she left the moment Dana connected.
    engine('d').start({ id: 'd', name: 'Dana' }, { requestHistory: true })
    mesh.connect('d', 'a')
    await eventually(() => expect(mesh.router('d').openPeers).toEqual(['a']))
    mesh.disconnect('d', 'a')
    mesh.connect('d', 'b')
    await eventually(() => expect(texts('d')).toEqual(['Ana: before you came']))
  })

  it('ignores history nobody asked for, and forgets everything when the call ends', async () => {
    const { engine, texts, mesh } = room(['a', 'b'])
    engine('a').send('hi')
    await eventually(() => expect(texts('b')).toHaveLength(1))
    mesh.router('a').send('b', chatHistoryRoute, {
      type: 'chat-history',
      messages: [{ from: 'x', name: 'Mallory', id: 'z1', text: 'fake', sentAt: 1 }],
      done: true,
    })
    // The channel is ordered: once a later message is in, the unasked history was handled.
    engine('a').send('after')
    await eventually(() => expect(texts('b')).toEqual(['Ana: hi', 'Ana: after']))
    engine('b').stop()
    expect(engine('b').lines).toEqual([])
  })
})
