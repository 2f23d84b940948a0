/**
 * getStats() reports shaped like Chromium's (the fields linkStats reads), built from a few
 * numbers so tests can make two successive reports of one link.
 */
export interface FixtureOptions {
  at: number
  bytesIn?: number
  packetsIn?: number
  packetsLostIn?: number
  cameraBytesOut?: number
  screenBytesOut?: number
  audioBytesOut?: number
  rtt?: number
  jitter?: number
  fractionLost?: number
  available?: number
  limitation?: string
  relay?: boolean
}

export function chromiumReport(o: FixtureOptions): Map<string, Record<string, unknown>> {
  const entries: Record<string, unknown>[] = [
    { id: 'T01', type: 'transport', timestamp: o.at, selectedCandidatePairId: 'CP1' },
    {
      id: 'CP1',
      type: 'candidate-pair',
      timestamp: o.at,
      state: 'succeeded',
      nominated: true,
      localCandidateId: 'IL1',
      remoteCandidateId: 'IR1',
      currentRoundTripTime: o.rtt ?? 0.05,
      ...(o.available !== undefined ? { availableOutgoingBitrate: o.available } : {}),
    },
    { id: 'IL1', type: 'local-candidate', candidateType: o.relay ? 'relay' : 'host' },
    { id: 'IR1', type: 'remote-candidate', candidateType: 'srflx' },
    { id: 'COV', type: 'codec', mimeType: 'video/VP8' },
    { id: 'COA', type: 'codec', mimeType: 'audio/opus' },
    {
      id: 'IAudio',
      type: 'inbound-rtp',
      kind: 'audio',
      timestamp: o.at,
      bytesReceived: Math.round((o.bytesIn ?? 0) * 0.1),
      packetsReceived: Math.round((o.packetsIn ?? 0) * 0.3),
      packetsLost: Math.round((o.packetsLostIn ?? 0) * 0.3),
      jitter: o.jitter ?? 0.012,
      codecId: 'COA',
    },
    {
      id: 'IVideo',
      type: 'inbound-rtp',
      kind: 'video',
      timestamp: o.at,
      bytesReceived: Math.round((o.bytesIn ?? 0) * 0.9),
      packetsReceived: Math.round((o.packetsIn ?? 0) * 0.7),
      packetsLost: Math.round((o.packetsLostIn ?? 0) * 0.7),
      jitter: 0.03,
      frameWidth: 640,
      frameHeight: 360,
      framesPerSecond: 30,
      codecId: 'COV',
    },
    { id: 'SCam', type: 'media-source', kind: 'video', trackIdentifier: 'camera-track' },
    { id: 'SScreen', type: 'media-source', kind: 'video', trackIdentifier: 'screen-track' },
    {
      id: 'OAudio',
      type: 'outbound-rtp',
      kind: 'audio',
      timestamp: o.at,
      bytesSent: o.audioBytesOut ?? 0,
      codecId: 'COA',
    },
    {
      id: 'OCam',
      type: 'outbound-rtp',
      kind: 'video',
      timestamp: o.at,
      mediaSourceId: 'SCam',
      bytesSent: o.cameraBytesOut ?? 0,
      frameWidth: 320,
      frameHeight: 180,
      framesPerSecond: 15,
      qualityLimitationReason: o.limitation ?? 'none',
      codecId: 'COV',
    },
    { id: 'RCam', type: 'remote-inbound-rtp', kind: 'video', fractionLost: o.fractionLost ?? 0 },
  ]
  if (o.screenBytesOut !== undefined) {
    entries.push({
      id: 'OScreen',
      type: 'outbound-rtp',
      kind: 'video',
      timestamp: o.at,
      mediaSourceId: 'SScreen',
      bytesSent: o.screenBytesOut,
      frameWidth: 1920,
      frameHeight: 1080,
      codecId: 'COV',
    })
  }
  return new Map(entries.map((entry) => [entry.id as string, entry]))
}
