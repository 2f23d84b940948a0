/**
 * Owns the local camera and microphone: preview, device choice, on/off. Writes the `local`
 * slice of callStore and tells the call side when an outgoing track changes.
 *
 * Camera off stops the hardware (the light goes out) and sends no track; camera on opens it
 * again. Mute keeps the microphone open with track.enabled = false so unmuting is instant.
 */
import {
  acquireUserMedia,
  listDevices,
  watchDevices,
  type AcquireResult,
  type MediaDevicesLike,
} from '../media/localMedia'
import type { AudioProcessing } from '../media/audioSettings'
import type { CallStore, LocalMediaState, MediaErrorInfo } from '../store/callStore'
import type { MediaKind } from '../rtc/peerLink'

export interface LocalMediaDeps {
  store: CallStore
  mediaDevices: MediaDevicesLike | undefined
  createMediaStream: (tracks: MediaStreamTrack[]) => MediaStream
  /** An outgoing track changed (new device, camera on/off, device unplugged). */
  onTrackChange: (kind: MediaKind, track: MediaStreamTrack | null) => void
  /** Enabled flags changed: the call side re-announces its media state. */
  onStateChange: () => void
  /** The microphone processing to open it with (audio settings); all on when absent. */
  audioProcessing?: () => AudioProcessing
}

export class LocalMediaController {
  private readonly deps: LocalMediaDeps
  private tracks: Record<MediaKind, MediaStreamTrack | null> = { audio: null, video: null }
  private containerStream: MediaStream | null = null
  private stopWatching: (() => void) | null = null
  private previewing = false
  private busy: Promise<void> = Promise.resolve()

  constructor(deps: LocalMediaDeps) {
    this.deps = deps
  }

  /**
   * Stable container whose id is announced as cameraStreamId for the whole session. Created on
   * first use so importing the session never touches WebRTC globals.
   */
  get container(): MediaStream {
    this.containerStream ??= this.deps.createMediaStream([])
    return this.containerStream
  }

  get audioTrack(): MediaStreamTrack | null {
    return this.tracks.audio
  }

  get videoTrack(): MediaStreamTrack | null {
    return this.tracks.video
  }

  get state(): LocalMediaState {
    return this.deps.store.getState().local
  }

  /** What we actually send: intent and a live track. */
  get sending(): { audio: boolean; video: boolean } {
    const local = this.state
    return {
      audio: local.audioEnabled && !!this.tracks.audio,
      video: local.videoEnabled && !!this.tracks.video,
    }
  }

  startPreview(): Promise<void> {
    return this.serialize(async () => {
      if (!this.stopWatching) {
        this.stopWatching = watchDevices(this.deps.mediaDevices, () => void this.refreshDevices())
      }
      this.previewing = true
      const local = this.state
      const wantAudio = local.audioEnabled && !this.tracks.audio
      const wantVideo = local.videoEnabled && !this.tracks.video
      if (wantAudio || wantVideo) {
        this.patch({ acquiring: true })
        const result = await acquireUserMedia(this.deps.mediaDevices, {
          audio: wantAudio,
          video: wantVideo,
          microphoneId: local.microphoneId,
          cameraId: local.cameraId,
          processing: this.deps.audioProcessing?.(),
        })
        if (!this.previewing) {
          // stopPreview() ran while the prompt was open: don't leave a camera running.
          result.audio?.stop()
          result.video?.stop()
          this.patch({ acquiring: false })
          return
        }
        this.applyAcquired(result, wantAudio, wantVideo)
      }
      await this.refreshDevices()
    })
  }

  /** Releases the devices (lobby closed without joining, or the app is shutting down). */
  stopPreview(): void {
    this.previewing = false
    this.stopWatching?.()
    this.stopWatching = null
    for (const kind of ['audio', 'video'] as const) this.setTrack(kind, null)
    this.publish()
  }

  toggleAudio(): Promise<void> {
    return this.serialize(async () => {
      const local = this.state
      if (local.audioEnabled) {
        if (this.tracks.audio) this.tracks.audio.enabled = false
        this.patch({ audioEnabled: false })
      } else if (this.tracks.audio) {
        this.tracks.audio.enabled = true
        this.patch({ audioEnabled: true, error: this.clearedError('microphone') })
      } else {
        const result = await acquireUserMedia(this.deps.mediaDevices, {
          audio: true,
          video: false,
          microphoneId: local.microphoneId,
          processing: this.deps.audioProcessing?.(),
        })
        this.applyAcquired(result, true, false)
        await this.refreshDevices()
      }
      this.deps.onStateChange()
    })
  }

  toggleVideo(): Promise<void> {
    return this.serialize(async () => {
      const local = this.state
      if (local.videoEnabled) {
        this.setTrack('video', null)
        this.patch({ videoEnabled: false })
        this.publish()
      } else {
        const result = await acquireUserMedia(this.deps.mediaDevices, {
          audio: false,
          video: true,
          cameraId: local.cameraId,
        })
        this.applyAcquired(result, false, true)
        await this.refreshDevices()
      }
      this.deps.onStateChange()
    })
  }

  /** Mutes or unmutes (push-to-talk); unlike toggleAudio it never opens a closed microphone. */
  setAudioEnabled(enabled: boolean): Promise<void> {
    return this.serialize(async () => {
      const track = this.tracks.audio
      if (!track || this.state.audioEnabled === enabled) return
      track.enabled = enabled
      this.patch({ audioEnabled: enabled })
      this.deps.onStateChange()
    })
  }

  /**
   * Reopens an open microphone with the processing now in the settings: browsers fix echo
   * cancellation and noise suppression when the track is created.
   */
  reopenMicrophone(): Promise<void> {
    return this.serialize(async () => {
      if (!this.tracks.audio) return
      const result = await acquireUserMedia(this.deps.mediaDevices, {
        audio: true,
        video: false,
        microphoneId: this.state.microphoneId,
        processing: this.deps.audioProcessing?.(),
      })
      if (!result.audio) {
        this.patch({ error: result.error })
        return
      }
      result.audio.enabled = this.state.audioEnabled
      this.setTrack('audio', result.audio)
      this.publish()
    })
  }

  setCamera(deviceId: string): Promise<void> {
    return this.serialize(() => this.switchDevice('video', deviceId))
  }

  setMicrophone(deviceId: string): Promise<void> {
    return this.serialize(() => this.switchDevice('audio', deviceId))
  }

  dispose(): void {
    this.stopPreview()
  }

  private async switchDevice(kind: MediaKind, deviceId: string): Promise<void> {
    const idKey = kind === 'video' ? 'cameraId' : 'microphoneId'
    const enabledKey = kind === 'video' ? 'videoEnabled' : 'audioEnabled'
    if (this.state[idKey] === deviceId && this.tracks[kind]) return
    this.patch({ [idKey]: deviceId })
    // A muted microphone is still open (muted != off); a camera that is off stays off.
    if (kind === 'video' && !this.state.videoEnabled) return
    if (kind === 'audio' && !this.tracks.audio && !this.state.audioEnabled) return
    const request =
      kind === 'video'
        ? { audio: false, video: true, cameraId: deviceId }
        : {
            audio: true,
            video: false,
            microphoneId: deviceId,
            processing: this.deps.audioProcessing?.(),
          }
    let result = await acquireUserMedia(this.deps.mediaDevices, request)
    if (result.error?.kind === 'busy' && this.tracks[kind]) {
      // Some drivers allow one open camera at a time: release the old one and try again.
      this.setTrack(kind, null)
      result = await acquireUserMedia(this.deps.mediaDevices, request)
    }
    const track = result[kind]
    if (!track) {
      this.patch({ error: result.error })
      this.publish()
      return
    }
    if (kind === 'audio') track.enabled = this.state.audioEnabled
    this.setTrack(kind, track)
    this.patch({ [enabledKey]: kind === 'video' ? true : this.state.audioEnabled, error: null })
    this.publish()
  }

  private applyAcquired(result: AcquireResult, wantedAudio: boolean, wantedVideo: boolean): void {
    const patch: Partial<LocalMediaState> = { acquiring: false, error: result.error }
    if (wantedAudio) {
      if (result.audio) this.setTrack('audio', result.audio)
      // No microphone: show as muted so the toggle offers to try again.
      patch.audioEnabled = !!result.audio
    }
    if (wantedVideo) {
      if (result.video) this.setTrack('video', result.video)
      patch.videoEnabled = !!result.video
    }
    if (this.tracks.audio) this.tracks.audio.enabled = patch.audioEnabled ?? this.state.audioEnabled
    this.patch(patch)
    this.publish()
  }

  private setTrack(kind: MediaKind, track: MediaStreamTrack | null): void {
    const old = this.tracks[kind]
    if (old === track) return
    if (old) {
      old.onended = null
      old.stop()
      this.container.removeTrack(old)
    }
    this.tracks[kind] = track
    if (track) {
      this.container.addTrack(track)
      // Unplugged device or revoked permission: behave as if the user turned it off.
      track.onended = () => {
        if (this.tracks[kind] !== track) return
        this.setTrack(kind, null)
        this.patch(kind === 'video' ? { videoEnabled: false } : { audioEnabled: false })
        this.publish()
        this.deps.onStateChange()
      }
    }
    this.deps.onTrackChange(kind, track)
  }

  /** A fresh MediaStream object per change so <video srcObject> reliably picks up new tracks. */
  private publish(): void {
    const tracks = [this.tracks.audio, this.tracks.video].filter((t): t is MediaStreamTrack => !!t)
    const stream = tracks.length > 0 ? this.deps.createMediaStream(tracks) : null
    const selected = {
      cameraId: this.tracks.video?.getSettings().deviceId ?? this.state.cameraId,
      microphoneId: this.tracks.audio?.getSettings().deviceId ?? this.state.microphoneId,
    }
    this.patch({ stream, ...selected })
  }

  private async refreshDevices(): Promise<void> {
    const { cameras, microphones } = await listDevices(this.deps.mediaDevices)
    this.patch({ cameras, microphones })
  }

  private clearedError(device: MediaErrorInfo['device']): MediaErrorInfo | null {
    const error = this.state.error
    return error && error.device === device ? null : error
  }

  private patch(partial: Partial<LocalMediaState>): void {
    this.deps.store.setState((s) => ({ local: { ...s.local, ...partial } }))
  }

  /** Device operations must not interleave (two prompts, or a switch racing a toggle). */
  private serialize(task: () => Promise<void>): Promise<void> {
    const run = this.busy.then(task, task)
    this.busy = run.catch((error: unknown) => console.error('local media operation failed', error))
    return this.busy
  }
}
