import { afterEach, describe, expect, it } from 'vitest'
import type { Ack } from '../src/shared/protocol'
import type { MembershipEvent, ServerModule } from './modules'
import { TestWorld, join, raw } from './testing/harness'

/** A module that records membership events and answers one event of its own. */
function probe(events: MembershipEvent[]): ServerModule {
  return {
    name: 'probe',
    setup(context) {
      context.handle('probe:echo', async (socket, payload) => ({
        ok: true,
        peer: socket.data.peerId,
        payload,
      }))
      const off = context.membership.subscribe((event) => events.push(event))
      return off
    },
  }
}

describe('server modules', () => {
  const world = new TestWorld()
  afterEach(() => world.close())

  it('get their own events through the common gate and hear joins, leaves and host changes', async () => {
    const events: MembershipEvent[] = []
    const server = await world.server({ modules: [probe(events)] })
    const a = await world.client(server.url)
    const b = await world.client(server.url)
    const ja = await join(a, { room: 'mods', name: 'A' })
    const jb = await join(b, { room: 'mods', name: 'B' })
    const echo = (await raw(b).emitWithAck('probe:echo', { x: 1 })) as Ack<{ peer: string }>
    expect(echo).toEqual({ ok: true, peer: jb.self.id, payload: { x: 1 } })
    await a.emitWithAck('room:leave', {})
    expect(events).toEqual([
      { type: 'joined', roomId: 'mods', peer: ja.self, resumed: false },
      { type: 'joined', roomId: 'mods', peer: jb.self, resumed: false },
      { type: 'left', roomId: 'mods', peerId: ja.self.id, reason: 'left' },
      { type: 'host', roomId: 'mods', hostId: jb.self.id },
    ])
  })

  it('refuse a module event without an ack like any other event', async () => {
    const server = await world.server({ modules: [probe([])] })
    const a = await world.client(server.url)
    const res = await raw(a).emitWithAck('probe:missing', {})
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('cannot register an event twice', async () => {
    const twice: ServerModule = {
      name: 'twice',
      setup(context) {
        context.handle('room:join', async () => ({ ok: true }))
      },
    }
    await expect(world.server({ modules: [twice] })).rejects.toThrow('two handlers')
  })
})
