/**
 * Where join time goes: an init script records, with Date.now(), the milestones of every
 * RTCPeerConnection a page makes (WebRTC itself stays real; the subclass only notes times) and
 * the page's long main-thread tasks. The bench reads them back after a sample and prints the
 * median time of each milestone since the click, for the newcomer and for the members answering.
 */

export type Milestone =
  | 'created'
  | 'offer-set'
  | 'remote-offer-in'
  | 'remote-offer'
  | 'answer-set'
  | 'answer-received'
  | 'remote-answer-in'
  | 'remote-answer'
  | 'ice-connected'
  | 'connected'
  | 'video-track'

export interface TraceEntry {
  pc: number
  milestone: Milestone
  at: number
}

export interface TraceWindow {
  __joinTrace: TraceEntry[]
  __longTasks: { start: number; ms: number }[]
}

export function installJoinTrace(): void {
  const scope = globalThis as unknown as TraceWindow & {
    RTCPeerConnection: new (config?: unknown) => TracedPc
    PerformanceObserver: new (cb: (list: { getEntries: () => LongTask[] }) => void) => {
      observe: (o: { type: string; buffered?: boolean }) => void
    }
    performance: { timeOrigin: number }
  }
  interface LongTask {
    startTime: number
    duration: number
  }
  interface TracedPc {
    addEventListener: (type: string, cb: (e: { track?: { kind: string } }) => void) => void
    iceConnectionState: string
    connectionState: string
    setLocalDescription: (d?: unknown) => Promise<void>
    setRemoteDescription: (d: { type: string }) => Promise<void>
    localDescription: { type: string } | null
  }
  scope.__joinTrace = []
  scope.__longTasks = []
  try {
    new scope.PerformanceObserver((list) => {
      for (const e of list.getEntries())
        scope.__longTasks.push({
          start: scope.performance.timeOrigin + e.startTime,
          ms: e.duration,
        })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long-task timing in this browser: the report simply leaves it out.
  }
  // When an answer reaches the page over the signaling websocket, before any handler runs
  // (engine.io listens through the onmessage property).
  const wsProto = (globalThis as unknown as { WebSocket: { prototype: object } }).WebSocket
    .prototype
  const onmessage = Object.getOwnPropertyDescriptor(wsProto, 'onmessage')
  if (onmessage?.set) {
    const set = onmessage.set
    Object.defineProperty(wsProto, 'onmessage', {
      ...onmessage,
      set(this: unknown, handler: ((e: { data: unknown }) => void) | null) {
        set.call(
          this,
          handler &&
            ((e: { data: unknown }) => {
              if (typeof e.data === 'string' && e.data.includes('"answer"'))
                scope.__joinTrace.push({ pc: -1, milestone: 'answer-received', at: Date.now() })
              handler(e)
            }),
        )
      },
    })
  }
  const Native = scope.RTCPeerConnection as unknown as new (config?: unknown) => TracedPc
  let next = 0
  // A Proxy rather than a subclass: tsx wraps classes in a helper the page does not have.
  const traced = new Proxy(Native, {
    construct(target, args: unknown[]) {
      const pc = Reflect.construct(target, args) as TracedPc
      const id = next++
      const note = (milestone: Milestone) =>
        scope.__joinTrace.push({ pc: id, milestone, at: Date.now() })
      note('created')
      pc.addEventListener('iceconnectionstatechange', () => {
        if (pc.iceConnectionState === 'connected') note('ice-connected')
      })
      pc.addEventListener('connectionstatechange', () => {
        if (pc.connectionState === 'connected') note('connected')
      })
      pc.addEventListener('track', (e) => {
        if (e.track?.kind === 'video') note('video-track')
      })
      const setLocal = pc.setLocalDescription.bind(pc)
      pc.setLocalDescription = async (d?: unknown) => {
        await setLocal(d)
        note(pc.localDescription?.type === 'offer' ? 'offer-set' : 'answer-set')
      }
      const setRemote = pc.setRemoteDescription.bind(pc)
      pc.setRemoteDescription = async (d: { type: string }) => {
        note(d.type === 'offer' ? 'remote-offer-in' : 'remote-answer-in')
        await setRemote(d)
        note(d.type === 'offer' ? 'remote-offer' : 'remote-answer')
      }
      return pc as object
    },
  })
  scope.RTCPeerConnection = traced
}

const ORDER: Milestone[] = [
  'created',
  'offer-set',
  'remote-offer-in',
  'remote-offer',
  'answer-set',
  'answer-received',
  'remote-answer-in',
  'remote-answer',
  'ice-connected',
  'connected',
  'video-track',
]

/**
 * The latest time of each milestone across the connections made since `since` (the slowest
 * link is the one the user waits for), in ms after `since`.
 */
export function milestoneTimes(
  entries: TraceEntry[],
  since: number,
): Partial<Record<Milestone, number>> {
  const out: Partial<Record<Milestone, number>> = {}
  for (const e of entries) {
    if (e.at < since) continue
    const ms = e.at - since
    out[e.milestone] = Math.max(out[e.milestone] ?? 0, ms)
  }
  return out
}

/** Long main-thread tasks that began inside [since, until]: their count and total time. */
export function longTaskTotal(
  tasks: { start: number; ms: number }[],
  since: number,
  until: number,
): { count: number; ms: number } {
  const inside = tasks.filter((t) => t.start >= since && t.start <= until)
  return { count: inside.length, ms: inside.reduce((sum, t) => sum + t.ms, 0) }
}

/** "created 12, offer-set 40, ..." from per-sample milestone times (median of each). */
export function formatMilestones(samples: Partial<Record<Milestone, number>>[]): string {
  return ORDER.flatMap((m) => {
    const values = samples.map((s) => s[m]).filter((v): v is number => v !== undefined)
    if (values.length === 0) return []
    const sorted = values.sort((a, b) => a - b)
    return [`${m} ${sorted[Math.floor(sorted.length / 2)].toFixed(0)}`]
  }).join(', ')
}

/**
 * installJoinTrace as an init script. tsx names closures with an `__name` helper that only
 * exists in Node, so the page gets a stand-in first.
 */
export const JOIN_TRACE_SCRIPT = {
  content: `var __name = (f) => f;\n(${installJoinTrace.toString()})()`,
}
