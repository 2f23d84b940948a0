/**
 * File transfer throughput and receiver memory: a 200 MB file from A to B through the app (drop
 * the file, B clicks Accept; bytes travel on the engine's bulk channel into OPFS, hashed on both
 * sides) next to a raw RTCDataChannel blast between the same two pages, in the same call, with
 * the same 256 KiB messages and the same queue marks, and next to the work floor: that raw
 * channel carrying the same kind of File, read and hashed by the app's own reader worker and
 * hashed and written to OPFS by its writer worker, with no engine protocol (what any engine
 * doing the required work could reach here; bench/files/pageScripts.ts). The three sides rotate
 * round by round from a coin flip (bench/common/runOrder.ts), so all see the same machine load.
 * All rates are measured at the receiver, from its first to its last message.
 * Also: the app's end-to-end time (Accept -> verified) and the receiver's peak JS heap growth
 * over the transfer (V8's used heap via CDP, sampled every 100 ms after a GC), and the CPU time
 * all the browser's processes spend per MB for each side, over what the idle call costs: the
 * two peers share this machine's cores, so on a busy machine the rates follow CPU per byte.
 * Target: app >= 0.9x raw, heap growth < 64 MB. MOIM_BENCH_FILES_2GB=1 adds a 2 GB transfer;
 * MOIM_BENCH_FILES_2GB=only runs just that.
 */
import { randomFillSync } from 'node:crypto'
import { createWriteStream, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { launchBrowser, newParticipant } from '../e2e/harness/browser'
import { chatPanel, openChat } from '../e2e/harness/chat'
import { cardButton, fileCard } from '../e2e/harness/files'
import { installProbes } from '../e2e/harness/probes'
import { startTestServer, WEB_ROOT } from '../e2e/harness/server'
import { expectRemoteVideosPlaying, joinViaUi } from '../e2e/harness/ui'
import {
  dropFile,
  floorCreateReceiver,
  floorReceived,
  floorSend,
  installArrivalProbe,
  makeFile,
  rawAnswer,
  rawBlast,
  rawClose,
  rawCreate,
  rawDescribe,
  resetArrival,
  type ArrivalWindow,
} from './files/pageScripts'
import { ProcessCpu } from './common/processCpu'
import { threadCpuUsed, threadSnapshot } from './common/threadCpu'
import { firstSide, rotatedOrder } from './common/runOrder'
import { median } from './join/timing'

const MB = 1_000_000
const SIZE = 200 * 1024 * 1024
const MESSAGE_SIZE = 256 * 1024
const SAMPLES = 3
const TARGET_RATIO = 0.9
const HEAP_LIMIT = 64 * 1024 * 1024
const ONLY_2GB = process.env.MOIM_BENCH_FILES_2GB === 'only'
const WITH_2GB = process.env.MOIM_BENCH_FILES_2GB === '1' || ONLY_2GB
/** Bounded either way; the 2 GB transfers alone take 10-20 minutes on a 2-core machine. */
const DEADLINE_MS = (WITH_2GB ? 45 : 15) * 60_000
/** One transfer's wait: 2 GiB at 3 MB/s is 12 minutes. */
const TRANSFER_TIMEOUT_MS = (WITH_2GB ? 25 : 10) * 60_000

const deadline = setTimeout(() => {
  console.error(`files: gave up after ${DEADLINE_MS / 60_000} minutes`)
  process.exit(1)
}, DEADLINE_MS)

async function arrival(page: Page) {
  return page.evaluate(() => (globalThis as unknown as ArrivalWindow).__benchArrival)
}

function rate(a: { first: number; last: number; bytes: number }): number {
  return a.bytes / MB / ((a.last - a.first) / 1000)
}

/** Samples the used JS heap every 100 ms until stopped; resolves to the peak growth. */
async function watchHeap(cdp: CDPSession): Promise<() => Promise<number>> {
  await cdp.send('HeapProfiler.collectGarbage')
  const base = (await cdp.send('Runtime.getHeapUsage')).usedSize
  let peak = base
  let running = true
  let lost: unknown = null
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })().catch((error: unknown) => {
    // The page is gone (the sample failed): its own error says why; this one is reported if asked.
    lost = error
  })
  return async () => {
    running = false
    await loop
    if (lost) throw lost
    return peak - base
  }
}

/**
 * Files up to this size are made in the sender's page (a File of random blocks, dropped on the
 * call); larger ones are written to the disk and picked: Chromium could not read back a 2 GiB
 * File made of in-page parts ("could not be read on the sender's device").
 */
const IN_PAGE_MAX = 1024 ** 3

/** A file of `size` random bytes (an 8 MiB random block repeated) in a fresh temporary folder. */
async function fileOnDisk(name: string, size: number) {
  const dir = await mkdtemp(join(tmpdir(), 'moim-bench-files-'))
  const path = join(dir, name)
  const block = randomFillSync(Buffer.alloc(8 * 1024 * 1024))
  const out = createWriteStream(path)
  for (let left = size; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left)
    if (!out.write(part)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  return { path, remove: () => rm(dir, { recursive: true, force: true }) }
}

async function appSample(
  sender: Page,
  receiver: Page,
  cdp: CDPSession,
  cpu: ProcessCpu,
  size: number,
  n: number,
) {
  await receiver.evaluate(resetArrival)
  // Each size's own names: a withdrawn card of an earlier sample stays in the chat.
  const name = `sample-${Math.round(size / 1024 / 1024)}MiB-${n}.bin`
  const onDisk = size > IN_PAGE_MAX ? await fileOnDisk(name, size) : null
  try {
    if (onDisk) {
      // As a user picks it: the chat's Share files button, a File the browser reads from the disk.
      await openChat(sender)
      const chooser = sender.waitForEvent('filechooser')
      await chatPanel(sender).getByRole('button', { name: 'Share files' }).click()
      await (await chooser).setFiles(onDisk.path)
    } else {
      await sender.evaluate(makeFile, { name, size })
      await sender.evaluate(dropFile)
    }
    const card = await fileCard(receiver, name)
    const stopHeap = await watchHeap(cdp)
    const started = Date.now()
    const stopCpu = await cpuClock(cpu)
    await cardButton(card, 'Accept').click()
    // A failed transfer says why on its card: stop there instead of waiting out the timeout.
    const failed = card.getByRole('alert')
    await card
      .getByText('Received and verified')
      .or(failed)
      .waitFor({ timeout: TRANSFER_TIMEOUT_MS })
    if (await failed.isVisible())
      throw new Error(`files: the transfer of ${name} failed: ${await failed.innerText()}`)
    const cpuPerMb = await stopCpu(size)
    const endToEnd = (Date.now() - started) / 1000
    const heap = await stopHeap()
    const a = await arrival(receiver)
    console.log(
      `    sample ${name}: ${rate(a).toFixed(1)} MB/s, receiver heap growth ${(heap / 1024 / 1024).toFixed(1)} MiB, Accept -> verified ${endToEnd.toFixed(1)} s`,
    )
    // The received file is deleted again so the next sample starts from the same storage.
    const senderCard = sender.getByRole('article', { name })
    try {
      await senderCard.getByRole('button', { name: 'Withdraw' }).click({ timeout: 15_000 })
    } catch {
      console.log(
        `    could not withdraw ${name}; the sender's card says: ${await senderCard.innerText({ timeout: 5_000 }).catch(() => '(no card)')}`,
      )
    }
    return { mbps: rate(a), endToEnd, heap, bytes: a.bytes, cpuPerMb }
  } finally {
    await onDisk?.remove()
  }
}

async function rawSample(sender: Page, receiver: Page, cpu: ProcessCpu, size: number) {
  await receiver.evaluate(resetArrival)
  await sender.evaluate(rawCreate, 'sender')
  await receiver.evaluate(rawCreate, 'receiver')
  const offer = await sender.evaluate(rawDescribe, null)
  const answer = await receiver.evaluate(rawDescribe, offer)
  await sender.evaluate(rawAnswer, answer)
  const stopCpu = await cpuClock(cpu)
  await sender.evaluate(rawBlast, { size, messageSize: MESSAGE_SIZE })
  await receiver.waitForFunction(
    (total) => (globalThis as unknown as ArrivalWindow).__benchArrival.bytes >= total,
    size,
    { timeout: TRANSFER_TIMEOUT_MS, polling: 100 },
  )
  const cpuPerMb = await stopCpu(size)
  const a = await arrival(receiver)
  await sender.evaluate(rawClose)
  await receiver.evaluate(rawClose)
  return { mbps: rate(a), cpuPerMb }
}

/** The app's built reader and writer workers, which the work floor runs as they are. */
function workerUrls(): { readerUrl: string; writerUrl: string } {
  const assets = readdirSync(join(WEB_ROOT, 'assets'))
  const find = (prefix: string) => {
    const name = assets.find((file) => file.startsWith(prefix) && file.endsWith('.js'))
    if (!name)
      throw new Error(`files: no ${prefix}*.js in ${WEB_ROOT}/assets (build the web client)`)
    return `/assets/${name}`
  }
  return { readerUrl: find('fileReader.worker-'), writerUrl: find('fileWriter.worker-') }
}

/**
 * The raw channel plus the transfer's required work in the app's own workers (pageScripts.ts):
 * the most any engine could do here. Its rate is measured like the others' (first to last
 * message at the receiver); the time until its last write is done is returned beside it.
 */
async function floorSample(sender: Page, receiver: Page, cpu: ProcessCpu, size: number) {
  const urls = workerUrls()
  await receiver.evaluate(resetArrival)
  await sender.evaluate(rawCreate, 'sender')
  await receiver.evaluate(floorCreateReceiver, { writerUrl: urls.writerUrl, size })
  const offer = await sender.evaluate(rawDescribe, null)
  const answer = await receiver.evaluate(rawDescribe, offer)
  await sender.evaluate(rawAnswer, answer)
  await sender.evaluate(makeFile, { name: 'floor.bin', size })
  const stopCpu = await cpuClock(cpu)
  const sent = await sender.evaluate(floorSend, {
    size,
    messageSize: MESSAGE_SIZE,
    readerUrl: urls.readerUrl,
  })
  const received = await receiver.evaluate(floorReceived)
  const cpuPerMb = await stopCpu(size)
  const a = await arrival(receiver)
  await sender.evaluate(rawClose)
  await receiver.evaluate(rawClose)
  if (received.sha256 !== sent)
    throw new Error(`files: the floor's hashes differ (sent ${sent}, written ${received.sha256})`)
  const written = a.bytes / MB / ((received.writtenAt - a.first) / 1000)
  return { mbps: rate(a), written, cpuPerMb }
}

/** What the call itself (two cameras, the pages idle) costs, in CPU seconds per second. */
let idleCores = 0
/** The same by thread group (threadCpu.ts; empty where /proc is not Linux's). */
const idleThreads = new Map<string, number>()
const HAS_PROC = process.platform === 'linux'

async function measureIdleCpu(cpu: ProcessCpu): Promise<void> {
  const before = await cpu.snapshot()
  const threadsBefore = HAS_PROC ? threadSnapshot() : new Map()
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, 5_000))
  const seconds = (performance.now() - started) / 1000
  const used = ProcessCpu.used(before, await cpu.snapshot())
  idleCores = used.all / seconds
  if (HAS_PROC)
    for (const [group, spent] of threadCpuUsed(threadsBefore, threadSnapshot()))
      idleThreads.set(group, spent / seconds)
}

interface CpuPerMb {
  /** All the browser's processes, ms per MB over the idle call (CDP). */
  all: number
  /** The same by thread group (/proc). */
  threads: Map<string, number>
}

/** A CPU clock started now; stopping it gives the CPU ms per MB over the idle call's own cost. */
async function cpuClock(cpu: ProcessCpu): Promise<(size: number) => Promise<CpuPerMb>> {
  const before = await cpu.snapshot()
  const threadsBefore = HAS_PROC ? threadSnapshot() : new Map()
  const started = performance.now()
  return async (size) => {
    const used = ProcessCpu.used(before, await cpu.snapshot())
    const seconds = (performance.now() - started) / 1000
    const perMb = (spent: number, idle: number) => ((spent - idle * seconds) * 1000) / (size / MB)
    const threads = new Map<string, number>()
    if (HAS_PROC)
      for (const [group, spent] of threadCpuUsed(threadsBefore, threadSnapshot()))
        threads.set(group, perMb(spent, idleThreads.get(group) ?? 0))
    return { all: perMb(used.all, idleCores), threads }
  }
}

/** Thread groups by how much more CPU per MB the app spent than the raw blast (medians). */
function extraByThread(app: Map<string, number>[], raw: Map<string, number>[]): string {
  const groups = new Set([...app, ...raw].flatMap((m) => [...m.keys()]))
  const rows: [string, number, number][] = []
  for (const group of groups) {
    const a = median(app.map((m) => m.get(group) ?? 0))
    const r = median(raw.map((m) => m.get(group) ?? 0))
    if (Math.max(a, r) >= 2) rows.push([group, a, r])
  }
  rows.sort((x, y) => y[1] - y[2] - (x[1] - x[2]))
  return rows
    .slice(0, 10)
    .map(([group, a, r]) => `    ${group}: app ${a.toFixed(0)}, raw ${r.toFixed(0)} ms/MB`)
    .join('\n')
}

async function main(): Promise<void> {
  const browser = await launchBrowser()
  const server = await startTestServer()
  try {
    const people = []
    for (const name of ['Ana', 'Bo']) {
      const person = await newParticipant(browser, server.origin)
      await person.context.addInitScript(installProbes)
      await person.context.addInitScript(installArrivalProbe)
      await joinViaUi(person.page, { origin: server.origin, name, room: 'bench-files' })
      people.push(person)
    }
    const [ana, bo] = people as [(typeof people)[0], (typeof people)[0]]
    await expectRemoteVideosPlaying(bo.page, 1)
    const cdp = await bo.context.newCDPSession(bo.page)
    const cpu = await ProcessCpu.attach(browser)
    await measureIdleCpu(cpu)

    const sizes = [...(ONLY_2GB ? [] : [SIZE]), ...(WITH_2GB ? [2 * 1024 ** 3] : [])]
    for (const size of sizes) {
      const samples = size === SIZE ? SAMPLES : 1
      const app: number[] = []
      const raw: number[] = []
      const heaps: number[] = []
      const ends: number[] = []
      const appCpu: number[] = []
      const rawCpu: number[] = []
      const appThreads: Map<string, number>[] = []
      const rawThreads: Map<string, number>[] = []
      const floor: number[] = []
      const floorWritten: number[] = []
      const floorCpu: number[] = []
      const first = firstSide(process.env.BENCH_ORDER)
      // The floor makes its File in the page, which Chromium cannot read back beyond 1 GiB.
      const withFloor = size <= IN_PAGE_MAX
      const sides = [
        first,
        first === 'app' ? 'baseline' : 'app',
        ...(withFloor ? (['floor'] as const) : []),
      ] as const
      const order = Array.from({ length: samples }, (_, r) => rotatedOrder(sides, r))
      console.log(
        `  order: ${order.map((round) => round.join(' then ')).join(', ')} (BENCH_ORDER pins the first)`,
      )
      for (let i = 1; i <= samples; i++) {
        for (const side of order[i - 1]!) {
          if (side === 'floor') {
            const sample = await floorSample(ana.page, bo.page, cpu, size)
            floor.push(sample.mbps)
            floorWritten.push(sample.written)
            floorCpu.push(sample.cpuPerMb.all)
            continue
          }
          if (side === 'baseline') {
            const sample = await rawSample(ana.page, bo.page, cpu, size)
            raw.push(sample.mbps)
            rawCpu.push(sample.cpuPerMb.all)
            rawThreads.push(sample.cpuPerMb.threads)
            continue
          }
          const sample = await appSample(ana.page, bo.page, cdp, cpu, size, i)
          app.push(sample.mbps)
          appCpu.push(sample.cpuPerMb.all)
          appThreads.push(sample.cpuPerMb.threads)
          heaps.push(sample.heap)
          ends.push(sample.endToEnd)
        }
      }
      const ratio = median(app) / median(raw)
      const heap = Math.max(...heaps)
      const label = `${Math.round(size / 1024 / 1024)} MiB`
      console.log(
        `files (${label} A->B, ${MESSAGE_SIZE / 1024} KiB messages, median of ${samples})`,
      )
      console.log(
        `  app engine: ${median(app).toFixed(1)} MB/s (samples ${app.map((v) => v.toFixed(1)).join(', ')})`,
      )
      console.log(
        `  raw blast:  ${median(raw).toFixed(1)} MB/s (samples ${raw.map((v) => v.toFixed(1)).join(', ')})`,
      )
      console.log(
        `  ratio:      ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`,
      )
      if (!withFloor)
        console.log(
          `  work floor: not run (its File is made in the page, which holds at most 1 GiB)`,
        )
      else
        console.log(
          `  work floor: ${median(floor).toFixed(1)} MB/s (samples ${floor.map((v) => v.toFixed(1)).join(', ')}; to the last write done ${median(floorWritten).toFixed(1)} MB/s): the raw channel carrying the same File read and hashed by the app's reader worker and hashed and written to OPFS by its writer worker, no engine protocol; ${(median(floor) / median(raw)).toFixed(2)}x the raw blast, the most any engine doing the required work reaches here; the app is at ${(median(app) / median(floor)).toFixed(2)}x of it`,
        )
      console.log(
        `  machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} (the sender reads the File through the browser process, both sides hash SHA-256 in workers and the receiver writes OPFS: CPU the raw blast does not spend)`,
      )
      if (appCpu.length > 0 && rawCpu.length > 0) {
        const cores = cpus().length
        console.log(
          `  CPU per MB, all the browser's processes (CDP), over the idle call's ${idleCores.toFixed(2)} cores (both peers share these ${cores} cores): app ${median(appCpu).toFixed(0)} ms,${withFloor ? ` work floor ${median(floorCpu).toFixed(0)} ms,` : ''} raw ${median(rawCpu).toFixed(0)} ms; raw / app = ${(median(rawCpu) / median(appCpu)).toFixed(2)} (on saturated cores the rates' ratio tends to this)`,
        )
        console.log(
          `  cores the transfer keeps busy over the idle call (CPU per MB x MB/s): app ${((median(appCpu) * median(app)) / 1000).toFixed(2)}, raw ${((median(rawCpu) * median(raw)) / 1000).toFixed(2)} of ${cores}`,
        )
        if (HAS_PROC)
          console.log(
            `  where the app's extra CPU goes (/proc, both pages' renderers together; the sender's reader and the receiver's writer are "renderer DedicatedWorker", serving the File's bytes is the browser process's):\n${extraByThread(appThreads, rawThreads)}`,
          )
      }
      console.log(`  app Accept -> verified: ${median(ends).toFixed(1)} s`)
      console.log(
        `  receiver peak JS heap growth: ${(heap / 1024 / 1024).toFixed(1)} MiB (target < 64 MiB) ${heap < HEAP_LIMIT ? 'OK' : 'OVER'}`,
      )
    }
  } finally {
    await browser.close()
    await server.close()
    clearTimeout(deadline)
  }
}

await main()
