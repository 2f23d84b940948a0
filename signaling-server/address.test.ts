import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { addressKey, clientAddress, isLoopbackAddress } from './address'

function request(remote: string, forwarded?: string | string[]): IncomingMessage {
  return {
    socket: { remoteAddress: remote },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  } as unknown as IncomingMessage
}

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress(request('::ffff:10.0.0.9', '6.6.6.6'), 0)).toBe('10.0.0.9')
  })

  it('counts trusted hops from the right, so a client-written entry is never used', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; nginx appended the real address.
    const req = request('127.0.0.1', '6.6.6.6, 203.0.113.7')
    expect(clientAddress(req, 1)).toBe('203.0.113.7')
    // CDN then nginx: the CDN appended the client, nginx appended the CDN.
    const twoHops = request('127.0.0.1', '6.6.6.6, 203.0.113.7, 198.51.100.2')
    expect(clientAddress(twoHops, 2)).toBe('203.0.113.7')
    expect(clientAddress(request('127.0.0.1', ['6.6.6.6', '203.0.113.7']), 1)).toBe('203.0.113.7')
  })

  it('uses the left-most entry when fewer proxies wrote the header, and the socket for junk', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.7'), 2)).toBe('203.0.113.7')
    expect(clientAddress(request('127.0.0.1', 'not-an-ip'), 1)).toBe('127.0.0.1')
    expect(clientAddress(request('127.0.0.1', ''), 1)).toBe('127.0.0.1')
  })
})

describe('addressKey', () => {
  it('groups IPv6 addresses by /64 and unmaps IPv4-mapped ones', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1')
  })
})

describe('isLoopbackAddress', () => {
  it('knows IPv4, IPv6 and mapped loopback', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('::1')).toBe(true)
    expect(isLoopbackAddress('192.168.1.2')).toBe(false)
    expect(isLoopbackAddress(undefined)).toBe(false)
  })
})
