/** Single-process room state. JavaScript runs one call at a time, so each method is atomic. */
import type {
  Ban,
  JoinOutcome,
  JoinParams,
  LeaveOutcome,
  Member,
  RoomMeta,
  RoomStore,
} from './roomStore'
import { isBanned, mergeBans, pickNextHost } from './roomStore'

interface Room {
  meta: RoomMeta
  members: Map<string, Member>
}

const copyMeta = (meta: RoomMeta): RoomMeta => ({ ...meta, removed: [...meta.removed] })

export class MemoryRoomStore implements RoomStore {
  readonly shared = false
  private readonly rooms = new Map<string, Room>()

  async get(roomId: string): Promise<RoomMeta | null> {
    const room = this.rooms.get(roomId)
    return room ? copyMeta(room.meta) : null
  }

  async join(p: JoinParams): Promise<JoinOutcome> {
    let room = this.rooms.get(p.roomId)
    let created = false
    if (!room) {
      if (p.expectedInstance !== null) return { ok: false, reason: 'RETRY' }
      room = {
        meta: {
          id: p.roomId,
          ...p.settings,
          hostId: p.member.id,
          removed: mergeBans([], p.removed ?? []),
        },
        members: new Map(),
      }
      created = true
    } else if (room.meta.instance !== p.expectedInstance) {
      return { ok: false, reason: 'RETRY' }
    }
    if (isBanned(room.meta.removed, p.member.id, p.address)) return { ok: false, reason: 'REMOVED' }
    const existing = room.members.get(p.member.id)
    if (!existing && room.members.size >= room.meta.capacity) {
      return { ok: false, reason: 'ROOM_FULL', capacity: room.meta.capacity }
    }
    if (created) this.rooms.set(p.roomId, room)
    if (existing) existing.session = p.member.session
    else room.members.set(p.member.id, { ...p.member })
    return {
      ok: true,
      room: copyMeta(room.meta),
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

  async ban(roomId: string, bans: readonly Ban[]): Promise<Ban[]> {
    const room = this.rooms.get(roomId)
    if (!room) return []
    room.meta.removed = mergeBans(room.meta.removed, bans)
    return [...room.meta.removed]
  }

  async unban(roomId: string, peerId: string): Promise<Ban[] | null> {
    const room = this.rooms.get(roomId)
    if (!room || !room.meta.removed.some((b) => b.id === peerId)) return null
    room.meta.removed = room.meta.removed.filter((b) => b.id !== peerId)
    return [...room.meta.removed]
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
