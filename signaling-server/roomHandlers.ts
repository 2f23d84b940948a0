/**
 * The protocol v1 room logic: join (with password, capacity and resume), leave, relay, kick,
 * and what happens when a connection drops. Every handler returns the ack body; nothing here
 * throws to Socket.IO.
 */
import { randomBytes } from 'node:crypto'
import { DEFAULT_CAPACITY } from '../src/shared/limits'
import {
  describeZodError,
  joinRequestSchema,
  kickRequestSchema,
  leaveRequestSchema,
  signalRequestSchema,
  type Ack,
  type ErrorCode,
  type JoinAck,
  type ProtocolError,
  type SignalData,
} from '../src/shared/protocol'
import type { ServerConfig } from './config'
import type { Logger } from './logger'
import type { ServerMetrics } from './metrics'
import { createResumeToken, verifyResumeToken } from './resumeToken'
import { PasswordLockout } from './rooms/lockout'
import { hashPassword, verifyPassword } from './rooms/password'
import type { LeaveOutcome, RoomStore } from './rooms/roomStore'
import { iceServersFor } from './turn'
import { peerChannel, roomChannel, type MoimServer, type MoimSocket } from './types'

type Failure = { ok: false; error: ProtocolError }
type RelayedSignal = { from: string; data: SignalData }

/**
 * Signals for a peer in its grace period are held (up to these bounds) and delivered when it
 * resumes, so an offer or candidate sent during a network blip is not silently lost.
 */
const MAX_HELD_SIGNALS = 200
const MAX_HELD_BYTES = 1024 * 1024

interface HeldSignals {
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
}

/** Peer ids are random (never the socket id) so a resumed connection can keep its id. */
function newPeerId(): string {
  return randomBytes(9).toString('base64url')
}

export class RoomHandlers {
  private readonly lockout: PasswordLockout
  /** Pending "peer dropped" removals, cancelled when the peer resumes on this process. */
  private readonly graceTimers = new Map<string, NodeJS.Timeout>()
  /** Signals waiting for dropped peers of this process, by holdKey. */
  private readonly held = new Map<string, HeldSignals>()

  constructor(private readonly deps: RoomHandlerDeps) {
    this.lockout = new PasswordLockout(deps.config.lockout)
  }

  fail(code: ErrorCode, message: string, details?: ProtocolError['details']): Failure {
    this.deps.metrics.rejectedMessages.inc({ reason: code })
    return { ok: false, error: details ? { code, message, details } : { code, message } }
  }

  async join(socket: MoimSocket, raw: unknown): Promise<JoinAck> {
    const parsed = joinRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const req = parsed.data
    const { config, store } = this.deps
    if (req.capacity !== undefined && req.capacity > config.maxCapacity) {
      return this.fail('BAD_REQUEST', `capacity: at most ${config.maxCapacity} on this server`)
    }
    if (socket.data.joining) return this.fail('ALREADY_IN_ROOM', 'a join is already in progress')
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
    socket.data.joining = true
    try {
      return await this.admit(socket, req)
    } finally {
      socket.data.joining = false
    }
  }

  private async admit(
    socket: MoimSocket,
    req: { room: string; name: string; password?: string; capacity?: number; resumeToken?: string },
  ): Promise<JoinAck> {
    const { config, store, secret, io } = this.deps
    const claim = req.resumeToken ? verifyResumeToken(secret, req.resumeToken) : null
    const resuming = claim !== null && claim.room === req.room
    const peerId = resuming ? claim.id : newPeerId()
    const address = socket.data.address

    // A room can be deleted and recreated between our read and our write; the store then says
    // RETRY and we read again. Two rounds suffice unless someone is churning the room on purpose.
    for (let attempt = 0; attempt < 5; attempt++) {
      const meta = await store.get(req.room)
      const members = meta ? await store.members(req.room) : []
      const alreadyMember = resuming && members.some((m) => m.id === peerId)
      if (meta && !alreadyMember) {
        if (members.length >= meta.capacity) {
          return this.fail('ROOM_FULL', `room is full (${members.length} of ${meta.capacity})`, {
            capacity: meta.capacity,
          })
        }
        if (meta.passwordHash !== null) {
          const denied = await this.checkPassword(
            address,
            req.room,
            req.password,
            meta.passwordHash,
          )
          if (denied) return denied
        }
      }
      const passwordHash = !meta && req.password ? await hashPassword(req.password) : null
      const outcome = await store.join({
        roomId: req.room,
        member: { id: peerId, name: req.name, session: socket.id, joinedAt: Date.now() },
        capacity: req.capacity ?? Math.min(DEFAULT_CAPACITY, config.maxCapacity),
        passwordHash,
        expectedPasswordHash: meta?.passwordHash ?? null,
      })
      if (!outcome.ok && outcome.reason === 'RETRY') continue
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
      await socket.join([roomChannel(req.room), peerChannel(peerId)])
      if (!outcome.rejoined) {
        socket.to(roomChannel(req.room)).emit('peer:joined', { id: peerId, name })
      }
      this.deliverHeld(socket, req.room, peerId)
      this.deps.metrics.joins.inc()
      this.deps.logger.debug(
        { room: req.room, peer: peerId, created: outcome.created, resumed: resuming },
        'joined',
      )
      const exp = Math.floor(Date.now() / 1000) + config.resumeTokenTtlSeconds
      return {
        ok: true,
        self: { id: peerId, name },
        room: {
          id: outcome.room.id,
          capacity: outcome.room.capacity,
          hostId: outcome.room.hostId,
          hasPassword: outcome.room.passwordHash !== null,
        },
        peers: outcome.members
          .filter((m) => m.id !== peerId)
          .sort((a, b) => a.joinedAt - b.joinedAt)
          .map((m) => ({ id: m.id, name: m.name })),
        iceServers: iceServersFor(config, peerId),
        resumeToken: createResumeToken(secret, { room: req.room, id: peerId, name, exp }),
        resumed: resuming,
      }
    }
    return this.fail('INTERNAL', 'the room changed repeatedly during join; try again')
  }

  private async checkPassword(
    address: string,
    room: string,
    password: string | undefined,
    hash: string,
  ): Promise<Failure | null> {
    const lockedMs = this.lockout.lockedFor(address, room)
    if (lockedMs > 0) {
      return this.fail('LOCKED_OUT', 'too many wrong passwords; try again later', {
        retryAfterMs: lockedMs,
      })
    }
    if (password === undefined) return this.fail('WRONG_PASSWORD', 'this room needs a password')
    if (await verifyPassword(password, hash)) {
      this.lockout.recordSuccess(address, room)
      return null
    }
    this.lockout.recordFailure(address, room)
    const nowLocked = this.lockout.lockedFor(address, room)
    if (nowLocked > 0) {
      return this.fail('LOCKED_OUT', 'too many wrong passwords; try again later', {
        retryAfterMs: nowLocked,
      })
    }
    return this.fail('WRONG_PASSWORD', 'wrong password')
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

  async kick(socket: MoimSocket, raw: unknown): Promise<Ack> {
    const parsed = kickRequestSchema.safeParse(raw)
    if (!parsed.success) return this.fail('BAD_REQUEST', describeZodError(parsed.error))
    const { roomId, peerId } = socket.data
    if (roomId === null || peerId === null) return this.fail('NOT_IN_ROOM', 'join a room first')
    const target = parsed.data.id
    const meta = await this.deps.store.get(roomId)
    if (!meta || meta.hostId !== peerId)
      return this.fail('NOT_HOST', 'only the host can remove people')
    if (target === peerId) return this.fail('BAD_REQUEST', 'id: use room:leave to leave yourself')
    const [targetIsMember] = await this.deps.store.areMembers(roomId, [target])
    if (!targetIsMember) return this.fail('UNKNOWN_PEER', `id: no peer "${target}" in this room`)
    const { io } = this.deps
    io.to(peerChannel(target)).emit('room:kicked', { by: peerId })
    this.forgetLocalPeer(target)
    io.in(peerChannel(target)).socketsLeave([roomChannel(roomId), peerChannel(target)])
    await this.removeMember(roomId, target, 'kicked')
    return { ok: true }
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
      this.held.set(key, { messages: [], bytes: 0 })
    }
  }

  private hold(held: HeldSignals, message: RelayedSignal): void {
    const bytes = JSON.stringify(message.data).length
    if (held.messages.length >= MAX_HELD_SIGNALS || held.bytes + bytes > MAX_HELD_BYTES) {
      this.deps.metrics.rejectedMessages.inc({ reason: 'HELD_OVERFLOW' })
      return
    }
    held.messages.push(message)
    held.bytes += bytes
  }

  /** Hands a resumed peer what was sent to it while it was away, right after its join ack. */
  private deliverHeld(socket: MoimSocket, roomId: string, peerId: string): void {
    const key = holdKey(roomId, peerId)
    const held = this.held.get(key)
    this.held.delete(key)
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
    this.held.delete(holdKey(roomId, peerId))
    const outcome = await this.deps.store.leave(roomId, peerId, session)
    if (!outcome.removed) return outcome
    const { io } = this.deps
    io.to(roomChannel(roomId)).emit('peer:left', { id: peerId, reason })
    if (outcome.newHostId)
      io.to(roomChannel(roomId)).emit('room:host', { hostId: outcome.newHostId })
    this.deps.logger.debug({ room: roomId, peer: peerId, reason, ...outcome }, 'left')
    return outcome
  }

  private forgetRoom(socket: MoimSocket): void {
    const { roomId, peerId } = socket.data
    if (roomId !== null) socket.leave(roomChannel(roomId))
    if (peerId !== null) socket.leave(peerChannel(peerId))
    socket.data.roomId = null
    socket.data.peerId = null
  }

  /** Clears room state on this process's sockets holding `peerId` (other processes learn lazily). */
  private forgetLocalPeer(peerId: string): void {
    const ids = this.deps.io.of('/').adapter.rooms.get(peerChannel(peerId))
    for (const id of ids ?? []) {
      const s = this.deps.io.of('/').sockets.get(id)
      if (s && s.data.peerId === peerId) {
        s.data.roomId = null
        s.data.peerId = null
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
  }
}
