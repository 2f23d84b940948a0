import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Emitter } from '../lib/emitter'
import { DOWN_AFTER, PAUSED_STEP, WARMUP_READINGS } from '../rtc/linkAdaptation'
import type { Mesh, MeshEvents } from '../rtc/mesh'
import { MessageRouter } from '../rtc/messageRouter'
import { chromiumReport, type FixtureOptions } from '../rtc/testing/statsFixtures'
import { cameraBudget } from '../rtc/videoBudget'
import { createStatsStore } from '../store/statsStore'
import { QualityController, linkVideoRoute } from './qualityController'

/** The part of Mesh the controller uses, with links whose reports the test scripts. */
class FakeMesh extends Emitter<MeshEvents> {
  readonly steps: [string, number][] = []
  readonly reports = new Map<string, Partial<FixtureOptions>>()
  private readonly clocks = new Map<string, number>()
  readonly cameraSource = { stream: null, audio: null, video: { id: 'camera-track' } }
  get peerIds(): string[] {
    return [...this.reports.keys()]
  }
  get roomBudget() {
    return cameraBudget(this.reports.size)
  }
  addPeer(id: string, report: Partial<FixtureOptions> = {}): void {
    this.reports.set(id, report)
    this.emit('peer-added', id)
  }
  removePeer(id: string): void {
    this.reports.delete(id)
    this.emit('peer-removed', id)
  }
  link(id: string) {
    if (!this.reports.has(id)) return undefined
    return {
      getStats: () => {
        const at = (this.clocks.get(id) ?? 0) + 2_000
        this.clocks.set(id, at)
        return Promise.resolve(
          chromiumReport({ at, cameraBytesOut: at * 50, ...this.reports.get(id) }),
        )
      },
    }
  }
  setCameraStep(id: string, step: number): void {
    this.steps.push([id, step])
  }
}

describe('QualityController', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup() {
    const store = createStatsStore()
    const router = new MessageRouter()
    const sent: [string, unknown][] = []
    vi.spyOn(router, 'send').mockImplementation((peerId, _route, message) => {
      sent.push([peerId, message])
    })
    const controller = new QualityController({ store, router, cameraOn: () => true })
    const mesh = new FakeMesh()
    const detach = controller.attach(mesh as unknown as Mesh)
    return { store, router, sent, controller, mesh, detach }
  }

  it('publishes figures, quality and an uplink summary per link', async () => {
    const { store, mesh, detach } = setup()
    mesh.addPeer('a', { rtt: 0.04 })
    mesh.addPeer('b', { rtt: 0.7 })
    await vi.advanceTimersByTimeAsync(4_000)
    const state = store.getState()
    expect(state.links.a.rttMs).toBe(40)
    expect(state.quality).toEqual({ a: 'good', b: 'poor' })
    expect(state.uplink).toMatchObject({ quality: 'poor', links: 2 })
    expect(state.uplink?.bitrateOut).toBeGreaterThan(0)
    detach()
  })

  it('steps down only the poor link, pauses its video and tells that peer', async () => {
    const { store, mesh, sent, detach } = setup()
    mesh.addPeer('good')
    mesh.addPeer('bad', { fractionLost: 0.3 })
    await vi.advanceTimersByTimeAsync(2_000 * (WARMUP_READINGS + DOWN_AFTER * PAUSED_STEP))
    expect(mesh.steps.every(([id]) => id === 'bad')).toBe(true)
    expect(mesh.steps.at(-1)).toEqual(['bad', PAUSED_STEP])
    expect(store.getState().cameraSteps).toEqual({ bad: PAUSED_STEP })
    expect(store.getState().uplink?.pausedLinks).toBe(1)
    expect(sent).toEqual([['bad', { type: 'link-video', paused: true, reason: 'poor-connection' }]])
    detach()
  })

  it('marks a peer that paused its video to us, and forgets it when the peer leaves', async () => {
    const { store, router, mesh, detach } = setup()
    mesh.addPeer('a')
    // Deliver as the router would after validation.
    const handlers = (
      router as unknown as { handlers: Map<string, Set<(p: string, m: unknown) => void>> }
    ).handlers.get(linkVideoRoute.type)!
    for (const h of handlers)
      h('a', { type: 'link-video', paused: true, reason: 'poor-connection' })
    expect(store.getState().videoPausedBy).toEqual({ a: true })
    for (const h of handlers)
      h('a', { type: 'link-video', paused: false, reason: 'poor-connection' })
    expect(store.getState().videoPausedBy).toEqual({})
    for (const h of handlers)
      h('a', { type: 'link-video', paused: true, reason: 'poor-connection' })
    mesh.removePeer('a')
    expect(store.getState().videoPausedBy).toEqual({})
    detach()
  })

  it('holds no timer once the last link goes or the call ends', async () => {
    const { controller, mesh, store, detach } = setup()
    mesh.addPeer('a')
    expect(controller.statsTimers).toBe(1)
    mesh.removePeer('a')
    expect(controller.statsTimers).toBe(0)
    mesh.addPeer('b')
    await vi.advanceTimersByTimeAsync(2_000)
    detach()
    expect(controller.statsTimers).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    expect(store.getState().links).toEqual({})
  })
})
