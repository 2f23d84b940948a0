/**
 * A debug switch for the web client: `?debug-ice-relay-only=1` in the page's address makes every
 * peer connection use relayed (TURN) candidates only, so a TURN setup can be checked end to end
 * with the app itself (the TURN E2E does). It only narrows what ICE may use: without a TURN
 * server the call then cannot connect, which is what the switch is for diagnosing. The desktop
 * app's renderer never reads it (its address is fixed).
 */
export const DEBUG_RELAY_ONLY_PARAM = 'debug-ice-relay-only'

/** "relay" when the address asks for it with the value 1, else null (browser default: all). */
export function debugIceTransportPolicy(search: string): RTCIceTransportPolicy | null {
  return new URLSearchParams(search).get(DEBUG_RELAY_ONLY_PARAM) === '1' ? 'relay' : null
}

export function withIceTransportPolicy(
  config: RTCConfiguration,
  policy: RTCIceTransportPolicy | null,
): RTCConfiguration {
  return policy ? { ...config, iceTransportPolicy: policy } : config
}
