/**
 * Own screen shares: capture, the browser's "Stop sharing" (track ended), stop from the app.
 * Writes local.screenShares; the call side adds/removes the streams on the mesh.
 */
import type { MediaDevicesLike } from '../media/localMedia'
import { classifyMediaError, describeMediaError } from '../media/mediaErrors'
import { captureScreen } from '../media/screenCapture'
import type { CallError, CallStore } from '../store/callStore'
import type { ScreenShareOptions } from './types'

/** Most screen shares one person may run at once (the media message allows 4). */
export const MAX_SCREEN_SHARES = 2

export interface ScreenShareDeps {
  store: CallStore
  mediaDevices: MediaDevicesLike | undefined
  onStarted: (stream: MediaStream) => void
  /** announce=false when the whole call is ending and nobody needs to hear about it. */
  onStopped: (streamId: string, announce: boolean) => void
  onError: (error: CallError) => void
}

export class ScreenShareController {
  private readonly deps: ScreenShareDeps
  private readonly shares = new Map<string, { stream: MediaStream; onEnded: () => void }>()

  constructor(deps: ScreenShareDeps) {
    this.deps = deps
  }

  get ids(): string[] {
    return [...this.shares.keys()]
  }

  get streams(): MediaStream[] {
    return [...this.shares.values()].map((s) => s.stream)
  }

  /**
   * Opens the picker and starts sharing. stillWanted() is checked after the picker closes,
   * since the call may have ended while it was open.
   */
  async start(options: ScreenShareOptions, stillWanted: () => boolean): Promise<void> {
    if (this.shares.size >= MAX_SCREEN_SHARES) return
    let stream: MediaStream
    try {
      stream = await captureScreen(this.deps.mediaDevices, options.quality, options.audio)
    } catch (error) {
      const kind = classifyMediaError(error)
      // Closing the picker is a choice, not an error.
      if (kind === 'denied') return
      this.deps.onError({
        code: 'SCREEN_SHARE_FAILED',
        message: describeMediaError('screen', kind),
        params: { kind },
      })
      return
    }
    if (!stillWanted()) {
      for (const track of stream.getTracks()) track.stop()
      return
    }
    const id = stream.id
    // The browser's "Stop sharing" bar or a closed window ends the track.
    const onEnded = () => this.stop(id, true)
    for (const track of stream.getTracks()) track.addEventListener('ended', onEnded)
    this.shares.set(id, { stream, onEnded })
    this.deps.store.setState((s) => ({
      local: { ...s.local, screenShares: [...s.local.screenShares, { id, stream }] },
    }))
    this.deps.onStarted(stream)
  }

  stop(id: string, announce: boolean): void {
    const entry = this.shares.get(id)
    if (!entry) return
    this.shares.delete(id)
    for (const track of entry.stream.getTracks()) {
      track.removeEventListener('ended', entry.onEnded)
      track.stop()
    }
    this.deps.store.setState((s) => ({
      local: { ...s.local, screenShares: s.local.screenShares.filter((share) => share.id !== id) },
    }))
    this.deps.onStopped(id, announce)
  }

  stopAll(announce: boolean): void {
    for (const id of this.ids) this.stop(id, announce)
  }
}
