/**
 * The configuration of every link's connection. One transport for audio, video and data from
 * the start (max-bundle): gathering, connectivity checks and the DTLS handshake happen once per
 * peer instead of once per media kind.
 */
export function linkConfiguration(iceServers: RTCIceServer[]): RTCConfiguration {
  return { iceServers, bundlePolicy: 'max-bundle' }
}
