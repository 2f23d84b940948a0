/** In-memory MediaStream/MediaStreamTrack stand-ins for unit tests (node has no WebRTC). */
let nextId = 1
const uid = (prefix: string) => `${prefix}-${nextId++}`

type Listener = (event: { type: string; track?: FakeTrack }) => void

class FakeEventTarget {
  private readonly listeners = new Map<string, Set<Listener>>()

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type)
    if (!set) this.listeners.set(type, (set = new Set()))
    set.add(listener)
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener)
  }

  dispatch(type: string, extra: { track?: FakeTrack } = {}): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener({ type, ...extra })
  }

  listenerCount(): number {
    let n = 0
    for (const set of this.listeners.values()) n += set.size
    return n
  }
}

export class FakeTrack extends FakeEventTarget {
  readonly id: string
  enabled = true
  readyState: 'live' | 'ended' = 'live'
  contentHint = ''
  onended: (() => void) | null = null

  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId = '',
  ) {
    super()
    this.id = uid(kind)
  }

  stop(): void {
    this.readyState = 'ended'
  }

  /** What the browser does when the device goes away or the user ends a screen share. */
  end(): void {
    if (this.readyState === 'ended') return
    this.readyState = 'ended'
    this.onended?.()
    this.dispatch('ended')
  }

  getSettings(): { deviceId?: string } {
    return this.deviceId ? { deviceId: this.deviceId } : {}
  }

  /** Like browsers: same source, its own id and its own enabled flag. */
  clone(): FakeTrack {
    const copy = new FakeTrack(this.kind, this.deviceId)
    copy.enabled = this.enabled
    copy.readyState = this.readyState
    return copy
  }
}

export class FakeStream extends FakeEventTarget {
  readonly id: string
  private readonly tracks: FakeTrack[] = []

  constructor(tracks: FakeTrack[] = [], id?: string) {
    super()
    this.id = id ?? uid('stream')
    this.tracks.push(...tracks)
  }

  getTracks(): FakeTrack[] {
    return [...this.tracks]
  }

  getAudioTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'audio')
  }

  getVideoTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'video')
  }

  getTrackById(id: string): FakeTrack | null {
    return this.tracks.find((t) => t.id === id) ?? null
  }

  addTrack(track: FakeTrack): void {
    if (!this.tracks.includes(track)) this.tracks.push(track)
  }

  removeTrack(track: FakeTrack): void {
    const index = this.tracks.indexOf(track)
    if (index >= 0) this.tracks.splice(index, 1)
  }

  /** Remote side: the browser removed a track (the sender stopped sending). */
  removeTrackFromRemote(track: FakeTrack): void {
    if (!this.tracks.includes(track)) return
    this.removeTrack(track)
    this.dispatch('removetrack', { track })
  }
}

export const asTrack = (t: FakeTrack) => t as unknown as MediaStreamTrack
export const asStream = (s: FakeStream) => s as unknown as MediaStream
export const createFakeMediaStream = (tracks: MediaStreamTrack[]) =>
  asStream(new FakeStream(tracks as unknown as FakeTrack[]))
