/**
 * Peer connections made ahead of need, in idle moments. Creating an RTCPeerConnection, adding
 * the camera transceivers and opening the data channels are synchronous calls into WebRTC's
 * signaling thread: tens of milliseconds per connection on a busy machine, all of it between a
 * newcomer's click on Join and its first offer, or between a member receiving an offer and its
 * answer. Made while the lobby is up (connections ready to call) or during a call (a plain one
 * ready to answer the next newcomer), that work is off the join path.
 *
 * A pooled connection has not been negotiated and has gathered nothing: it holds no network
 * resources, only the tracks its senders were given, which a link replaces when it takes one.
 */
import { addCallerLayout, type CallerSetup, type LayoutCamera } from './callerLayout'
import type { VideoBudget } from './videoBudget'

export type ConnectionRole = 'caller' | 'answerer'

/**
 * The configuration of every link's connection, made ahead or not. One transport for audio,
 * video and data from the start (max-bundle): gathering, connectivity checks and the DTLS
 * handshake happen once per peer instead of once per media kind.
 */
export function linkConfiguration(
  iceServers: RTCIceServer[],
  certificates: RTCCertificate[] = [],
): RTCConfiguration {
  return {
    iceServers,
    bundlePolicy: 'max-bundle',
    ...(certificates.length > 0 ? { certificates } : {}),
  }
}

export interface PooledConnection {
  pc: RTCPeerConnection
  /** Set for role 'caller'. */
  caller: CallerSetup | null
}

/** The local camera at the time a caller connection is made (tracks may be null). */
export type PoolCamera = LayoutCamera

export interface PoolTarget {
  callers: number
  answerers: number
}

/** What requestIdleCallback's deadline tells: milliseconds left in this idle moment. */
export interface IdleTime {
  timeRemaining: () => number
}

/** A connection takes this long to make on a busy machine: made only if the moment has it. */
const MAKE_MS = 15

export interface ConnectionPoolOptions {
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection
  /**
   * The certificate every connection shares ([] for none: each makes its own), or 'pending'
   * while it is being made; the pool then waits for the next setTarget().
   */
  certificates: () => RTCCertificate[] | 'pending'
  camera: () => PoolCamera
  /**
   * Runs a task when the main thread has a moment (with how much of it is left, when known);
   * returns a canceller.
   */
  scheduleIdle: (task: (deadline?: IdleTime) => void) => () => void
  /**
   * How long after a take the replacement waits: a connection was just taken for a link that is
   * being set up, and making the next one meanwhile would compete with it.
   */
  refillDelayMs?: number
  /**
   * The camera budget callers start with: the one for the room they are made to call. A link
   * with another budget sets its own before its offer.
   */
  callerBudget?: VideoBudget
}

export class ConnectionPool {
  private readonly options: ConnectionPoolOptions
  private readonly ready: Record<ConnectionRole, PooledConnection[]> = {
    caller: [],
    answerer: [],
  }
  private target: PoolTarget = { callers: 0, answerers: 0 }
  private cancelScheduled: (() => void) | null = null
  private closed = false

  constructor(options: ConnectionPoolOptions) {
    this.options = options
  }

  get size(): PoolTarget {
    return { callers: this.ready.caller.length, answerers: this.ready.answerer.length }
  }

  /**
   * Keeps this many of each ready, making the missing ones in idle moments (as many as each has
   * room for), starting no sooner than delayMs from now. Extra ready ones are closed at once.
   */
  setTarget(target: PoolTarget, delayMs = 0): void {
    if (this.closed) return
    this.target = target
    this.trim('caller', target.callers)
    this.trim('answerer', target.answerers)
    this.cancelScheduled?.()
    this.cancelScheduled = null
    this.schedule(delayMs)
  }

  /**
   * A ready connection for this role with the given ICE servers, or null if none is ready (the
   * caller makes its own). The pool makes a replacement in a later idle moment.
   */
  take(role: ConnectionRole, iceServers: RTCIceServer[]): PooledConnection | null {
    const taken = this.ready[role].shift() ?? null
    if (!taken) return null
    this.schedule(this.options.refillDelayMs ?? 0)
    if (iceServers.length === 0) return taken
    try {
      taken.pc.setConfiguration({ ...taken.pc.getConfiguration(), iceServers })
      return taken
    } catch (error) {
      console.warn('pooled connection rejected the ICE servers; making a fresh one', error)
      taken.pc.close()
      return null
    }
  }

  /** Closes every ready connection and stops making more. */
  close(): void {
    this.closed = true
    this.cancelScheduled?.()
    this.cancelScheduled = null
    this.trim('caller', 0)
    this.trim('answerer', 0)
  }

  private trim(role: ConnectionRole, keep: number): void {
    const extra = this.ready[role].splice(keep)
    for (const { pc } of extra) pc.close()
  }

  private missing(): ConnectionRole | null {
    if (this.ready.caller.length < this.target.callers) return 'caller'
    if (this.ready.answerer.length < this.target.answerers) return 'answerer'
    return null
  }

  private schedule(delayMs = 0): void {
    if (this.closed || this.cancelScheduled || !this.missing()) return
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.cancelScheduled = null
        this.schedule()
      }, delayMs)
      this.cancelScheduled = () => clearTimeout(timer)
      return
    }
    this.cancelScheduled = this.options.scheduleIdle((deadline) => {
      this.cancelScheduled = null
      // As many as the idle moment has room for: a user may click Join within a second.
      let made = this.makeOne()
      while (made && this.missing() && (deadline?.timeRemaining() ?? 0) > MAKE_MS) {
        made = this.makeOne()
      }
      if (made) this.schedule()
    })
  }

  /** Makes one missing connection; false when it made none and should not be asked again yet. */
  private makeOne(): boolean {
    const role = this.missing()
    const certificates = this.options.certificates()
    // Made now, a connection would generate its own key, and be of no use to share one later.
    if (!role || certificates === 'pending') return false
    let pc: RTCPeerConnection | null = null
    try {
      pc = this.options.createPeerConnection(linkConfiguration([], certificates))
      const caller =
        role === 'caller'
          ? addCallerLayout(pc, this.options.camera(), this.options.callerBudget ?? null)
          : null
      this.ready[role].push({ pc, caller })
      return true
    } catch (error) {
      pc?.close()
      // Whatever failed would fail in every idle moment: stop until told again.
      console.warn('could not prepare a peer connection', error)
      return false
    }
  }
}
