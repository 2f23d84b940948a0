/**
 * A tiny in-memory signaling server for session tests: rooms, capacity, relay, leave.
 * Acks arrive before later broadcasts, as on a real socket.
 */
import type { JoinAckBody } from '../../../../shared/protocol'
import type { SocketFactory } from '../../signaling/signalingClient'
import { FakeSocket } from '../../signaling/testing/fakeSocket'

interface Member {
  id: string
  name: string
  socket: FakeSocket
}

export class FakeServer {
  readonly rooms = new Map<
    string,
    { capacity: number; hostId: string; members: Map<string, Member> }
  >()
  readonly sockets: FakeSocket[] = []
  /** Every signal accepted for relay, in order. */
  readonly relayed: { from: string; to: string }[] = []
  /** Names of members whose signals are accepted but never delivered (an unresponsive peer). */
  readonly silenced = new Set<string>()
  private nextId = 1
  /** Resume tokens are honoured (same id) unless the server "restarted". */
  forgetSessions = false

  factory: SocketFactory = () => {
    const socket = new FakeSocket()
    socket.autoAccept = true
    socket.respond = (event, payload) => this.handle(socket, event, payload)
    this.sockets.push(socket)
    return socket.asSocket()
  }

  private memberOf(socket: FakeSocket): { room: string; member: Member } | null {
    for (const [room, r] of this.rooms) {
      for (const member of r.members.values()) if (member.socket === socket) return { room, member }
    }
    return null
  }

  private handle(socket: FakeSocket, event: string, payload: unknown): unknown {
    if (event === 'room:join') {
      const req = payload as { room: string; name: string; capacity?: number; resumeToken?: string }
      let room = this.rooms.get(req.room)
      const resumeId = !this.forgetSessions && req.resumeToken ? req.resumeToken : null
      const existing = resumeId ? room?.members.get(resumeId) : undefined
      if (room && !existing && room.members.size >= room.capacity) {
        return {
          ok: false,
          error: {
            code: 'ROOM_FULL',
            message: `room is full (${room.members.size} of ${room.capacity})`,
            details: { capacity: room.capacity },
          },
        }
      }
      const id = existing?.id ?? `p${this.nextId++}`
      if (!room) {
        room = { capacity: req.capacity ?? 6, hostId: id, members: new Map() }
        this.rooms.set(req.room, room)
      }
      const peers = [...room.members.values()]
        .filter((m) => m.id !== id)
        .map((m) => ({ id: m.id, name: m.name }))
      room.members.set(id, { id, name: req.name, socket })
      if (!existing) {
        for (const m of room.members.values()) {
          if (m.id !== id)
            setTimeout(() => m.socket.serverSend('peer:joined', { id, name: req.name }), 0)
        }
      }
      const ack: JoinAckBody = {
        self: { id, name: req.name },
        room: {
          id: req.room,
          capacity: room.capacity,
          hostId: room.hostId,
          hasPassword: false,
          removed: [],
        },
        peers,
        iceServers: [],
        resumeToken: id,
        resumed: !!existing,
      }
      return { ok: true, ...ack }
    }
    const where = this.memberOf(socket)
    if (event === 'signal') {
      const { to, data } = payload as { to: string; data: unknown }
      const target = where && this.rooms.get(where.room)?.members.get(to)
      if (!where || !target)
        return { ok: false, error: { code: 'UNKNOWN_PEER', message: 'no such peer' } }
      this.relayed.push({ from: where.member.id, to })
      if (this.silenced.has(where.member.name)) return { ok: true }
      setTimeout(() => target.socket.serverSend('signal', { from: where.member.id, data }), 0)
      return { ok: true }
    }
    if (event === 'room:leave') {
      if (where) this.removeMember(where.room, where.member.id)
      return { ok: true }
    }
    return { ok: false, error: { code: 'BAD_REQUEST', message: `unknown event ${event}` } }
  }

  removeMember(roomId: string, id: string): void {
    const room = this.rooms.get(roomId)
    if (!room?.members.delete(id)) return
    for (const m of room.members.values()) {
      setTimeout(() => m.socket.serverSend('peer:left', { id, reason: 'left' }), 0)
    }
    if (room.members.size === 0) this.rooms.delete(roomId)
  }
}
