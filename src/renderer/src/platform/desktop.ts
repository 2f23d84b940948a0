/**
 * The desktop bridge, when running inside the Moim app. The same renderer runs in a plain
 * browser (the web client), so every caller must handle null.
 */
import type { MoimDesktopApi } from '../../../preload/index.d'

export type {
  CallState,
  ChatNotification,
  CloseDecision,
  CloseDuringCall,
  CloseRequest,
  DeepLinkJoin,
  DesktopPreferences,
  DesktopPlatform,
  HostInfo,
  ListScreenSourcesRequest,
  MediaAccessKind,
  MediaAccessStatus,
  MoimDesktopApi,
  ScreenShareCapabilities,
  ScreenShareSelection,
  ScreenSource,
  ScreenSourceType,
  SystemAudioLimit,
  TrayAction,
  Unsubscribe,
  UpdateStatus,
} from '../../../preload/index.d'

export function getDesktopApi(): MoimDesktopApi | null {
  return typeof window !== 'undefined' && window.moim ? window.moim : null
}

export function isDesktopApp(): boolean {
  return getDesktopApi() !== null
}
