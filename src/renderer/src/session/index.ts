/** The app's session, wired to the browser's real WebRTC, media devices and Socket.IO. */
import { translate } from '../i18n/translate'
import { languageStore } from '../i18n/languageStore'
import { getDesktopApi } from '../platform/desktop'
import { callStore } from '../store/callStore'
import { audioStore } from '../store/audioStore'
import { chatStore } from '../store/chatStore'
import { gameStore } from '../store/gameStore'
import { fileProgressStore } from '../store/fileProgressStore'
import { filesStore } from '../store/filesStore'
import { speakingStore } from '../store/speakingStore'
import { whiteboardCursorStore, whiteboardStore } from '../store/whiteboardStore'
import { screenDrawStore } from '../store/screenDrawStore'
import { debugIceTransportPolicy, withIceTransportPolicy } from '../rtc/debugIcePolicy'
import { createSession } from './createSession'
import { leaveOnPageHide } from './leaveOnPageHide'
import { browserFilesPlatform, desktopSaveFile, downloadFile } from './filesPlatform'
import { statsStore } from '../store/statsStore'
import { exposeDiagnostics } from './diagnosticsHook'

export { createSession, type SessionDeps } from './createSession'
export { resolveServerUrl } from './serverUrl'
export { MAX_SCREEN_SHARES } from './screenShareController'
export type { JoinOptions, ScreenShareOptions, ScreenShareQuality, Session } from './types'

/**
 * The level meter's context: its audio is analysed, never heard. No output device (sinkId
 * 'none') and large buffers: a sound card stream and low latency would each cost CPU in every
 * call window for nothing. Browsers without sinkId ignore it; the buffers still grow.
 */
function createMeterContext(): AudioContext | null {
  if (typeof AudioContext !== 'function') return null
  const silent: AudioContextOptions & { sinkId?: { type: 'none' } } = {
    latencyHint: 'playback',
    sinkId: { type: 'none' },
  }
  return new AudioContext(silent)
}

const desktop = getDesktopApi()

// The web client's debug switch (rtc/debugIcePolicy.ts); the desktop app ignores it.
const icePolicy = desktop ? null : debugIceTransportPolicy(globalThis.location?.search ?? '')

const CHAT_NOTIFICATIONS_KEY = 'moim.chat.notifications'
const AUDIO_SETTINGS_KEY = 'moim.audio'

function savedChatNotifications(): boolean {
  try {
    return globalThis.localStorage?.getItem(CHAT_NOTIFICATIONS_KEY) !== 'off'
  } catch {
    return true
  }
}

function saveChatNotifications(enabled: boolean): void {
  try {
    globalThis.localStorage?.setItem(CHAT_NOTIFICATIONS_KEY, enabled ? 'on' : 'off')
  } catch {
    // The choice still applies until the app closes.
  }
}

export const session = createSession({
  callStore,
  speakingStore,
  chatStore,
  whiteboardStore,
  whiteboardCursorStore,
  screenDrawStore,
  scheduleFrame: (run) =>
    typeof requestAnimationFrame === 'function'
      ? void requestAnimationFrame(() => run())
      : void setTimeout(run, 16),
  gameStore,
  audioStore,
  audioSettingsStorage: {
    load: () => globalThis.localStorage?.getItem(AUDIO_SETTINGS_KEY) ?? null,
    save: (value) => globalThis.localStorage?.setItem(AUDIO_SETTINGS_KEY, value),
  },
  canChooseSpeaker:
    typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
  statsStore,
  mediaDevices: typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined,
  createPeerConnection: (config) =>
    new RTCPeerConnection(withIceTransportPolicy(config, icePolicy)),
  createMediaStream: (tracks) => new MediaStream(tracks),
  createAudioContext: createMeterContext,
  isWindowFocused: () => typeof document === 'undefined' || document.hasFocus(),
  // The desktop app's notifications; the main process shows them only when the window is not
  // focused. A browser tab has none: its unread count is in the title and on the Chat button.
  notify: desktop
    ? (title, body) => void desktop.notify({ title, body }).catch(() => false)
    : undefined,
  describeUnread: (count) =>
    translate(languageStore.getState().language, 'chat.notifyMany', { count }),
  chatNotifications: { enabled: savedChatNotifications(), save: saveChatNotifications },
  files: {
    store: filesStore,
    progress: fileProgressStore,
    platform: browserFilesPlatform(desktop ? desktopSaveFile(desktop.files) : downloadFile),
  },
})

if (typeof window !== 'undefined') {
  leaveOnPageHide(session, window)
  // Deleting received files cannot wait for the leave to be acknowledged: the page is going.
  // Whatever a closing page cannot finish is removed at the next start (OpfsStorage.claim).
  window.addEventListener('pagehide', () => session.files.discardAll())
}
exposeDiagnostics(session.quality)
