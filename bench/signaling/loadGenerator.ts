/**
 * Drives one server with N socket.io clients in rooms of 4: connect, join, then relay ICE
 * candidates to room mates at a fixed total rate, measuring delivery latency in-process.
 */
import { io as connect, type Socket } from 'socket.io-client'

export type LoadPhase = 'connected' | 'joined' | 'relayStart' | 'relayEnd'

export interface LoadOptions {
  url: string
  /** Distinguishes the rooms of several generator processes driving one server. */
  roomPrefix: string
  clients: number
  roomSize: number
  ratePerSecond: number
  durationMs: number
  /** Called between phases so the caller can sample the server's RSS and CPU. */
  onPhase(phase: LoadPhase): Promise<void>
}

export interface LoadResult {
  joinsPerSecond: number
  joinFailures: number
  sent: number
  delivered: number
  ackFailures: number
  latenciesMs: number[]
  achievedRate: number
  /** How late each message left against its schedule (ms): the generator's own delay. */
  sendLagsMs: number[]
  /** This process's CPU during the relay phase, % of one core. */
  cpuPercent: number
}

type Client = Socket

async function inBatches<T>(
  items: T[],
  size: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
}

function candidateLine(sentAt: number): string {
  // Shaped and sized like a real trickled candidate; the send time rides in the last field.
  return `candidate:842163049 1 udp 1677729535 198.51.100.7 49703 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag sK4w network-cost 999 t ${sentAt}`
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const clients: Client[] = []
  const ids: string[] = []
  const latencies: number[] = []
  let delivered = 0
  try {
    await inBatches(
      Array.from({ length: o.clients }, (_, i) => i),
      100,
      async (i) => {
        const socket = connect(o.url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        })
        clients[i] = socket
        await new Promise<void>((ok, fail) => {
          socket.once('connect', ok)
          socket.once('connect_error', fail)
        })
        socket.on('signal', (msg: { data: { candidate: { candidate: string } } }) => {
          const line = msg.data.candidate.candidate
          const sentAt = Number(line.slice(line.lastIndexOf(' ') + 1))
          latencies.push(performance.now() - sentAt)
          delivered++
        })
      },
    )
    await o.onPhase('connected')

    let joinFailures = 0
    const joinStart = performance.now()
    await inBatches(
      Array.from({ length: o.clients }, (_, i) => i),
      500,
      async (i) => {
        const room = `${o.roomPrefix}-${Math.floor(i / o.roomSize)}`
        const res = (await clients[i].emitWithAck('room:join', {
          room,
          name: `c${i}`,
          capacity: o.roomSize,
        })) as { ok: boolean; self?: { id: string } }
        if (res.ok && res.self) ids[i] = res.self.id
        else joinFailures++
      },
    )
    const joinsPerSecond = o.clients / ((performance.now() - joinStart) / 1000)
    await o.onPhase('joined')

    // Round-robin senders, each to the next mate in its room, paced against the wall clock.
    let sent = 0
    let ackFailures = 0
    let pending = 0
    const sendLags: number[] = []
    await o.onPhase('relayStart')
    const cpuAtStart = process.cpuUsage()
    const start = performance.now()
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - start
        const due = Math.min(
          Math.floor((elapsed / 1000) * o.ratePerSecond),
          Math.floor((o.durationMs / 1000) * o.ratePerSecond),
        )
        while (sent < due) {
          const i = sent % o.clients
          const base = i - (i % o.roomSize)
          const mate =
            base + ((i - base + 1 + (Math.floor(sent / o.clients) % (o.roomSize - 1))) % o.roomSize)
          sendLags.push(performance.now() - (start + (sent * 1000) / o.ratePerSecond))
          sent++
          if (mate >= o.clients || !ids[mate] || !ids[i]) continue
          pending++
          const data = {
            candidate: {
              candidate: candidateLine(performance.now()),
              sdpMid: '0',
              sdpMLineIndex: 0,
            },
          }
          clients[i].emit('signal', { to: ids[mate], data }, (res: { ok: boolean }) => {
            pending--
            if (!res.ok) ackFailures++
          })
        }
        if (elapsed >= o.durationMs) {
          clearInterval(timer)
          done()
        }
      }, 5)
    })
    const relayMs = performance.now() - start
    const achievedRate = sent / (relayMs / 1000)
    const cpu = process.cpuUsage(cpuAtStart)
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / relayMs) * 100
    // Let in-flight messages land, bounded so a broken server cannot hang the bench.
    const drainUntil = performance.now() + 5_000
    while ((pending > 0 || delivered < sent - ackFailures) && performance.now() < drainUntil) {
      await new Promise((r) => setTimeout(r, 20))
    }
    await o.onPhase('relayEnd')
    return {
      joinsPerSecond,
      joinFailures,
      sent,
      delivered,
      ackFailures,
      latenciesMs: latencies,
      achievedRate,
      sendLagsMs: sendLags,
      cpuPercent,
    }
  } finally {
    for (const c of clients) c?.close()
  }
}
