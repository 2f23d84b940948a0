/** The app's session, wired to the browser's real WebRTC, media devices and Socket.IO. */
import { callStore } from '../store/callStore'
import { speakingStore } from '../store/speakingStore'
import { createSession } from './createSession'

export { createSession, type SessionDeps } from './createSession'
export { resolveServerUrl } from './serverUrl'
export { MAX_SCREEN_SHARES } from './screenShareController'
export type { JoinOptions, ScreenShareOptions, ScreenShareQuality, Session } from './types'

/** What browsers make by default for each connection: ECDSA on P-256. */
const ECDSA_P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' }

export const session = createSession({
  callStore,
  speakingStore,
  mediaDevices: typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined,
  createPeerConnection: (config) => new RTCPeerConnection(config),
  createMediaStream: (tracks) => new MediaStream(tracks),
  createAudioContext: () => (typeof AudioContext === 'function' ? new AudioContext() : null),
  generateCertificate:
    typeof RTCPeerConnection === 'function' &&
    typeof RTCPeerConnection.generateCertificate === 'function'
      ? () => RTCPeerConnection.generateCertificate(ECDSA_P256)
      : undefined,
})
