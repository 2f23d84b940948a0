import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it, vi } from 'vitest'
import { HostServer, lanUrls, type ForkOptionsLike } from './hostServer'

class FakeUtilityProcess {
  private readonly listeners = new Map<string, Array<(value: unknown) => void>>()
  killed = false
  readonly posted: unknown[] = []
  constructor(readonly options: ForkOptionsLike) {}
  on(event: string, listener: (value: never) => void): this {
    this.listeners.set(event, [
      ...(this.listeners.get(event) ?? []),
      listener as (v: unknown) => void,
    ])
    return this
  }
  postMessage(message: unknown): void {
    this.posted.push(message)
  }
  kill(): boolean {
    this.killed = true
    this.emit('exit', 0)
    return true
  }
  emit(event: string, value: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(value)
  }
}

const NETWORK: NodeJS.Dict<NetworkInterfaceInfo[]> = {
  lo: [
    {
      address: '127.0.0.1',
      family: 'IPv4',
      internal: true,
      netmask: '255.0.0.0',
      mac: '',
      cidr: null,
    },
  ],
  eth0: [
    {
      address: '192.168.1.20',
      family: 'IPv4',
      internal: false,
      netmask: '255.255.255.0',
      mac: '',
      cidr: null,
    },
    {
      address: 'fe80::1',
      family: 'IPv6',
      internal: false,
      netmask: 'ffff::',
      mac: '',
      cidr: null,
      scopeid: 1,
    },
  ],
  wlan0: [
    {
      address: '10.0.0.5',
      family: 'IPv4',
      internal: false,
      netmask: '255.0.0.0',
      mac: '',
      cidr: null,
    },
    {
      address: '169.254.3.3',
      family: 'IPv4',
      internal: false,
      netmask: '255.255.0.0',
      mac: '',
      cidr: null,
    },
  ],
}

/** Lets the start (which first loads the saved identity) reach the fork. */
const flush = () => new Promise((resolve) => setImmediate(resolve))

const IDENTITY = {
  secret: 's'.repeat(43),
  tls: { key: 'KEY PEM', cert: 'CERT PEM' },
  fingerprint: 'AB:CD',
  pin: 'q'.repeat(43),
}

function setup(maxRestarts = 3) {
  const children: FakeUtilityProcess[] = []
  const fork = vi.fn((_path: string, _args: string[], options: ForkOptionsLike) => {
    const child = new FakeUtilityProcess(options)
    children.push(child)
    return child
  })
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = []
  const schedule = (fn: () => void, ms: number) => {
    const timer = { fn, ms, cancelled: false }
    timers.push(timer)
    return () => {
      timer.cancelled = true
    }
  }
  /** Runs pending timers of exactly this delay-class: restart backoffs, not ready timeouts. */
  const runRestartTimers = async () => {
    for (const t of timers.splice(0)) if (!t.cancelled && t.ms < 10_000) t.fn()
    await flush()
  }
  const server = new HostServer({
    fork,
    entryPath: '/app/out/main/signalingHost.js',
    networkInterfaces: () => NETWORK,
    env: { LOG_LEVEL: 'warn' },
    webRoot: '/app/out/renderer',
    allowedOrigins: ['http://localhost:5173'],
    maxRestarts,
    schedule,
    log: vi.fn(),
    identity: async () => IDENTITY,
  })
  return { server, fork, children, timers, runRestartTimers }
}

describe('HostServer', () => {
  it('starts the utility process on loopback, invite-only, with the saved identity', async () => {
    const { server, fork, children } = setup()
    const started = server.start()
    await flush()
    expect(fork).toHaveBeenCalledWith('/app/out/main/signalingHost.js', [], expect.anything())
    expect(children[0].options.env).toEqual({ LOG_LEVEL: 'warn' })
    expect(children[0].posted).toEqual([
      {
        type: 'start',
        config: {
          port: 0,
          host: '127.0.0.1',
          webRoot: '/app/out/renderer',
          allowedOrigins: ['http://localhost:5173'],
          inviteOnly: true,
          restoreWindowMs: 0,
          secret: IDENTITY.secret,
          tls: IDENTITY.tls,
        },
      },
    ])
    const pendingInfo = server.info()
    children[0].emit('message', { type: 'ready', port: 51234 })
    await expect(started).resolves.toBe(51234)
    // Not hosting: nothing listens beyond loopback, so there are no LAN URLs to offer.
    await expect(pendingInfo).resolves.toEqual({
      serverUrl: 'http://127.0.0.1:51234',
      lanUrls: [],
      hosting: false,
      certificateFingerprint: 'AB:CD',
      certificatePin: 'q'.repeat(43),
    })
    await expect(server.start()).resolves.toBe(51234)
    expect(fork).toHaveBeenCalledTimes(1)
  })

  it('ignores malformed messages from the child', async () => {
    const { server, children } = setup()
    const started = server.start()
    await flush()
    children[0].emit('message', { type: 'ready', port: -1 })
    children[0].emit('message', 'ready')
    children[0].emit('message', { type: 'ready', port: 4000 })
    await expect(started).resolves.toBe(4000)
  })

  it('restarts a crashed server on the same port', async () => {
    const { server, children, runRestartTimers } = setup()
    const started = server.start()
    await flush()
    children[0].emit('message', { type: 'ready', port: 51234 })
    await started
    children[0].emit('exit', 1)
    await expect(server.info()).resolves.toBeNull()
    await runRestartTimers()
    expect(children).toHaveLength(2)
    // Same port and secret, and a restore window so members find their rooms as they were.
    expect(children[1].posted[0]).toMatchObject({
      config: { port: 51234, restoreWindowMs: 15_000, secret: IDENTITY.secret },
    })
    const info = server.info()
    children[1].emit('message', { type: 'ready', port: 51234 })
    await expect(info).resolves.toMatchObject({ serverUrl: 'http://127.0.0.1:51234' })
  })

  it('retries on any port when it fails before becoming ready, then gives up', async () => {
    const { server, children, runRestartTimers } = setup(2)
    const started = server.start()
    await flush()
    children[0].emit('exit', 1)
    await runRestartTimers()
    expect(children[1].posted[0]).toMatchObject({ config: { port: 0, restoreWindowMs: 0 } })
    children[1].emit('exit', 1)
    await runRestartTimers()
    children[2].emit('exit', 1)
    await runRestartTimers()
    expect(children).toHaveLength(3)
    await expect(started).resolves.toBeNull()
    await expect(server.info()).resolves.toBeNull()
  })

  it('treats an error reply as a failed start and retries on any port', async () => {
    const { server, children, runRestartTimers } = setup()
    const started = server.start()
    await flush()
    children[0].emit('message', { type: 'error', message: 'EADDRINUSE' })
    expect(children[0].killed).toBe(true)
    await runRestartTimers()
    children[1].emit('message', { type: 'ready', port: 6000, url: 'http://0.0.0.0:6000' })
    await expect(started).resolves.toBe(6000)
  })

  it('stops gracefully when given time: stop message, then kill once stopped', async () => {
    const { server, children } = setup()
    const started = server.start()
    await flush()
    children[0].emit('message', { type: 'ready', port: 51234 })
    await started
    server.stop(1000)
    expect(children[0].posted.at(-1)).toEqual({ type: 'stop' })
    expect(children[0].killed).toBe(false)
    children[0].emit('message', { type: 'stopped' })
    expect(children[0].killed).toBe(true)
  })

  it('kills a server that never reports ready and starts another', async () => {
    const { server, children, timers, runRestartTimers } = setup()
    void server.start()
    await flush()
    const readyTimeout = timers.find((t) => t.ms >= 15_000)
    readyTimeout?.fn()
    expect(children[0].killed).toBe(true)
    await runRestartTimers()
    expect(children).toHaveLength(2)
  })

  it('stops on quit without restarting', async () => {
    const { server, children, runRestartTimers } = setup()
    const started = server.start()
    await flush()
    children[0].emit('message', { type: 'ready', port: 51234 })
    await started
    server.stop()
    await runRestartTimers()
    expect(children[0].killed).toBe(true)
    expect(children).toHaveLength(1)
    await expect(server.info()).resolves.toBeNull()
  })
})

describe('hosting switch', () => {
  async function ready() {
    const t = setup()
    const started = t.server.start()
    await flush()
    t.children[0].emit('message', { type: 'ready', port: 51234 })
    await started
    return t
  }

  it('opens the local network over HTTPS only while hosting, then closes it', async () => {
    const { server, children } = await ready()
    const opening = server.setHosting(true)
    await flush()
    expect(children[0].posted.at(-1)).toEqual({ type: 'hosting', enabled: true, port: 0 })
    children[0].emit('message', { type: 'hosting', lanPort: 51235 })
    await expect(opening).resolves.toEqual({
      serverUrl: 'http://127.0.0.1:51234',
      lanUrls: ['https://10.0.0.5:51235', 'https://192.168.1.20:51235'],
      hosting: true,
      certificateFingerprint: 'AB:CD',
      certificatePin: 'q'.repeat(43),
    })
    // Asking again changes nothing.
    const posted = children[0].posted.length
    await server.setHosting(true)
    expect(children[0].posted).toHaveLength(posted)

    const closing = server.setHosting(false)
    await flush()
    expect(children[0].posted.at(-1)).toEqual({ type: 'hosting', enabled: false, port: 51235 })
    children[0].emit('message', { type: 'hosting', lanPort: null })
    await expect(closing).resolves.toMatchObject({ lanUrls: [], hosting: false })
  })

  it('reopens the local network after a crash while hosting, on the same port', async () => {
    const { server, children, runRestartTimers } = await ready()
    const opening = server.setHosting(true)
    await flush()
    children[0].emit('message', { type: 'hosting', lanPort: 51235 })
    await opening
    children[0].emit('exit', 1)
    await expect(server.info()).resolves.toBeNull()
    await runRestartTimers()
    children[1].emit('message', { type: 'ready', port: 51234 })
    await flush()
    expect(children[1].posted.at(-1)).toEqual({ type: 'hosting', enabled: true, port: 51235 })
    children[1].emit('message', { type: 'hosting', lanPort: 51235 })
    await flush()
    await expect(server.info()).resolves.toMatchObject({ hosting: true })
  })

  it('stays closed when the server cannot open the local network', async () => {
    const { server, children } = await ready()
    const opening = server.setHosting(true)
    await flush()
    children[0].emit('message', { type: 'error', message: 'EADDRINUSE' })
    await expect(opening).resolves.toMatchObject({ hosting: false, lanUrls: [] })
    expect(children[0].killed).toBe(false)
  })
})

describe('lanUrls', () => {
  it('lists non-internal, non-link-local IPv4 addresses', () => {
    expect(lanUrls(NETWORK, 4477)).toEqual(['https://10.0.0.5:4477', 'https://192.168.1.20:4477'])
    expect(lanUrls(NETWORK, 4477, 'http')).toEqual([
      'http://10.0.0.5:4477',
      'http://192.168.1.20:4477',
    ])
    expect(lanUrls({}, 4477)).toEqual([])
  })
})
