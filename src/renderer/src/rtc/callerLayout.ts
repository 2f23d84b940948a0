/**
 * What the side that calls (the newcomer) puts into a new connection before its first offer,
 * in this order: the camera audio and video transceivers, then the data channels. The answerer
 * mirrors it; docs/protocol.md documents it for other clients.
 */
import { CHANNEL_INIT, CONTROL_LABEL, VOLATILE_LABEL } from '../../../shared/channel/labels'
import type { VideoBudget } from './videoBudget'

/** The data channels every call link has from its first offer (others open on demand). */
export const CALLER_CHANNELS: readonly { label: string; init: RTCDataChannelInit }[] = [
  { label: CONTROL_LABEL, init: CHANNEL_INIT.control },
  { label: VOLATILE_LABEL, init: CHANNEL_INIT.volatile },
]

/** The local camera at the time the layout is made (tracks may be null: sendrecv regardless). */
export interface LayoutCamera {
  stream: MediaStream | null
  audio: MediaStreamTrack | null
  video: MediaStreamTrack | null
}

export interface CallerSetup {
  audio: RTCRtpTransceiver
  video: RTCRtpTransceiver
  channels: RTCDataChannel[]
  /** The stream the senders announce (msid). */
  stream: MediaStream | null
  /** The camera budget the video sender was made with, if any. */
  budget: VideoBudget | null
}

export function addCallerLayout(
  pc: RTCPeerConnection,
  camera: LayoutCamera,
  budget: VideoBudget | null,
): CallerSetup {
  const streams = camera.stream ? [camera.stream] : []
  const audio = pc.addTransceiver(camera.audio ?? 'audio', { direction: 'sendrecv', streams })
  // One explicit encoding carrying the budget: the encoder starts at it, and a link with another
  // budget can change it with setParameters before the first offer.
  const video = pc.addTransceiver(camera.video ?? 'video', {
    direction: 'sendrecv',
    streams,
    sendEncodings: [{ active: true, ...budget }],
  })
  const channels = CALLER_CHANNELS.map(({ label, init }) => pc.createDataChannel(label, init))
  return { audio, video, channels, stream: camera.stream, budget }
}
