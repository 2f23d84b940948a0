/** navigator.mediaDevices stand-in: scripted devices and failures. */
import type { MediaDevicesLike } from '../../media/localMedia'
import { FakeStream, FakeTrack } from '../../rtc/testing/fakeMedia'

export class FakeMediaDevices {
  /** Error name to throw for a kind, e.g. { video: 'NotReadableError' }. */
  failures: Partial<Record<'audio' | 'video' | 'display', string>> = {}
  readonly cameras = ['cam-1', 'cam-2']
  readonly microphones = ['mic-1', 'mic-2']
  readonly calls: MediaStreamConstraints[] = []
  readonly issued: FakeTrack[] = []
  private readonly listeners = new Set<() => void>()

  async getUserMedia(constraints: MediaStreamConstraints): Promise<FakeStream> {
    this.calls.push(constraints)
    await Promise.resolve()
    const tracks: FakeTrack[] = []
    for (const kind of ['audio', 'video'] as const) {
      const c = constraints[kind]
      if (!c) continue
      const failure = this.failures[kind]
      if (failure) throw Object.assign(new Error(failure), { name: failure })
      const wanted =
        typeof c === 'object' ? (c.deviceId as { exact?: string } | undefined)?.exact : undefined
      const list = kind === 'audio' ? this.microphones : this.cameras
      if (wanted && !list.includes(wanted))
        throw Object.assign(new Error('gone'), { name: 'OverconstrainedError' })
      tracks.push(new FakeTrack(kind, wanted ?? list[0]))
    }
    this.issued.push(...tracks)
    return new FakeStream(tracks)
  }

  async getDisplayMedia(constraints: DisplayMediaStreamOptions): Promise<FakeStream> {
    this.calls.push(constraints as MediaStreamConstraints)
    await Promise.resolve()
    const failure = this.failures.display
    if (failure) throw Object.assign(new Error(failure), { name: failure })
    const track = new FakeTrack('video', 'screen:0')
    this.issued.push(track)
    return new FakeStream([track])
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    const info = (kind: MediaDeviceKind, deviceId: string) =>
      ({ kind, deviceId, label: deviceId.toUpperCase(), groupId: '' }) as MediaDeviceInfo
    return [
      ...this.cameras.map((id) => info('videoinput', id)),
      ...this.microphones.map((id) => info('audioinput', id)),
      info('audiooutput', 'default'),
    ]
  }

  addEventListener(_type: string, listener: () => void): void {
    this.listeners.add(listener)
  }

  removeEventListener(_type: string, listener: () => void): void {
    this.listeners.delete(listener)
  }

  fireDeviceChange(): void {
    for (const l of this.listeners) l()
  }

  get liveTracks(): FakeTrack[] {
    return this.issued.filter((t) => t.readyState === 'live')
  }

  asMediaDevices(): MediaDevicesLike {
    return this as unknown as MediaDevicesLike
  }
}
