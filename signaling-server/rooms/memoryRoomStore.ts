/** Single-process room state. JavaScript runs one call at a time, so each method is atomic. */
import type {
  JoinOutcome,
  JoinParams,
  LeaveOutcome,
  Member,
  RoomMeta,
  RoomStore,
} from './roomStore'
import { pickNextHost } from './roomStore'

interface Room {
  meta: RoomMeta
  members: Map<string, Member>
}

export class MemoryRoomStore implements RoomStore {
  readonly shared = false
  private readonly rooms = new Map<string, Room>()

  async get(roomId: string): Promise<RoomMeta | null> {
    const room = this.rooms.get(roomId)
    return room ? { ...room.meta } : null
  }

  async join(p: JoinParams): Promise<JoinOutcome> {
    let room = this.rooms.get(p.roomId)
    let created = false
    if (!room) {
      room = {
        meta: {
          id: p.roomId,
          capacity: p.capacity,
          hostId: p.member.id,
          passwordHash: p.passwordHash,
        },
        members: new Map(),
      }
      this.rooms.set(p.roomId, room)
      created = true
    } else if (room.meta.passwordHash !== p.expectedPasswordHash) {
      return { ok: false, reason: 'RETRY' }
    }
    const existing = room.members.get(p.member.id)
    if (!existing && room.members.size >= room.meta.capacity) {
      return { ok: false, reason: 'ROOM_FULL', capacity: room.meta.capacity }
    }
    if (existing) existing.session = p.member.session
    else room.members.set(p.member.id, { ...p.member })
    return {
      ok: true,
      room: { ...room.meta },
      members: [...room.members.values()].map((m) => ({ ...m })),
      created,
      rejoined: existing !== undefined,
    }
  }

  async leave(roomId: string, peerId: string, session?: string): Promise<LeaveOutcome> {
    const none: LeaveOutcome = { removed: false, newHostId: null, roomDeleted: false }
    const room = this.rooms.get(roomId)
    const member = room?.members.get(peerId)
    if (!room || !member || (session !== undefined && member.session !== session)) return none
    room.members.delete(peerId)
    if (room.members.size === 0) {
      this.rooms.delete(roomId)
      return { removed: true, newHostId: null, roomDeleted: true }
    }
    let newHostId: string | null = null
    if (room.meta.hostId === peerId) {
      newHostId = pickNextHost([...room.members.values()])
      if (newHostId) room.meta.hostId = newHostId
    }
    return { removed: true, newHostId, roomDeleted: false }
  }

  async areMembers(roomId: string, peerIds: readonly string[]): Promise<boolean[]> {
    const room = this.rooms.get(roomId)
    return peerIds.map((id) => room?.members.has(id) ?? false)
  }

  async members(roomId: string): Promise<Member[]> {
    const room = this.rooms.get(roomId)
    return room ? [...room.members.values()].map((m) => ({ ...m })) : []
  }

  async roomCount(): Promise<number> {
    return this.rooms.size
  }

  async refresh(): Promise<void> {}

  async close(): Promise<void> {
    this.rooms.clear()
  }
}
