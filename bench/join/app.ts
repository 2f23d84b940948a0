import type { Browser, Page } from 'playwright-core'
import { newParticipant, type BrowserPerson } from '../../e2e/harness/browser'
import { installProbes } from '../../e2e/harness/probes'
import { busyShare, markBusy } from './machineLoad'
import {
  JOIN_TRACE_SCRIPT,
  longTaskTotal,
  milestoneTimes,
  type Milestone,
  type TraceWindow,
} from './trace'
import {
  expectRemoteVideosPlaying,
  fillLobby,
  joinButton,
  joinViaUi,
  leaveViaUi,
  openLobby,
} from '../../e2e/harness/ui'

async function person(browser: Browser, origin: string): Promise<BrowserPerson> {
  const participant = await newParticipant(browser, origin)
  await participant.context.addInitScript(installProbes)
  await participant.context.addInitScript(JOIN_TRACE_SCRIPT)
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

const MEMBER_NAMES = ['Ana', 'Bo', 'Chul', 'Dae', 'Eun']

/** `size` people already in a call, each seeing the others play. */
export async function startRoom(browser: Browser, origin: string, room: string, size: number) {
  const members: BrowserPerson[] = []
  for (const name of MEMBER_NAMES.slice(0, size)) {
    const member = await person(browser, origin)
    await joinViaUi(member.page, { origin, room, name })
    members.push(member)
  }
  await Promise.all(members.map((m) => expectRemoteVideosPlaying(m.page, size - 1)))
  return {
    size,
    /** Waits until everyone is back to seeing exactly the other members. */
    settle: () => Promise.all(members.map((m) => expectRemoteVideosPlaying(m.page, size - 1))),
    close: () => Promise.all(members.map((m) => m.context.close())),
    /** The members' milestones since `since` (the slowest member's time for each). */
    trace: async (since: number) => {
      const all = await Promise.all(members.map((m) => readTrace(m.page)))
      return milestoneTimes(
        all.flatMap((t) => t.entries),
        since,
      )
    },
  }
}

async function readTrace(page: Page) {
  return page.evaluate(() => {
    const w = globalThis as unknown as TraceWindow
    return { entries: w.__joinTrace, longTasks: w.__longTasks }
  })
}

export interface JoinTrace {
  milestones: Partial<Record<Milestone, number>>
  longTasks: { count: number; ms: number }
}

export interface AppSample {
  /** From the Join click event in the page to all three remote videos playing. */
  ms: number
  /** The same, but from the moment Playwright was asked to click (its actionability checks). */
  driverMs: number
  /** The newcomer's camera as captured for the lobby preview, e.g. "1280x720@30". */
  camera: string
  trace: JoinTrace
  /** Share of the machine's cores busy from the click to playing (null: unknown). */
  busy: number | null
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
 * One app sample: a newcomer fills the lobby (camera preview running, as a real user would see
 * it), then the clock runs from clicking Join to every member's video playing.
 */
export async function measureJoin(
  browser: Browser,
  origin: string,
  room: { name: string; size: number },
): Promise<AppSample & { clicked: number }> {
  const newcomer = await person(browser, origin)
  try {
    await newcomer.context.addInitScript({ content: RECORD_JOIN_CLICK })
    await openLobby(newcomer.page, origin, room.name)
    await fillLobby(newcomer.page, { name: 'Newcomer', room: room.name })
    const camera = await previewCamera(newcomer.page)
    const before = markBusy()
    const asked = Date.now()
    await joinButton(newcomer.page).click()
    // The same in-page probe as the baseline's, and nothing else: a role locator polling for the
    // grid would run its accessibility queries on the newcomer's main thread mid-join.
    await expectRemoteVideosPlaying(newcomer.page, room.size)
    const playing = Date.now()
    const busy = busyShare(before, markBusy())
    const clicked = await newcomer.page.evaluate(
      () => (globalThis as unknown as { __benchJoinClickedAt: number }).__benchJoinClickedAt,
    )
    const { entries, longTasks } = await readTrace(newcomer.page)
    const trace = {
      milestones: milestoneTimes(entries, clicked),
      longTasks: longTaskTotal(longTasks, clicked, playing),
    }
    return { ms: playing - clicked, driverMs: playing - asked, camera, trace, clicked, busy }
  } finally {
    // Leaving (rather than vanishing) lets the others drop the tile at once, not after the
    // server's reconnect grace period.
    await leaveViaUi(newcomer.page).catch(() => undefined)
    await newcomer.context.close()
  }
}
