/**
 * Room state behind one interface so a single process keeps it in memory and a cluster keeps
 * it in Redis. Every mutating call is atomic: capacity can never be exceeded by racing joins.
 */

export interface Member {
  id: string
  name: string
  /** Socket id of the connection currently holding this peer; a resume replaces it. */
  session: string
  joinedAt: number
}

export interface RoomMeta {
  id: string
  capacity: number
  hostId: string
  /** scrypt hash, or null when the room has no password. */
  passwordHash: string | null
}

export interface JoinParams {
  roomId: string
  member: Member
  /** Used only when this join creates the room. */
  capacity: number
  /** Used only when this join creates the room. */
  passwordHash: string | null
  /**
   * The password hash the caller verified against (null: room absent or open). If the room
   * exists with a different hash it was recreated meanwhile and the caller must retry.
   */
  expectedPasswordHash: string | null
}

export type JoinOutcome =
  | { ok: true; room: RoomMeta; members: Member[]; created: boolean; rejoined: boolean }
  | { ok: false; reason: 'ROOM_FULL'; capacity: number }
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
