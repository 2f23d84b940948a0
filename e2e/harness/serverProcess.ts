/**
 * The signaling server in a child process of its own, so a test can kill it the way a crash or
 * an OOM killer does (SIGKILL: no close frames, no goodbye to anyone) and start it again on the
 * same port with the same resume secret.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { WEB_ROOT } from './server'
import { WAIT_TIMEOUT } from './timeouts'

const ENTRY = resolve(import.meta.dirname, '../../signaling-server/index.ts')

export function freeTcpPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => ok(port))
    })
  })
}

export interface ServerProcess {
  origin: string
  /** Ends the process at once (SIGKILL) and waits until it is gone. */
  kill(): Promise<void>
}

/**
 * `restoreWindowMs`: after a start the server admits only members resuming for this long (its
 * default is the resume grace); 0 for a first start, when there is nobody to come back.
 */
export async function startServerProcess(
  port: number,
  secret: string,
  options: { restoreWindowMs?: number } = {},
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MOIM_SECRET: secret,
      MOIM_WEB_ROOT: WEB_ROOT,
      STUN_URLS: '',
      LOG_LEVEL: 'warn',
      ...(options.restoreWindowMs !== undefined
        ? { RESTORE_WINDOW_MS: String(options.restoreWindowMs) }
        : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const origin = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const deadline = Date.now() + WAIT_TIMEOUT
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server process exited (${child.exitCode})`)
    const healthy = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server process on ${port} not healthy within ${WAIT_TIMEOUT} ms`)
    }
    await new Promise((done) => setTimeout(done, 100))
  }
  return {
    origin,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
