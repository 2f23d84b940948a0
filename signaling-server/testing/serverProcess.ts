/** Runs the real `moim-server` CLI (from source, via tsx) as a separate process for tests. */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

export interface ServerProcess {
  url: string
  /** SIGTERM by default; SIGKILL to test a process that dies without cleaning up. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

const ENTRY = resolve(import.meta.dirname, '..', 'index.ts')

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const url = await new Promise<string>((ok, fail) => {
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)
      if (match) ok(match[1])
    })
    child.once('exit', (code) => fail(new Error(`moim-server exited (${code}):\n${stderr}`)))
  })
  return {
    url,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      child.kill(signal)
      await exited
    },
  }
}
