/**
 * The baseline: a bare RTCDataChannel between the same two pages (their own RTCPeerConnection,
 * signalled through the bench, no app code), timing echo round trips under the same load.
 */
import type { Page } from 'playwright-core'

interface RawWindow {
  __raw: {
    pc: unknown
    channel: unknown
  }
  __rawOffer: () => Promise<unknown>
  __rawAnswer: (offer: unknown) => Promise<unknown>
  __rawConnect: (answer: unknown) => Promise<void>
  __rawPing: (count: number, gapMs: number) => Promise<number[]>
  __rawDrawOn: () => void
  __rawDrawSend: (count: number) => Promise<void>
  __rawDrawn: () => number[]
}

const SETUP = `(() => {
  const gathered = (pc) =>
    new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve()
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') resolve()
      })
    })
  window.__raw = { pc: null, channel: null }
  window.__rawOffer = async () => {
    const pc = new RTCPeerConnection()
    const channel = pc.createDataChannel('raw-bench', { ordered: true })
    channel.binaryType = 'arraybuffer'
    window.__raw = { pc, channel }
    await pc.setLocalDescription()
    await gathered(pc)
    return pc.localDescription.toJSON()
  }
  window.__rawAnswer = async (offer) => {
    const pc = new RTCPeerConnection()
    pc.ondatachannel = (event) => {
      const channel = event.channel
      channel.binaryType = 'arraybuffer'
      channel.onmessage = (message) => channel.send(message.data)
      window.__raw.channel = channel
    }
    window.__raw = { pc, channel: null }
    await pc.setRemoteDescription(offer)
    await pc.setLocalDescription()
    await gathered(pc)
    return pc.localDescription.toJSON()
  }
  window.__rawConnect = async (answer) => {
    const { pc, channel } = window.__raw
    await pc.setRemoteDescription(answer)
    if (channel.readyState !== 'open')
      await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }))
  }
  window.__rawPing = async (count, gapMs) => {
    const channel = window.__raw.channel
    const rtts = []
    const payload = new Uint8Array(9)
    for (let i = 0; i < count; i++) {
      const started = performance.now()
      await new Promise((resolve) => {
        channel.onmessage = resolve
        channel.send(payload)
      })
      rtts.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, gapMs))
    }
    return rtts
  }
  const now = () => performance.timeOrigin + performance.now()
  // The floor for stroke latency: A sends a point in its animation frame (as the app's pointer
  // input arrives), B draws it on a plain canvas in its next frame and notes the time after
  // that frame's animation callbacks (as the whiteboard probe does).
  window.__rawDrawOn = () => {
    if (window.__rawLatencies) return
    const canvas = document.createElement('canvas')
    canvas.width = 8
    canvas.height = 8
    canvas.style.cssText = 'position:fixed;left:0;top:0;width:8px;height:8px;z-index:99999'
    document.body.append(canvas)
    const ctx = canvas.getContext('2d')
    const latencies = (window.__rawLatencies = [])
    const after = new MessageChannel()
    let drawn = []
    after.port1.onmessage = () => {
      const t = now()
      for (const sentAt of drawn) latencies.push(t - sentAt)
      drawn = []
    }
    let pending = []
    let scheduled = false
    const channel = window.__raw.channel
    const echo = channel.onmessage
    channel.onmessage = (message) => {
      if (message.data.byteLength !== 8) return echo(message)
      pending.push(new Float64Array(message.data)[0])
      if (scheduled) return
      scheduled = true
      requestAnimationFrame(() => {
        scheduled = false
        ctx.fillStyle = latencies.length % 2 ? '#000' : '#444'
        ctx.fillRect(0, 0, 8, 8)
        drawn = pending
        pending = []
        after.port2.postMessage(0)
      })
    }
  }
  window.__rawDrawSend = (count) =>
    new Promise((resolve) => {
      let sent = 0
      const frame = () => {
        window.__raw.channel.send(new Float64Array([now()]))
        if (++sent < count) requestAnimationFrame(frame)
        else resolve()
      }
      requestAnimationFrame(frame)
    })
  window.__rawDrawn = () => window.__rawLatencies ?? []
})()`

export async function connectRawChannel(a: Page, b: Page): Promise<void> {
  await a.evaluate(SETUP)
  await b.evaluate(SETUP)
  const offer = await a.evaluate(() => (globalThis as unknown as RawWindow).__rawOffer())
  const answer = await b.evaluate((o) => (globalThis as unknown as RawWindow).__rawAnswer(o), offer)
  await a.evaluate((ans) => (globalThis as unknown as RawWindow).__rawConnect(ans), answer)
}

/** Round trips (ms) of a 9-byte message echoed by the other page, one every `gapMs`. */
export async function pingRawChannel(a: Page, count: number, gapMs: number): Promise<number[]> {
  return a.evaluate(([n, gap]) => (globalThis as unknown as RawWindow).__rawPing(n, gap), [
    count,
    gapMs,
  ] as const)
}

/**
 * The floor under stroke latency in these pages: a point sent over the bare channel in A's
 * frame and drawn on a plain canvas in B's next frame (ms, from send to drawn), `count` points.
 * B still echoes pings (9 bytes) afterwards; returns every point drawn so far.
 */
export async function rawDrawLatency(a: Page, b: Page, count: number): Promise<number[]> {
  await b.evaluate(() => (globalThis as unknown as RawWindow).__rawDrawOn())
  const before = await b.evaluate(() => (globalThis as unknown as RawWindow).__rawDrawn().length)
  await a.evaluate((n) => (globalThis as unknown as RawWindow).__rawDrawSend(n), count)
  await b.waitForFunction(
    (n) => (globalThis as unknown as RawWindow).__rawDrawn().length >= n,
    before + count,
    { timeout: 10_000 },
  )
  return b.evaluate(() => (globalThis as unknown as RawWindow).__rawDrawn())
}
