import { describe, expect, it } from 'vitest'
import { isOriginAllowed } from './origin'

describe('isOriginAllowed', () => {
  const host = 'moim.example.com'
  it.each<[string | undefined, boolean, string]>([
    [undefined, true, 'native client without Origin'],
    ['app://moim', true, 'the desktop app'],
    ['https://moim.example.com', true, 'same origin'],
    ['http://moim.example.com', true, 'same origin over http (TLS ends at the proxy)'],
    ['https://moim.example.com:8443', false, 'same host, other port'],
    ['https://evil.example', false, 'foreign site'],
    ['https://moim.example.com.evil.example', false, 'suffix trick'],
    ['null', false, 'opaque origin (sandboxed iframe, file:)'],
    ['file://', false, 'file page'],
    ['app://moim.evil', false, 'look-alike app origin'],
  ])('%s -> %s (%s)', (origin, allowed) => {
    expect(isOriginAllowed(origin, host, [])).toBe(allowed)
  })

  it('allows configured origins exactly, or any with "*"', () => {
    expect(isOriginAllowed('https://friends.example', host, ['https://friends.example'])).toBe(true)
    expect(isOriginAllowed('https://friends.example.evil', host, ['https://friends.example'])).toBe(
      false,
    )
    expect(isOriginAllowed('https://anything.example', host, ['*'])).toBe(true)
  })

  it('refuses browser origins when the request has no Host header', () => {
    expect(isOriginAllowed('https://moim.example.com', undefined, [])).toBe(false)
  })
})
