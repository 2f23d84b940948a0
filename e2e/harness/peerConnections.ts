/**
 * An init script that keeps every RTCPeerConnection a page makes, so a test can read what
 * WebRTC itself reports (getStats, signaling states) rather than what the app says. WebRTC
 * stays real: the subclass only remembers its instances. Functions passed to the page are
 * serialized, so each is self-contained and declares the few browser shapes it uses.
 */
import type { Page } from 'playwright-core'
import { joinViaUi, type LobbyForm } from './ui'
import type { E2eWorld, Participant } from './world'

export interface RegistryWindow {
  __moimPeerConnections: RegisteredPc[]
}

export interface RegisteredPc {
  connectionState: string
  signalingState: string
  iceGatheringState: string
  getStats: () => Promise<{ forEach: (cb: (report: Record<string, unknown>) => void) => void }>
}

export function installPeerConnectionRegistry(): void {
  const scope = globalThis as unknown as RegistryWindow & {
    RTCPeerConnection: new (...args: unknown[]) => RegisteredPc
  }
  const Native = scope.RTCPeerConnection
  scope.__moimPeerConnections = []
  scope.RTCPeerConnection = class extends Native {
    constructor(...args: unknown[]) {
      super(...args)
      scope.__moimPeerConnections.push(this)
    }
  }
}

/** How many of the page's peer connections are not closed. */
export async function openPeerConnections(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as RegistryWindow).__moimPeerConnections.filter(
        (pc) => pc.connectionState !== 'closed',
      ).length,
  )
}

/** Whether every open peer connection of the page is back in "stable" (no negotiation half done). */
export async function allStable(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (globalThis as unknown as RegistryWindow).__moimPeerConnections
      .filter((pc) => pc.connectionState !== 'closed')
      .every((pc) => pc.signalingState === 'stable'),
  )
}

/**
 * A participant whose page records its peer connections (and runs any further init scripts),
 * joined through the lobby.
 */
export async function joinWithScripts(
  world: E2eWorld,
  name: string,
  form: Omit<LobbyForm, 'name'>,
  scripts: (() => void)[] = [],
): Promise<Participant> {
  const person = await world.participant(name)
  for (const script of [installPeerConnectionRegistry, ...scripts])
    await person.context.addInitScript(script)
  await joinViaUi(person.page, { origin: world.origin, name, ...form })
  return person
}

export interface IceSummary {
  connectionState: string
  iceGatheringState: string
  /** Candidate types of the selected pair (local, remote), or null before one is selected. */
  selected: { local: string; remote: string } | null
  /** Types of every local candidate gathered so far ("host", "srflx", "relay"). */
  localTypes: string[]
}

/** What ICE did on each of the page's open peer connections, from getStats. */
export async function iceSummaries(page: Page): Promise<IceSummary[]> {
  return page.evaluate(async () => {
    const pcs = (globalThis as unknown as RegistryWindow).__moimPeerConnections.filter(
      (pc) => pc.connectionState !== 'closed',
    )
    const summaries: IceSummary[] = []
    for (const pc of pcs) {
      const reports = new Map<string, Record<string, unknown>>()
      ;(await pc.getStats()).forEach((report) => reports.set(String(report.id), report))
      let selected: IceSummary['selected'] = null
      const localTypes: string[] = []
      for (const report of reports.values()) {
        if (report.type === 'local-candidate') localTypes.push(String(report.candidateType))
        if (report.type !== 'transport' || typeof report.selectedCandidatePairId !== 'string')
          continue
        const pair = reports.get(report.selectedCandidatePairId)
        const local = pair ? reports.get(String(pair.localCandidateId)) : undefined
        const remote = pair ? reports.get(String(pair.remoteCandidateId)) : undefined
        if (local && remote)
          selected = { local: String(local.candidateType), remote: String(remote.candidateType) }
      }
      summaries.push({
        connectionState: pc.connectionState,
        iceGatheringState: pc.iceGatheringState,
        selected,
        localTypes,
      })
    }
    return summaries
  })
}

/** Bytes received so far (audio + video, inbound-rtp) on each of the page's open connections. */
export async function inboundBytes(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const pcs = (globalThis as unknown as RegistryWindow).__moimPeerConnections.filter(
      (pc) => pc.connectionState !== 'closed',
    )
    const totals: number[] = []
    for (const pc of pcs) {
      let bytes = 0
      ;(await pc.getStats()).forEach((report) => {
        if (report.type === 'inbound-rtp') bytes += Number(report.bytesReceived ?? 0)
      })
      totals.push(bytes)
    }
    return totals
  })
}
