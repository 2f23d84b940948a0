/**
 * coturn (use-auth-secret) on loopback for the E2E suite, optionally with a bandwidth cap per
 * allocation (`--max-bps`): a relayed link that really is narrow, with no change to WebRTC.
 * The same start-up as e2e/turn.spec.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian installs coturn's binary in /usr/bin (older packages used /usr/sbin). */
const TURNSERVER =
  process.env.TURNSERVER_PATH ??
  ['/usr/bin/turnserver', '/usr/sbin/turnserver'].find((p) => existsSync(p)) ??
  '/usr/bin/turnserver'

function freeUdpPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createSocket('udp4')
    probe.once('error', fail)
    probe.bind(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => ok(port))
    })
  })
}

/** Resolves once the server answers a STUN Binding request: it is listening for real. */
async function waitForStun(port: number, coturn: ChildProcess, log: () => string): Promise<void> {
  const socket = createSocket('udp4')
  try {
    await new Promise<void>((ok, fail) => {
      const request = Buffer.alloc(20)
      request.writeUInt16BE(0x0001, 0) // Binding request, no attributes
      request.writeUInt32BE(0x2112a442, 4) // magic cookie
      randomBytes(12).copy(request, 8)
      socket.on('message', (msg) => {
        if (msg.readUInt16BE(0) === 0x0101 && msg.subarray(8, 20).equals(request.subarray(8, 20)))
          ok()
      })
      coturn.once('exit', (code) => fail(new Error(`turnserver exited (${code}):\n${log()}`)))
      // UDP has no connection to wait on: resend until the answer arrives (the hook timeout bounds it).
      const send = (): void => socket.send(request, port, '127.0.0.1')
      const timer = setInterval(send, 100)
      socket.once('message', () => clearInterval(timer))
      send()
    })
  } finally {
    socket.close()
  }
}

export interface Coturn {
  url: string
  secret: string
  stop(): Promise<void>
}

/** coturn on a free loopback port; maxBps caps each allocation, each direction (0: none). */
export async function startCoturn(maxBps = 0): Promise<Coturn> {
  if (!existsSync(TURNSERVER)) {
    throw new Error(
      `coturn not found at ${TURNSERVER}: apt-get install coturn (or set TURNSERVER_PATH)`,
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'moim-coturn-'))
  const port = await freeUdpPort()
  const secret = randomBytes(16).toString('hex')
  const args = [
    '-n', // no config file: everything is on this command line
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    '--realm=moim.test',
    '--no-tls',
    '--no-dtls',
    '--no-tcp-relay',
    '--no-cli',
    '--allow-loopback-peers', // the peers are on 127.0.0.1 here; never enable this in production
    '--fingerprint',
    '--log-file=stdout',
    '--simple-log',
    `--pidfile=${join(dir, 'turnserver.pid')}`,
    `--userdb=${join(dir, 'turndb')}`,
    ...(maxBps > 0 ? [`--max-bps=${maxBps}`] : []),
  ]
  const child = spawn(TURNSERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitForStun(port, child, () => output)
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
