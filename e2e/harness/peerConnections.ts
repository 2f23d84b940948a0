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
