/**
 * Runs the bundled signaling server in an Electron utilityProcess so the main process stays
 * responsive. It listens on all interfaces (friends on the LAN join through it), is restarted
 * if it crashes — on the same port when possible, so invite links stay valid — and is stopped
 * on quit.
 */
import type { NetworkInterfaceInfo } from 'node:os'
import type { HostInfo } from '../preload/index.d'

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
  maxRestarts?: number
  readyTimeoutMs?: number
  schedule?: (fn: () => void, ms: number) => () => void
  log?: (message: string) => void
}

export const HOST_SERVER_BIND = '0.0.0.0'
const DEFAULT_MAX_RESTARTS = 5
const DEFAULT_READY_TIMEOUT_MS = 15_000

/** Non-internal IPv4 addresses (no link-local) as http URLs, for LAN invite links. */
export function lanUrls(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>, port: number): string[] {
  const addresses = new Set<string>()
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      const ipv4 = entry.family === 'IPv4' || (entry.family as unknown) === 4
      if (ipv4 && !entry.internal && !entry.address.startsWith('169.254.')) {
        addresses.add(entry.address)
      }
    }
  }
  return [...addresses].sort().map((address) => `http://${address}:${port}`)
}

/** Replies of signaling-server/utilityEntry.ts: ready with a port, or an error. */
function parseReply(message: unknown): { port: number } | { error: string } | null {
  if (typeof message !== 'object' || message === null) return null
  const reply = message as { type?: unknown; port?: unknown; message?: unknown }
  if (reply.type === 'error') {
    return { error: typeof reply.message === 'string' ? reply.message : 'unknown error' }
  }
  const port = reply.port
  const valid = typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536
  return reply.type === 'ready' && valid ? { port } : null
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
    return {
      serverUrl: `http://127.0.0.1:${port}`,
      lanUrls: lanUrls(this.options.networkInterfaces(), port),
    }
  }

  /** Asks the server to close its sockets, then ends the process (at once on app quit). */
  stop(graceMs = 0): void {
    this.stopping = true
    this.port = null
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

  private spawn(port: number): Promise<number | null> {
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
        },
      })
      const cancelTimeout = this.schedule(() => {
        this.log('signaling server did not report ready in time; restarting it')
        child.kill()
      }, this.options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS)

      child.on('message', (message) => {
        const reply = parseReply(message)
        if (reply === null || this.child !== child) return
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
      })
      child.on('exit', (code) => {
        if (this.child !== child) return settle(null)
        this.child = null
        const wasReady = this.port !== null
        this.port = null
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
            void this.track(this.spawn(nextPort)).then(settle)
          },
          Math.min(200 * 2 ** (this.restarts - 1), 5_000),
        )
      })
    })
  }
}
