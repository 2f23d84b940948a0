/**
 * Entry run by the desktop app inside an Electron utilityProcess. The parent sends
 * `{ type: 'start', config }`; we answer `{ type: 'ready', port, url }` or
 * `{ type: 'error', message }`, and `{ type: 'stop' }` closes the server and answers
 * `{ type: 'stopped' }`. Environment variables (PORT, TURN_URLS, ...) apply underneath the
 * message's config. No electron import: utility processes expose `process.parentPort`.
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
    })
    .default({}),
})
const stopMessageSchema = z.strictObject({ type: z.literal('stop') })

export function runUtility(port: ParentPort, env: NodeJS.ProcessEnv): void {
  let server: RunningServer | null = null
  let starting = false
  const reply = (message: UtilityReply): void => port.postMessage(message)

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
        reply({ type: 'error', message: err instanceof Error ? err.message : String(err) })
      },
    )
  })
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort
if (parentPort) runUtility(parentPort, process.env)
