/**
 * Runs the bundled signaling server in an Electron utilityProcess so the main process stays
 * responsive. The app itself reaches it on loopback (plain http). Only while the user hosts a
 * call does it also listen on all interfaces, over HTTPS with the app's own certificate, and
 * there it is invite-only: guests need the room key from the invite link. It is restarted if
 * it crashes (same ports and the same resume-token secret, so calls carry on) and stopped on
 * quit.
 */
import type { NetworkInterfaceInfo } from 'node:os'
import type { HostInfo } from '../preload/index.d'
import type { HostIdentity } from './hostIdentity'

export interface UtilityProcessLike {
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  postMessage(message: unknown): void
  kill(): boolean
}

export interface ForkOptionsLike {
  env: Record<string, string | undefined>
  serviceName: string
  stdio: 'inherit' | 'ignore' | 'pipe'
}

export type ForkUtility = (
  modulePath: string,
  args: string[],
  options: ForkOptionsLike,
) => UtilityProcessLike

export interface HostServerOptions {
  fork: ForkUtility
  /** out/main/signalingHost.js */
  entryPath: string
  networkInterfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>
  env?: Record<string, string | undefined>
  /** Built renderer served to friends who join from a browser. */
  webRoot?: string | null
  /** Origins besides app://moim allowed to connect (the dev server in development). */
  allowedOrigins?: string[]
  bindHost?: string
  /** Resume-token secret and TLS certificate kept in userData (see hostIdentity.ts). */
  identity?: () => Promise<HostIdentity>
  maxRestarts?: number
  readyTimeoutMs?: number
  schedule?: (fn: () => void, ms: number) => () => void
  log?: (message: string) => void
}

/** The app's own listener: loopback only. The local network gets the HTTPS one while hosting. */
export const HOST_SERVER_BIND = '127.0.0.1'
const DEFAULT_MAX_RESTARTS = 5
const DEFAULT_READY_TIMEOUT_MS = 15_000
const HOSTING_REPLY_TIMEOUT_MS = 10_000
/**
 * After a crash, members come back with their resume tokens; for this long nobody else may
 * join, so they find their rooms as they were.
 */
export const RESTORE_WINDOW_AFTER_CRASH_MS = 15_000

/** Non-internal IPv4 addresses (no link-local) as URLs, for LAN invite links. */
export function lanUrls(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  port: number,
  scheme: 'http' | 'https' = 'https',
): string[] {
  const addresses = new Set<string>()
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      const ipv4 = entry.family === 'IPv4' || (entry.family as unknown) === 4
      if (ipv4 && !entry.internal && !entry.address.startsWith('169.254.')) {
        addresses.add(entry.address)
      }
    }
  }
  return [...addresses].sort().map((address) => `${scheme}://${address}:${port}`)
}

const isPort = (port: unknown): port is number =>
  typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536

type Reply = { port: number } | { lanPort: number | null } | { error: string }

/** Replies of signaling-server/utilityEntry.ts: ready with a port, hosting, or an error. */
function parseReply(message: unknown): Reply | null {
  if (typeof message !== 'object' || message === null) return null
  const reply = message as { type?: unknown; port?: unknown; lanPort?: unknown; message?: unknown }
  if (reply.type === 'error') {
    return { error: typeof reply.message === 'string' ? reply.message : 'unknown error' }
  }
  if (reply.type === 'hosting' && (reply.lanPort === null || isPort(reply.lanPort))) {
    return { lanPort: reply.lanPort }
  }
  return reply.type === 'ready' && isPort(reply.port) ? { port: reply.port } : null
}

function defaultSchedule(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms)
  return () => clearTimeout(timer)
}

export class HostServer {
  private child: UtilityProcessLike | null = null
  private port: number | null = null
  private lastPort = 0
  private restarts = 0
  private stopping = false
  private starting: Promise<number | null> | null = null
  /** What the user asked for: the local-network listener open (a hosted call) or not. */
  private hostingWanted = false
  private lanPort: number | null = null
  private lastLanPort = 0
  private hostingQueue: Promise<unknown> = Promise.resolve()
  private hostingReply: ((reply: { lanPort: number | null } | { error: string }) => void) | null =
    null
  private identity: Promise<HostIdentity | null> | null = null
  private readonly schedule: (fn: () => void, ms: number) => () => void
  private readonly log: (message: string) => void

  constructor(private readonly options: HostServerOptions) {
    this.schedule = options.schedule ?? defaultSchedule
    this.log = options.log ?? console.warn
  }

  /** Starts the server; resolves with its port, or null if it could not start. */
  start(): Promise<number | null> {
    this.stopping = false
    if (this.port !== null) return Promise.resolve(this.port)
    return this.starting ?? this.track(this.spawn(this.lastPort))
  }

  /** Host info for the renderer; waits for a start in progress. */
  async info(): Promise<HostInfo | null> {
    const port = this.port ?? (this.starting ? await this.starting : null)
    if (port === null) return null
    const identity = await this.loadIdentity()
    const lanPort = this.lanPort
    return {
      serverUrl: `http://127.0.0.1:${port}`,
      lanUrls: lanPort === null ? [] : lanUrls(this.options.networkInterfaces(), lanPort),
      hosting: lanPort !== null,
      certificateFingerprint: identity?.fingerprint ?? null,
      certificatePin: identity?.pin ?? null,
    }
  }

  /**
   * The hosting switch: open the local-network listener when the user starts hosting a call,
   * close it (and every guest connection) when the call ends. Resolves with the new host info.
   */
  setHosting(enabled: boolean): Promise<HostInfo | null> {
    this.hostingWanted = enabled
    const run = this.hostingQueue.then(() => this.applyHosting())
    this.hostingQueue = run.catch(() => undefined)
    return run.then(() => this.info())
  }

  private async applyHosting(): Promise<void> {
    const enabled = this.hostingWanted
    if ((this.lanPort !== null) === enabled) return
    const child = this.child
    if (!child || this.port === null) return // applied once the server is ready
    const reply = await new Promise<{ lanPort: number | null } | { error: string }>((resolve) => {
      const cancel = this.schedule(
        () => resolve({ error: 'no answer from the signaling server' }),
        HOSTING_REPLY_TIMEOUT_MS,
      )
      this.hostingReply = (answer) => {
        cancel()
        resolve(answer)
      }
      child.postMessage({ type: 'hosting', enabled, port: this.lastLanPort })
    })
    this.hostingReply = null
    if ('error' in reply) {
      this.log(`could not ${enabled ? 'open' : 'close'} the local-network listener: ${reply.error}`)
      // The port we asked for may be taken now: next time any port will do.
      if (enabled) this.lastLanPort = 0
      return
    }
    this.lanPort = reply.lanPort
    if (reply.lanPort !== null) this.lastLanPort = reply.lanPort
  }

  private loadIdentity(): Promise<HostIdentity | null> {
    this.identity ??= this.options.identity
      ? this.options.identity().catch((err: unknown) => {
          this.log(`no saved host identity, using a temporary one: ${String(err)}`)
          return null
        })
      : Promise.resolve(null)
    return this.identity
  }

  /** Asks the server to close its sockets, then ends the process (at once on app quit). */
  stop(graceMs = 0): void {
    this.stopping = true
    this.port = null
    this.lanPort = null
    const child = this.child
    this.child = null
    if (!child) return
    if (graceMs <= 0) {
      child.kill()
      return
    }
    child.postMessage({ type: 'stop' })
    const cancel = this.schedule(() => child.kill(), graceMs)
    child.on('message', (message) => {
      if ((message as { type?: unknown } | null)?.type === 'stopped') {
        cancel()
        child.kill()
      }
    })
  }

  /** Remembers a start in progress so info() and start() wait for it instead of racing it. */
  private track(attempt: Promise<number | null>): Promise<number | null> {
    const tracked = attempt.finally(() => {
      if (this.starting === tracked) this.starting = null
    })
    this.starting = tracked
    return tracked
  }

  private async spawn(port: number, afterCrash = false): Promise<number | null> {
    const identity = await this.loadIdentity()
    if (this.stopping) return null
    return new Promise((resolve) => {
      let settled = false
      const settle = (value: number | null): void => {
        if (settled) return
        settled = true
        cancelTimeout()
        resolve(value)
      }
      const child = this.options.fork(this.options.entryPath, [], {
        serviceName: 'Moim signaling server',
        stdio: 'inherit',
        env: { ...this.options.env },
      })
      this.child = child
      child.postMessage({
        type: 'start',
        config: {
          port,
          host: this.options.bindHost ?? HOST_SERVER_BIND,
          ...(this.options.webRoot !== undefined ? { webRoot: this.options.webRoot } : {}),
          ...(this.options.allowedOrigins ? { allowedOrigins: this.options.allowedOrigins } : {}),
          inviteOnly: true,
          restoreWindowMs: afterCrash ? RESTORE_WINDOW_AFTER_CRASH_MS : 0,
          ...(identity ? { secret: identity.secret, tls: identity.tls } : {}),
        },
      })
      const cancelTimeout = this.schedule(() => {
        this.log('signaling server did not report ready in time; restarting it')
        child.kill()
      }, this.options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS)

      child.on('message', (message) => {
        const reply = parseReply(message)
        if (reply === null || this.child !== child) return
        if (this.hostingReply && ('lanPort' in reply || ('error' in reply && this.port !== null))) {
          this.hostingReply(reply)
          return
        }
        if ('lanPort' in reply) return
        if ('error' in reply) {
          // e.g. the remembered port is taken now: the exit handler retries on any port.
          this.log(`signaling server failed to start: ${reply.error}`)
          child.kill()
          return
        }
        this.port = reply.port
        this.lastPort = reply.port
        this.restarts = 0
        settle(reply.port)
        // A restarted server reopens the local network if the user is still hosting.
        if (this.hostingWanted) void this.setHosting(true)
      })
      child.on('exit', (code) => {
        if (this.child !== child) return settle(null)
        this.child = null
        const wasReady = this.port !== null
        this.port = null
        this.lanPort = null
        this.hostingReply?.({ error: 'the signaling server exited' })
        if (this.stopping) return settle(null)
        this.restarts += 1
        if (this.restarts > (this.options.maxRestarts ?? DEFAULT_MAX_RESTARTS)) {
          this.log(`signaling server exited (code ${code}); giving up after repeated failures`)
          return settle(null)
        }
        // A crash after start retries the same port; a failure to start (port taken) asks for any.
        const nextPort = wasReady ? this.lastPort : 0
        this.log(`signaling server exited (code ${code}); restarting`)
        this.schedule(
          () => {
            if (this.stopping) return settle(null)
            void this.track(this.spawn(nextPort, wasReady)).then(settle)
          },
          Math.min(200 * 2 ** (this.restarts - 1), 5_000),
        )
      })
    })
  }
}
