import { describe, expect, it } from 'vitest'
import { debugIceTransportPolicy, withIceTransportPolicy } from './debugIcePolicy'

describe('debug ICE policy', () => {
  it('is relay only when the address says debug-ice-relay-only=1', () => {
    expect(debugIceTransportPolicy('?room=a&debug-ice-relay-only=1')).toBe('relay')
    expect(debugIceTransportPolicy('?debug-ice-relay-only=true')).toBeNull()
    expect(debugIceTransportPolicy('?room=a')).toBeNull()
    expect(debugIceTransportPolicy('')).toBeNull()
  })

  it('adds the policy to a link configuration and leaves it alone otherwise', () => {
    const config: RTCConfiguration = { iceServers: [], bundlePolicy: 'max-bundle' }
    expect(withIceTransportPolicy(config, 'relay')).toEqual({
      ...config,
      iceTransportPolicy: 'relay',
    })
    expect(withIceTransportPolicy(config, null)).toBe(config)
  })
})
