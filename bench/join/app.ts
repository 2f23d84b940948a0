import type { Browser, Page } from 'playwright-core'
import { newParticipant, type BrowserPerson } from '../../e2e/harness/browser'
import { installProbes } from '../../e2e/harness/probes'
import {
  expectRemoteVideosPlaying,
  fillLobby,
  joinButton,
  joinViaUi,
  leaveViaUi,
  openLobby,
  participantsRegion,
} from '../../e2e/harness/ui'

async function person(browser: Browser, origin: string): Promise<BrowserPerson> {
  const participant = await newParticipant(browser, origin)
  await participant.context.addInitScript(installProbes)
  return participant
}

/** What the lobby preview's camera track delivers, once it has frames. */
async function previewCamera(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const video = (
      globalThis as unknown as {
        document: { querySelector: (s: string) => PreviewVideo | null }
      }
    ).document.querySelector('video[aria-label="Camera preview"]')
    const track = video?.srcObject?.getVideoTracks()[0]
    if (!video || !track || video.videoWidth === 0) return null
    const { width, height, frameRate } = track.getSettings()
    return `${width}x${height}@${Math.round(frameRate ?? 0)}`
  })
  return (await handle.jsonValue()) as string
}

/** The few DOM shapes previewCamera reads (the node tsconfig has no DOM library). */
interface PreviewVideo {
  videoWidth: number
  srcObject: {
    getVideoTracks: () => {
      getSettings: () => { width?: number; height?: number; frameRate?: number }
    }[]
  } | null
}

/** Three people already in a call, each seeing the other two play. */
export async function startRoomOfThree(browser: Browser, origin: string, room: string) {
  const members: BrowserPerson[] = []
  for (const name of ['Ana', 'Bo', 'Chul']) {
    const member = await person(browser, origin)
    await joinViaUi(member.page, { origin, room, name })
    members.push(member)
  }
  await Promise.all(members.map((m) => expectRemoteVideosPlaying(m.page, 2)))
  return {
    /** Waits until everyone is back to seeing exactly the other two. */
    settle: () => Promise.all(members.map((m) => expectRemoteVideosPlaying(m.page, 2))),
    close: () => Promise.all(members.map((m) => m.context.close())),
  }
}

export interface AppSample {
  /** From the Join click event in the page to all three remote videos playing. */
  ms: number
  /** The same, but from the moment Playwright was asked to click (its actionability checks). */
  driverMs: number
  /** The newcomer's camera as captured for the lobby preview, e.g. "1280x720@30". */
  camera: string
}

/**
 * Records in the page when the Join form is submitted (the click's default action), so the clock
 * starts at the click itself, as the baseline's starts in the page, and not while Playwright
 * waits for the button to be stable and hittable first.
 */
const RECORD_JOIN_CLICK = `document.addEventListener('submit', () => {
  window.__benchJoinClickedAt ??= Date.now()
}, true)`

/**
 * One app sample: the 4th person fills the lobby (camera preview running, as a real user
 * would see it), then the clock runs from clicking Join to all three remote videos playing.
 */
export async function measureFourthJoin(
  browser: Browser,
  origin: string,
  room: string,
): Promise<AppSample> {
  const fourth = await person(browser, origin)
  try {
    await fourth.context.addInitScript({ content: RECORD_JOIN_CLICK })
    await openLobby(fourth.page, origin, room)
    await fillLobby(fourth.page, { name: 'Dana', room })
    const camera = await previewCamera(fourth.page)
    const asked = Date.now()
    await joinButton(fourth.page).click()
    await participantsRegion(fourth.page).waitFor()
    await expectRemoteVideosPlaying(fourth.page, 3)
    const playing = Date.now()
    const clicked = await fourth.page.evaluate(
      () => (globalThis as unknown as { __benchJoinClickedAt: number }).__benchJoinClickedAt,
    )
    return { ms: playing - clicked, driverMs: playing - asked, camera }
  } finally {
    // Leaving (rather than vanishing) lets the others drop the tile at once, not after the
    // server's reconnect grace period.
    await leaveViaUi(fourth.page).catch(() => undefined)
    await fourth.context.close()
  }
}
