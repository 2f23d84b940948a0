/**
 * In-page parts of the files benchmark. Functions passed to page.evaluate are serialized, so
 * each is self-contained; the node tsconfig has no DOM library, so the browser shapes used are
 * declared here.
 */

interface Arrival {
  first: number
  last: number
  bytes: number
  channels: number
}

export interface ArrivalWindow {
  __benchArrival: Arrival
}

interface Listener {
  addEventListener(type: string, fn: (event: never) => void, options?: { once: boolean }): void
}

interface Channel extends Listener {
  label: string
  readyState: string
  binaryType: string
  bufferedAmount: number
  bufferedAmountLowThreshold: number
  send(data: Uint8Array): void
  close(): void
}

interface Description {
  toJSON(): unknown
}

interface PeerConnection extends Listener {
  iceGatheringState: string
  localDescription: Description
  createDataChannel(label: string, init: { ordered: boolean }): Channel
  setLocalDescription(): Promise<void>
  setRemoteDescription(description: unknown): Promise<void>
  close(): void
}

type PeerConnectionClass = new (...args: unknown[]) => PeerConnection

interface BenchWindow extends ArrivalWindow {
  performance: { now(): number }
  crypto: { getRandomValues(bytes: Uint8Array): void }
  RTCPeerConnection: PeerConnectionClass
  __benchCount: (data: { byteLength: number }) => void
  __raw?: { pc: PeerConnection; channel: Channel | null }
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown
  __benchFile?: unknown
  DataTransfer: new () => { items: { add(file: unknown): void } }
  DragEvent: new (type: string, init: Record<string, unknown>) => unknown
  dispatchEvent(event: unknown): void
}

/**
 * Init script: timestamps the first and last message of every bulk channel the page receives
 * (the app's) and of the raw baseline's channel, so both rates are measured the same way.
 */
export function installArrivalProbe(): void {
  const w = globalThis as unknown as BenchWindow
  w.__benchArrival = { first: 0, last: 0, bytes: 0, channels: 0 }
  w.__benchCount = (data) => {
    const now = w.performance.now()
    const a = w.__benchArrival
    if (a.first === 0) a.first = now
    a.last = now
    a.bytes += data.byteLength
  }
  const Original = w.RTCPeerConnection
  w.RTCPeerConnection = class extends Original {
    constructor(...args: unknown[]) {
      super(...args)
      this.addEventListener('datachannel', ({ channel }: { channel: Channel }) => {
        if (!channel.label.startsWith('moim-bulk:')) return
        w.__benchArrival.channels++
        channel.addEventListener('message', ({ data }: { data: { byteLength: number } }) =>
          w.__benchCount(data),
        )
      })
    }
  }
}

export function resetArrival(): void {
  const w = globalThis as unknown as BenchWindow
  w.__benchArrival = { first: 0, last: 0, bytes: 0, channels: 0 }
}

/** Makes the page's bench file: `size` bytes (a random 8 MiB block, repeated) in a File. */
export function makeFile({ name, size }: { name: string; size: number }): void {
  const w = globalThis as unknown as BenchWindow
  const block = new Uint8Array(8 * 1024 * 1024)
  for (let at = 0; at < block.length; at += 65536)
    w.crypto.getRandomValues(block.subarray(at, at + 65536))
  const parts: Uint8Array[] = []
  for (let left = size; left > 0; left -= block.length)
    parts.push(left >= block.length ? block : block.subarray(0, left))
  w.__benchFile = new w.File(parts, name, { type: 'application/octet-stream' })
}

/** Offers the page's bench file (makeFile) by dropping it on the call. */
export function dropFile(): void {
  const w = globalThis as unknown as BenchWindow
  const data = new w.DataTransfer()
  data.items.add(w.__benchFile)
  for (const type of ['dragenter', 'dragover', 'drop'])
    w.dispatchEvent(new w.DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
}

/** Raw baseline, either side: a bare RTCPeerConnection with one ordered, reliable channel. */
export function rawCreate(role: string): void {
  const w = globalThis as unknown as BenchWindow
  const pc = new w.RTCPeerConnection()
  w.__raw = { pc, channel: null }
  if (role === 'sender') {
    w.__raw.channel = pc.createDataChannel('raw-blast', { ordered: true })
  } else {
    pc.addEventListener('datachannel', ({ channel }: { channel: Channel }) => {
      channel.binaryType = 'arraybuffer'
      channel.addEventListener('message', ({ data }: { data: { byteLength: number } }) =>
        w.__benchCount(data),
      )
    })
  }
}

/** This side's description with every candidate in it (no trickle needed on loopback). */
export async function rawDescribe(remote: unknown): Promise<unknown> {
  const pc = (globalThis as unknown as BenchWindow).__raw!.pc
  if (remote) await pc.setRemoteDescription(remote)
  await pc.setLocalDescription()
  if (pc.iceGatheringState !== 'complete')
    await new Promise<void>((resolve) =>
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') resolve()
      }),
    )
  return pc.localDescription.toJSON()
}

export async function rawAnswer(answer: unknown): Promise<void> {
  await (globalThis as unknown as BenchWindow).__raw!.pc.setRemoteDescription(answer)
}

/**
 * Sends `size` bytes in `messageSize` messages as fast as the channel takes them, with the same
 * queue marks as the app's ChannelPort (wait above 4 MiB, resume at 1 MiB).
 */
export async function rawBlast({ size, messageSize }: { size: number; messageSize: number }) {
  const w = globalThis as unknown as BenchWindow
  const channel = w.__raw!.channel!
  if (channel.readyState !== 'open')
    await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }))
  channel.bufferedAmountLowThreshold = 1024 * 1024
  const message = new Uint8Array(messageSize)
  w.crypto.getRandomValues(message.subarray(0, 65536))
  let sent = 0
  while (sent < size) {
    if (channel.bufferedAmount > 4 * 1024 * 1024)
      await new Promise((resolve) =>
        channel.addEventListener('bufferedamountlow', resolve, { once: true }),
      )
    const n = Math.min(messageSize, size - sent)
    channel.send(n === messageSize ? message : message.subarray(0, n))
    sent += n
  }
}

export function rawClose(): void {
  const raw = (globalThis as unknown as BenchWindow).__raw
  raw?.channel?.close()
  raw?.pc.close()
}

/*
 * The work floor: the raw channel plus the work the issue asks of any transfer, done by the
 * app's own reader and writer workers (the File read as a stream and hashed on the sender,
 * each message hashed and written to OPFS on the receiver), without the engine's protocol:
 * no chunk headers, acknowledgements, window or progress. The app cannot beat this floor on
 * this machine; how far below it the app is, is what the engine costs.
 */

interface WorkerLike {
  postMessage(message: unknown, transfer?: unknown[]): void
  addEventListener(type: 'message', fn: (event: { data: WorkerAnswer }) => void): void
  terminate(): void
}

type WorkerAnswer =
  | { seq: number; ok: true; value?: unknown }
  | { seq: number; ok: false; name: string; message: string }

interface FloorWindow extends BenchWindow {
  Worker: new (url: string, options: { type: string }) => WorkerLike
  __floorDone?: Promise<{ sha256: string; writtenAt: number }>
}

/** Floor, receiver: a bare peer connection whose messages go to the app's writer worker. */
export function floorCreateReceiver({ writerUrl, size }: { writerUrl: string; size: number }) {
  const w = globalThis as unknown as FloorWindow
  const pc = new w.RTCPeerConnection()
  w.__raw = { pc, channel: null }
  const writer = new w.Worker(writerUrl, { type: 'module' })
  const area = 'moim-bench-floor'
  const instance = 'floor'
  let seq = 0
  let offset = 0
  let finishing = 0
  let wiping = 0
  w.__floorDone = new Promise((resolve, reject) => {
    writer.addEventListener('message', ({ data }) => {
      if (!data.ok) return reject(new Error(`floor writer: ${data.name}: ${data.message}`))
      if (data.seq === wiping) return writer.terminate()
      if (data.seq !== finishing) return
      const writtenAt = w.performance.now()
      wiping = ++seq
      writer.postMessage({ op: 'wipe', seq: wiping, area, instance })
      resolve({ sha256: String(data.value), writtenAt })
    })
  })
  writer.postMessage({ op: 'open', seq: ++seq, key: 'file', area, instance })
  pc.addEventListener('datachannel', ({ channel }: { channel: Channel }) => {
    channel.binaryType = 'arraybuffer'
    channel.addEventListener('message', ({ data }: { data: ArrayBuffer }) => {
      w.__benchCount(data)
      const at = offset
      // Counted before the buffer is transferred, which empties it here.
      offset += data.byteLength
      const write = { op: 'write', seq: ++seq, key: 'file', offset: at, frame: data, start: 0 }
      writer.postMessage(write, [data])
      if (offset >= size) {
        finishing = ++seq
        writer.postMessage({ op: 'finish', seq: finishing, key: 'file' })
      }
    })
  })
}

/** The receiver's hash and when its last write was done (its area is wiped after). */
export async function floorReceived(): Promise<{ sha256: string; writtenAt: number }> {
  return (globalThis as unknown as FloorWindow).__floorDone!
}

/**
 * Floor, sender: the page's bench file (makeFile), read and hashed by the app's reader
 * worker four reads ahead, each read sent as one message with the blast's queue marks. Resolves
 * to the sender's SHA-256 of the file.
 */
export async function floorSend({
  size,
  messageSize,
  readerUrl,
}: {
  size: number
  messageSize: number
  readerUrl: string
}): Promise<string> {
  const w = globalThis as unknown as FloorWindow
  const file = w.__benchFile
  const reader = new w.Worker(readerUrl, { type: 'module' })
  const waiting = new Map<number, [(value: unknown) => void, (error: Error) => void]>()
  reader.addEventListener('message', ({ data }) => {
    const entry = waiting.get(data.seq)
    waiting.delete(data.seq)
    if (data.ok) entry?.[0](data.value)
    else entry?.[1](new Error(`floor reader: ${data.name}: ${data.message}`))
  })
  let seq = 0
  // A member, not a variable: the bench's bundler names functions held by variables or object
  // literal keys with a helper that does not exist in the page.
  const io: { ask?: (request: Record<string, unknown>) => Promise<unknown> } = {}
  io.ask = (request) =>
    new Promise((resolve, reject) => {
      waiting.set(++seq, [resolve, reject])
      reader.postMessage({ ...request, seq, key: 'file' })
    })
  reader.postMessage({ op: 'open', key: 'file', file })
  try {
    const channel = w.__raw!.channel!
    if (channel.readyState !== 'open')
      await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }))
    channel.bufferedAmountLowThreshold = 1024 * 1024
    const ahead: Promise<unknown>[] = []
    let readAt = 0
    let sent = 0
    while (sent < size) {
      while (ahead.length < 4 && readAt < size) {
        const length = Math.min(messageSize, size - readAt)
        ahead.push(io.ask({ op: 'read', offset: readAt, length, headerLength: 0 }))
        readAt += length
      }
      const frame = (await ahead.shift()!) as Uint8Array
      if (channel.bufferedAmount > 4 * 1024 * 1024)
        await new Promise((resolve) =>
          channel.addEventListener('bufferedamountlow', resolve, { once: true }),
        )
      channel.send(frame)
      sent += frame.byteLength
    }
    return String(await io.ask({ op: 'digest' }))
  } finally {
    reader.terminate()
  }
}
