import type { Browser, Page } from 'playwright-core'
import { newParticipant, type BrowserPerson } from '../../e2e/harness/browser'
import { installProbes } from '../../e2e/harness/probes'
import { installQualityProbes } from '../../e2e/harness/quality'
import {
  expectRemoteVideosPlaying,
  fillLobby,
  joinButton,
  openLobby,
  participantsRegion,
} from '../../e2e/harness/ui'
import { cameraBudget } from '../../src/renderer/src/rtc/videoBudget'
import type { MeshRelay } from './bareRelay'
import { initScript } from './initScript'
import { installLowResCamera } from './lowResCamera'

/** The DOM shape the preview check reads (the node tsconfig has no DOM library). */
interface PreviewDocument {
  querySelector: (selector: string) => { videoWidth: number } | null
}

export interface Room {
  pages: Page[]
  /** From the first join to every page playing every other's video. */
  fullMeshMs: number
  close: () => Promise<void>
}

/** Generous: a room of eight on two loaded cores takes a while to see everyone. */
const MESH_TIMEOUT = 180_000

async function person(browser: Browser, origin: string): Promise<BrowserPerson> {
  const p = await newParticipant(browser, origin)
  await p.context.addInitScript(initScript(installLowResCamera))
  await p.context.addInitScript(initScript(installProbes))
  await p.context.addInitScript(initScript(installQualityProbes))
  return p
}

async function fullMesh(people: BrowserPerson[], joinAll: () => Promise<void>): Promise<Room> {
  const started = Date.now()
  try {
    await joinAll()
    await Promise.all(
      people.map((p) => expectRemoteVideosPlaying(p.page, people.length - 1, MESH_TIMEOUT)),
    )
  } catch (error) {
    await Promise.all(people.map((p) => p.context.close()))
    throw error
  }
  return {
    pages: people.map((p) => p.page),
    fullMeshMs: Date.now() - started,
    close: async () => {
      await Promise.all(people.map((p) => p.context.close()))
    },
  }
}

/** `size` app clients: each in its lobby with the camera open, then they join one by one. */
export async function appRoom(
  browser: Browser,
  origin: string,
  room: string,
  size: number,
): Promise<Room> {
  const people: BrowserPerson[] = []
  for (let i = 0; i < size; i++) {
    const p = await person(browser, origin)
    people.push(p)
    await openLobby(p.page, origin, room)
    await fillLobby(p.page, { name: `P${i + 1}`, room, capacity: Math.max(2, size) })
    // The lobby preview has frames: the camera is open, as the bare client's is before joining.
    await p.page.waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: PreviewDocument }).document
        return (doc.querySelector('video[aria-label="Camera preview"]')?.videoWidth ?? 0) > 0
      },
      undefined,
      { timeout: MESH_TIMEOUT },
    )
  }
  return fullMesh(people, async () => {
    for (const p of people) {
      await joinButton(p.page).click()
      await participantsRegion(p.page).waitFor({ timeout: MESH_TIMEOUT })
    }
  })
}

interface BareWindow {
  benchPrepare: () => Promise<void>
  benchJoin: (room: string) => Promise<void>
}

/** `size` bare clients with the app's camera budget for the room, joining one by one. */
export async function bareRoom(
  browser: Browser,
  relay: MeshRelay,
  room: string,
  size: number,
): Promise<Room> {
  const budget = encodeURIComponent(JSON.stringify(cameraBudget(size - 1)))
  const people: BrowserPerson[] = []
  for (let i = 0; i < size; i++) {
    const p = await person(browser, relay.origin)
    people.push(p)
    await p.page.goto(`${relay.origin}/mesh?budget=${budget}`)
    await p.page.evaluate(() => (globalThis as unknown as BareWindow).benchPrepare())
  }
  return fullMesh(people, async () => {
    for (const p of people)
      await p.page.evaluate((r) => (globalThis as unknown as BareWindow).benchJoin(r), room)
  })
}
