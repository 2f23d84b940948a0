import type { AudioApi } from './audioController'
import type { ChatApi } from './chatController'
import type { GameApi } from './gameController'
import type { FilesApi } from './filesController'
import type { WhiteboardApi } from './whiteboardController'
import type { ScreenDrawApi } from './screenDrawController'
import type { QualityApi } from './qualityController'

/** The session API the UI calls. Every method is safe to call in any phase; failures land in callStore.error. */
export interface JoinOptions {
  /** Signaling server origin, e.g. location.origin in the web client or the desktop host URL. */
  serverUrl: string
  room: string
  name: string
  password?: string
  /** Only counts when this join creates the room (2..12). */
  capacity?: number
  /** Room key from an invite link (invite-only rooms, e.g. a call hosted by the desktop app). */
  key?: string
}

export type ScreenShareQuality = 'text' | 'motion'

export interface ScreenShareOptions {
  quality: ScreenShareQuality
  /** Ask for system/tab audio where the platform offers it. */
  audio: boolean
}

export interface Session {
  /** Chat in the call (chatStore). */
  chat: ChatApi
  /** The draw-and-guess game run by the signaling server (gameStore). */
  game: GameApi
  /** File sharing in the call (filesStore, fileProgressStore). */
  files: FilesApi
  /** The shared whiteboard (whiteboardStore, whiteboardCursorStore; the board through `scene`). */
  whiteboard: WhiteboardApi
  /** Drawing over shared screens (screenDrawStore; each overlay's marks through `scene`). */
  screenDraw: ScreenDrawApi
  /** Audio settings, push-to-talk and the muted hint (audioStore). */
  audio: AudioApi
  /** Link statistics and adaptation (statsStore); read-only figures for diagnostics. */
  quality?: QualityApi
  /** Acquires camera + microphone for the lobby preview and lists devices. Never throws. */
  startPreview(): Promise<void>
  /** Releases the preview devices (e.g. when the lobby unmounts without joining). */
  stopPreview(): void
  setCamera(deviceId: string): Promise<void>
  setMicrophone(deviceId: string): Promise<void>
  toggleAudio(): Promise<void>
  toggleVideo(): Promise<void>
  /**
   * Opens the signaling connection ahead of time (call it when the lobby knows the server) so
   * Join costs one round trip instead of a connection handshake. join() works without it
   * (optional in the type so test doubles of Session need not implement it).
   */
  preconnect?(serverUrl: string): void
  /** Resolves true when in the call; false with callStore.error set when refused or failed. */
  join(options: JoinOptions): Promise<boolean>
  leave(): Promise<void>
  startScreenShare(options: ScreenShareOptions): Promise<void>
  /** Stops one share, or all of them without an id. */
  stopScreenShare(streamId?: string): void
  kick(peerId: string): Promise<void>
  /** Host only: lets someone removed from the room come back. */
  allow?(peerId: string): Promise<void>
  clearError(): void
}
