/**
 * In-page instruments for the whiteboard bench, installed with context.addInitScript before the
 * app loads (a string: the node tsconfig has no DOM library). They count what the app sends on
 * its control channel for the whiteboard, note when a late joiner asks for the board and when
 * the snapshot's last ops frame arrives, record pointer positions as the page sees them, and watch the board's
 * canvas for ink at given points (checked after each frame's animation callbacks, so a stroke
 * painted in a frame is seen in that frame).
 */
export const WB_PROBE_SCRIPT = `(() => {
  const stats = (window.__wb = {
    binaryBytes: 0,
    jsonBytes: 0,
    points: 0,
    snapshotRequestAt: null,
    opsDoneAt: null,
    pictureAt: null,
    pictureBytes: 0,
    pictureSent: [],
    snapshotAskedAt: null,
    boardOpenedAt: null,
    opsSent: [],
    opsHandled: [],
    pointer: [],
    sentAt: [],
    arrivedAt: [],
    frames: [],
    watch: [],
    seen: [],
    showTarget: null,
    shownAt: null,
  })
  const encoder = new TextEncoder()
  const now = () => performance.timeOrigin + performance.now()
  const send = RTCDataChannel.prototype.send
  RTCDataChannel.prototype.send = function (data) {
    if (this.label === 'moim') {
      if (typeof data === 'string') {
        if (data.startsWith('{"type":"wb-stroke')) {
          stats.jsonBytes += encoder.encode(data).length
          if (data.startsWith('{"type":"wb-stroke-end"')) stats.points += JSON.parse(data).count
        }
        if (data.startsWith('{"type":"wb-snapshot-request"') && stats.snapshotRequestAt === null)
          stats.snapshotRequestAt = now()
      } else {
        const view = ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data)
        if (view[0] === 0x57) {
          stats.binaryBytes += view.byteLength
          stats.sentAt.push(now())
        }
        if (view[0] === 0x58 && (view[1] & 1) === 1) stats.opsSent.push(now())
        if (view[0] === 0x50) stats.pictureSent.push(now())
      }
    }
    return send.call(this, data)
  }
  const onmessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage')
  Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
    configurable: true,
    get() {
      return onmessage.get.call(this)
    },
    set(handler) {
      const wrapped = handler && function (event) {
        const data = event.data
        if (this.label === 'moim' && typeof data === 'string' && data.startsWith('{"type":"wb-snapshot-request"'))
          stats.snapshotAskedAt ??= now()
        if (this.label === 'moim' && data instanceof ArrayBuffer && data.byteLength > 1 && new Uint8Array(data)[0] === 0x58) {
          const arrived = now()
          const result = handler.call(this, event)
          // Flags 3: the snapshot's last page.
          stats.opsHandled.push([arrived, now(), data.byteLength])
          if (new Uint8Array(data)[1] === 3 && stats.snapshotRequestAt !== null && stats.opsDoneAt === null)
            stats.opsDoneAt = arrived
          return result
        }
        if (this.label === 'moim' && data instanceof ArrayBuffer && data.byteLength > 1) {
          const head = new Uint8Array(data, 0, 2)
          if (head[0] === 0x57) stats.arrivedAt.push(now())
          // A board picture's page (the last one completes it).
          if (head[0] === 0x50) {
            stats.pictureBytes += data.byteLength
            stats.pictureAt = now()
          }
        }
        return handler.call(this, event)
      }
      onmessage.set.call(this, wrapped)
    },
  })
  addEventListener(
    'pointermove',
    (event) => {
      if (event.buttons && event.isTrusted) stats.pointer.push([event.clientX, event.clientY, now()])
    },
    true,
  )
  // Capture phase: the click's time, before the app's handler opens (and draws) the board.
  addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null
      const name = button ? (button.getAttribute('aria-label') ?? button.textContent ?? '') : ''
      if (/whiteboard/i.test(name)) stats.boardOpenedAt ??= now()
    },
    true,
  )
  const after = new MessageChannel()
  after.port1.onmessage = () => {
    const canvas = document.querySelector('canvas.wb-canvas')
    if (!canvas || canvas.width < 2) return
    const ctx = canvas.getContext('2d')
    const inked = (fx, fy) => {
      const x = Math.min(canvas.width - 1, Math.round(fx * canvas.width))
      const y = Math.min(canvas.height - 1, Math.round(fy * canvas.height))
      return ctx.getImageData(x, y, 1, 1).data[3] > 64
    }
    const t = now()
    // Points appear in order: look a little ahead of the first one not seen yet.
    let checked = 0
    for (let i = 0; i < stats.watch.length && checked < 24; i++) {
      if (stats.seen[i] !== null) continue
      checked++
      if (inked(stats.watch[i][0], stats.watch[i][1])) stats.seen[i] = t
    }
    const target = stats.showTarget ?? window.__wbShowTarget ?? null
    if (target && stats.shownAt === null && inked(target[0], target[1])) stats.shownAt = t
  }
  const frame = (time) => {
    if (stats.frames.length < 5000) stats.frames.push(time)
    after.port2.postMessage(0)
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
  window.__wbWatch = (points) => {
    stats.watch = points
    stats.seen = points.map(() => null)
  }
})()`

/** What the probe keeps in the page (window.__wb). */
export interface WbStats {
  binaryBytes: number
  jsonBytes: number
  points: number
  snapshotRequestAt: number | null
  opsDoneAt: number | null
  /** Joiner: when the last board picture page arrived, and the bytes of all its pages. */
  pictureAt: number | null
  pictureBytes: number
  /** Host: when each board picture page was handed to the channel. */
  pictureSent: number[]
  /** Host: when the snapshot request arrived; when each page of it was handed to the channel. */
  snapshotAskedAt: number | null
  /** When the user clicked Whiteboard (opening the board). */
  boardOpenedAt: number | null
  opsSent: number[]
  /** Joiner: each ops page's [arrived, handled, bytes] (epoch ms). */
  opsHandled: [number, number, number][]
  /** [clientX, clientY, epoch ms] of each pointermove with a button down. */
  pointer: [number, number, number][]
  /** When each points frame was handed to the channel (A), and arrived (B), epoch ms. */
  sentAt: number[]
  arrivedAt: number[]
  /** requestAnimationFrame timestamps (ms, page clock): how often the page renders. */
  frames: number[]
  watch: [number, number][]
  seen: (number | null)[]
  showTarget: [number, number] | null
  shownAt: number | null
}

export interface WbProbeWindow {
  __wb: WbStats
  __wbWatch: (points: [number, number][]) => void
}
