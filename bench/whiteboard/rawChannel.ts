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
    const payload = new Uint8Array(8)
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
})()`

export async function connectRawChannel(a: Page, b: Page): Promise<void> {
  await a.evaluate(SETUP)
  await b.evaluate(SETUP)
  const offer = await a.evaluate(() => (globalThis as unknown as RawWindow).__rawOffer())
  const answer = await b.evaluate((o) => (globalThis as unknown as RawWindow).__rawAnswer(o), offer)
  await a.evaluate((ans) => (globalThis as unknown as RawWindow).__rawConnect(ans), answer)
}

/** Round trips (ms) of an 8-byte message echoed by the other page, one every `gapMs`. */
export async function pingRawChannel(a: Page, count: number, gapMs: number): Promise<number[]> {
  return a.evaluate(([n, gap]) => (globalThis as unknown as RawWindow).__rawPing(n, gap), [
    count,
    gapMs,
  ] as const)
}
