/**
 * Room state behind one interface so a single process keeps it in memory and a cluster keeps
 * it in Redis. Every mutating call is atomic: capacity can never be exceeded by racing joins,
 * and a removed person can never slip back in between a check and a join.
 */
import { isLoopbackAddress } from '../address'
import type { Ban } from '../resumeToken'

export type { Ban }

export interface Member {
  id: string
  name: string
  /** Socket id of the connection currently holding this peer; a resume replaces it. */
  session: string
  joinedAt: number
  /** Address key of the client holding the place (a kick removes that address too). */
  address: string
}

/** The settings a room is created with (and restored with after a restart). */
export interface RoomSettings {
  /** Random id of this incarnation of the room. */
  instance: string
  capacity: number
  /** scrypt hash, or null when the room has no password. */
  passwordHash: string | null
  /** Room key on invite-only servers, or null. */
  key: string | null
}

export interface RoomMeta extends RoomSettings {
  id: string
  hostId: string
  /** People the host removed (by peer id and client address), oldest first. */
  removed: Ban[]
}

/** At most this many removed people are remembered per room (the oldest are forgotten). */
export const MAX_REMOVED = 20

export interface JoinParams {
  roomId: string
  member: Member
  /** Address key of the joining client: refused if the host removed that address. */
  address: string
  /** Used only when this join creates the room. */
  settings: RoomSettings
  /** Removed people to start with when this join creates (restores) the room. */
  removed?: Ban[]
  /**
   * The instance the caller checked against (null: the room was absent). If the room exists
   * as another instance it was recreated meanwhile and the caller must check again (RETRY).
   */
  expectedInstance: string | null
}

export type JoinOutcome =
  | { ok: true; room: RoomMeta; members: Member[]; created: boolean; rejoined: boolean }
  | { ok: false; reason: 'ROOM_FULL'; capacity: number }
  | { ok: false; reason: 'REMOVED' }
  | { ok: false; reason: 'RETRY' }

export interface LeaveOutcome {
  removed: boolean
  /** Set when the leaving peer was the host and someone else took over. */
  newHostId: string | null
  roomDeleted: boolean
}

export interface RoomStore {
  /** True when several server processes share this state (a peer may resume elsewhere). */
  readonly shared: boolean
  get(roomId: string): Promise<RoomMeta | null>
  join(params: JoinParams): Promise<JoinOutcome>
  /** Removes a member; with `session`, only if that connection still holds the peer id. */
  leave(roomId: string, peerId: string, session?: string): Promise<LeaveOutcome>
  /** Remembers removed people (no-op for an absent room); returns the new list. */
  ban(roomId: string, bans: readonly Ban[]): Promise<Ban[]>
  /** Forgets a removal; returns the new list, or null when the room or the ban is absent. */
  unban(roomId: string, peerId: string): Promise<Ban[] | null>
  /** Whether each id is currently a member (used for relay and host checks). */
  areMembers(roomId: string, peerIds: readonly string[]): Promise<boolean[]>
  members(roomId: string): Promise<Member[]>
  roomCount(): Promise<number>
  /** Keeps members held by live connections of this process from expiring (cluster leases). */
  refresh(holds: ReadonlyArray<{ roomId: string; peerId: string }>): Promise<void>
  close(): Promise<void>
}

/** The member that becomes host when the host leaves: whoever has been in the room longest. */
export function pickNextHost(members: readonly Member[]): string | null {
  let next: Member | null = null
  for (const m of members) if (!next || m.joinedAt < next.joinedAt) next = m
  return next ? next.id : null
}

/** Adds bans (by id, newest wins), keeping the newest MAX_REMOVED. */
export function mergeBans(current: readonly Ban[], added: readonly Ban[]): Ban[] {
  const byId = new Map(current.map((b) => [b.id, b]))
  for (const ban of added) {
    byId.delete(ban.id)
    byId.set(ban.id, ban)
  }
  return [...byId.values()].slice(-MAX_REMOVED)
}

/**
 * Removed by id, or by address. Loopback is never banned by address: it is the host's own
 * machine (the app, or a browser on it), and banning it would lock the host out.
 */
export function isBanned(removed: readonly Ban[], peerId: string, address: string): boolean {
  const byAddress = address !== '' && !isLoopbackAddress(address)
  return removed.some((ban) => ban.id === peerId || (byAddress && ban.address === address))
}
