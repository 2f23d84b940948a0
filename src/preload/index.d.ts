/**
 * The only bridge between Moim's renderer and the Electron main process.
 * Present as `window.moim` in the desktop app, absent in the web client: renderer code gets it
 * through `getDesktopApi()` (src/renderer/src/platform) and must work when it is null.
 */

export type DesktopPlatform = 'darwin' | 'win32' | 'linux' | 'other'

export type ScreenSourceType = 'screen' | 'window'

export interface ScreenSource {
  /** desktopCapturer id, e.g. "screen:0:0" or "window:1234:0". */
  id: string
  name: string
  type: ScreenSourceType
  /** Display id for screens, "" for windows. */
  displayId: string
  /** PNG data URL ("data:image/png;base64,...") or "" when the OS gave no thumbnail. */
  thumbnail: string
  /** PNG data URL of the owning app's icon (windows only), or null. */
  appIcon: string | null
}

export interface ListScreenSourcesRequest {
  types: ScreenSourceType[]
  /** Thumbnail box in pixels (each side 0..1920); defaults to 320x180. */
  thumbnailSize?: { width: number; height: number }
}

export interface ScreenShareCapabilities {
  /** The OS picker (macOS 15+, Wayland portal) answers getDisplayMedia; skip Moim's picker. */
  systemPicker: boolean
  /** "Share system audio" can be offered (loopback audio on Windows). */
  systemAudio: boolean
  /** The user's last "Share system audio" choice. */
  rememberedAudio: boolean
}

export interface ScreenShareSelection {
  /** An id returned by the latest listSources() call. */
  sourceId: string
  /** Capture system audio (ignored where capabilities.systemAudio is false). */
  audio: boolean
}

export interface HostInfo {
  /** Where this app reaches its own bundled server, e.g. "http://127.0.0.1:51234". */
  serverUrl: string
  /**
   * While hosting: HTTPS URLs friends on the same network can use, e.g.
   * ["https://192.168.1.20:51235"]. Empty when not hosting (the server is loopback-only then).
   */
  lanUrls: string[]
  /** True while the local-network listener is open (see setHosting). */
  hosting: boolean
  /** SHA-256 fingerprint of the hosted server's certificate ("AB:CD:…"), shown in invites. */
  certificateFingerprint: string | null
  /** The same digest as base64url, pinned by moim:// invite links (`cert=`). */
  certificatePin: string | null
}

export interface DeepLinkJoin {
  room: string
  /** Signaling server from the link (http/https origin), or null for "use my own". */
  server: string | null
  /** Room key of an invite-only (hosted) call; the join must send it. */
  key?: string
  /** base64url SHA-256 of the server's self-signed certificate, which the app then accepts. */
  cert?: string
}

export interface CallState {
  inCall: boolean
  muted: boolean
}

export type TrayAction = 'toggle-mute' | 'leave'

export type MediaAccessKind = 'camera' | 'microphone' | 'screen'
export type MediaAccessStatus = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown'

export interface ChatNotification {
  /** 1..100 characters. */
  title: string
  /** 0..300 characters (longer text is cut with an ellipsis). */
  body: string
}

/** Unsubscribe function returned by every on*() subscription. */
export type Unsubscribe = () => void

export interface MoimDesktopApi {
  readonly platform: DesktopPlatform

  /** The bundled signaling server this app hosts, or null when it is not running. */
  getHostInfo(): Promise<HostInfo | null>

  /**
   * Opens (true) or closes (false) the bundled server to the local network. Call with true
   * while in a call through the bundled server, false when it ends; resolves with the host info.
   */
  setHosting(enabled: boolean): Promise<HostInfo | null>

  screenShare: {
    getCapabilities(): Promise<ScreenShareCapabilities>
    listSources(request: ListScreenSourcesRequest): Promise<ScreenSource[]>
    /** Must be called right before navigator.mediaDevices.getDisplayMedia(). */
    select(selection: ScreenShareSelection): Promise<void>
    /** Shows the always-on-top "You are sharing — Stop" bar. */
    sharingStarted(): Promise<void>
    /** Hides the bar. */
    sharingStopped(): Promise<void>
    /** Used by the sharing bar's Stop button; the main window then gets onStopRequested. */
    requestStop(): void
    /** The user pressed Stop on the sharing bar. */
    onStopRequested(callback: () => void): Unsubscribe
  }

  /**
   * moim://join links. Links that arrived before the first subscription are delivered to it
   * right after subscribing, so subscribe once at startup.
   */
  onDeepLink(callback: (link: DeepLinkJoin) => void): Unsubscribe

  call: {
    /** Keeps the tray menu (Mute/Unmute, Leave) in step with the call. */
    setState(state: CallState): void
    onTrayAction(callback: (action: TrayAction) => void): Unsubscribe
  }

  /** Shows an OS notification when the window is not focused; resolves true if shown. */
  notify(notification: ChatNotification): Promise<boolean>

  media: {
    getAccessStatus(kind: MediaAccessKind): Promise<MediaAccessStatus>
    /** macOS asks the user; elsewhere resolves true (the OS does not gate apps). */
    askForAccess(kind: 'camera' | 'microphone'): Promise<boolean>
    /** Opens the matching pane of System Settings (macOS) or OS privacy settings. */
    openSystemSettings(kind: MediaAccessKind): Promise<void>
  }

  /**
   * Opens an http(s) URL in the default browser; rejects anything else. Links from chat
   * (`source: 'chat'`) are shown to the user in a confirmation dialog first. Resolves true
   * when the link was opened, false when the user declined.
   */
  openExternal(url: string, options?: { source?: 'chat' }): Promise<boolean>
}

declare global {
  interface Window {
    moim?: MoimDesktopApi
  }
}
