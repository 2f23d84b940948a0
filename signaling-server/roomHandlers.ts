/**
 * The protocol v1 room logic: join (with password, room key, capacity and resume), leave,
 * relay, kick and allow, TURN refresh, and what happens when a connection drops. Every handler
 * returns the ack body; nothing here throws to Socket.IO.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { DEFAULT_CAPACITY } from '../src/shared/limits'
import {
  allowRequestSchema,
  describeZodError,
  joinRequestSchema,
  kickRequestSchema,
  leaveRequestSchema,
  signalRequestSchema,
  turnRefreshRequestSchema,
  type Ack,
  type ErrorCode,
  type JoinAck,
  type JoinRequest,
  type PeerInfo,
  type ProtocolError,
  type SignalData,
  type TurnRefreshAckBody,
} from '../src/shared/protocol'
import type { ServerConfig } from './config'
import type { Logger } from './logger'
import type { ServerMetrics } from './metrics'
import type { Membership } from './modules'
import { Semaphore } from './rateLimit'
import { createResumeToken, verifyResumeToken, type ResumeClaim } from './resumeToken'
import { PasswordLockout } from './rooms/lockout'
import { hashPassword, verifyPassword } from './rooms/password'
import {
  isBanned,
  type Ban,
  type LeaveOutcome,
  type RoomMeta,
  type RoomSettings,
  type RoomStore,
} from './rooms/roomStore'
import { iceServersFor, turnExpiry } from './turn'
import { peerChannel, roomChannel, type MoimServer, type MoimSocket } from './types'

type Failure = { ok: false; error: ProtocolError }
type RelayedSignal = { from: string; data: SignalData }
type JoinParams = Omit<JoinRequest, 'resumeToken'> & { room: string; name: string }

/**
 * Signals for a peer in its grace period are held (up to these bounds, and the per-room and
 * server-wide totals of the flood config) and delivered when it resumes, so an offer or
 * candidate sent during a network blip is not silently lost.
 */
const MAX_HELD_SIGNALS = 200
const MAX_HELD_BYTES = 1024 * 1024
/** Tokens issued before this process started restore rooms for at least this long after it. */
const MIN_RESTORE_PERIOD_MS = 60_000

interface HeldSignals {
  roomId: string
  messages: RelayedSignal[]
  bytes: number
}

const holdKey = (roomId: string, peerId: string): string => `${roomId}\n${peerId}`

export interface RoomHandlerDeps {
  io: MoimServer
  store: RoomStore
  config: ServerConfig
  secret: string
  logger: Logger
  metrics: ServerMetrics
  /** Where joins, leaves and host changes are announced to server modules. */
  membership?: Membership
  now?: () => number
}

/** Peer ids are random (never the socket id) so a resumed connection can keep its id. */
function newPeerId(): string {
  return randomBytes(9).toString('base64url')
}

/** 128 random bits; the room key of an invite-only room. */
function newRoomKey(): string {
  return randomBytes(16).toString('base64url')
}

function sameKey(given: string | undefined, expected: string | null): boolean {
  if (expected === null) return true
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

const peerList = (bans: readonly Ban[]): PeerInfo[] => bans.map(({ id, name }) => ({ id, name }))

/** How a join relates to an earlier place in the room. */
type Resume =
  /** The peer still holds its place (a reconnect within the grace period). */
  | { kind: 'held'; claim: ResumeClaim }
  /** The server restarted since the token was issued: the peer restores its place and room. */
  | { kind: 'restore'; claim: ResumeClaim }
  | { kind: 'none' }

export class RoomHandlers {
  private readonly lockout: PasswordLockout
  private readonly passwordChecks: Semaphore
  private readonly now: () => number
  private readonly startedAt: number
  /** Pending "peer dropped" removals, cancelled when the peer resumes on this process. */
  private readonly graceTimers = new Map<string, NodeJS.Timeout>()
  /** Signals waiting for dropped peers of this process, by holdKey. */
  private readonly held = new Map<string, HeldSignals>()
  private readonly heldByRoom = new Map<string, number>()
  private heldTotal = 0

  constructor(private readonly deps: RoomHandlerDeps) {
    this.lockout = new PasswordLockout(deps.config.lockout)
    this.passwordChecks = new Semaphore(
      deps.config.flood.maxPasswordChecks,
      deps.config.flood.maxPasswordQueue,
    )
    this.now = deps.now ?? Date.now
    this.startedAt = this.now()
  }

  fail(code: ErrorCode, message: string, details?: ProtocolError['details']): Failure {
    this.deps.metrics.rejectedMessages.inc({ reason: code })
    return { ok: false, error: details ? { code, message, details } : { code, message } }
  }

  async join(socket: MoimSocket, raw: unknown): Promise<JoinAck> {
    const parsed = joinRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const { resumeToken, ...req } = parsed.data
    const { config, store } = this.deps
    if (req.capacity !== undefined && req.capacity > config.maxCapacity) {
      return this.fail('BAD_REQUEST', `capacity: at most ${config.maxCapacity} on this server`)
    }
    if (socket.data.joining) return this.fail('ALREADY_IN_ROOM', 'a join is already in progress')
    // Set before the first await: two joins racing on one connection must not both get in.
    socket.data.joining = true
    try {
      if (socket.data.roomId !== null && socket.data.peerId !== null) {
        const [stillMember] = await store.areMembers(socket.data.roomId, [socket.data.peerId])
        if (stillMember) {
          return this.fail(
            'ALREADY_IN_ROOM',
            `already in room "${socket.data.roomId}"; leave it first`,
          )
        }
        this.forgetRoom(socket)
      }
      const claim = resumeToken ? verifyResumeToken(this.deps.secret, resumeToken) : null
      return await this.admit(socket, req, claim?.room === req.room ? claim : null)
    } finally {
      socket.data.joining = false
    }
  }

  private restoring(): boolean {
    return this.now() < this.startedAt + this.deps.config.restoreWindowMs
  }

  private classify(claim: ResumeClaim | null, meta: RoomMeta | null, memberIds: string[]): Resume {
    if (!claim) return { kind: 'none' }
    const sameRoom = meta !== null && meta.instance === claim.ticket.instance
    if (sameRoom && memberIds.includes(claim.id)) return { kind: 'held', claim }
    // Only a token from before this process started may bring back a place this process never
    // saw end: otherwise a left or kicked peer's token would open the door again.
    const restorePeriod = Math.max(this.deps.config.restoreWindowMs, MIN_RESTORE_PERIOD_MS)
    const fromBefore = claim.iat < this.startedAt && this.now() < this.startedAt + restorePeriod
    // With a shared store the room outlived this process: a missing place really ended.
    const roomLost = meta === null || (sameRoom && !this.deps.store.shared)
    return fromBefore && roomLost ? { kind: 'restore', claim } : { kind: 'none' }
  }

  private async admit(
    socket: MoimSocket,
    req: JoinParams,
    claim: ResumeClaim | null,
  ): Promise<JoinAck> {
    const { config, store, io } = this.deps
    const { addressKey } = socket.data

    // A room can be deleted and recreated between our read and our write; the store then says
    // RETRY and we read again. Two rounds suffice unless someone is churning the room on purpose.
    for (let attempt = 0; attempt < 5; attempt++) {
      const meta = await store.get(req.room)
      const members = meta ? await store.members(req.room) : []
      const resume = this.classify(
        claim,
        meta,
        members.map((m) => m.id),
      )
      const peerId = resume.kind === 'none' ? newPeerId() : resume.claim.id

      let settings: RoomSettings | null = null
      let removed: Ban[] = []
      if (resume.kind === 'none') {
        const refused = await this.checkFreshJoin(socket, req, meta, members.length)
        if (refused) return refused
        if (!meta) settings = await this.newSettings(req)
        if (settings === null && !meta) {
          return this.fail('RATE_LIMITED', 'the server is busy; try again', { retryAfterMs: 1000 })
        }
      } else if (resume.kind === 'restore') {
        const { ticket } = resume.claim
        settings = meta
          ? null
          : {
              instance: ticket.instance,
              capacity: ticket.capacity,
              passwordHash: ticket.passwordHash,
              key: ticket.key,
            }
        removed = ticket.removed
        // Other returners may carry removals this one's older token does not know about.
        if (meta) await this.applyRemovals(req.room, meta, ticket.removed)
      }

      const outcome = await store.join({
        roomId: req.room,
        member: {
          id: peerId,
          name: req.name,
          session: socket.id,
          joinedAt: this.now(),
          address: addressKey,
        },
        address: addressKey,
        settings: settings ?? {
          instance: meta?.instance ?? '',
          capacity: 0,
          passwordHash: null,
          key: null,
        },
        removed,
        expectedInstance: meta?.instance ?? null,
      })
      if (!outcome.ok && outcome.reason === 'RETRY') continue
      if (!outcome.ok && outcome.reason === 'REMOVED') {
        return this.fail('KICKED', 'the host removed you from this room')
      }
      if (!outcome.ok) {
        return this.fail('ROOM_FULL', `room is full (${outcome.capacity} of ${outcome.capacity})`, {
          capacity: outcome.capacity,
        })
      }
      if (socket.disconnected) {
        // The client went away while we were waiting on the store: give the place back.
        await this.removeMember(req.room, peerId, 'disconnected', socket.id)
        return this.fail('INTERNAL', 'connection closed during join')
      }
      this.cancelGrace(req.room, peerId)
      if (outcome.rejoined) {
        // Another connection (a stale one, or a second tab replaying the token) held this id:
        // it loses the place quietly (no grace period) and is disconnected.
        this.forgetLocalPeer(peerId)
        io.in(peerChannel(peerId)).except(socket.id).disconnectSockets(true)
      }
      const self = outcome.members.find((m) => m.id === peerId)
      const name = self?.name ?? req.name
      socket.data.roomId = req.room
      socket.data.peerId = peerId
      socket.data.name = name
      await socket.join([roomChannel(req.room), peerChannel(peerId)])
      if (!outcome.rejoined) {
        socket.to(roomChannel(req.room)).emit('peer:joined', { id: peerId, name })
      }
      this.deliverHeld(socket, req.room, peerId)
      // A sealed token of this very room (same instance) proves who came back under a new id.
      const cameBack =
        resume.kind === 'none' &&
        claim !== null &&
        outcome.room.instance === claim.ticket.instance &&
        claim.id !== peerId
      this.deps.membership?.publish({
        type: 'joined',
        roomId: req.room,
        peer: { id: peerId, name },
        resumed: resume.kind !== 'none',
        ...(cameBack ? { previousId: claim.id } : {}),
      })
      this.deps.metrics.joins.inc()
      this.deps.logger.debug(
        { room: req.room, peer: peerId, created: outcome.created, resume: resume.kind },
        'joined',
      )
      const room = outcome.room
      const expireAt = turnExpiry(config, this.now())
      return {
        ok: true,
        self: { id: peerId, name },
        room: {
          id: room.id,
          capacity: room.capacity,
          hostId: room.hostId,
          hasPassword: room.passwordHash !== null,
          ...(room.key !== null ? { key: room.key } : {}),
          removed: peerList(room.removed),
        },
        peers: outcome.members
          .filter((m) => m.id !== peerId)
          .sort((a, b) => a.joinedAt - b.joinedAt)
          .map((m) => ({ id: m.id, name: m.name })),
        iceServers: iceServersFor(config, peerId, this.now()),
        ...(expireAt !== null ? { iceServersExpireAt: expireAt } : {}),
        resumeToken: this.token(room, peerId, name),
        resumed: resume.kind !== 'none',
      }
    }
    return this.fail('INTERNAL', 'the room changed repeatedly during join; try again')
  }

  /**
   * The checks for someone without a place to resume, in an order that reveals nothing to
   * the uninvited: restart window, room key, removal, capacity, then the password.
   */
  private async checkFreshJoin(
    socket: MoimSocket,
    req: JoinParams,
    meta: RoomMeta | null,
    memberCount: number,
  ): Promise<Failure | null> {
    const { config } = this.deps
    if (this.restoring()) {
      const retryAfterMs = this.startedAt + config.restoreWindowMs - this.now()
      return this.fail('RESTARTING', 'the server just restarted; members are coming back', {
        retryAfterMs: Math.max(1, retryAfterMs),
      })
    }
    if (config.inviteOnly && !socket.data.trusted && (!meta || !sameKey(req.key, meta.key))) {
      // Same answer for a missing room, a missing key and a wrong key.
      return this.fail('INVITE_REQUIRED', 'this call can only be joined with its invite link')
    }
    if (!meta) return null
    if (isBanned(meta.removed, '', socket.data.addressKey)) {
      return this.fail('KICKED', 'the host removed you from this room')
    }
    if (memberCount >= meta.capacity) {
      return this.fail('ROOM_FULL', `room is full (${memberCount} of ${meta.capacity})`, {
        capacity: meta.capacity,
      })
    }
    if (meta.passwordHash === null) return null
    return this.checkPassword(socket.data.addressKey, req.room, req.password, meta.passwordHash)
  }

  private async newSettings(req: JoinParams): Promise<RoomSettings | null> {
    const { config } = this.deps
    let passwordHash: string | null = null
    if (req.password) {
      const hashed = await this.passwordChecks.run(() => hashPassword(req.password as string))
      if (hashed === null) return null
      passwordHash = hashed
    }
    return {
      instance: randomBytes(9).toString('base64url'),
      capacity: req.capacity ?? Math.min(DEFAULT_CAPACITY, config.maxCapacity),
      passwordHash,
      key: config.inviteOnly ? newRoomKey() : null,
    }
  }

  private async checkPassword(
    address: string,
    room: string,
    password: string | undefined,
    hash: string,
  ): Promise<Failure | null> {
    const attempt = this.lockout.begin(address, room)
    if (!attempt.ok && attempt.reason === 'BUSY') {
      return this.fail('RATE_LIMITED', 'too many password attempts at once; try again', {
        retryAfterMs: attempt.retryAfterMs,
      })
    }
    if (!attempt.ok) {
      return this.fail('LOCKED_OUT', 'too many wrong passwords; try again later', {
        retryAfterMs: attempt.retryAfterMs,
      })
    }
    if (password === undefined) {
      attempt.finish('cancelled')
      return this.fail('WRONG_PASSWORD', 'this room needs a password')
    }
    const verdict = await this.passwordChecks.run(() => verifyPassword(password, hash))
    if (verdict === null) {
      attempt.finish('cancelled')
      return this.fail('RATE_LIMITED', 'too many password checks at once; try again', {
        retryAfterMs: 1000,
      })
    }
    attempt.finish(verdict ? 'success' : 'failure')
    if (verdict) return null
    const nowLocked = this.lockout.lockedFor(address, room)
    if (nowLocked > 0) {
      return this.fail('LOCKED_OUT', 'too many wrong passwords; try again later', {
        retryAfterMs: nowLocked,
      })
    }
    return this.fail('WRONG_PASSWORD', 'wrong password')
  }

  /** After a restart, removals known to a returning member's token apply to the room again. */
  private async applyRemovals(roomId: string, meta: RoomMeta, bans: readonly Ban[]): Promise<void> {
    const fresh = bans.filter((ban) => !meta.removed.some((known) => known.id === ban.id))
    if (fresh.length === 0) return
    const removed = await this.deps.store.ban(roomId, fresh)
    for (const member of await this.deps.store.members(roomId)) {
      if (isBanned(fresh, member.id, member.address))
        await this.expel(roomId, member.id, meta.hostId)
    }
    this.deps.io.to(roomChannel(roomId)).emit('room:removed', { removed: peerList(removed) })
  }

  private token(room: RoomMeta, peerId: string, name: string): string {
    const now = this.now()
    return createResumeToken(this.deps.secret, {
      room: room.id,
      id: peerId,
      name,
      exp: Math.floor(now / 1000) + this.deps.config.resumeTokenTtlSeconds,
      iat: now,
      ticket: {
        instance: room.instance,
        capacity: room.capacity,
        passwordHash: room.passwordHash,
        key: room.key,
        removed: room.removed,
      },
    })
  }

  /** Gives every member fresh tokens, so what they carry through a restart is up to date. */
  private async reissueTokens(roomId: string): Promise<void> {
    const meta = await this.deps.store.get(roomId)
    if (!meta) return
    const sockets = await this.deps.io.in(roomChannel(roomId)).fetchSockets()
    for (const s of sockets) {
      if (s.data.roomId !== roomId || s.data.peerId === null) continue
      s.emit('room:token', { resumeToken: this.token(meta, s.data.peerId, s.data.name ?? '') })
    }
  }

  async leave(socket: MoimSocket, raw: unknown): Promise<Ack> {
    const parsed = leaveRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const { roomId, peerId } = socket.data
    if (roomId === null || peerId === null) return this.fail('NOT_IN_ROOM', 'not in a room')
    this.forgetRoom(socket)
    await this.removeMember(roomId, peerId, 'left', socket.id)
    return { ok: true }
  }

  async signal(socket: MoimSocket, raw: unknown): Promise<Ack> {
    const parsed = signalRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const { roomId, peerId } = socket.data
    if (roomId === null || peerId === null) return this.fail('NOT_IN_ROOM', 'join a room first')
    const { to, data } = parsed.data
    if (to === peerId) return this.fail('BAD_REQUEST', 'to: cannot signal yourself')
    const [selfIsMember, targetIsMember] = await this.deps.store.areMembers(roomId, [peerId, to])
    if (!selfIsMember) {
      this.forgetRoom(socket)
      return this.fail('NOT_IN_ROOM', 'you are no longer in the room')
    }
    if (!targetIsMember) return this.fail('UNKNOWN_PEER', `to: no peer "${to}" in this room`)
    const message: RelayedSignal = { from: peerId, data }
    const held = this.held.get(holdKey(roomId, to))
    if (held) this.hold(held, message)
    else this.deps.io.to(peerChannel(to)).emit('signal', message)
    this.deps.metrics.relayedMessages.inc()
    return { ok: true }
  }

  private async requireHost(
    socket: MoimSocket,
    what: string,
  ): Promise<Failure | { roomId: string; peerId: string }> {
    const { roomId, peerId } = socket.data
    if (roomId === null || peerId === null) return this.fail('NOT_IN_ROOM', 'join a room first')
    const meta = await this.deps.store.get(roomId)
    if (!meta || meta.hostId !== peerId) return this.fail('NOT_HOST', `only the host can ${what}`)
    return { roomId, peerId }
  }

  async kick(socket: MoimSocket, raw: unknown): Promise<Ack> {
    const parsed = kickRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const host = await this.requireHost(socket, 'remove people')
    if ('ok' in host) return host
    const { roomId, peerId } = host
    const target = parsed.data.id
    if (target === peerId) return this.fail('BAD_REQUEST', 'id: use room:leave to leave yourself')
    const member = (await this.deps.store.members(roomId)).find((m) => m.id === target)
    if (!member) return this.fail('UNKNOWN_PEER', `id: no peer "${target}" in this room`)
    // Banned before removed: a resume racing the kick is refused by the store, never let in.
    const removed = await this.deps.store.ban(roomId, [
      { id: member.id, name: member.name, address: member.address },
    ])
    await this.expel(roomId, target, peerId)
    this.deps.io.to(roomChannel(roomId)).emit('room:removed', { removed: peerList(removed) })
    await this.reissueTokens(roomId)
    return { ok: true }
  }

  async allow(socket: MoimSocket, raw: unknown): Promise<Ack> {
    const parsed = allowRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const host = await this.requireHost(socket, 'let people back')
    if ('ok' in host) return host
    const removed = await this.deps.store.unban(host.roomId, parsed.data.id)
    if (removed === null) {
      return this.fail('UNKNOWN_PEER', `id: "${parsed.data.id}" was not removed from this room`)
    }
    this.deps.io.to(roomChannel(host.roomId)).emit('room:removed', { removed: peerList(removed) })
    await this.reissueTokens(host.roomId)
    return { ok: true }
  }

  async turnRefresh(socket: MoimSocket, raw: unknown): Promise<Ack<TurnRefreshAckBody>> {
    const parsed = turnRefreshRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const { roomId, peerId } = socket.data
    if (roomId === null || peerId === null) return this.fail('NOT_IN_ROOM', 'join a room first')
    const now = this.now()
    const expireAt = turnExpiry(this.deps.config, now)
    return {
      ok: true,
      iceServers: iceServersFor(this.deps.config, peerId, now),
      ...(expireAt !== null ? { iceServersExpireAt: expireAt } : {}),
    }
  }

  /** Tells `target` it was removed, detaches its connections and ends its place. */
  private async expel(roomId: string, target: string, by: string): Promise<void> {
    const { io } = this.deps
    io.to(peerChannel(target)).emit('room:kicked', { by })
    this.forgetLocalPeer(target)
    io.in(peerChannel(target)).socketsLeave([roomChannel(roomId), peerChannel(target)])
    await this.removeMember(roomId, target, 'kicked')
  }

  /** A dropped connection keeps its place for the grace period so it can resume unnoticed. */
  disconnected(socket: MoimSocket): void {
    const { roomId, peerId } = socket.data
    if (roomId === null || peerId === null) return
    const session = socket.id
    const key = holdKey(roomId, peerId)
    const timer = setTimeout(() => {
      this.graceTimers.delete(key)
      this.removeMember(roomId, peerId, 'disconnected', session).catch((err: unknown) =>
        this.deps.logger.error({ err, room: roomId, peer: peerId }, 'removing dropped peer failed'),
      )
    }, this.deps.config.resumeGraceMs)
    timer.unref()
    const previous = this.graceTimers.get(key)
    if (previous) clearTimeout(previous)
    this.graceTimers.set(key, timer)
    // With a shared store the peer may resume on another process, where this queue cannot go.
    if (!this.deps.store.shared && !this.held.has(key)) {
      this.held.set(key, { roomId, messages: [], bytes: 0 })
    }
  }

  private hold(held: HeldSignals, message: RelayedSignal): void {
    const { flood } = this.deps.config
    const bytes = JSON.stringify(message.data).length
    const roomBytes = this.heldByRoom.get(held.roomId) ?? 0
    if (
      held.messages.length >= MAX_HELD_SIGNALS ||
      held.bytes + bytes > MAX_HELD_BYTES ||
      roomBytes + bytes > flood.maxHeldBytesPerRoom ||
      this.heldTotal + bytes > flood.maxHeldBytesTotal
    ) {
      this.deps.metrics.rejectedMessages.inc({ reason: 'HELD_OVERFLOW' })
      return
    }
    held.messages.push(message)
    held.bytes += bytes
    this.heldByRoom.set(held.roomId, roomBytes + bytes)
    this.heldTotal += bytes
  }

  private dropHeld(key: string): HeldSignals | undefined {
    const held = this.held.get(key)
    if (!held) return undefined
    this.held.delete(key)
    this.heldTotal -= held.bytes
    const left = (this.heldByRoom.get(held.roomId) ?? 0) - held.bytes
    if (left > 0) this.heldByRoom.set(held.roomId, left)
    else this.heldByRoom.delete(held.roomId)
    return held
  }

  /** Bytes of signals held for dropped peers, in total (for tests and metrics). */
  heldBytes(): number {
    return this.heldTotal
  }

  /** Hands a resumed peer what was sent to it while it was away, right after its join ack. */
  private deliverHeld(socket: MoimSocket, roomId: string, peerId: string): void {
    const held = this.dropHeld(holdKey(roomId, peerId))
    if (!held || held.messages.length === 0) return
    setImmediate(() => {
      for (const message of held.messages) socket.emit('signal', message)
    })
  }

  private cancelGrace(roomId: string, peerId: string): void {
    const key = holdKey(roomId, peerId)
    const timer = this.graceTimers.get(key)
    if (timer) {
      clearTimeout(timer)
      this.graceTimers.delete(key)
    }
  }

  private async removeMember(
    roomId: string,
    peerId: string,
    reason: 'left' | 'disconnected' | 'kicked',
    session?: string,
  ): Promise<LeaveOutcome> {
    this.cancelGrace(roomId, peerId)
    this.dropHeld(holdKey(roomId, peerId))
    const outcome = await this.deps.store.leave(roomId, peerId, session)
    if (!outcome.removed) return outcome
    const { io } = this.deps
    io.to(roomChannel(roomId)).emit('peer:left', { id: peerId, reason })
    this.deps.membership?.publish({ type: 'left', roomId, peerId, reason })
    if (outcome.newHostId) {
      io.to(roomChannel(roomId)).emit('room:host', { hostId: outcome.newHostId })
      this.deps.membership?.publish({ type: 'host', roomId, hostId: outcome.newHostId })
    }
    this.deps.logger.debug({ room: roomId, peer: peerId, reason, ...outcome }, 'left')
    return outcome
  }

  private forgetRoom(socket: MoimSocket): void {
    const { roomId, peerId } = socket.data
    if (roomId !== null) socket.leave(roomChannel(roomId))
    if (peerId !== null) socket.leave(peerChannel(peerId))
    socket.data.roomId = null
    socket.data.peerId = null
    socket.data.name = null
  }

  /** Clears room state on this process's sockets holding `peerId` (other processes learn lazily). */
  private forgetLocalPeer(peerId: string): void {
    const ids = this.deps.io.of('/').adapter.rooms.get(peerChannel(peerId))
    for (const id of ids ?? []) {
      const s = this.deps.io.of('/').sockets.get(id)
      if (s && s.data.peerId === peerId) {
        s.data.roomId = null
        s.data.peerId = null
        s.data.name = null
      }
    }
  }

  /** Room places held by live connections of this process (for cluster lease refresh). */
  holds(): Array<{ roomId: string; peerId: string }> {
    const out: Array<{ roomId: string; peerId: string }> = []
    for (const s of this.deps.io.of('/').sockets.values()) {
      if (s.data.roomId !== null && s.data.peerId !== null) {
        out.push({ roomId: s.data.roomId, peerId: s.data.peerId })
      }
    }
    return out
  }

  sweep(): void {
    this.lockout.sweep()
  }

  dispose(): void {
    for (const timer of this.graceTimers.values()) clearTimeout(timer)
    this.graceTimers.clear()
    this.held.clear()
    this.heldByRoom.clear()
    this.heldTotal = 0
  }
}
