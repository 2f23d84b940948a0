import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectionPool, type IdleTime, type PoolCamera } from './connectionPool'
import { FakeNetwork, type FakePeerConnection } from './testing/fakePeerConnection'
import { fakeCamera } from './testing/linkHarness'

/** Idle moments under the test's control: run() fires the one pending, like the browser would. */
function idleQueue() {
  const tasks: ((deadline?: IdleTime) => void)[] = []
  return {
    schedule: (task: (deadline?: IdleTime) => void) => {
      tasks.push(task)
      return () => {
        const index = tasks.indexOf(task)
        if (index >= 0) tasks.splice(index, 1)
      }
    },
    get pending() {
      return tasks.length
    },
    run(times = 1, msLeft?: () => number) {
      for (let i = 0; i < times; i++)
        tasks.shift()?.(msLeft ? { timeRemaining: msLeft } : undefined)
    },
  }
}

const certificate = { expires: Date.now() + 86_400_000 } as RTCCertificate

function setup(
  options: { certificates?: () => RTCCertificate[] | 'pending'; camera?: PoolCamera } = {},
) {
  const network = new FakeNetwork()
  const made: FakePeerConnection[] = []
  const idle = idleQueue()
  const camera = options.camera ?? fakeCamera()
  const pool = new ConnectionPool({
    createPeerConnection: (config) => {
      const pc = network.createFake(config)
      made.push(pc)
      return pc as unknown as RTCPeerConnection
    },
    certificates: options.certificates ?? (() => [certificate]),
    camera: () => camera,
    scheduleIdle: idle.schedule,
    refillDelayMs: 5_000,
  })
  return { pool, made, idle, camera }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('ConnectionPool', () => {
  it('makes one connection per idle moment up to the target, sharing the certificate', () => {
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 2, answerers: 1 })
    expect(made).toHaveLength(0)
    idle.run()
    expect(made).toHaveLength(1)
    idle.run(5)
    expect(made).toHaveLength(3)
    expect(idle.pending).toBe(0)
    expect(pool.size).toEqual({ callers: 2, answerers: 1 })
    for (const pc of made) {
      expect(pc.config.certificates).toEqual([certificate])
      expect(pc.config.bundlePolicy).toBe('max-bundle')
    }
  })

  it('makes as many as a long idle moment has room for', () => {
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 3, answerers: 0 })
    let left = 30
    idle.run(1, () => (left -= 10))
    // The first at once, a second while over 15 ms remained (20), the third waits (10).
    expect(made).toHaveLength(2)
    expect(idle.pending).toBe(1)
    idle.run(1, () => 50)
    expect(made).toHaveLength(3)
    expect(idle.pending).toBe(0)
  })

  it('gives a caller its camera transceivers, an explicit encoding and the data channels', () => {
    const { pool, made, idle, camera } = setup()
    pool.setTarget({ callers: 1, answerers: 0 })
    idle.run()
    const taken = pool.take('caller', [])
    expect(taken?.pc).toBe(made[0])
    const [audio, video] = made[0].transceivers
    expect(audio.sender.track).toBe(camera.audio)
    expect(video.sender.track).toBe(camera.video)
    expect(video.sender.encodings).toHaveLength(1)
    expect(made[0].channels.map((c) => c.label)).toEqual(['moim', 'moim-volatile'])
    expect(taken?.caller?.stream).toBe(camera.stream)
    expect(taken?.caller?.channels).toEqual(made[0].channels)
  })

  it('makes callers at the budget it is given, so a link with that budget need not change it', () => {
    const network = new FakeNetwork()
    const idle = idleQueue()
    const budget = { scaleResolutionDownBy: 2, maxBitrate: 600_000 }
    const pool = new ConnectionPool({
      createPeerConnection: network.create,
      certificates: () => [],
      camera: fakeCamera,
      scheduleIdle: idle.schedule,
      callerBudget: budget,
    })
    pool.setTarget({ callers: 1, answerers: 0 })
    idle.run()
    const taken = pool.take('caller', [])
    expect(taken?.caller?.budget).toEqual(budget)
    expect(taken?.caller?.video.sender.getParameters().encodings).toEqual([
      { active: true, ...budget },
    ])
  })

  it('answerer connections are plain: the remote offer lays out their transceivers', () => {
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 0, answerers: 1 })
    idle.run()
    const taken = pool.take('answerer', [])
    expect(taken?.caller).toBeNull()
    expect(made[0].transceivers).toHaveLength(0)
    expect(made[0].channels).toHaveLength(0)
  })

  it('returns null when none is ready, and hands each connection out once', () => {
    const { pool, idle } = setup()
    expect(pool.take('caller', [])).toBeNull()
    pool.setTarget({ callers: 1, answerers: 0 })
    idle.run()
    expect(pool.take('caller', [])).not.toBeNull()
    expect(pool.take('caller', [])).toBeNull()
  })

  it('applies the ICE servers of the room when a connection is taken', () => {
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 0, answerers: 1 })
    idle.run()
    const iceServers = [{ urls: 'turn:turn.example:3478', username: 'u', credential: 'c' }]
    pool.take('answerer', iceServers)
    expect(made[0].config.iceServers).toEqual(iceServers)
    expect(made[0].config.certificates).toEqual([certificate])
  })

  it('falls back (null) and closes the connection when the ICE servers are refused', () => {
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 0, answerers: 1 })
    idle.run()
    made[0].setConfiguration = () => {
      throw new Error('InvalidAccessError')
    }
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(pool.take('answerer', [{ urls: 'stun:bad' }])).toBeNull()
    expect(made[0].signalingState).toBe('closed')
  })

  it('replaces a taken connection only after the refill delay', () => {
    vi.useFakeTimers()
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 0, answerers: 1 })
    idle.run()
    pool.take('answerer', [])
    expect(idle.pending).toBe(0)
    vi.advanceTimersByTime(4_999)
    expect(idle.pending).toBe(0)
    vi.advanceTimersByTime(1)
    idle.run()
    expect(made).toHaveLength(2)
    expect(pool.size.answerers).toBe(1)
  })

  it('a lower target closes the extra connections; a delayed target waits', () => {
    vi.useFakeTimers()
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 2, answerers: 0 })
    idle.run(2)
    pool.setTarget({ callers: 0, answerers: 1 }, 5_000)
    expect(made.map((pc) => pc.signalingState)).toEqual(['closed', 'closed'])
    expect(idle.pending).toBe(0)
    vi.advanceTimersByTime(5_000)
    idle.run()
    expect(pool.size).toEqual({ callers: 0, answerers: 1 })
  })

  it('waits for a certificate being made, and makes none until told again', () => {
    let certificates: RTCCertificate[] | 'pending' = 'pending'
    const { pool, made, idle } = setup({ certificates: () => certificates })
    pool.setTarget({ callers: 1, answerers: 0 })
    idle.run()
    expect(made).toHaveLength(0)
    expect(idle.pending).toBe(0)
    certificates = [certificate]
    pool.setTarget({ callers: 1, answerers: 0 })
    idle.run()
    expect(made).toHaveLength(1)
  })

  it('without a shared certificate each connection makes its own', () => {
    const { pool, made, idle } = setup({ certificates: () => [] })
    pool.setTarget({ callers: 0, answerers: 1 })
    idle.run()
    expect(made[0].config.certificates).toBeUndefined()
  })

  it('a caller made with no devices carries receive-ready transceivers without tracks', () => {
    const { pool, made, idle } = setup({ camera: { stream: null, audio: null, video: null } })
    pool.setTarget({ callers: 1, answerers: 0 })
    idle.run()
    expect(pool.take('caller', [])?.caller?.stream).toBeNull()
    expect(made[0].transceivers.map((t) => [t.kind, t.sender.track])).toEqual([
      ['audio', null],
      ['video', null],
    ])
  })

  it('stops trying after a failure until the next target', () => {
    const { pool, idle } = setup()
    const failing = new ConnectionPool({
      createPeerConnection: () => {
        throw new Error('no WebRTC')
      },
      certificates: () => [],
      camera: () => ({ stream: null, audio: null, video: null }),
      scheduleIdle: idle.schedule,
    })
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    failing.setTarget({ callers: 2, answerers: 0 })
    idle.run()
    expect(idle.pending).toBe(0)
    expect(failing.take('caller', [])).toBeNull()
    pool.close()
  })

  it('close() closes every ready connection and cancels what was scheduled', () => {
    const { pool, made, idle } = setup()
    pool.setTarget({ callers: 1, answerers: 1 })
    idle.run()
    pool.close()
    expect(made[0].signalingState).toBe('closed')
    expect(idle.pending).toBe(0)
    pool.setTarget({ callers: 1, answerers: 1 })
    expect(idle.pending).toBe(0)
  })
})
