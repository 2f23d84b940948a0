/** startServer: HTTP server + signaling app + (with REDIS_URL) the Redis cluster wiring. */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createApp, type MoimServer } from './app'
import { withDefaults, type ServerConfig } from './config'
import { createHttpHandler } from './http'
import { createLogger, type Logger } from './logger'
import { createMetrics } from './metrics'
import { connectRedis } from './rooms/redisCluster'

export interface StartOptions extends Partial<ServerConfig> {
  port?: number
  host?: string
  /** Built web client directory; defaults to dist/web in the repository. null serves none. */
  webRoot?: string | null
  logger?: Logger
}

export interface RunningServer {
  url: string
  port: number
  io: MoimServer
  close(): Promise<void>
}

/**
 * dist/web of the repository, found from this module (signaling-server/) or from the bundle
 * (dist/server/) so the source and the built server agree.
 */
export const DEFAULT_WEB_ROOT =
  [
    resolve(import.meta.dirname, '..', 'web'),
    resolve(import.meta.dirname, '..', 'dist', 'web'),
  ].find((dir) => existsSync(resolve(dir, 'index.html'))) ??
  resolve(import.meta.dirname, '..', 'dist', 'web')

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const { webRoot = DEFAULT_WEB_ROOT, logger: givenLogger, ...partial } = opts
  const config = withDefaults(partial)
  const logger = givenLogger ?? createLogger(config.logLevel)
  const metrics = createMetrics()
  const http = createServer(createHttpHandler({ metrics, webRoot }))
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, logger, config.resumeGraceMs)
    : null
  let io: MoimServer
  try {
    io = createApp(http, {
      ...config,
      logger,
      metrics,
      roomStore: redis?.store,
      adapter: redis?.adapter,
    })
    await new Promise<void>((ok, fail) => {
      http.once('error', fail)
      http.listen(config.port, config.host, () => {
        http.off('error', fail)
        ok()
      })
    })
  } catch (err) {
    await redis?.close()
    throw err
  }
  const { port } = http.address() as AddressInfo
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${shownHost}:${port}`
  logger.info({ url, redis: Boolean(redis), webRoot }, 'moim signaling server listening')
  let closing: Promise<void> | null = null
  return {
    url,
    port,
    io,
    close() {
      closing ??= (async () => {
        await new Promise<void>((done) => {
          io.close(() => done())
          // Keep-alive HTTP connections would otherwise hold close() open.
          http.closeAllConnections()
        })
        await redis?.close()
      })()
      return closing
    },
  }
}
