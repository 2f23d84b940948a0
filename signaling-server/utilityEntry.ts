/**
 * Entry run by the desktop app inside an Electron utilityProcess. The parent sends
 * `{ type: 'start', config }`; we answer `{ type: 'ready', port, url }` or
 * `{ type: 'error', message }`. `{ type: 'hosting', enabled }` opens or closes the HTTPS
 * listener for the local network and answers `{ type: 'hosting', lanPort }` (null when closed).
 * `{ type: 'stop' }` closes the server and answers `{ type: 'stopped' }`. Environment
 * variables (PORT, TURN_URLS, ...) apply underneath the message's config. No electron import:
 * utility processes expose `process.parentPort`.
 */
import { z } from 'zod'
import { ConfigError, LOG_LEVELS, pickEnv, resolveConfig } from './config'
import { startServer, type RunningServer } from './start'

export interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

export type UtilityReply =
  | { type: 'ready'; port: number; url: string }
  | { type: 'hosting'; lanPort: number | null }
  | { type: 'error'; message: string }
  | { type: 'stopped' }

const startMessageSchema = z.strictObject({
  type: z.literal('start'),
  config: z
    .strictObject({
      port: z.number().int().min(0).max(65535).optional(),
      host: z.string().min(1).optional(),
      webRoot: z.string().min(1).nullable().optional(),
      allowedOrigins: z.array(z.string()).optional(),
      stunUrls: z.array(z.string()).optional(),
      turnUrls: z.array(z.string()).optional(),
      turnSecret: z.string().nullable().optional(),
      turnTtlSeconds: z.number().int().optional(),
      maxCapacity: z.number().int().min(2).max(12).optional(),
      logLevel: z.enum(LOG_LEVELS).optional(),
      secret: z.string().min(16).nullable().optional(),
      inviteOnly: z.boolean().optional(),
      restoreWindowMs: z.number().int().min(0).max(600_000).optional(),
      tls: z
        .strictObject({ key: z.string().min(1), cert: z.string().min(1) })
        .nullable()
        .optional(),
    })
    .default({}),
})
const hostingMessageSchema = z.strictObject({
  type: z.literal('hosting'),
  enabled: z.boolean(),
  /** Preferred port for the local-network listener (0 = any). */
  port: z.number().int().min(0).max(65535).optional(),
})
const stopMessageSchema = z.strictObject({ type: z.literal('stop') })

export function runUtility(port: ParentPort, env: NodeJS.ProcessEnv): void {
  let server: RunningServer | null = null
  let starting = false
  const reply = (message: UtilityReply): void => port.postMessage(message)
  const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err))

  port.on('message', ({ data }) => {
    if (stopMessageSchema.safeParse(data).success) {
      const closing = server?.close() ?? Promise.resolve()
      server = null
      closing.then(
        () => reply({ type: 'stopped' }),
        (err: unknown) => reply({ type: 'error', message: String(err) }),
      )
      return
    }
    const hosting = hostingMessageSchema.safeParse(data)
    if (hosting.success) {
      if (!server) {
        reply({ type: 'error', message: 'the server is not running' })
        return
      }
      const change = hosting.data.enabled
        ? server.openLan({ port: hosting.data.port ?? 0 })
        : server.closeLan().then(() => null)
      change.then(
        (lanPort) => reply({ type: 'hosting', lanPort }),
        (err: unknown) => reply({ type: 'error', message: describe(err) }),
      )
      return
    }
    const start = startMessageSchema.safeParse(data)
    if (!start.success) {
      reply({ type: 'error', message: `unexpected message: ${start.error.issues[0]?.message}` })
      return
    }
    if (server || starting) {
      reply({ type: 'error', message: 'the server is already running' })
      return
    }
    starting = true
    let base
    try {
      base = resolveConfig(pickEnv(env))
    } catch (err) {
      starting = false
      reply({ type: 'error', message: err instanceof ConfigError ? err.message : String(err) })
      return
    }
    startServer({ ...base, ...start.data.config }).then(
      (running) => {
        starting = false
        server = running
        reply({ type: 'ready', port: running.port, url: running.url })
      },
      (err: unknown) => {
        starting = false
        reply({ type: 'error', message: describe(err) })
      },
    )
  })
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort
if (parentPort) {
  // One failed fire-and-forget broadcast must not end every call (the CLI does the same).
  process.on('unhandledRejection', (err) => {
    process.stderr.write(`moim signaling host: unhandled rejection: ${String(err)}\n`)
  })
  runUtility(parentPort, process.env)
}
