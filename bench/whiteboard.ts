/**
 * Whiteboard: stroke latency (a point drawn with the mouse at A until B's canvas shows it),
 * p50/p95, next to a raw RTCDataChannel round trip between the same two pages in the same run;
 * bytes per point the app puts on the wire; and a late joiner receiving and showing a board of
 * 5,000 strokes. Targets: p95 < raw RTT p95 + 20 ms, <= 8 bytes per point, late join < 300 ms.
 * Beside the latency, its floor in the same pages: a point over a bare channel drawn on a plain
 * canvas in the next frame (no renderer can show a point before the frame after it arrives).
 *
 * Both pages are in the same browser on the same machine, so their clocks agree
 * (performance.timeOrigin + now()). The latency clock starts when A's page receives the
 * pointermove and stops after the animation frame in which B's canvas first has ink there.
 */
import type { Page } from 'playwright-core'
import { newParticipant, launchBrowser, type BrowserPerson } from '../e2e/harness/browser'
import { installProbes } from '../e2e/harness/probes'
import { startTestServer } from '../e2e/harness/server'
import { expectRemoteVideosPlaying, joinViaUi } from '../e2e/harness/ui'
import { boardCanvas, boardTools, openBoard } from '../e2e/harness/whiteboard'
import { median } from './join/timing'
import { WB_PROBE_SCRIPT, type WbProbeWindow, type WbStats } from './whiteboard/probe'
import { connectRawChannel, pingRawChannel, rawDrawLatency } from './whiteboard/rawChannel'
import { bakeFloor } from './whiteboard/bakeFloor'
import { LAST_STROKE_AT, seedStrokes } from './whiteboard/seed'

const STROKES = 3
const POINTS_PER_STROKE = 100
const POINT_GAP_MS = 16
const RAW_PINGS = 200
const FLOOR_POINTS = 300
const BOARD_STROKES = 5_000
const LATE_JOINS = 3
const DEADLINE_MS = 8 * 60_000

const deadline = setTimeout(() => {
  console.error(`whiteboard: gave up after ${DEADLINE_MS / 60_000} minutes`)
  process.exit(1)
}, DEADLINE_MS)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const ms = (value: number) => `${value.toFixed(1)} ms`

async function person(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  origin: string,
  name: string,
  room: string,
  options: { noDevices?: boolean } = {},
): Promise<BrowserPerson> {
  const participant = await newParticipant(browser, origin, options)
  await participant.page.setViewportSize({ width: 1280, height: 860 })
  await participant.context.addInitScript(installProbes)
  await participant.context.addInitScript(WB_PROBE_SCRIPT)
  await joinViaUi(participant.page, { origin, name, room })
  return participant
}

/** MOIM_BENCH_WB=late-join: only the late-join part (quicker when working on it). */
const ONLY_LATE_JOIN = process.env.MOIM_BENCH_WB === 'late-join'

const stats = (page: Page) => page.evaluate(() => (globalThis as unknown as WbProbeWindow).__wb)

async function main(): Promise<void> {
  const server = await startTestServer()
  const browser = await launchBrowser()
  try {
    if (ONLY_LATE_JOIN) {
      await lateJoin(browser, server.origin, { noDevices: false })
      await lateJoin(browser, server.origin, { noDevices: true })
      return
    }
    const room = 'wb-bench'
    const a = await person(browser, server.origin, 'Ana', room)
    const b = await person(browser, server.origin, 'Bo', room)
    await Promise.all([a, b].map((p) => expectRemoteVideosPlaying(p.page, 1)))
    await Promise.all([a, b].map((p) => openBoard(p.page)))
    // A "Thick" line's half-width is about one step of the mouse (1/200 of the board): the ink
    // reaches a point's position when that point is drawn, not one before and not one after.
    await boardTools(a.page).getByRole('radio', { name: 'Thick', exact: true }).check()
    await connectRawChannel(a.page, b.page)

    const raw: number[] = []
    const latency: number[] = []
    const stages: Stages = { input: [], network: [], render: [], frameGap: [] }
    let missed = 0
    raw.push(...(await pingRawChannel(a.page, RAW_PINGS / 2, POINT_GAP_MS)))
    await rawDrawLatency(a.page, b.page, FLOOR_POINTS / 2)
    for (let s = 0; s < STROKES; s++) {
      const fy = 0.25 + s * 0.25
      const drawn = await timedStrokeWatched(a.page, b.page, fy, stages)
      for (const seen of drawn) {
        if (seen === null) missed++
        else latency.push(seen)
      }
    }
    raw.push(...(await pingRawChannel(a.page, RAW_PINGS / 2, POINT_GAP_MS)))
    const floor = await rawDrawLatency(a.page, b.page, FLOOR_POINTS / 2)
    const sent: WbStats = await stats(a.page)

    const rawP50 = percentile(raw, 50)
    const rawP95 = percentile(raw, 95)
    const p50 = percentile(latency, 50)
    const p95 = percentile(latency, 95)
    const bytesPerPoint = (sent.binaryBytes + sent.jsonBytes) / Math.max(1, sent.points)
    console.log(
      `  raw data-channel round trip (same two pages, ${raw.length} echoes): p50 ${ms(rawP50)}, p95 ${ms(rawP95)}`,
    )
    console.log(
      `  stroke latency, point drawn at A -> rendered at B (${latency.length} points${missed ? `, ${missed} never seen` : ''}): p50 ${ms(p50)}, p95 ${ms(p95)}; p95 ${(p95 / rawP95).toFixed(2)}x the raw round trip, ${ms(p95 - rawP95)} over it (target < +20 ms: ${p95 < rawP95 + 20 ? 'met' : 'NOT met'})`,
    )
    const floorP95 = percentile(floor, 95)
    console.log(
      `  floor in the same pages, a bare channel and a plain canvas (A sends in its frame, B draws in its next; ${floor.length} points): p50 ${ms(percentile(floor, 50))}, p95 ${ms(floorP95)}; the app's p95 is ${ms(p95 - floorP95)} over it`,
    )
    console.log(
      `  where it goes (p50 / p95): A pointermove -> frame sent ${ms(percentile(stages.input, 50))} / ${ms(percentile(stages.input, 95))}, sent -> arrived at B ${ms(percentile(stages.network, 50))} / ${ms(percentile(stages.network, 95))}, arrived -> on B's canvas ${ms(percentile(stages.render, 50))} / ${ms(percentile(stages.render, 95))} (B renders a frame every ${ms(percentile(stages.frameGap, 50))}, p95 ${ms(percentile(stages.frameGap, 95))}, on this machine under this load)`,
    )
    console.log(
      `  wire: ${sent.points} points in ${sent.binaryBytes} bytes of point frames + ${sent.jsonBytes} bytes of stroke begin/end = ${bytesPerPoint.toFixed(2)} bytes/point (${(sent.binaryBytes / Math.max(1, sent.points)).toFixed(2)} in point frames; target <= 8: ${bytesPerPoint <= 8 ? 'met' : 'NOT met'}); JSON of the same points would be ~${jsonPerPoint().toFixed(0)} bytes/point`,
    )
    await Promise.all([a, b].map((p) => p.context.close()))

    // Late join, twice: in a call with cameras (the joiner's page is busy starting video too),
    // and with no camera or microphone anywhere (the board's own cost).
    await lateJoin(browser, server.origin, { noDevices: false })
    await lateJoin(browser, server.origin, { noDevices: true })
  } finally {
    clearTimeout(deadline)
    await browser.close()
    await server.close()
  }
}

/**
 * One member with a board of 5,000 strokes; newcomers join one after another, each timed from
 * asking for the board to the board's last stroke on its canvas.
 */
async function lateJoin(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  origin: string,
  options: { noDevices: boolean },
): Promise<void> {
  const room = `wb-bench-board-${options.noDevices ? 'quiet' : 'video'}`
  const host = await person(browser, origin, 'Host', room, options)
  await openBoard(host.page)
  const seedStart = Date.now()
  await seedStrokes(host.page, BOARD_STROKES, 8)
  const seedMs = Date.now() - seedStart
  const receive: number[] = []
  const shown: number[] = []
  /** Request -> the painter's moim:wb-exact mark: every operation baked, the picture replaced. */
  const exact: number[] = []
  let pictures = 0
  let pictureBytes = 0
  /** From the later of "board opened" and "last page in" to the board shown. */
  const afterBoth: number[] = []
  /**
   * The user's wait: from the later of the request (the joiner is in the call) and the click on
   * Whiteboard (the joiner wants the board) to the board shown.
   */
  const wait: number[] = []
  /** The click on Whiteboard, after the request (negative: before it). */
  const clickAfter: number[] = []
  let pagesFirst = 0
  const stages: Record<keyof ReturnType<typeof joinStages>, number[]> = {
    asked: [],
    pictured: [],
    pictureArrived: [],
    answered: [],
    sent: [],
    firstArrived: [],
    handling: [],
  }
  let canvasSize = { width: 0, height: 0 }
  for (let i = 1; i <= LATE_JOINS; i++) {
    await host.page.evaluate(() => {
      const wb = (globalThis as unknown as WbProbeWindow).__wb
      wb.snapshotAskedAt = null
      wb.opsSent = []
      wb.pictureSent = []
    })
    const joiner = await newParticipant(browser, origin, options)
    await joiner.page.setViewportSize({ width: 1280, height: 860 })
    await joiner.context.addInitScript(installProbes)
    await joiner.context.addInitScript(WB_PROBE_SCRIPT)
    await joiner.context.addInitScript(`window.__wbShowTarget = ${JSON.stringify(LAST_STROKE_AT)}`)
    await joinViaUi(joiner.page, { origin, name: `Late${i}`, room })
    await openBoard(joiner.page)
    await joiner.page.waitForFunction(
      () => (globalThis as unknown as WbProbeWindow).__wb.shownAt !== null,
      undefined,
      { timeout: 60_000 },
    )
    // The mark is made only once the snapshot has come, so the first one is the exact board.
    const exactAt = await joiner.page
      .waitForFunction(
        () => {
          const [mark] = performance.getEntriesByName('moim:wb-exact')
          return mark ? performance.timeOrigin + mark.startTime : null
        },
        undefined,
        { timeout: 60_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<number>)
    const s = await stats(joiner.page)
    receive.push(s.opsDoneAt! - s.snapshotRequestAt!)
    shown.push(s.shownAt! - s.snapshotRequestAt!)
    exact.push(exactAt - s.snapshotRequestAt!)
    if (s.pictureAt !== null) pictures++
    pictureBytes = s.pictureBytes
    afterBoth.push(s.shownAt! - Math.max(s.boardOpenedAt!, s.opsDoneAt!))
    wait.push(s.shownAt! - Math.max(s.boardOpenedAt!, s.snapshotRequestAt!))
    clickAfter.push(s.boardOpenedAt! - s.snapshotRequestAt!)
    if (s.opsDoneAt! < s.boardOpenedAt!) pagesFirst++
    canvasSize = await boardCanvas(joiner.page).evaluate((c) => ({
      width: c.width,
      height: c.height,
    }))
    const parts = joinStages(await stats(host.page), s)
    for (const key of Object.keys(parts) as (keyof typeof parts)[]) stages[key].push(parts[key])
    await joiner.context.close()
    await pause(1_000)
  }
  await host.context.close()
  const floor: number[] = []
  for (let i = 0; i < LATE_JOINS; i++)
    floor.push(await bakeFloor(browser, { strokes: BOARD_STROKES, points: 8, ...canvasSize }))
  const stageText = (Object.keys(stages) as (keyof typeof stages)[])
    .map((key) => `${key} ${ms(median(stages[key]))}`)
    .join(', ')
  console.log(
    `  late join ${options.noDevices ? 'with no cameras or microphones' : 'in a call with cameras'}, board of ${BOARD_STROKES} strokes (seeded at the host in ${seedMs} ms): request -> last page received ${ms(median(receive))}; the user's wait, from the later of the request and the click on Whiteboard to the board shown (the host's picture, ${pictureBytes} bytes, in ${pictures} of ${LATE_JOINS} joins; else the bake so far) ${ms(median(wait))} (median of ${LATE_JOINS}: ${wait.map((v) => v.toFixed(0)).join(', ')} ms; target < 300 ms: ${median(wait) < 300 ? 'met' : 'NOT met'}); request -> board shown ${ms(median(shown))} (${shown.map((v) => v.toFixed(0)).join(', ')} ms; the click came ${clickAfter.map((v) => v.toFixed(0)).join(', ')} ms after the request); request -> exact board baked (every operation drawn, a slice per frame, the picture replaced) ${ms(median(exact))} (${exact.map((v) => v.toFixed(0)).join(', ')} ms)\n    where the time goes (medians): ${stageText}; then from the later of "last page in" and "board opened" (the click on Whiteboard; the pages were in first in ${pagesFirst} of ${LATE_JOINS}) to the board shown: ${ms(median(afterBoth))}\n    floor: the same strokes outlined and filled on a plain ${canvasSize.width}x${canvasSize.height} canvas in a fresh page, no network: ${ms(median(floor))} (${floor.map((v) => v.toFixed(0)).join(', ')} ms); the app's late join is ${ms(median(shown) - median(floor))} over it`,
  )
}

/** Where a late join's time goes, ms (host and joiner share the machine's clock). */
function joinStages(host: WbStats, joiner: WbStats) {
  const pages = joiner.opsHandled
  const firstSent = host.opsSent[0] ?? NaN
  return {
    /** Request sent -> the host's page has it. */
    asked: host.snapshotAskedAt! - joiner.snapshotRequestAt!,
    /** The host pictures its board (WebP) and hands the picture's last page to its channel. */
    pictured: (host.pictureSent.at(-1) ?? NaN) - host.snapshotAskedAt!,
    /** The picture's last page handed over -> the joiner has it. */
    pictureArrived: (joiner.pictureAt ?? NaN) - (host.pictureSent.at(-1) ?? NaN),
    /** The host encodes (after the picture, if any) and hands the first ops page to its channel. */
    answered: firstSent - host.snapshotAskedAt!,
    /** First page handed over -> last page handed over. */
    sent: (host.opsSent.at(-1) ?? NaN) - firstSent,
    /** First page handed over -> the joiner's handler gets it. */
    firstArrived: (pages[0]?.[0] ?? NaN) - firstSent,
    /** Time inside the joiner's handlers for all pages (decode, merge, bake). */
    handling: pages.reduce((sum, [arrived, handled]) => sum + handled - arrived, 0),
  }
}

/** A point as a JSON object in a message, for comparison: {"x":1234.5,"y":567.5}, */
function jsonPerPoint(): number {
  return JSON.stringify({ x: 1234.5, y: 567.5 }).length + 1
}

interface Stages {
  input: number[]
  network: number[]
  render: number[]
  /** Time between B's animation frames while it watched. */
  frameGap: number[]
}

/**
 * Draws a horizontal stroke with the real mouse, one move per frame, while B watches for each
 * point's ink; returns each point's latency (null: never seen).
 */
async function timedStrokeWatched(
  a: Page,
  b: Page,
  fy: number,
  stages: Stages,
): Promise<(number | null)[]> {
  const box = (await boardCanvas(a).boundingBox())!
  const y = box.y + fy * box.height
  const x0 = box.x + box.width * 0.1
  const step = box.width / 200
  // Targets are where the mouse will be; B starts watching before the first point is drawn.
  const targets: [number, number][] = []
  for (let i = 0; i <= POINTS_PER_STROKE; i++)
    targets.push([(x0 + i * step - box.x) / box.width, fy])
  await b.evaluate((w) => (globalThis as unknown as WbProbeWindow).__wbWatch(w), targets)
  const reset = () => {
    const wb = (globalThis as unknown as WbProbeWindow).__wb
    wb.pointer = []
    wb.sentAt = []
    wb.arrivedAt = []
    wb.frames = []
  }
  await a.evaluate(reset)
  await b.evaluate(reset)
  await a.mouse.move(x0, y)
  await a.mouse.down()
  for (let i = 1; i <= POINTS_PER_STROKE; i++) {
    await a.mouse.move(x0 + i * step, y)
    await pause(POINT_GAP_MS)
  }
  await a.mouse.up()
  await b
    .waitForFunction(
      () => (globalThis as unknown as WbProbeWindow).__wb.seen.every((t) => t !== null),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined)
  const drawnAt = new Map<number, number>()
  for (const [x, , t] of (await stats(a)).pointer) {
    const index = Math.round((x - x0) / step)
    if (!drawnAt.has(index)) drawnAt.set(index, t)
  }
  const { seen, arrivedAt, frames } = await stats(b)
  for (let i = 1; i < frames.length; i++) stages.frameGap.push(frames[i]! - frames[i - 1]!)
  const { sentAt } = await stats(a)
  // Point 0 is the press (no move event); each later point is timed from A's pointermove.
  const out: (number | null)[] = []
  for (let i = 1; i <= POINTS_PER_STROKE; i++) {
    const drawn = drawnAt.get(i)
    const rendered = seen[i]
    if (drawn === undefined) continue
    out.push(rendered === null || rendered === undefined ? null : rendered - drawn)
    // The frame that carried it: the first sent after the move (frames arrive in order).
    const k = sentAt.findIndex((t) => t >= drawn)
    if (k < 0 || arrivedAt[k] === undefined || rendered == null) continue
    stages.input.push(sentAt[k]! - drawn)
    stages.network.push(arrivedAt[k]! - sentAt[k]!)
    stages.render.push(rendered - arrivedAt[k]!)
  }
  return out
}

await main()
