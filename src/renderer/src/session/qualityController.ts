/**
 * Call quality: polls every link's statistics (rtc/statsPoller.ts), classifies each link
 * (rtc/linkQuality.ts), steps each link's camera up and down (rtc/linkAdaptation.ts) and tells a
 * peer when our camera video to it pauses or resumes (`link-video` messages). The only writer of
 * statsStore. Follows a call's mesh: polling starts with the first link and stops with the last.
 */
import { linkVideoMessageSchema } from '../../../shared/channel/linkVideo'
import { LinkAdaptation, PAUSED_STEP } from '../rtc/linkAdaptation'
import { QualityTracker, worstQuality } from '../rtc/linkQuality'
import type { LinkFigures } from '../rtc/linkStats'
import type { Mesh } from '../rtc/mesh'
import { defineRoute, type MessageRouter } from '../rtc/messageRouter'
import { StatsPoller } from '../rtc/statsPoller'
import { initialStatsState, type StatsStore, type UplinkSummary } from '../store/statsStore'

/** A peer whose channel opens late needs only the newest pause state. */
export const linkVideoRoute = defineRoute('link-video', linkVideoMessageSchema, {
  whenClosed: 'latest',
})

export interface QualityApi {
  /** Stats timers held now (0 or 1): 0 whenever no call has a link. */
  readonly statsTimers: number
  /** Links being polled. */
  readonly polledLinks: number
  /** Links whose camera is below the room budget (stepped down or paused). */
  readonly steppedLinks: number
}

export interface QualityControllerDeps {
  store: StatsStore
  router: MessageRouter
  /** Whether we send camera video at all now (the camera is on). */
  cameraOn: () => boolean
  intervalMs?: number
}

interface LinkState {
  quality: QualityTracker
  adaptation: LinkAdaptation
}

export class QualityController implements QualityApi {
  private readonly deps: QualityControllerDeps
  private readonly poller: StatsPoller
  private readonly states = new Map<string, LinkState>()
  private mesh: Mesh | null = null

  constructor(deps: QualityControllerDeps) {
    this.deps = deps
    this.poller = new StatsPoller({
      onFigures: (peerId, figures) => this.onFigures(peerId, figures),
      cameraTrackId: () => this.mesh?.cameraSource.video?.id ?? null,
      intervalMs: deps.intervalMs,
    })
    deps.router.on(linkVideoRoute, (peerId, message) => {
      if (!this.states.has(peerId)) return
      this.deps.store.setState((s) => {
        const videoPausedBy = { ...s.videoPausedBy }
        if (message.paused) videoPausedBy[peerId] = true
        else delete videoPausedBy[peerId]
        return { videoPausedBy }
      })
    })
  }

  get statsTimers(): number {
    return this.poller.timerCount
  }

  get polledLinks(): number {
    return this.poller.linkCount
  }

  get steppedLinks(): number {
    return [...this.states.values()].filter((state) => state.adaptation.step > 0).length
  }

  /** Follows a call's mesh; the returned function stops following it and clears the figures. */
  attach(mesh: Mesh): () => void {
    this.reset()
    this.mesh = mesh
    const offs = [
      mesh.on('peer-added', (peerId) => this.add(mesh, peerId)),
      mesh.on('peer-removed', (peerId) => this.remove(peerId)),
    ]
    for (const peerId of mesh.peerIds) this.add(mesh, peerId)
    return () => {
      for (const off of offs) off()
      if (this.mesh === mesh) this.reset()
    }
  }

  private add(mesh: Mesh, peerId: string): void {
    const link = mesh.link(peerId)
    if (!link) return
    this.states.set(peerId, { quality: new QualityTracker(), adaptation: new LinkAdaptation() })
    this.poller.add(peerId, link)
  }

  private remove(peerId: string): void {
    this.poller.remove(peerId)
    this.states.delete(peerId)
    this.deps.store.setState((s) => {
      const next = {
        links: { ...s.links },
        quality: { ...s.quality },
        videoPausedBy: { ...s.videoPausedBy },
        cameraSteps: { ...s.cameraSteps },
      }
      delete next.links[peerId]
      delete next.quality[peerId]
      delete next.videoPausedBy[peerId]
      delete next.cameraSteps[peerId]
      return { ...next, uplink: this.uplink(next.links, next.cameraSteps) }
    })
  }

  private reset(): void {
    this.poller.stop()
    this.states.clear()
    this.mesh = null
    this.deps.store.setState(initialStatsState())
  }

  private onFigures(peerId: string, figures: LinkFigures): void {
    const state = this.states.get(peerId)
    const mesh = this.mesh
    if (!state || !mesh) return
    const quality = state.quality.update(figures)
    const before = state.adaptation.step
    const step = state.adaptation.update(figures, mesh.roomBudget, this.deps.cameraOn())
    if (step !== before) {
      mesh.setCameraStep(peerId, step)
      const paused = step >= PAUSED_STEP
      if (paused !== before >= PAUSED_STEP) {
        this.deps.router.send(peerId, linkVideoRoute, {
          type: 'link-video',
          paused,
          reason: 'poor-connection',
        })
      }
    }
    this.deps.store.setState((s) => {
      const links = { ...s.links, [peerId]: figures }
      const qualities = quality && s.quality[peerId] !== quality
      const next = {
        links,
        quality: qualities ? { ...s.quality, [peerId]: quality } : s.quality,
        cameraSteps:
          (s.cameraSteps[peerId] ?? 0) === step
            ? s.cameraSteps
            : { ...s.cameraSteps, [peerId]: step },
      }
      return { ...next, uplink: this.uplink(links, next.cameraSteps) }
    })
  }

  private uplink(
    links: Record<string, LinkFigures>,
    steps: Record<string, number>,
  ): UplinkSummary | null {
    const ids = Object.keys(links)
    if (ids.length === 0) return null
    const stepValues = Object.values(steps)
    return {
      quality: worstQuality(ids.map((id) => this.states.get(id)?.quality.level ?? null)),
      bitrateOut: ids.reduce((sum, id) => sum + (links[id].bitrateOut ?? 0), 0),
      limitedLinks: stepValues.filter((s) => s > 0 && s < PAUSED_STEP).length,
      pausedLinks: stepValues.filter((s) => s >= PAUSED_STEP).length,
      links: ids.length,
    }
  }
}
