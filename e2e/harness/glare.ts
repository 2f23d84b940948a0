/**
 * Makes real glare happen on demand and counts it. Once armed, every offer a page starts
 * (setLocalDescription in "stable") is held until release(): a test arms two pages, has both
 * start a renegotiation, waits until both hold their offers, and releases them together, so the
 * offers cross. A collision is counted where the polite side resolves it: a remote offer applied
 * while that connection has its own offer out or being made. Offers arriving over the signaling
 * WebSocket are counted too, so a test can release one side, see its offer reach the other side
 * while that side's own offer is still being made (its state still "stable"), and only then
 * release the second: the window the impolite side's makingOffer flag exists for. WebRTC
 * itself stays real.
 */
import type { Page } from 'playwright-core'
import { WAIT_TIMEOUT } from './timeouts'

export interface GlareGate {
  armed: boolean
  heldOffers: number
  collisions: number
  /** Signaling frames carrying an offer that reached the page. */
  offersIn: number
  release: () => void
}

export interface GlareWindow {
  __moimGlare: GlareGate
  __moimPeerConnections?: { signalingState: string; connectionState: string }[]
}

export function installGlareGate(): void {
  interface Description {
    type?: string
  }
  interface Pc {
    signalingState: string
  }
  interface PcPrototype {
    setLocalDescription: (this: Pc, description?: Description) => Promise<void>
    setRemoteDescription: (this: Pc, description: Description) => Promise<void>
  }
  interface MessageEventLike {
    data: unknown
  }
  type Handler = ((event: MessageEventLike) => unknown) | null
  const scope = globalThis as unknown as GlareWindow & {
    RTCPeerConnection: { prototype: PcPrototype }
    WebSocket: { prototype: object }
  }
  const proto = scope.RTCPeerConnection.prototype
  const setLocal = proto.setLocalDescription
  const setRemote = proto.setRemoteDescription
  let open: () => void = () => undefined
  let gate = new Promise<void>((done) => (open = done))
  const offering = new WeakSet<Pc>()
  const state: GlareGate = {
    armed: false,
    heldOffers: 0,
    collisions: 0,
    offersIn: 0,
    release() {
      state.armed = false
      open()
      gate = Promise.resolve()
    },
  }
  scope.__moimGlare = state
  // socket.io-client (WebSocket transport only) reads frames through onmessage.
  const onmessage = Object.getOwnPropertyDescriptor(scope.WebSocket.prototype, 'onmessage')
  if (onmessage?.set && onmessage.get) {
    const { get, set } = onmessage
    Object.defineProperty(scope.WebSocket.prototype, 'onmessage', {
      configurable: true,
      get(this: object) {
        return get.call(this) as Handler
      },
      set(this: object, handler: Handler) {
        set.call(
          this,
          handler &&
            ((event: MessageEventLike) => {
              if (typeof event.data === 'string' && event.data.includes('"type":"offer"'))
                state.offersIn++
              return handler.call(this, event)
            }),
        )
      },
    })
  }
  proto.setLocalDescription = async function (this: Pc, description?: Description) {
    const makesOffer =
      this.signalingState === 'stable' && (!description || description.type === 'offer')
    if (!makesOffer) return setLocal.call(this, description)
    offering.add(this)
    try {
      if (state.armed) {
        state.heldOffers++
        await gate
      }
      return await setLocal.call(this, description)
    } finally {
      offering.delete(this)
    }
  }
  proto.setRemoteDescription = function (this: Pc, description: Description) {
    if (
      description.type === 'offer' &&
      (this.signalingState === 'have-local-offer' || offering.has(this))
    )
      state.collisions++
    return setRemote.call(this, description)
  }
}

export async function armGlare(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(globalThis as unknown as GlareWindow).__moimGlare.armed = true
  })
}

/** Waits until the page holds at least `count` offers. */
export async function waitForHeldOffers(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => (globalThis as unknown as GlareWindow).__moimGlare.heldOffers >= n,
    count,
    { timeout: WAIT_TIMEOUT, polling: 50 },
  )
}

export async function releaseGlare(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as GlareWindow).__moimGlare.release())
}

export async function glareCollisions(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as GlareWindow).__moimGlare.collisions)
}

export async function offersIn(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as GlareWindow).__moimGlare.offersIn)
}

/** Waits until more than `before` offers have reached the page over signaling. */
export async function waitForOfferIn(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) => (globalThis as unknown as GlareWindow).__moimGlare.offersIn > n,
    before,
    { timeout: WAIT_TIMEOUT, polling: 50 },
  )
}

/** The page's own peer id, from its self tile. */
export async function ownPeerId(page: Page): Promise<string> {
  const id = await page
    .getByRole('region', { name: 'Participants', exact: true })
    .locator('[role="figure"][data-peer-id][aria-label$=" (you)"]')
    .first()
    .getAttribute('data-peer-id')
  if (!id) throw new Error('no self tile with a peer id')
  return id
}
