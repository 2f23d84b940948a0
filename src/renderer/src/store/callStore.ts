/**
 * Call state the UI renders. Only session/ writes here; components read with selectors.
 * Media objects (MediaStream) live in the store by reference: they are stable, not per-frame data.
 */
import { createStore } from 'zustand/vanilla'
import type { ErrorCode, RoomInfo } from '../../../shared/protocol'
import type { DeviceOption, MediaErrorInfo } from '../media/types'

export type { DeviceOption, MediaErrorInfo, MediaErrorKind } from '../media/types'

export type CallPhase = 'lobby' | 'joining' | 'in-call' | 'reconnecting'

/**
 * Error codes the UI translates: signaling protocol codes, plus client-side ones.
 * MEDIA_* carry the device problem; the UI picks the string by code, `message` is an English fallback.
 */
export type ClientErrorCode =
  | 'CONNECTION_FAILED'
  | 'TIMEOUT'
  | 'KICKED'
  | 'MEDIA_DENIED'
  | 'MEDIA_BUSY'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_UNSUPPORTED'
  | 'MEDIA_UNKNOWN'
  | 'SCREEN_SHARE_FAILED'
export type CallErrorCode = ErrorCode | ClientErrorCode

export interface CallError {
  code: CallErrorCode
  message: string
  /** Values for the translated message, e.g. { capacity: 2 } for ROOM_FULL. */
  params?: Record<string, string | number>
}

/** 'reconnecting': the link worked and lost its path; ICE is being restarted. */
export type PeerConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed'

/** State of the signaling link while in a call: 'reconnecting' keeps media running. */
export type SignalingStatus = 'idle' | 'connected' | 'reconnecting' | 'failed'

export interface ScreenShare {
  /** MediaStream.id: stable key for tiles. */
  id: string
  stream: MediaStream
}

export interface Participant {
  id: string
  name: string
  isSelf: boolean
  /**
   * What the participant says it sends (its media message); null until it has said, so a tile
   * claims neither "muted" nor "camera off" while its peer is still connecting.
   */
  audioEnabled: boolean | null
  videoEnabled: boolean | null
  cameraStream: MediaStream | null
  screenStreams: ScreenShare[]
  /** Always 'connected' for self. */
  connection: PeerConnectionStatus
}

export interface LocalMediaState {
  /** Camera + microphone preview / outgoing stream; null when nothing could be acquired. */
  stream: MediaStream | null
  audioEnabled: boolean
  videoEnabled: boolean
  cameraId: string | null
  microphoneId: string | null
  cameras: DeviceOption[]
  microphones: DeviceOption[]
  /** True while getUserMedia is pending (preview spinner). */
  acquiring: boolean
  error: MediaErrorInfo | null
  /** Own active screen shares (also mirrored as self participant's screenStreams). */
  screenShares: ScreenShare[]
}

export interface SelfInfo {
  id: string
  name: string
}

export interface CallState {
  phase: CallPhase
  error: CallError | null
  signaling: SignalingStatus
  serverUrl: string | null
  self: SelfInfo | null
  room: RoomInfo | null
  participants: Record<string, Participant>
  local: LocalMediaState
}

export const initialLocalMedia: LocalMediaState = {
  stream: null,
  audioEnabled: true,
  videoEnabled: true,
  cameraId: null,
  microphoneId: null,
  cameras: [],
  microphones: [],
  acquiring: false,
  error: null,
  screenShares: [],
}

export function initialCallState(): CallState {
  return {
    phase: 'lobby',
    error: null,
    signaling: 'idle',
    serverUrl: null,
    self: null,
    room: null,
    participants: {},
    local: { ...initialLocalMedia },
  }
}

export function createCallStore() {
  return createStore<CallState>()(() => initialCallState())
}
export type CallStore = ReturnType<typeof createCallStore>

/** The app-wide instance the UI reads and the singleton session writes. */
export const callStore = createCallStore()
