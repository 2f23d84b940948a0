/**
 * Per-link figures from two successive getStats() reports of one RTCPeerConnection. Counters
 * (bytes, packets) only mean something as a difference, so a reading keeps the raw counters of
 * its report and the figures are computed against the previous reading.
 *
 * Which stats are used (W3C webrtc-stats): the selected candidate-pair (RTT, available outgoing
 * bitrate, local/remote candidate types), inbound-rtp (received bytes/packets, jitter, frames),
 * outbound-rtp (sent bytes, frames, qualityLimitationReason), remote-inbound-rtp (the peer's view
 * of what we send: fraction lost, RTT), codec (mime types) and media-source (which outbound
 * stream carries the camera track).
 */

export interface VideoFormat {
  width: number
  height: number
  /** Frames per second, when the browser reports it. */
  fps: number | null
}

export type LinkPath = 'direct' | 'relay'

export interface LinkFigures {
  /** Report timestamp, milliseconds. */
  at: number
  /** Round-trip time of the selected candidate pair (or RTCP), milliseconds. */
  rttMs: number | null
  /** Fraction (0..1) of packets from the peer lost over the last interval. */
  lossIn: number | null
  /** Fraction (0..1) of our packets the peer reported lost (RTCP receiver reports). */
  lossOut: number | null
  /** Inbound jitter, milliseconds (audio when there is audio, else video). */
  jitterMs: number | null
  /** Everything received / sent on the link's RTP streams, bits per second. */
  bitrateIn: number | null
  bitrateOut: number | null
  /** Sent video of every kind (camera and screens), bits per second. */
  videoBitrateOut: number | null
  /** Sent camera video alone, bits per second. */
  cameraBitrateOut: number | null
  videoIn: VideoFormat | null
  /** Our camera as encoded for this peer. */
  videoOut: VideoFormat | null
  codecIn: string | null
  codecOut: string | null
  /** Why the camera encoder is held back: 'none', 'bandwidth', 'cpu', 'other'. */
  qualityLimitationReason: string | null
  /** The congestion controller's estimate for everything we send on the link, bits/s. */
  availableOutgoingBitrate: number | null
  path: LinkPath | null
}

/** Raw counters of one report, kept for the next difference. */
export interface StatsCounters {
  at: number
  bytesIn: number
  bytesOut: number
  videoBytesOut: number
  cameraBytesOut: number
  packetsIn: number
  packetsLostIn: number
}

export interface StatsReading {
  figures: LinkFigures
  counters: StatsCounters
}

/** The shape of one stats entry as far as this module reads it. */
type Entry = Record<string, unknown> & { id: string; type: string; timestamp?: number }

/** RTCStatsReport, or any map-like of entries (test fixtures). */
export interface StatsReportLike {
  forEach(callback: (value: unknown) => void): void
}

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function entriesOf(report: StatsReportLike): Map<string, Entry> {
  const entries = new Map<string, Entry>()
  report.forEach((value) => {
    const entry = value as Entry
    if (entry && typeof entry.id === 'string' && typeof entry.type === 'string')
      entries.set(entry.id, entry)
  })
  return entries
}

function selectedPair(entries: Map<string, Entry>): Entry | null {
  for (const entry of entries.values()) {
    if (entry.type !== 'transport') continue
    const pair = entries.get(str(entry.selectedCandidatePairId) ?? '')
    if (pair) return pair
  }
  // Browsers without transport stats (Firefox) flag the pair itself.
  for (const entry of entries.values()) {
    if (entry.type === 'candidate-pair' && entry.state === 'succeeded' && entry.nominated === true)
      return entry
  }
  return null
}

function pathOf(entries: Map<string, Entry>, pair: Entry | null): LinkPath | null {
  if (!pair) return null
  const local = entries.get(str(pair.localCandidateId) ?? '')
  const remote = entries.get(str(pair.remoteCandidateId) ?? '')
  if (!local && !remote) return null
  return local?.candidateType === 'relay' || remote?.candidateType === 'relay' ? 'relay' : 'direct'
}

function codecName(entries: Map<string, Entry>, rtp: Entry | undefined): string | null {
  const mime = str(entries.get(str(rtp?.codecId) ?? '')?.mimeType)
  return mime ? mime.replace(/^(audio|video)\//, '') : null
}

function formatOf(rtp: Entry | undefined): VideoFormat | null {
  const width = num(rtp?.frameWidth)
  const height = num(rtp?.frameHeight)
  if (!width || !height) return null
  return { width, height, fps: num(rtp?.framesPerSecond) }
}

const rate = (bytes: number, prevBytes: number, seconds: number): number =>
  Math.max(0, ((bytes - prevBytes) * 8) / seconds)

/**
 * Figures of a report; rates need the previous reading (null on the first). cameraTrackId names
 * the local camera track so its outbound stream is told apart from screen shares.
 */
export function readStats(
  report: StatsReportLike,
  previous: StatsCounters | null,
  cameraTrackId: string | null,
): StatsReading {
  const entries = entriesOf(report)
  const pair = selectedPair(entries)
  let at = num(pair?.timestamp) ?? 0
  const counters: StatsCounters = {
    at,
    bytesIn: 0,
    bytesOut: 0,
    videoBytesOut: 0,
    cameraBytesOut: 0,
    packetsIn: 0,
    packetsLostIn: 0,
  }
  let audioJitter: number | null = null
  let videoJitter: number | null = null
  let videoIn: Entry | undefined
  let cameraOut: Entry | undefined
  let lossOut: number | null = null
  let remoteRtt: number | null = null

  for (const entry of entries.values()) {
    at = Math.max(at, num(entry.timestamp) ?? 0)
    if (entry.type === 'inbound-rtp') {
      counters.bytesIn += num(entry.bytesReceived) ?? 0
      counters.packetsIn += num(entry.packetsReceived) ?? 0
      counters.packetsLostIn += Math.max(0, num(entry.packetsLost) ?? 0)
      const jitter = num(entry.jitter)
      if (entry.kind === 'audio') audioJitter = Math.max(audioJitter ?? 0, jitter ?? 0)
      else if (entry.kind === 'video') {
        videoJitter = Math.max(videoJitter ?? 0, jitter ?? 0)
        // The largest incoming picture is the one worth describing (a screen over a camera).
        if (!videoIn || (num(entry.frameWidth) ?? 0) > (num(videoIn.frameWidth) ?? 0))
          videoIn = entry
      }
    } else if (entry.type === 'outbound-rtp') {
      const bytes = num(entry.bytesSent) ?? 0
      counters.bytesOut += bytes
      if (entry.kind !== 'video') continue
      counters.videoBytesOut += bytes
      const source = entries.get(str(entry.mediaSourceId) ?? '')
      if (cameraTrackId !== null && source?.trackIdentifier === cameraTrackId) {
        counters.cameraBytesOut += bytes
        cameraOut = entry
      }
    } else if (entry.type === 'remote-inbound-rtp') {
      const lost = num(entry.fractionLost)
      if (lost !== null) lossOut = Math.max(lossOut ?? 0, lost)
      const rtt = num(entry.roundTripTime)
      if (rtt !== null) remoteRtt = Math.max(remoteRtt ?? 0, rtt)
    }
  }
  counters.at = at

  const seconds = previous ? (at - previous.at) / 1000 : 0
  const fresh = previous !== null && seconds > 0
  let lossIn: number | null = null
  if (fresh) {
    const lost = counters.packetsLostIn - previous.packetsLostIn
    const received = counters.packetsIn - previous.packetsIn
    lossIn = lost + received > 0 ? Math.max(0, lost) / (Math.max(0, lost) + received) : 0
  }
  const pairRtt = num(pair?.currentRoundTripTime)
  const rttSeconds = pairRtt ?? remoteRtt
  const jitter = audioJitter ?? videoJitter
  const camera = cameraOut

  const figures: LinkFigures = {
    at,
    rttMs: rttSeconds === null ? null : Math.round(rttSeconds * 1000),
    lossIn,
    lossOut,
    jitterMs: jitter === null ? null : Math.round(jitter * 1000),
    bitrateIn: fresh ? rate(counters.bytesIn, previous.bytesIn, seconds) : null,
    bitrateOut: fresh ? rate(counters.bytesOut, previous.bytesOut, seconds) : null,
    videoBitrateOut: fresh ? rate(counters.videoBytesOut, previous.videoBytesOut, seconds) : null,
    cameraBitrateOut: fresh
      ? rate(counters.cameraBytesOut, previous.cameraBytesOut, seconds)
      : null,
    videoIn: formatOf(videoIn),
    videoOut: formatOf(camera),
    codecIn: codecName(entries, videoIn),
    codecOut: codecName(entries, camera),
    qualityLimitationReason: str(camera?.qualityLimitationReason),
    availableOutgoingBitrate: num(pair?.availableOutgoingBitrate),
    path: pathOf(entries, pair),
  }
  return { figures, counters }
}
