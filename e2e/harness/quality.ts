/**
 * Call-quality instrumentation: an init script that keeps every RTCPeerConnection the page makes
 * (a subclass, so WebRTC stays real) and defines the app's test-only diagnostics hook, plus
 * helpers that read figures through it. Self-contained functions: they are serialized into pages.
 */
import type { Page } from 'playwright-core'
import type { Participant } from './world'
import type { E2eWorld } from './world'
import { WAIT_TIMEOUT } from './timeouts'
import { joinViaUi, type LobbyForm } from './ui'

export interface QualityWindow {
  __moimDiagnostics: {
    statsTimers?: () => number
    polledLinks?: () => number
    steppedLinks?: () => number
  }
  __moimQuality: {
    /** Connections not closed. */
    open: () => number
    /** Seconds since the most recent of the open connections became 'connected', or -1. */
    connectedFor: () => number
    /** Summed outbound video bits/s over a window, and the peers it went to. */
    videoOut: (windowMs: number) => Promise<{ bps: number; links: number; perLink: number[] }>
  }
}

export function installQualityProbes(): void {
  type Pc = {
    signalingState: string
    connectionState: string
    addEventListener: (type: string, fn: () => void) => void
    getStats: () => Promise<{ forEach: (fn: (entry: Record<string, unknown>) => void) => void }>
  }
  type PcClass = new (...args: unknown[]) => Pc
  const scope = globalThis as unknown as QualityWindow & {
    RTCPeerConnection: PcClass
    setTimeout: (fn: () => void, ms: number) => unknown
  }
  const Real = scope.RTCPeerConnection
  const all = new Set<Pc>()
  const connectedAt = new WeakMap<Pc, number>()
  scope.__moimDiagnostics = {}
  scope.RTCPeerConnection = class extends Real {
    constructor(...args: unknown[]) {
      super(...args)
      all.add(this)
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected' && !connectedAt.has(this))
          connectedAt.set(this, performance.now())
      })
    }
  }
  const open = () => [...all].filter((pc) => pc.signalingState !== 'closed')
  const videoBytes = async (pc: Pc) => {
    let bytes = 0
    const report = await pc.getStats()
    report.forEach((entry) => {
      if (entry.type === 'outbound-rtp' && entry.kind === 'video')
        bytes += typeof entry.bytesSent === 'number' ? entry.bytesSent : 0
    })
    return bytes
  }
  scope.__moimQuality = {
    open: () => open().length,
    connectedFor: () => {
      const pcs = open()
      if (pcs.length === 0 || pcs.some((pc) => !connectedAt.has(pc))) return -1
      const latest = Math.max(...pcs.map((pc) => connectedAt.get(pc) ?? 0))
      return (performance.now() - latest) / 1000
    },
    videoOut: async (windowMs) => {
      const pcs = open()
      const before = await Promise.all(pcs.map(videoBytes))
      const start = performance.now()
      await new Promise<void>((resolve) => scope.setTimeout(resolve, windowMs))
      const after = await Promise.all(pcs.map(videoBytes))
      const seconds = (performance.now() - start) / 1000
      const perLink = after.map((bytes, i) => ((bytes - before[i]) * 8) / seconds)
      return { bps: perLink.reduce((a, b) => a + b, 0), links: pcs.length, perLink }
    },
  }
}

/** A participant whose pages carry the quality probes, joined through the lobby. */
export async function joinWithQualityProbes(
  world: E2eWorld,
  name: string,
  form: Omit<LobbyForm, 'name'>,
): Promise<Participant> {
  const person = await world.participant(name)
  await person.context.addInitScript(installQualityProbes)
  await joinViaUi(person.page, { origin: world.origin, name, ...form })
  return person
}

export interface PageFigures {
  open: number
  statsTimers: number
  polledLinks: number
}

export function pageFigures(page: Page): Promise<PageFigures> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as QualityWindow
    return {
      open: scope.__moimQuality.open(),
      statsTimers: scope.__moimDiagnostics.statsTimers?.() ?? -1,
      polledLinks: scope.__moimDiagnostics.polledLinks?.() ?? -1,
    }
  })
}

/** Waits until the page's figures are these (the last figures seen are in the error). */
export async function expectPageFigures(page: Page, wanted: PageFigures): Promise<void> {
  try {
    await page.waitForFunction(
      (w: PageFigures) => {
        const scope = globalThis as unknown as QualityWindow
        return (
          scope.__moimQuality.open() === w.open &&
          (scope.__moimDiagnostics.statsTimers?.() ?? -1) === w.statsTimers &&
          (scope.__moimDiagnostics.polledLinks?.() ?? -1) === w.polledLinks
        )
      },
      wanted,
      { timeout: WAIT_TIMEOUT, polling: 100 },
    )
  } catch (error) {
    const seen = await pageFigures(page).catch(() => null)
    throw new Error(`wanted ${JSON.stringify(wanted)}, page has ${JSON.stringify(seen)}`, {
      cause: error,
    })
  }
}

/** Waits until every open connection of the page has been connected for this long. */
export async function waitConnectedFor(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction(
    (s: number) => (globalThis as unknown as QualityWindow).__moimQuality.connectedFor() >= s,
    seconds,
    { timeout: WAIT_TIMEOUT + seconds * 1000, polling: 250 },
  )
}

/** Links on which the app sends its camera below the room budget (-1 on a page without the app). */
export function steppedLinks(page: Page): Promise<number> {
  return page.evaluate(
    () => (globalThis as unknown as QualityWindow).__moimDiagnostics.steppedLinks?.() ?? -1,
  )
}

export function measureVideoOut(
  page: Page,
  windowMs: number,
): Promise<{ bps: number; links: number; perLink: number[] }> {
  return page.evaluate(
    (ms) => (globalThis as unknown as QualityWindow).__moimQuality.videoOut(ms),
    windowMs,
  )
}
