import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startServer, type StartOptions } from '../../signaling-server/start'

/** dist/web by default; MOIM_E2E_WEB_ROOT points at a private build (see scripts/e2e.mjs). */
export const WEB_ROOT = resolve(
  process.env.MOIM_E2E_WEB_ROOT ?? resolve(import.meta.dirname, '../../dist/web'),
)

export type TestServerConfig = Omit<StartOptions, 'port' | 'host' | 'webRoot'>

export interface TestServer {
  /** Origin of the web client, e.g. http://127.0.0.1:41234 */
  origin: string
  close: () => Promise<void>
}

/**
 * The real signaling server on a random loopback port, serving the built web client. No STUN
 * servers: peers on one machine connect over host candidates and no test packet leaves loopback.
 */
export async function startTestServer(config: TestServerConfig = {}): Promise<TestServer> {
  if (!existsSync(resolve(WEB_ROOT, 'index.html'))) {
    throw new Error(`No web client in ${WEB_ROOT}: run "npm run test:e2e" (it builds first).`)
  }
  const server = await startServer({
    logLevel: 'warn',
    stunUrls: [],
    secret: randomBytes(24).toString('hex'),
    ...config,
    port: 0,
    host: '127.0.0.1',
    webRoot: WEB_ROOT,
  })
  return { origin: `http://127.0.0.1:${server.port}`, close: () => server.close() }
}
