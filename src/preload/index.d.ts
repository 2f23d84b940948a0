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

/** Why "Share system audio" is not offered on this computer. */
export type SystemAudioLimit =
  /** macOS older than 12.3 (no ScreenCaptureKit). */
  | 'macos-too-old'
  /** Linux without a PulseAudio (or PipeWire's pulse) sound server. */
  | 'no-pulseaudio'
  /** Any other OS. */
  | 'unsupported-os'

export interface ScreenShareCapabilities {
  /** The OS picker (macOS 15+, Wayland portal) answers getDisplayMedia; skip Moim's picker. */
  systemPicker: boolean
  /**
   * "Share system audio" can be offered: Windows, macOS 12.3+, Linux with PulseAudio/PipeWire
   * (Chromium's loopback capture).
   */
  systemAudio: boolean
  /** Why it cannot, when systemAudio is false; null when it can. */
  systemAudioLimit: SystemAudioLimit | null
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
  /** The room of the call (shown in the tray), or null outside a call. */
  room: string | null
}

/** From the tray menu, or a click on a chat notification ('open-chat'). */
export type TrayAction = 'toggle-mute' | 'leave' | 'open-chat'

export type MediaAccessKind = 'camera' | 'microphone' | 'screen'
export type MediaAccessStatus = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown'

export interface ChatNotification {
  /** 1..100 characters. */
  title: string
  /** 0..300 characters (longer text is cut with an ellipsis). */
  body: string
}

/**
 * The automatic updater, as the UI shows it. Updates are only checked in a packaged app whose
 * build names an update feed; checks and downloads wait while the user is in a call.
 */
export type UpdateStatus =
  /**
   * development: not a packaged app; no-feed: the build names no update feed; unsupported: an
   * installation that cannot replace itself (a Linux build that is neither AppImage nor deb).
   */
  | { state: 'off'; reason: UpdateOffReason }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date' }
  /** Found; the download starts when the current call ends. */
  | { state: 'available'; version: string }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string }

export type UpdateOffReason = 'development' | 'no-feed' | 'unsupported'

export type RestartToUpdateResult = { ok: true } | { ok: false; reason: 'in-call' | 'not-ready' }

/** What closing the window does during a call (outside a call it closes as usual). */
export type CloseDuringCall = 'ask' | 'tray' | 'quit'

export interface DesktopPreferences {
  closeDuringCall: CloseDuringCall
}

/** The user closed the window during a call: ask them (confirm) or leave the call and close. */
export interface CloseRequest {
  confirm: boolean
}

export interface CloseDecision {
  /** quit: leave the call, then close; tray: keep the call in the tray; cancel: stay. */
  action: 'quit' | 'tray' | 'cancel'
  /** Make this the answer from now on (ignored for cancel). */
  remember: boolean
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

  /**
   * Saving a received file: the main process shows the save dialog (the renderer never names a
   * path) and then takes the bytes in order, at most 8 MiB per chunk.
   */
  files: {
    /** A token for the file's bytes, or null when the user cancelled the dialog. */
    saveBegin(file: { name: string; size: number }): Promise<string | null>
    saveChunk(token: string, offset: number, bytes: Uint8Array): Promise<void>
    /** True when every byte arrived; a short file is deleted. */
    saveEnd(token: string): Promise<boolean>
    /** Stops the save and deletes what was written. */
    saveAbort(token: string): Promise<void>
  }

  updates: {
    getStatus(): Promise<UpdateStatus>
    /** Checks now (Settings' "Check for updates"); waits for the end of a call like any check. */
    check(): Promise<UpdateStatus>
    /** Quits and installs a downloaded update; refused during a call. */
    restartToUpdate(): Promise<RestartToUpdateResult>
    onStatus(callback: (status: UpdateStatus) => void): Unsubscribe
  }

  preferences: {
    get(): Promise<DesktopPreferences>
    set(patch: Partial<DesktopPreferences>): Promise<DesktopPreferences>
  }

  window: {
    /** The user closed the window during a call (with the "ask" or "quit" preference). */
    onCloseRequested(callback: (request: CloseRequest) => void): Unsubscribe
    /** The answer to the latest close request. */
    respondToClose(decision: CloseDecision): void
  }
}

declare global {
  interface Window {
    moim?: MoimDesktopApi
  }
}
